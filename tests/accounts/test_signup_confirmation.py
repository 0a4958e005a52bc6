"""Sign-up confirmation: a new account stays inactive until the link emailed to its address is
opened; the link is signed and expires; a forged or expired link gets a clear page and a way to
ask for a new one; the resend form never tells who has an account."""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail, signing

from academy.accounts.models import User
from academy.accounts.services import CONFIRMATION_LINK_MAX_AGE, signup_confirmation_token
from academy.accounts.views import RESEND_LIMIT
from tests.accounts.test_accounts import SIGNUP_URL, confirmation_link, signup_data
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

RESEND_URL = "/en/accounts/signup/resend/"
LOGIN_URL = "/en/accounts/login/"


@pytest.fixture
def signed_up(client, django_capture_on_commit_callbacks):
    """A visitor who has just signed up (in Bosnian): their account and the email they got."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data(email="amra@lap.example"))
    [message] = mail.outbox
    return User.objects.get(email="amra@lap.example"), message


def test_the_confirmation_email_goes_to_the_address_in_the_learners_language(signed_up):
    _user, message = signed_up

    assert message.to == ["amra@lap.example"]
    # Bosnian was chosen at sign-up, so the link opens the site in Bosnian.
    assert "/bs/accounts/confirm/" in confirmation_link(message)


def test_an_unconfirmed_account_cannot_log_in(client, signed_up):
    response = client.post(
        LOGIN_URL, {"username": "amra@lap.example", "password": signup_data()["password1"]}
    )

    assert response.status_code == 200
    assert client.session.get(SESSION_KEY) is None
    assert "/en/accounts/signup/resend/" in response.content.decode()


def test_the_link_activates_the_account_and_logs_it_in(client, signed_up):
    user, message = signed_up

    response = client.get(confirmation_link(message), follow=True)

    user.refresh_from_db()
    assert user.is_active
    assert client.session[SESSION_KEY] == str(user.pk)
    assert "Vaša e-mail adresa je potvrđena" in response.content.decode()  # in their Bosnian


def test_a_link_opened_twice_asks_to_log_in_the_second_time(client, signed_up):
    _user, message = signed_up
    client.get(confirmation_link(message))
    client.logout()

    response = client.get(confirmation_link(message))

    assert response.status_code == 302
    assert response.url == "/bs/accounts/login/"
    assert client.session.get(SESSION_KEY) is None


def test_a_forged_link_is_refused_with_a_clear_page(client, signed_up):
    user, message = signed_up
    forged = confirmation_link(message).replace("/confirm/", "/confirm/x")

    response = client.get(forged)

    assert response.status_code == 400
    assert "Ovaj link za potvrdu nije ispravan" in response.content.decode()
    assert 'action="/bs/accounts/signup/resend/"' in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active


def test_an_expired_link_is_refused_and_offers_a_new_one(client, signed_up, monkeypatch):
    user, _message = signed_up
    made_long_ago = time.time() - CONFIRMATION_LINK_MAX_AGE.total_seconds() - 60
    monkeypatch.setattr(signing.time, "time", lambda: made_long_ago)
    token = signup_confirmation_token(user=user)
    monkeypatch.undo()

    response = client.get(f"/en/accounts/confirm/{token}/")

    assert response.status_code == 400
    assert "This confirmation link has expired" in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active


def test_a_link_for_an_address_changed_since_is_refused(client, signed_up):
    user, message = signed_up
    User.objects.filter(pk=user.pk).update(email="another@lap.example")

    response = client.get(confirmation_link(message))

    assert response.status_code == 400
    assert not User.objects.get(pk=user.pk).is_active


def test_an_old_link_does_not_revive_an_account_staff_deactivated(client):
    learner = UserFactory(email="left@lap.example")
    User.objects.filter(pk=learner.pk).update(is_active=False, last_login="2026-01-05T10:00Z")
    token = signup_confirmation_token(user=learner)

    response = client.get(f"/en/accounts/confirm/{token}/")

    assert response.status_code == 400
    assert not User.objects.get(pk=learner.pk).is_active


def test_resend_emails_a_fresh_link_that_works(
    client, signed_up, django_capture_on_commit_callbacks
):
    user, _first = signed_up

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND_URL, {"email": "Amra@LAP.example"})

    assert response.status_code == 302
    assert len(mail.outbox) == 2
    client.get(confirmation_link(mail.outbox[-1]))
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.parametrize("email", ["nobody@lap.example", "active@lap.example"])
def test_resend_says_the_same_and_sends_nothing_when_no_account_awaits(
    client, email, django_capture_on_commit_callbacks
):
    UserFactory(email="active@lap.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND_URL, {"email": email}, follow=True)

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_resend_is_refused_after_five_requests_an_hour_from_one_address(
    client, signed_up, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(RESEND_LIMIT):
            assert client.post(RESEND_URL, {"email": "amra@lap.example"}).status_code == 302
    sent = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND_URL, {"email": "amra@lap.example"})

    assert sent == 1 + RESEND_LIMIT  # the sign-up's and each resend's
    assert response.status_code == 429
    assert "Too many links asked for from your address" in response.content.decode()
    assert len(mail.outbox) == sent


def test_resend_with_a_malformed_address_shows_the_error_at_the_field(client):
    response = client.post(RESEND_URL, {"email": "not an address"})

    assert response.status_code == 200
    assert response.context["form"].errors["email"]


def test_an_active_learner_logs_in_as_before(client):
    UserFactory(email="ready@lap.example")

    client.post(LOGIN_URL, {"username": "ready@lap.example", "password": PASSWORD})

    assert client.session.get(SESSION_KEY)

"""Attacks on accounts: password guessing, guessing from behind a proxy, the client address that
every rate limit trusts, and sign-up asked who has an account. Password reset and session
rotation are tested in tests/accounts; tests/security/test_catalogue.py lists where each attack
is tested."""

import re

import pytest
from celery.signals import task_prerun
from django.contrib.auth import SESSION_KEY
from django.test import Client, RequestFactory

from academy.accounts.models import User
from academy.accounts.views import SIGNUP_LIMIT
from academy.core.client_address import client_address
from tests.accounts.test_accounts import ask_for_reset
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/en/accounts/login/"
ADMIN_LOGIN_URL = "/admin/login/"
LIMIT = 10  # AXES_FAILURE_LIMIT


def log_in(client, email, password, *, address="203.0.113.1", url=LOGIN_URL, **headers):
    return client.post(
        url, {"username": email, "password": password}, REMOTE_ADDR=address, **headers
    )


def logged_in(client):
    return SESSION_KEY in client.session


# Per account


def test_guessing_one_accounts_password_locks_that_account_from_every_address(
    client, learner, password
):
    for attempt in range(LIMIT - 1):
        response = log_in(client, learner.email, "guess", address=f"198.51.100.{attempt}")
        assert response.status_code == 200  # the ordinary "wrong password" form
    assert log_in(client, learner.email, "guess", address="198.51.100.99").status_code == 429

    # The right password, from an address that never failed, is refused while locked.
    response = log_in(client, learner.email, password, address="192.0.2.50")

    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert not logged_in(client)


def test_the_email_in_another_case_counts_as_the_same_account(client, learner, password):
    for attempt in range(LIMIT):
        email = learner.email.upper() if attempt % 2 else learner.email
        log_in(client, email, "guess", address=f"198.51.100.{attempt}")

    assert log_in(client, learner.email, password, address="192.0.2.50").status_code == 429


def test_another_account_is_not_locked_by_guesses_at_the_first(
    client, learner, other_learner, password
):
    for attempt in range(LIMIT):
        log_in(client, learner.email, "guess", address=f"198.51.100.{attempt}")

    response = log_in(client, other_learner.email, password, address="192.0.2.50")

    assert response.status_code == 302
    assert logged_in(client)


def test_a_few_mistakes_then_the_right_password_logs_in(client, learner, password):
    for _ in range(LIMIT - 1):
        log_in(client, learner.email, "typo")

    assert log_in(client, learner.email, password).status_code == 302
    assert logged_in(client)


# Per address


def test_one_address_guessing_many_accounts_is_locked_out(client, learner, password):
    for n in range(LIMIT):
        log_in(client, f"someone{n}@lap.example", "guess", address="198.51.100.66")

    from_that_address = log_in(client, learner.email, password, address="198.51.100.66")
    assert from_that_address.status_code == 429
    assert not logged_in(client)

    from_elsewhere = log_in(client, learner.email, password, address="192.0.2.50")
    assert from_elsewhere.status_code == 302


def test_the_wagtail_admin_login_is_throttled_too(client, learner, password):
    for attempt in range(LIMIT):
        log_in(client, learner.email, "guess", address=f"198.51.100.{attempt}", url=ADMIN_LOGIN_URL)

    response = log_in(client, learner.email, password, url=ADMIN_LOGIN_URL)

    assert response.status_code == 429
    assert not logged_in(client)


def test_the_lockout_page_is_in_the_visitors_language_and_offers_a_reset(client, learner):
    for attempt in range(LIMIT + 1):
        response = log_in(
            client,
            learner.email,
            "guess",
            address=f"198.51.100.{attempt}",
            url="/bs/accounts/login/",
        )

    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="bs"' in page
    assert "/bs/accounts/password_reset/" in page
    assert "15 min" in page


# Password reset


RESET_URL = "/en/accounts/password_reset/"


@pytest.fixture
def tasks_run():
    """Names of the Celery tasks run (eagerly, in tests) while the test goes on."""
    names = []

    def record(sender=None, **kwargs):
        names.append(sender.name)

    task_prerun.connect(record)
    yield names
    task_prerun.disconnect(record)


def test_the_reset_email_is_left_to_a_worker_so_timing_tells_nothing(
    client, learner, mailoutbox, tasks_run
):
    ask_for_reset(client, "nobody@lap.example")
    assert tasks_run == [] and mailoutbox == []

    ask_for_reset(client, learner.email)

    assert tasks_run == ["academy.accounts.tasks.send_password_reset"]
    assert [message.to for message in mailoutbox] == [[learner.email]]


def test_the_reset_link_is_on_the_sites_address_whatever_host_the_request_named(
    client, learner, mailoutbox, settings
):
    settings.ALLOWED_HOSTS = ["*"]  # a proxy that passes any Host header through

    ask_for_reset(client, learner.email, HTTP_HOST="evil.example")

    (message,) = mailoutbox
    assert "evil.example" not in message.body
    assert re.search(r"http://testserver/[\w-]+/accounts/reset/\S+/", message.body)


# Behind a proxy: one setting, TRUSTED_PROXY_COUNT, for every limit


def test_behind_a_proxy_each_client_is_throttled_by_its_own_address(
    client, learner, password, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for n in range(LIMIT):
        log_in(
            client,
            f"someone{n}@lap.example",
            "guess",
            address=proxy,
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )

    # Another client behind the same proxy is not locked out by the first one's guesses...
    other_client = log_in(
        client, learner.email, password, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.50"
    )
    assert other_client.status_code == 302
    client.logout()

    # ...and the guesser cannot escape by writing a fresh address in front of its own.
    guesser = log_in(
        client,
        learner.email,
        password,
        address=proxy,
        HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.66",
    )
    assert guesser.status_code == 429


def forwarded(remote, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(forwarded("198.51.100.7", "192.0.2.1")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "client"),
    [
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),  # the left entry was written by the client
        (2, "6.6.6.6, 192.0.2.1, 10.0.0.9", "192.0.2.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_address_the_outermost_trusted_proxy_saw(
    settings, proxies, forwarded_for, client
):
    settings.TRUSTED_PROXY_COUNT = proxies

    assert client_address(forwarded("10.0.0.2", forwarded_for)) == client


@pytest.mark.parametrize("forwarded_for", [None, "", "not-an-address", "192.0.2.1"])
def test_a_header_that_did_not_come_through_every_proxy_is_not_trusted(settings, forwarded_for):
    settings.TRUSTED_PROXY_COUNT = 2 if forwarded_for == "192.0.2.1" else 1

    assert client_address(forwarded("10.0.0.2", forwarded_for)) == "10.0.0.2"


# Sign-up: tells nobody who has an account, emails the holder instead


SIGNUP_URL = "/en/accounts/signup/"
TYPED_PASSWORD = "snijeg na Bjelašnici 2026"


def sign_up(client, email, **fields):
    data = {
        "full_name": "Someone Else",
        "email": email,
        "organisation": "",
        "role": "other",
        "preferred_language": "en",
        "password1": TYPED_PASSWORD,
        "password2": TYPED_PASSWORD,
        **fields,
    }
    return client.post(SIGNUP_URL, data)


def answer_to(email, **headers):
    """What a visitor sees after signing up with `email`: the response's status, where it leads,
    its header names, and the page there with the address they typed left out."""
    client = Client(**headers)
    response = sign_up(client, email)
    page = client.get(response.url).content.decode().replace(email.lower(), "<typed address>")
    return (
        response.status_code,
        response.url,
        sorted(response.headers),
        re.sub(r'nonce="[^"]*"', "", page),
    )


@pytest.fixture
def unconfirmed():
    return UserFactory(email="waiting@lap.example", is_active=False)


@pytest.fixture
def deactivated():
    user = UserFactory(email="left@lap.example", is_active=False)
    User.objects.filter(pk=user.pk).update(last_login="2026-01-05T10:00Z")
    return user


@pytest.mark.parametrize("holder", ["learner", "unconfirmed", "deactivated"])
def test_signing_up_with_a_registered_address_answers_as_for_a_new_one(request, holder):
    registered = request.getfixturevalue(holder).email

    for_new_address = answer_to("nobody@lap.example")
    for_registered = answer_to(registered.upper())

    status, target, _headers, page = for_registered
    assert (status, target) == (302, "/en/accounts/signup/sent/")
    assert "Check your email" in page
    assert for_registered == for_new_address


def test_each_sign_up_queues_one_email_task_whoever_has_the_address(
    client, learner, tasks_run, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "nobody@lap.example")
        sign_up(client, learner.email)

    assert tasks_run == [
        "academy.accounts.tasks.send_signup_confirmation",
        "academy.accounts.tasks.send_signup_attempt_notice",
    ]


def test_the_holder_is_told_in_their_language_with_links_to_log_in_and_reset(
    client, learner, password, mailoutbox, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=learner.pk).update(preferred_language="bs")

    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "Amra@LAP.example", full_name="Impostor", preferred_language="en")

    (note,) = mailoutbox
    assert note.to == [learner.email]
    login_url, reset_url = re.findall(r"http://testserver(/\S+/)", note.body)
    assert (login_url, reset_url) == ("/bs/accounts/login/", "/bs/accounts/password_reset/")
    # The links work: the holder logs in with their own password, or asks for a reset.
    assert log_in(client, learner.email, password, url=login_url).status_code == 302
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reset_url, {"email": learner.email}).status_code == 302
    assert len(mailoutbox) == 2
    # The account is as it was: the password and name typed at sign-up were dropped.
    learner.refresh_from_db()
    assert learner.check_password(password)
    assert not learner.check_password(TYPED_PASSWORD)
    assert (learner.full_name, learner.preferred_language) == ("Amra Hodžić", "bs")
    assert User.objects.count() == 1


def test_an_unconfirmed_account_gets_its_link_again_and_keeps_its_first_details(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(
            client,
            "new@lap.example",
            full_name="Amra Hodžić",
            password1="first choice 2026",
            password2="first choice 2026",
        )
        sign_up(Client(), "NEW@lap.example", full_name="Impostor")

    first, second = mailoutbox
    assert first.to == second.to == ["new@lap.example"]
    assert "Confirm your email address" in second.subject
    user = User.objects.get()
    assert user.full_name == "Amra Hodžić"
    assert user.check_password("first choice 2026")
    assert not user.is_active  # until the link is opened, by whoever reads that inbox


def test_an_account_staff_deactivated_is_sent_nothing(
    client, deactivated, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, deactivated.email)

    assert response.status_code == 302
    assert mailoutbox == []
    assert not User.objects.get(pk=deactivated.pk).is_active


def test_sign_ups_from_one_address_are_limited_and_the_next_creates_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(SIGNUP_LIMIT):
            assert sign_up(client, f"new{n}@lap.example").status_code == 302

        refused = sign_up(client, "one-more@lap.example")
        from_elsewhere = client.post(
            SIGNUP_URL,
            {**refused.context["form"].data.dict(), "email": "elsewhere@lap.example"},
            REMOTE_ADDR="192.0.2.50",
        )

    assert refused.status_code == 429
    assert "Too many sign-ups from your address" in refused.content.decode()
    assert not User.objects.filter(email="one-more@lap.example").exists()
    assert "one-more@lap.example" not in [message.to[0] for message in mailoutbox]
    assert User.objects.count() == SIGNUP_LIMIT + 1  # and the one from another address
    assert from_elsewhere.status_code == 302


# Signing up with someone else's address (pre-hijacking): the confirmation link, opened where
# the sign-up did not happen, makes its reader choose the password.

SIGNED_UP_PASSWORD = "snijeg na Bjelašnici 2026"


def test_a_link_opened_in_another_browser_asks_its_reader_to_choose_the_password(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    from django.test import Client

    from tests.accounts.test_accounts import SIGNUP_URL, confirmation_link, signup_data

    with django_capture_on_commit_callbacks(execute=True):  # the intruder signs up as Amra
        client.post(SIGNUP_URL, signup_data(email="amra@lap.example"))
    link = confirmation_link(mailoutbox[-1])
    amra = Client()  # the owner of the address, in her own browser

    asked = amra.get(link)
    user = User.objects.get(email="amra@lap.example")
    assert asked.status_code == 200 and "new_password1" in asked.content.decode()
    assert not user.is_active  # nothing happens until she chooses
    confirmed = amra.post(
        link, {"new_password1": "Amrina lozinka 2026", "new_password2": "Amrina lozinka 2026"}
    )

    user.refresh_from_db()
    assert confirmed.status_code == 302
    assert user.is_active and amra.session["_auth_user_id"] == str(user.pk)
    assert user.check_password("Amrina lozinka 2026")
    assert not user.check_password(SIGNED_UP_PASSWORD)  # the intruder's password is gone


def test_choosing_a_weak_or_mismatched_password_activates_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    from django.test import Client

    from tests.accounts.test_accounts import SIGNUP_URL, confirmation_link, signup_data

    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data(email="amra@lap.example"))
    link = confirmation_link(mailoutbox[-1])

    refused = Client().post(link, {"new_password1": "short", "new_password2": "other"})

    assert refused.status_code == 400
    assert not User.objects.get(email="amra@lap.example").is_active

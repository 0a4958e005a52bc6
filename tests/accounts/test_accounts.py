"""Accounts: learners sign up and log in with their email address (any case), reset a forgotten
password, edit their profile, and never reach the Wagtail admin; staff manage users there."""

import csv
import io
import re

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client, TestCase
from django.urls import reverse

from academy.accounts import services
from academy.accounts.models import User
from academy.accounts.roles import LEARNERS, TRAINERS
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    assign_trainer,
    catalogue,
    make_course,
)

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/accounts/signup/"
LOGIN_URL = "/en/accounts/login/"
LOGOUT_URL = "/en/accounts/logout/"
PROFILE_URL = "/en/accounts/profile/"
PASSWORD_RESET_URL = "/en/accounts/password_reset/"
PASSWORD_RESET_DONE_URL = "/en/accounts/password_reset/done/"
NEW_PASSWORD = "a brand new passphrase 2026"


def signup_data(**overrides):
    data = {
        "full_name": "Amra Hodžić",
        "email": "amra@lap.example",
        "organisation": "",
        "role": "official",
        "preferred_language": "bs",
        "password1": "snijeg na Bjelašnici 2026",
        "password2": "snijeg na Bjelašnici 2026",
    }
    data.update(overrides)
    return data


def profile_data(user, **overrides):
    data = {
        "full_name": user.full_name,
        "email": user.email,
        "organisation": user.organisation_id or "",
        "role": user.role,
        "preferred_language": user.preferred_language,
    }
    data.update(overrides)
    return data


def confirmation_link(message):
    """The path of the confirmation link in a sign-up email."""
    [url] = re.findall(r"http://testserver(/\S+/confirm/\S+/)", message.body)
    return url


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(
        email="admin@lap.example", password="admin pass 2026", full_name="Admin Adminović"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


# Sign-up


@pytest.mark.parametrize(
    "full_name",
    ["Čedomir Ćosić Đurđević Šarić Žižek", "Милица Јовановић"],
    ids=["latin-diacritics", "cyrillic"],
)
def test_signup_creates_a_learner_with_the_name_as_typed_awaiting_confirmation(client, full_name):
    response = client.post(SIGNUP_URL, signup_data(full_name=full_name, email="new@lap.example"))

    assert response.status_code == 302
    assert response.url == "/en/accounts/signup/sent/"
    user = User.objects.get(email="new@lap.example")
    assert user.full_name == full_name
    assert user.preferred_language == "bs"
    assert list(user.groups.values_list("name", flat=True)) == [LEARNERS]
    assert not user.is_staff
    assert not user.is_superuser
    assert not user.is_active
    assert logged_in_user_id(client) is None


def test_signup_name_is_shown_back_exactly_on_the_profile(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data(full_name="Милица Јовановић"))
    client.get(confirmation_link(mail.outbox[-1]))

    response = client.get(PROFILE_URL)

    assert 'value="Милица Јовановић"' in response.content.decode()


def test_signup_stores_the_email_in_lower_case(client):
    client.post(SIGNUP_URL, signup_data(email="  Amra@LAP.Example "))

    assert User.objects.get().email == "amra@lap.example"


def test_signup_with_an_existing_email_in_another_case_makes_no_second_account(
    client, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, signup_data(email="Amra@LAP.example"))

    # The same answer as for a new address (tests/security/test_accounts.py compares them);
    # the holder is told by email instead.
    assert response.status_code == 302
    assert response.url == "/en/accounts/signup/sent/"
    assert User.objects.count() == 1
    assert [message.to for message in mail.outbox] == [[learner.email]]
    assert logged_in_user_id(client) is None


def test_signing_up_again_before_confirming_sends_the_confirmation_link_again(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data(email="new@lap.example"))
        response = client.post(SIGNUP_URL, signup_data(email="New@lap.example"))

    assert response.status_code == 302
    assert response.url == "/en/accounts/signup/sent/"
    assert User.objects.count() == 1
    first, second = mail.outbox
    assert first.to == second.to == ["new@lap.example"]
    client.get(confirmation_link(second))
    assert User.objects.get().is_active


def test_a_sign_up_that_loses_the_race_for_its_address_gets_the_same_answer(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    """Two sign-ups for one new address at once: the second finds no account, then the
    database refuses its insert. It answers as for an existing account, and no 500."""
    register = services.user_register

    def another_request_was_first(**fields):
        register(**{**fields, "full_name": "The First"})
        raise IntegrityError("accounts_user_email_ci_unique")

    monkeypatch.setattr(services, "user_register", another_request_was_first)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, signup_data(email="new@lap.example"))

    assert response.status_code == 302
    assert response.url == "/en/accounts/signup/sent/"
    assert User.objects.get().full_name == "The First"
    [message] = mail.outbox  # the account awaits confirmation: its link again
    assert "/confirm/" in message.body


def test_signup_with_mismatched_passwords_creates_nothing(client):
    response = client.post(SIGNUP_URL, signup_data(password2="something else entirely"))

    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    assert not User.objects.exists()


def test_signup_with_a_common_password_is_refused(client):
    response = client.post(SIGNUP_URL, signup_data(password1="password", password2="password"))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.exists()


def test_signup_follows_a_local_next_address_once_confirmed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data(next="/en/courses/"))

    response = client.get(confirmation_link(mail.outbox[-1]))

    assert response.status_code == 302
    assert response.url == "/en/courses/"


def test_creating_an_account_from_the_login_page_keeps_where_the_learner_was_going(client):
    login = client.get(f"{LOGIN_URL}?next=/en/courses/good-governance/")

    assert 'href="/en/accounts/signup/?next=/en/courses/good-governance/"' in login.content.decode()


def test_signup_does_not_redirect_to_another_site(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, signup_data(next="https://evil.example/phish"))

    response = client.get(confirmation_link(mail.outbox[-1]))

    assert response.status_code == 302
    assert "evil.example" not in response.url
    assert User.objects.get(email="amra@lap.example").is_active


def test_signup_without_csrf_token_is_refused(db):
    csrf_client = Client(enforce_csrf_checks=True)

    response = csrf_client.post(SIGNUP_URL, signup_data())

    assert response.status_code == 403
    assert not User.objects.exists()


def test_signed_in_user_visiting_signup_goes_to_profile(learner_client):
    response = learner_client.get(SIGNUP_URL)

    assert response.status_code == 302
    assert response.url == PROFILE_URL


# Email uniqueness in the database


def test_database_refuses_the_same_email_in_another_case(learner):
    # Bypass the manager's normalisation, as a raw insert or a careless import would.
    duplicate = User(email="AMRA@lap.example", full_name="Someone Else")

    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()

    assert User.objects.filter(email__iexact="amra@lap.example").count() == 1


def test_manager_normalises_email_case(db):
    user = User.objects.create_user(email="Milica@LAP.example", full_name="Милица Јовановић")

    assert user.email == "milica@lap.example"
    assert User.objects.get_by_natural_key("MILICA@lap.EXAMPLE") == user


# Log in and log out


def test_login_with_email_in_another_case(client, learner, password):
    response = client.post(LOGIN_URL, {"username": "AMRA@Lap.Example", "password": password})

    assert response.status_code == 302
    assert response.url == reverse("courses:my_learning")
    assert logged_in_user_id(client) == str(learner.pk)


def test_login_with_wrong_password_shows_an_error_and_starts_no_session(client, learner):
    response = client.post(LOGIN_URL, {"username": learner.email, "password": "wrong password"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Please enter a correct" in response.content.decode()
    assert logged_in_user_id(client) is None


def test_login_with_unknown_email_shows_the_same_error(client, learner):
    response = client.post(LOGIN_URL, {"username": "nobody@lap.example", "password": "whatever"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert logged_in_user_id(client) is None


def test_inactive_user_cannot_log_in(client, password):
    UserFactory(email="gone@lap.example", is_active=False)

    response = client.post(LOGIN_URL, {"username": "gone@lap.example", "password": password})

    assert response.status_code == 200
    assert logged_in_user_id(client) is None


def test_login_rotates_the_session_key(client, learner, password):
    # A session that exists before login (e.g. one planted by an attacker) must not become
    # the authenticated one.
    session = client.session
    session["language_hint"] = "bs"
    session.save()
    key_before = session.session_key

    client.post(LOGIN_URL, {"username": learner.email, "password": password})

    key_after = client.cookies["sessionid"].value
    assert key_after != key_before
    assert logged_in_user_id(client) == str(learner.pk)
    assert SessionStore(session_key=key_before).get(SESSION_KEY) is None


def test_logout_by_get_is_not_allowed(learner_client, learner):
    response = learner_client.get(LOGOUT_URL)

    assert response.status_code == 405
    assert logged_in_user_id(learner_client) == str(learner.pk)


def test_logout_by_post_ends_the_session(learner_client):
    response = learner_client.post(LOGOUT_URL)

    assert response.status_code == 302
    assert logged_in_user_id(learner_client) is None


# Password reset


def reset_link_from(message):
    match = re.search(r"https?://[^/\s]+(/\S+/reset/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def ask_for_reset(client, email, **extra):
    """The password reset form, its email queued on commit as in a real request."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(PASSWORD_RESET_URL, {"email": email}, **extra)


def test_password_reset_looks_the_same_for_known_and_unknown_emails(client, learner):
    known = ask_for_reset(client, learner.email)
    unknown = ask_for_reset(client, "nobody@lap.example")

    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == PASSWORD_RESET_DONE_URL
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]


def test_password_reset_accepts_the_email_in_another_case(client, learner):
    ask_for_reset(client, "AMRA@LAP.example")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]


def test_password_reset_link_sets_a_new_password(client, learner, password):
    ask_for_reset(client, learner.email)
    link = reset_link_from(mail.outbox[0])

    # Django swaps the token in the link for one kept in the session, then shows the form.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)
    assert not learner.check_password(password)
    assert Client().login(username=learner.email, password=NEW_PASSWORD)


def test_password_reset_link_works_only_once(client, learner):
    ask_for_reset(client, learner.email)
    link = reset_link_from(mail.outbox[0])
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    second_visit = Client().get(link, follow=True)

    assert second_visit.status_code == 200
    assert not second_visit.context["validlink"]


# Profile


def test_profile_requires_login(client):
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next={PROFILE_URL}"


def test_profile_saves_language_and_organisation(learner_client, learner):
    jablanica = OrganisationFactory(name="Općina Jablanica")

    response = learner_client.post(
        PROFILE_URL,
        profile_data(learner, preferred_language="sr-latn", organisation=jablanica.pk),
    )

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.preferred_language == "sr-latn"
    assert learner.organisation == jablanica
    assert learner in jablanica.members.all()


def test_a_new_language_in_the_profile_applies_at_once(learner_client, learner):
    response = learner_client.post(PROFILE_URL, profile_data(learner, preferred_language="bs"))

    assert response.url == "/bs/accounts/profile/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "bs"
    assert "Vaš profil je sačuvan." in learner_client.get(response.url).content.decode()


def test_profile_refuses_another_users_email_in_another_case(
    learner_client, learner, other_learner
):
    response = learner_client.post(PROFILE_URL, profile_data(learner, email="MILICA@lap.example"))

    assert response.status_code == 200
    assert "An account with this email address already exists" in response.content.decode()
    learner.refresh_from_db()
    assert learner.email == "amra@lap.example"


def test_profile_keeps_own_email_when_only_its_case_changes(learner_client, learner):
    response = learner_client.post(PROFILE_URL, profile_data(learner, email="Amra@LAP.example"))

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.email == "amra@lap.example"


def test_profile_refuses_an_unknown_language(learner_client, learner):
    response = learner_client.post(PROFILE_URL, profile_data(learner, preferred_language="xx"))

    assert response.status_code == 200
    assert response.context["form"].errors["preferred_language"]
    learner.refresh_from_db()
    assert learner.preferred_language == "en"


# Wagtail admin: who gets in


def test_learner_cannot_open_the_wagtail_admin(learner_client):
    response = learner_client.get("/admin/")

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith(reverse("wagtailadmin_login"))


def test_learner_cannot_open_the_page_explorer(learner_client):
    response = learner_client.get(reverse("wagtailadmin_explore", args=[catalogue().pk]))

    assert response.status_code != 200


def test_trainer_can_open_the_admin_and_explore_their_course(client):
    course = make_course(modules=1, lessons_per_module=1)
    client.force_login(assign_trainer(course))

    dashboard = client.get("/admin/")
    explorer = client.get(reverse("wagtailadmin_explore", args=[course.pk]))

    assert dashboard.status_code == 200
    assert explorer.status_code == 200


def test_trainer_can_open_the_add_lesson_form_under_a_module_of_their_course(client):
    course = make_course(modules=1, lessons_per_module=0)
    module = course.get_children().get().specific
    client.force_login(assign_trainer(course))

    response = client.get(
        reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    )

    assert response.status_code == 200


def test_trainer_cannot_add_pages_outside_the_catalogue(client):
    home = catalogue().get_parent()
    client.force_login(UserFactory(group=TRAINERS))

    response = client.get(
        reverse("wagtailadmin_pages:add", args=["courses", "courseindexpage", home.pk])
    )

    assert response.status_code != 200


def test_trainer_cannot_add_a_lesson_directly_under_a_course(client):
    course = make_course(modules=0)
    client.force_login(UserFactory(group=TRAINERS))

    response = client.get(
        reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", course.pk])
    )

    assert response.status_code != 200


# Wagtail admin: managing users with our User model (no first or last name)


def test_admin_user_create_form_has_full_name_and_no_first_or_last_name(admin_client):
    response = admin_client.get(reverse("wagtailusers_users:add"))

    assert response.status_code == 200
    fields = response.context["form"].fields
    assert {"email", "full_name", "password1", "password2"} <= set(fields)
    assert "first_name" not in fields
    assert "last_name" not in fields


def test_admin_creates_a_user_with_email_and_full_name(admin_client):
    learners = Group.objects.get(name=LEARNERS)

    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "Mirsad@LAP.example",
            "full_name": "Mirsad Đulić",
            "preferred_language": "bs",
            "role": "mayor",
            "organisation": "",
            "password1": "kiša u Maglaju 2026",
            "password2": "kiša u Maglaju 2026",
            "groups": [learners.pk],
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(email="mirsad@lap.example")  # stored in lower case
    assert user.full_name == "Mirsad Đulić"
    assert user.role == "mayor"
    assert list(user.groups.all()) == [learners]
    assert user.check_password("kiša u Maglaju 2026")


def test_admin_refuses_a_new_user_whose_email_exists_in_another_case(admin_client, learner):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "AMRA@lap.example",
            "full_name": "Amra Duplicate",
            "preferred_language": "en",
            "password1": "kiša u Maglaju 2026",
            "password2": "kiša u Maglaju 2026",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert User.objects.filter(email__iexact="amra@lap.example").count() == 1


def test_admin_edits_a_users_full_name_and_organisation(admin_client, learner):
    zepce = OrganisationFactory(name="Općina Žepče", place="Žepče")
    edit_url = reverse("wagtailusers_users:edit", args=[learner.pk])
    assert admin_client.get(edit_url).status_code == 200

    response = admin_client.post(
        edit_url,
        {
            "email": learner.email,
            "full_name": "Amra Hodžić-Begić",
            "preferred_language": "hr",
            "organisation": zepce.pk,
            "role": "",
            "password1": "",
            "password2": "",
            "is_active": "on",
            "groups": list(learner.groups.values_list("pk", flat=True)),
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    learner.refresh_from_db()
    assert learner.full_name == "Amra Hodžić-Begić"
    assert learner.organisation == zepce
    assert learner.preferred_language == "hr"


# Organisations as snippets


def test_superuser_sees_organisations_in_the_admin(admin_client):
    OrganisationFactory(name="Općina Jablanica", place="Jablanica")
    OrganisationFactory(name="Grad Trebinje", place="Trebinje")

    response = admin_client.get("/admin/snippets/accounts/organisation/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Općina Jablanica" in content
    assert "Grad Trebinje" in content


def test_organisation_listing_is_searchable(admin_client):
    OrganisationFactory(name="Općina Jablanica", place="Jablanica")
    OrganisationFactory(name="Grad Trebinje", place="Trebinje")

    response = admin_client.get("/admin/snippets/accounts/organisation/", {"q": "Trebinje"})

    assert response.status_code == 200
    names = [organisation.name for organisation in response.context["object_list"]]
    assert names == ["Grad Trebinje"]


def test_learner_cannot_open_the_organisation_snippets(learner_client):
    response = learner_client.get("/admin/snippets/accounts/organisation/")

    assert response.status_code != 200


# The users listing (Settings > Users): found by name and organisation, filtered, exported


@pytest.fixture
def zepce_mayor(db):
    return UserFactory(
        full_name="Mirsad Đulić",
        email="mirsad@lap.example",
        organisation=OrganisationFactory(name="Općina Žepče"),
        role="mayor",
    )


def listed_emails(response):
    return set(re.findall(r"[\w.]+@lap\.example", response.content.decode())) - {
        "admin@lap.example"
    }


def test_the_users_listing_finds_people_by_full_name_and_organisation(
    admin_client, zepce_mayor, learner
):
    index = reverse("wagtailusers_users:index")

    assert listed_emails(admin_client.get(index, {"q": "Đulić"})) == {zepce_mayor.email}
    assert listed_emails(admin_client.get(index, {"q": "Žepče"})) == {zepce_mayor.email}
    assert "Općina Žepče" in admin_client.get(index).content.decode()  # a column of its own


def test_the_users_listing_filters_by_organisation_role_and_language(
    admin_client, zepce_mayor, learner
):
    index = reverse("wagtailusers_users:index")

    by_organisation = admin_client.get(index, {"organisation": zepce_mayor.organisation_id})
    by_role = admin_client.get(index, {"role": "mayor"})
    by_language = admin_client.get(index, {"preferred_language": learner.preferred_language})

    assert listed_emails(by_organisation) == {zepce_mayor.email}
    assert listed_emails(by_role) == {zepce_mayor.email}
    assert learner.email in listed_emails(by_language)


def test_the_users_listing_exports_csv_with_formulas_neutralised(admin_client, zepce_mayor):
    UserFactory(full_name='=HYPERLINK("http://evil.example")', email="formula@lap.example")

    response = admin_client.get(reverse("wagtailusers_users:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    by_email = {row[1]: row for row in rows[1:]}
    assert rows[0][:4] == ["Full name", "Email address", "Organisation", "Role"]
    assert by_email["mirsad@lap.example"][:5] == [
        "Mirsad Đulić",
        "mirsad@lap.example",
        "Općina Žepče",
        "Mayor",
        "English",
    ]
    assert by_email["formula@lap.example"][0] == '\'=HYPERLINK("http://evil.example")'

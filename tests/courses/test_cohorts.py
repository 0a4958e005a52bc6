"""Cohorts: invitation links, CSV bulk enrollment with preview, and who sees what."""

import pytest
from django.core import mail
from django.urls import reverse

from academy.accounts.models import User
from courses.models import Cohort, CoursePage, Enrollment
from tests.factories import OrganisationFactory, UserFactory, make_course, make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def jablanica():
    return OrganisationFactory(name="Općina Jablanica")


@pytest.fixture
def trainer():
    return make_trainer(email="trainer@lap.example", full_name="Dragan Petrović")


@pytest.fixture
def cohort(trainer, jablanica):
    course = make_course(enrollment_policy=CoursePage.EnrollmentPolicy.INVITATION)
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    cohort.organisations.add(jablanica)
    cohort.trainers.add(trainer)
    return cohort


def join_url(cohort):
    return f"/en/join/{cohort.invitation_token}/"


def test_the_invitation_link_enrolls_in_an_invitation_only_course(learner_client, learner, cohort):
    page = learner_client.get(join_url(cohort))
    assert "Join Hercegovina 2026" in page.content.decode()

    response = learner_client.post(join_url(cohort))
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(learner=learner)
    assert enrollment.cohort == cohort
    learner_client.post(join_url(cohort))  # twice: still one enrollment
    assert Enrollment.objects.count() == 1


def test_visitors_are_asked_to_log_in_before_joining(client, cohort):
    response = client.post(join_url(cohort))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not Enrollment.objects.exists()


def test_a_closed_or_rotated_link_does_not_enroll(learner_client, cohort, trainer):
    cohort.invitation_open = False
    cohort.save()
    response = learner_client.post(join_url(cohort), follow=True)
    assert "This invitation link is closed" in response.content.decode()
    assert not Enrollment.objects.exists()

    cohort.invitation_open = True
    cohort.save()
    old = join_url(cohort)
    admin = _admin_client(trainer)
    admin.post(reverse("cohort_rotate", args=[cohort.pk]))
    assert learner_client.get(old).status_code == 404
    assert learner_client.post(old).status_code == 404


def test_a_forged_token_is_not_found(learner_client, cohort):
    assert learner_client.get("/en/join/not-a-real-token/").status_code == 404


def _admin_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def upload(client, cohort, text, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile("learners.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("cohort_import", args=[cohort.pk]), {"file": file, **extra})


GOOD_CSV = (
    "name,email,organisation,role\n"
    "Ivana Šarić,Ivana.Saric@lap.example,Općina Jablanica,councillor\n"
    "Милица Јовановић,milica@lap.example,Općina Jablanica,official\n"
)


def test_the_csv_preview_shows_each_row_and_imports_nothing_yet(trainer, cohort, jablanica):
    response = upload(_admin_client(trainer), cohort, GOOD_CSV)
    body = response.content.decode()
    assert response.status_code == 200
    assert "2 learners are ready to import" in body
    assert "New account: will be invited" in body
    assert not Enrollment.objects.exists()


def test_confirming_the_import_creates_accounts_enrolls_and_invites(
    trainer, cohort, jablanica, django_capture_on_commit_callbacks
):
    existing = UserFactory(email="milica@lap.example", full_name="Милица Јовановић")
    client = _admin_client(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cohort_import", args=[cohort.pk]), {"csv_text": GOOD_CSV, "confirm": "1"}
        )
    assert response.status_code == 302
    ivana = User.objects.get(email="ivana.saric@lap.example")
    assert ivana.full_name == "Ivana Šarić"
    assert ivana.organisation == jablanica
    assert not ivana.has_usable_password()
    assert set(Enrollment.objects.values_list("learner__email", "cohort")) == {
        ("ivana.saric@lap.example", cohort.pk),
        ("milica@lap.example", cohort.pk),
    }
    assert User.objects.filter(email="milica@lap.example").count() == 1  # matched, not duplicated
    invitations = {m.to[0]: m.body for m in mail.outbox}
    assert "Choose your password" in invitations["ivana.saric@lap.example"]
    assert "Choose your password" not in invitations[existing.email]


def test_new_accounts_are_made_in_the_language_chosen_for_the_import(
    trainer, cohort, jablanica, django_capture_on_commit_callbacks
):
    client = _admin_client(trainer)
    preview = upload(client, cohort, GOOD_CSV, language="bs")
    assert 'name="language" value="bs"' in preview.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("cohort_import", args=[cohort.pk]),
            {"csv_text": GOOD_CSV, "language": "bs", "confirm": "1"},
        )

    assert User.objects.get(email="ivana.saric@lap.example").preferred_language == "bs"
    invitation = next(m for m in mail.outbox if m.to == ["ivana.saric@lap.example"])
    assert "Ovdje odaberite lozinku" in invitation.body


def test_a_forged_import_language_is_refused_and_imports_nothing(trainer, cohort, jablanica):
    response = _admin_client(trainer).post(
        reverse("cohort_import", args=[cohort.pk]),
        {"csv_text": GOOD_CSV, "language": "xx", "confirm": "1"},
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_a_file_with_one_bad_row_reports_it_and_imports_nothing(trainer, cohort, jablanica):
    text = GOOD_CSV + "No Email,not-an-email,Općina Jablanica,official\n"
    text += "Someone,someone@lap.example,Općina Mostarska,official\n"
    text += "Again,milica@lap.example,Općina Jablanica,official\n"
    client = _admin_client(trainer)
    preview = upload(client, cohort, text)
    body = preview.content.decode()
    assert preview.status_code == 400
    assert "is not an email address" in body
    assert "Unknown organisation" in body
    assert "appears earlier in the file" in body
    assert "Import and send invitations" not in body

    forced = client.post(
        reverse("cohort_import", args=[cohort.pk]), {"csv_text": text, "confirm": "1"}
    )
    assert forced.status_code == 400
    assert not Enrollment.objects.exists()
    assert not User.objects.filter(email="ivana.saric@lap.example").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"email;name\nx@y.z;X\n", "must name the columns"),
        ("name,email,organisation,role\n".encode("utf-16"), "not UTF-8"),
        (b"name,email,organisation,role\n" + b"a" * (1024 * 1024), "larger than 1 MB"),
    ],
)
def test_malformed_files_get_a_clear_error(trainer, cohort, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile("x.csv", content, content_type="text/csv")
    response = _admin_client(trainer).post(
        reverse("cohort_import", args=[cohort.pk]), {"file": file}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Enrollment.objects.exists()


def test_semicolon_csv_from_excel_with_bom_is_read(trainer, cohort, jablanica):
    text = "\ufeffname;email;organisation;role\nSelma Đulić;selma@lap.example;Općina Jablanica;\n"
    response = upload(_admin_client(trainer), cohort, text)
    assert "1 learner is ready to import" in response.content.decode()


def test_trainers_see_only_their_cohorts(cohort):
    other_trainer = make_trainer(email="other@lap.example")
    client = _admin_client(other_trainer)
    assert "Hercegovina 2026" not in client.get(reverse("cohorts:index")).content.decode()
    assert client.get(reverse("cohorts:inspect", args=[cohort.pk])).status_code == 404
    assert upload(client, cohort, GOOD_CSV).status_code == 404
    assert not Enrollment.objects.exists()


def test_a_trainer_sees_the_invitation_link_of_their_cohort(trainer, cohort):
    body = _admin_client(trainer).get(reverse("cohorts:inspect", args=[cohort.pk])).content.decode()
    assert cohort.invitation_token in body


def test_learners_cannot_reach_cohort_administration(learner_client, cohort):
    response = learner_client.get(reverse("cohort_import", args=[cohort.pk]))
    assert response.status_code in (302, 403)

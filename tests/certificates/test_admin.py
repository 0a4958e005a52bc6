"""The certificate register and its actions in the Wagtail admin, as certificate administrators
and superusers use them; certificate templates as snippets, with a PDF preview."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from certificates.models import (
    BulkIssueJob,
    Certificate,
    CertificateTemplate,
    CourseCertificateRule,
)
from certificates.services import certificate_request, certificate_revoke
from courses.models import Cohort, Enrollment
from courses.services import enrollment_create
from tests.certificates.conftest import certified_course, complete, pdf_text
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INDEX = "certificates_admin:index"


def inspect_url(certificate):
    return reverse("certificates_admin:inspect", args=[certificate.pk])


@pytest.fixture(params=["cert_admin", "superuser"])
def manager_client(request, client):
    """Signed in as a certificate administrator, then as a superuser."""
    client.force_login(request.getfixturevalue(request.param))
    return client


@pytest.fixture
def register(issued, course, issue, cert_admin):
    """Three certificates: Amra's (valid), Ivana's (revoked) and Милица's (valid)."""
    ivana = UserFactory(full_name="Ivana Šarić")
    milica = UserFactory(full_name="Милица Јовановић")
    for learner in (ivana, milica):
        complete(learner, course)
    revoked = certificate_revoke(
        certificate=issue(ivana, course), reason="Issued in error.", revoked_by=cert_admin
    )
    return {"amra": issued, "ivana": revoked, "milica": issue(milica, course)}


def listed_serials(response, register):
    html = response.content.decode()
    return sorted(name for name, c in register.items() if c.serial in html)


# The register


def test_the_register_lists_certificates(manager_client, register):
    response = manager_client.get(reverse(INDEX))

    assert response.status_code == 200
    assert listed_serials(response, register) == ["amra", "ivana", "milica"]
    assert "Ivana Šarić" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Šarić", ["ivana"]),
        ("Јовановић", ["milica"]),
        ("000003", ["milica"]),
    ],
)
def test_the_register_searches_by_name_and_serial(manager_client, register, query, found):
    response = manager_client.get(reverse(INDEX), {"q": query})

    assert listed_serials(response, register) == found


@pytest.mark.parametrize("as_typed", [str.lower, lambda code: code])
def test_the_register_finds_a_certificate_by_its_code(manager_client, register, as_typed):
    amra = register["amra"]

    by_stored_code = manager_client.get(reverse(INDEX), {"q": as_typed(amra.code)})
    by_printed_code = manager_client.get(reverse(INDEX), {"q": as_typed(amra.display_code)})

    assert listed_serials(by_stored_code, register) == ["amra"]
    assert listed_serials(by_printed_code, register) == ["amra"]


def test_the_register_filters_by_status(manager_client, register):
    revoked = manager_client.get(reverse(INDEX), {"status": "revoked"})
    valid = manager_client.get(reverse(INDEX), {"status": "valid"})

    assert listed_serials(revoked, register) == ["ivana"]
    assert listed_serials(valid, register) == ["amra", "milica"]


def test_the_register_filters_by_course(manager_client, register, template, issue):
    other_course = certified_course(template, title="Ethics in Local Government")
    learner = register["amra"].learner
    complete(learner, other_course)
    ethics = issue(learner, other_course)

    response = manager_client.get(reverse(INDEX), {"course": other_course.pk})

    html = response.content.decode()
    assert ethics.serial in html
    assert listed_serials(response, register) == []


def test_the_register_filters_by_issue_date(manager_client, register):
    Certificate.objects.filter(pk=register["ivana"].pk).update(
        issued_at=timezone.now() - timedelta(days=400)
    )
    today = timezone.localdate()

    def issued_between(start, end):
        query = {"issued_at_from": start.isoformat(), "issued_at_to": end.isoformat()}
        return listed_serials(manager_client.get(reverse(INDEX), query), register)

    assert issued_between(today, today) == ["amra", "milica"]
    assert issued_between(today - timedelta(days=500), today - timedelta(days=300)) == ["ivana"]


def test_the_register_exports_csv(manager_client, register):
    response = manager_client.get(reverse(INDEX), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    by_serial = {row["Serial number"]: row for row in rows}
    assert set(by_serial) == {c.serial for c in register.values()}
    ivana = by_serial[register["ivana"].serial]
    assert ivana["Learner's name"] == "Ivana Šarić"
    assert ivana["Reason for revocation"] == "Issued in error."


def test_the_register_exports_xlsx(manager_client, register):
    response = manager_client.get(reverse(INDEX), {"export": "xlsx", "status": "valid"})

    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [str(cell.value) for row in workbook.active.iter_rows() for cell in row]
    assert register["amra"].serial in cells
    assert register["milica"].serial in cells
    assert register["ivana"].serial not in cells  # the filter applies to the export
    assert "Милица Јовановић" in cells


def test_the_inspect_view_offers_revoke_and_reissue(manager_client, issued):
    response = manager_client.get(inspect_url(issued))

    html = response.content.decode()
    assert response.status_code == 200
    assert issued.serial in html
    assert issued.display_code in html
    assert reverse("certificates_revoke", args=[issued.pk]) in html
    assert reverse("certificates_reissue", args=[issued.pk]) in html
    assert reverse("learner_certificates:download", args=[issued.pk]) in html
    assert "Revoke" in html and "Re-issue (correction)" in html


def test_a_revoked_certificate_offers_no_more_actions(manager_client, issued, cert_admin):
    certificate_revoke(certificate=issued, reason="Fraud.", revoked_by=cert_admin)

    html = manager_client.get(inspect_url(issued)).content.decode()

    assert reverse("certificates_revoke", args=[issued.pk]) not in html
    assert reverse("certificates_reissue", args=[issued.pk]) not in html


def test_the_history_shows_issue_and_revocation(manager_client, issued, cert_admin):
    certificate_revoke(certificate=issued, reason="Fraud.", revoked_by=cert_admin)

    response = manager_client.get(reverse("certificates_admin:history", args=[issued.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Certificate issued" in html
    assert "Certificate revoked" in html


# Revoke, re-issue, approve


def test_revoking_without_a_reason_shows_an_error_and_changes_nothing(manager_client, issued):
    response = manager_client.post(
        reverse("certificates_revoke", args=[issued.pk]), {"reason": "  "}
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.VALID
    assert issued.revoked_at is None


def test_revoking_with_a_reason_revokes(client, issued, cert_admin):
    client.force_login(cert_admin)

    form = client.get(reverse("certificates_revoke", args=[issued.pk]))
    response = client.post(
        reverse("certificates_revoke", args=[issued.pk]),
        {"reason": "The learner asked for it."},
        follow=True,
    )

    assert "Amra Hodžić" in form.content.decode()
    assert response.redirect_chain[-1][0] == inspect_url(issued)
    assert f"Certificate {issued.serial} revoked." in response.content.decode()
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
    assert issued.revocation_reason == "The learner asked for it."
    assert issued.revoked_by == cert_admin


def test_reissuing_supersedes_and_opens_the_new_certificate(
    manager_client, issued, django_capture_on_commit_callbacks
):
    issued.learner.full_name = "Amra Hodžić-Kovač"
    issued.learner.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(reverse("certificates_reissue", args=[issued.pk]))

    new = Certificate.objects.get(replaces=issued)
    assert response.status_code == 302
    assert response.url == inspect_url(new)
    assert new.learner_name == "Amra Hodžić-Kovač"
    assert new.pdf_sha256
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.SUPERSEDED


def test_reissuing_a_revoked_certificate_is_refused_with_a_message(
    manager_client, issued, cert_admin
):
    certificate_revoke(certificate=issued, reason="Fraud.", revoked_by=cert_admin)

    response = manager_client.post(reverse("certificates_reissue", args=[issued.pk]), follow=True)

    assert "Only a valid certificate can be re-issued." in response.content.decode()
    assert Certificate.objects.count() == 1


@pytest.fixture
def pending(learner, template):
    course = certified_course(template, issuance="manual", title="Ethics in Local Government")
    complete(learner, course)
    return certificate_request(learner=learner, course=course)


def test_approving_a_pending_request_issues_it(
    manager_client, pending, django_capture_on_commit_callbacks, mailoutbox
):
    inspect = manager_client.get(inspect_url(pending))
    assert reverse("certificates_approve", args=[pending.pk]) in inspect.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            reverse("certificates_approve", args=[pending.pk]), follow=True
        )

    pending.refresh_from_db()
    assert pending.status == Certificate.Status.VALID
    assert f"Approved: {pending.serial} issued." in response.content.decode()
    assert pending.pdf_sha256
    assert any(m.subject.startswith("Your certificate") for m in mailoutbox)


def test_approving_a_learner_who_is_no_longer_eligible_shows_why(manager_client, pending):
    pending.learner.enrollments.update(status="active", completed_at=None)

    response = manager_client.post(reverse("certificates_approve", args=[pending.pk]), follow=True)

    assert "The learner has not completed this course." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Certificate.Status.PENDING


# Issue to a learner


def test_issuing_to_a_completed_learner(manager_client, completed_learner, course):
    response = manager_client.post(
        reverse("certificates_issue"),
        {"learner": completed_learner.pk, "course": course.pk},
        follow=True,
    )

    certificate = Certificate.objects.get(learner=completed_learner, course=course)
    assert certificate.status == Certificate.Status.VALID
    assert response.redirect_chain[-1][0] == inspect_url(certificate)
    assert f"Issued {certificate.serial}." in response.content.decode()


def test_issuing_to_a_learner_who_has_not_completed_shows_the_reason(
    manager_client, learner, course
):
    enrollment_create(learner=learner, course=course)

    response = manager_client.post(
        reverse("certificates_issue"), {"learner": learner.pk, "course": course.pk}
    )

    assert response.status_code == 200
    assert "The learner has not completed this course." in response.content.decode()
    assert not Certificate.objects.exists()


def test_the_issue_form_refuses_a_missing_learner(manager_client, course):
    response = manager_client.post(reverse("certificates_issue"), {"course": course.pk})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Certificate.objects.exists()


# Bulk issue


def test_bulk_issue_certifies_every_completed_learner_without_a_certificate(
    manager_client, course, issued, django_capture_on_commit_callbacks
):
    newcomers = [UserFactory() for _ in range(2)]
    for learner in newcomers:
        complete(learner, course)
    enrollment_create(learner=UserFactory(), course=course)  # enrolled, not completed

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(reverse("certificates_bulk_issue"), {"course": course.pk})

    job = BulkIssueJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("certificates_bulk_progress", args=[job.pk])
    progress = manager_client.get(response.url).content.decode()
    assert "3 of 3 learners processed: 2 issued, 1 skipped" in progress
    assert "Done" in progress
    for learner in newcomers:
        certificate = Certificate.objects.get(learner=learner, course=course)
        assert certificate.status == Certificate.Status.VALID
        assert certificate.pdf_sha256
    assert Certificate.objects.filter(learner=issued.learner).count() == 1
    year = timezone.now().year
    assert sorted(Certificate.objects.values_list("serial", flat=True)) == [
        f"LAP-{year}-{n:06d}" for n in (1, 2, 3)
    ]


def test_bulk_issue_to_a_cohort_certifies_only_its_learners(
    manager_client, course, django_capture_on_commit_callbacks
):
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    in_cohort, outsider = UserFactory(), UserFactory()
    for learner in (in_cohort, outsider):
        complete(learner, course)
    Enrollment.objects.filter(learner=in_cohort).update(cohort=cohort)

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            reverse("certificates_bulk_issue"), {"course": course.pk, "cohort": cohort.pk}
        )

    progress = manager_client.get(response.url).content.decode()
    assert "Hercegovina 2026" in progress
    assert "1 of 1 learners processed: 1 issued, 0 skipped" in progress
    assert Certificate.objects.get().learner == in_cohort


def test_bulk_issue_refuses_a_cohort_of_another_course(manager_client, course, template):
    other = certified_course(template, title="Ethics in Local Government")
    cohort = Cohort.objects.create(course=other, name="Posavina 2026")

    response = manager_client.post(
        reverse("certificates_bulk_issue"), {"course": course.pk, "cohort": cohort.pk}
    )

    assert response.status_code == 200
    assert "takes Ethics in Local Government, not this course" in response.content.decode()
    assert not BulkIssueJob.objects.exists()


def test_the_bulk_issue_page_lists_recent_jobs(manager_client, course, cert_admin):
    BulkIssueJob.objects.create(course=course, requested_by=cert_admin)

    response = manager_client.get(reverse("certificates_bulk_issue"))

    assert response.status_code == 200
    assert "Recent bulk issues" in response.content.decode()
    assert reverse("certificates_bulk_progress", args=[BulkIssueJob.objects.get().pk]) in (
        response.content.decode()
    )


def test_a_running_job_says_when_it_last_moved_and_refreshes_itself(manager_client, course):
    job = BulkIssueJob.objects.create(course=course, status=BulkIssueJob.Status.RUNNING, total=30)
    BulkIssueJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(minutes=20))

    page = manager_client.get(reverse("certificates_bulk_progress", args=[job.pk])).content.decode()

    assert "Last progress 20\xa0minutes ago" in page
    assert "started again automatically" in page
    assert 'http-equiv="refresh"' in page


# Certificate templates (snippets)

TEMPLATE_ADD = "wagtailsnippets_certificates_certificatetemplate:add"


def template_form(**fields):
    data = {
        "title": "Certificat de réussite",
        "body": "{learner} a terminé {course} le {date}.",
        "accent_colour": "#8A0B4F",
        "orientation": "portrait",
        "issuers": inline_formset([{"name": "Council of Europe"}]),
        "signatories": inline_formset([{"name": "Jelena Perić", "title": "Director"}]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_a_certificate_template_can_be_created(manager_client):
    response = manager_client.post(reverse(TEMPLATE_ADD), template_form())

    assert response.status_code == 302
    template = CertificateTemplate.objects.get(title="Certificat de réussite")
    assert template.orientation == "portrait"
    assert [i.name for i in template.issuers.all()] == ["Council of Europe"]
    assert [s.name for s in template.signatories.all()] == ["Jelena Perić"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"accent_colour": "blue"}, "Enter a colour as #RRGGBB"),
        ({"body": "{learner} passed {exam}."}, "Unknown placeholder(s): exam."),
    ],
)
def test_a_template_with_a_bad_colour_or_placeholder_is_refused(manager_client, fields, message):
    count = CertificateTemplate.objects.count()

    response = manager_client.post(reverse(TEMPLATE_ADD), template_form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert CertificateTemplate.objects.count() == count


def test_a_template_preview_renders_a_sample_pdf(template):
    response = template.make_preview_request()

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Милица Јовановић / Amra Hodžić" in text
    assert "LAP-2026-000000" in text


def test_the_admin_previews_a_template_being_edited(manager_client, template):
    url = reverse(
        "wagtailsnippets_certificates_certificatetemplate:preview_on_edit", args=[template.pk]
    )

    posted = manager_client.post(url, template_form(title="Potvrda o završetku"))
    response = manager_client.get(url)

    assert posted.json()["is_valid"] is True
    assert response["Content-Type"] == "application/pdf"
    assert "Potvrda o završetku" in pdf_text(response.content)


def test_a_rule_with_a_minimum_score_needs_the_minimum(manager_client, course, template):
    rule = CourseCertificateRule.objects.get(course=course)
    response = manager_client.post(
        reverse("certificate_rules:edit", args=[rule.pk]),
        {"course": course.pk, "template": template.pk, "issuance": "min_score"},
    )

    assert response.status_code == 200
    assert "Set the minimum score." in response.content.decode()
    rule.refresh_from_db()
    assert rule.issuance == "automatic"

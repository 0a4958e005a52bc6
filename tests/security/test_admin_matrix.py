"""The admin's permission matrix: every admin URL of ours, for every role that has no business
with another course, must refuse and change nothing.

The URLs are discovered, not listed: every pattern under /admin/ whose view comes from our apps
or whose viewset's model does (add, edit, delete, inspect, history, usage, copy, choosers and our
own views alike). Each is filled with objects of course B, which nobody here trains, and
requested with GET and POST as a learner, a trainer of course A, a certificate administrator
and an anonymous visitor. A refusal is the login page, 403, 404 or Wagtail's redirect to the
admin home; a page without an object (a listing, a report, an empty form) may instead answer
but must show nothing of course B. `ALLOWED` names, with the reason, what a role may do.

A URL added later that this test cannot fill fails `test_every_admin_url_of_ours_can_be_filled`
until `OBJECT_OF_MODEL` or `OBJECT_OF_VIEW` says which object it takes; one that shows or
changes course B's data to someone here fails its own case."""

import contextlib
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page

from academy.accounts.erasure import erasure_request
from academy.accounts.models import ErasureRequest, Organisation, User
from academy.accounts.roles import CERTIFICATE_ADMINISTRATORS
from academy.governance.models import Principle
from assessments.models import Assessment, AssessmentCycle
from assessments.services import assessment_open
from assignments.models import ActionPlanPage
from assignments.plans import plan_action_add, plan_goal_add, plan_start, plan_submit
from assignments.services import submission_save, submission_submit
from certificates.models import (
    BulkIssueJob,
    Certificate,
    CertificateTemplate,
    CourseCertificateRule,
)
from courses.journal import reflection_save
from courses.models import Cohort, CoursePage, Enrollment, LessonPage, ModulePage
from quizzes.models import AttemptAnswer
from quizzes.services import attempt_start, attempt_submit
from tests.assignments.conftest import add_assignment
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    add_quiz,
    assign_trainer,
    make_course,
    make_trainer,
    open_question,
)
from tests.security.test_authorization import refused
from workshops.models import AttendanceRule, Meeting, Session
from workshops.services import attendance_rule_for

pytestmark = pytest.mark.django_db

OUR_MODULES = (
    "academy.",
    "courses.",
    "quizzes.",
    "assignments.",
    "certificates.",
    "assessments.",
    "workshops.",
)
OUR_APP_LABELS = {
    "accounts",
    "governance",
    "core",
    "home",
    "courses",
    "quizzes",
    "assignments",
    "certificates",
    "assessments",
    "workshops",
}


# Discovery


@dataclass(frozen=True)
class AdminUrl:
    name: str  # with its namespaces, for reverse()
    route: str  # as written in the URL configuration, for messages
    kwargs: tuple[str, ...]
    view: str  # module and name of the view
    model: type | None  # the viewset's model, for views that have one

    def __str__(self):
        return self.name


def _model_of(callback):
    view_class = getattr(callback, "view_class", None)
    model = getattr(callback, "view_initkwargs", {}).get("model") or getattr(
        view_class, "model", None
    )
    return apps.get_model(model) if isinstance(model, str) else model


def our_admin_urls() -> list[AdminUrl]:
    """Every URL pattern under /admin/ whose view or model is ours."""
    found = []

    def walk(patterns, route, namespaces, kwargs):
        for pattern in patterns:
            here = route + str(pattern.pattern)
            names = kwargs + tuple(pattern.pattern.regex.groupindex)
            if isinstance(pattern, URLResolver):
                inner = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, here, inner, names)
                continue
            callback = pattern.callback
            view = getattr(callback, "view_class", callback)
            model = _model_of(callback)
            ours = view.__module__.startswith(OUR_MODULES) or (
                model is not None and model.__module__.startswith(OUR_MODULES)
            )
            if here.startswith("admin/") and ours and pattern.name:
                name = ":".join([*namespaces, pattern.name])
                found.append(
                    AdminUrl(name, here, names, f"{view.__module__}.{view.__qualname__}", model)
                )

    walk(get_resolver().url_patterns, "", [], ())
    return found


ADMIN_URLS = our_admin_urls()

# Which object of course B each URL is given: by the viewset's model, else by the URL's name.
OBJECT_OF_MODEL = {
    Cohort: "cohort",
    Enrollment: "enrollment",
    AttemptAnswer: "answer",
    Certificate: "certificate",
    CourseCertificateRule: "rule",
    CertificateTemplate: "template",
    Organisation: "organisation",
    Principle: "principle",
    User: "learner",
    Session: "workshop_session",
    AttendanceRule: "attendance_rule",
    Assessment: "assessment",
    AssessmentCycle: "assessment_cycle",
    ErasureRequest: "erasure_request",
}
OBJECT_OF_VIEW = {
    "cohort_import": "cohort",
    "cohort_rotate": "cohort",
    "cohort_matrix": "cohort",
    "cohort_mastery": "cohort",
    "cohort_reflections": "cohort",
    "assignment_grade": "submission",
    "action_plan_review": "action_plan",
    "action_plan_pdf": "action_plan",
    "erasure_decide": "erasure_request",
    "cohort_action_plans": "cohort",
    "organisation_mastery": "organisation",
    "quiz_item_analysis": "quiz",
    "certificates_bulk_progress": "bulk_job",
    "certificates_revoke": "certificate",
    "certificates_reissue": "certificate",
    "certificates_approve": "pending_certificate",
    "certificates_issue_again": "revoked_certificate",
    "workshops_register": "cohort",
    "workshops_rule": "cohort",
    "workshops_sheet": "meeting",
    "workshops_scan_upload": "meeting",
    "workshops_scan_file": "meeting",
    "assessment_return": "assessment",
    "assessment_decide": "assessment",
    "assessment_comment": "assessment",
    "assessment_survey_import": "assessment_survey",
    "assessment_cohort_profiles": "cohort",
}
OBJECT_KWARGS = {"pk", "quiz_id"}


def object_of(url: AdminUrl) -> str | None:
    return OBJECT_OF_VIEW.get(url.name) or OBJECT_OF_MODEL.get(url.model)


def fill(url: AdminUrl, world) -> str:
    """The URL for `world`'s object of course B, or a failure saying what to add here."""
    unknown = set(url.kwargs) - OBJECT_KWARGS
    target = object_of(url)
    if unknown or (url.kwargs and target is None):
        pytest.fail(
            f"{url.route} ({url.name}, {url.view}) takes {', '.join(url.kwargs)}: add the object "
            "of course B it shows or changes to OBJECT_OF_MODEL or OBJECT_OF_VIEW in "
            f"{__name__}, and scope the view to what the user may see."
        )
    return reverse(url.name, kwargs=dict.fromkeys(url.kwargs, world[target].pk) if target else {})


# Who may do what, and why: everything else refuses these roles.

CERTIFICATES = "certificate administrators manage every certificate, rule and template"
SHARED = (
    "organisations, principles and certificate templates are shared by every course; Wagtail's "
    "choosers list them to everyone who uses the admin (organisations are offered at sign-up)"
)


def _snippet(app_model, *names, choosers=False):
    namespace = f"wagtailsnippet{'choosers' if choosers else 's'}_{app_model}"
    return [f"{namespace}:{name}" for name in names]


CHOOSING = ("choose", "choose_results", "chosen", "chosen_multiple")
SHARED_CHOOSERS = [
    *_snippet("accounts_organisation", *CHOOSING, choosers=True),
    *_snippet("governance_principle", *CHOOSING, choosers=True),
    *_snippet("certificates_certificatetemplate", *CHOOSING, choosers=True),
]
ALLOWED = {
    "certificate_administrator": {
        **dict.fromkeys(
            [
                "certificates_admin:index",
                "certificates_admin:index_results",
                "certificates_admin:inspect",
                "certificates_admin:history",
                "certificates_admin:history_results",
                "certificates_issue",
                "certificates_bulk_issue",
                "certificates_bulk_progress",
                "certificates_revoke",
                "certificates_reissue",
                "certificates_approve",
                "certificates_issue_again",
                "certificate_rules:index",
                "certificate_rules:index_results",
                "certificate_rules:add",
                "certificate_rules:edit",
                "certificate_rules:copy",
                "certificate_rules:history",
                "certificate_rules:history_results",
                "certificate_rules:usage",
                *_snippet(
                    "certificates_certificatetemplate",
                    "list",
                    "list_results",
                    "add",
                    "edit",
                    "copy",
                    "history",
                    "history_results",
                    "usage",
                    "preview_on_add",
                    "preview_on_edit",
                ),
                *_snippet("certificates_certificatetemplate", "create", choosers=True),
            ],
            CERTIFICATES,
        ),
        **dict.fromkeys(SHARED_CHOOSERS, SHARED),
    },
    "trainer_of_another_course": dict.fromkeys(SHARED_CHOOSERS, SHARED),
}
ROLES = ["learner", "trainer_of_another_course", "certificate_administrator", "anonymous"]


# Course B and the people around it, built once for the module: each test's own transaction
# is rolled back, so what one request changes never reaches the next.


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def build_world():
    course_a = make_course(modules=1, lessons_per_module=1, title="Course A", slug="matrix-a")
    course_b = make_course(
        modules=1,
        lessons_per_module=1,
        title="Course B Confidential",
        slug="matrix-b",
        enrollment_policy=CoursePage.EnrollmentPolicy.INVITATION,
    )
    quiz = add_quiz(
        ModulePage.objects.child_of(course_b).get(),
        questions=[open_question()],
        title="Quiz B Confidential",
    )
    trainer_a = assign_trainer(course_a, make_trainer(email="trainer.a@lap.example"))
    trainer_b = assign_trainer(course_b, make_trainer(email="trainer.b@lap.example"))
    organisation_a = OrganisationFactory(name="Opcina A")
    organisation_b = OrganisationFactory(name="Opcina B")
    cohort_a = Cohort.objects.create(course=course_a, name="Cohort A")
    cohort_a.trainers.add(trainer_a)
    cohort_a.organisations.add(organisation_a)
    cohort = Cohort.objects.create(course=course_b, name="Cohort B Confidential")
    cohort.trainers.add(trainer_b)
    cohort.organisations.add(organisation_b)
    learner = UserFactory(
        email="learner.b@lap.example",
        full_name="Learner B Confidential",
        organisation=organisation_b,
    )
    enrollment = Enrollment.objects.create(learner=learner, course=course_b, cohort=cohort)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answer = attempt.answers.get()
    attempt_submit(attempt=attempt, raw_answers={answer.position: "Essay B Confidential"})
    template = CertificateTemplate.objects.get(title="Certificate of Completion")
    rule = CourseCertificateRule.objects.create(course=course_b, template=template)
    others = [UserFactory(organisation=organisation_b) for _ in range(2)]

    def certificate(learner, status, serial):
        return Certificate.objects.create(
            learner=learner,
            course=course_b,
            template=template,
            status=status,
            serial=serial,
            learner_name=learner.full_name,
            course_title=course_b.title,
            issued_at=timezone.now() if serial else None,
        )

    assessment_cycle = AssessmentCycle.objects.create(
        name="ELoGE B Confidential",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
    )
    assessment = assessment_open(
        cycle=assessment_cycle, municipality=organisation_b, coordinator=learner
    )
    assessment.status = Assessment.Status.SUBMITTED  # what reviewers act on
    assessment.save()

    workshop_session = Session.objects.create(
        cohort=cohort, title="Session B Confidential", venue_name="Venue B"
    )
    meeting = Meeting.objects.create(
        session=workshop_session,
        starts_at=timezone.now(),
        ends_at=timezone.now() + timezone.timedelta(hours=3),
        scanned_sheet="workshops/sheets/b.pdf",
    )

    assignment = add_assignment(ModulePage.objects.child_of(course_b).get(), title="Task B")
    submission_save(assignment=assignment, learner=learner, text="Work B Confidential")
    submission = submission_submit(assignment=assignment, learner=learner)
    plan_step = (
        ModulePage.objects.child_of(course_b)
        .get()
        .add_child(instance=ActionPlanPage(title="Plan B", slug="plan-b", instructions=[]))
    )
    plan = plan_start(step=plan_step, learner=learner)
    goal = plan_goal_add(plan=plan, user=learner, text="Goal B Confidential")
    plan_action_add(plan=plan, user=learner, goal_id=goal.pk, text="Action B", owner="B")
    plan_submit(plan=plan, user=learner)
    lesson = LessonPage.objects.descendant_of(course_b).get()
    reflection_save(
        learner=learner,
        lesson=lesson,
        block_id=lesson.body[2].id,
        text="Reflection B Confidential",
        shared=True,
    )

    return {
        "learner": learner,
        "trainer_of_another_course": trainer_a,
        "certificate_administrator": UserFactory(group=CERTIFICATE_ADMINISTRATORS),
        "superuser": User.objects.create_superuser(email="root@lap.example", password="x"),
        "trainer_b": trainer_b,
        "course_b": course_b,
        "quiz": quiz,
        "cohort": cohort,
        "enrollment": enrollment,
        "answer": answer,
        "rule": rule,
        "template": template,
        "organisation": organisation_b,
        "principle": Principle.objects.order_by("number").first(),
        "certificate": certificate(learner, Certificate.Status.VALID, "LAP-2026-B0001"),
        "pending_certificate": certificate(others[0], Certificate.Status.PENDING, None),
        "revoked_certificate": certificate(others[1], Certificate.Status.REVOKED, "LAP-2026-B0002"),
        "bulk_job": BulkIssueJob.objects.create(course=course_b, cohort=cohort),
        "workshop_session": workshop_session,
        "meeting": meeting,
        "attendance_rule": attendance_rule_for(cohort=cohort),
        "assessment_cycle": assessment_cycle,
        "assessment": assessment,
        "assessment_survey": assessment.surveys.get(audience="citizens"),
        "submission": submission,
        "action_plan": plan,
        "erasure_request": erasure_request(user=learner, reason="Reason B Confidential"),
        # Words only course B's own pages show.
        "secrets": [
            "Course B Confidential",
            "Cohort B Confidential",
            "Learner B Confidential",
            "learner.b@lap.example",
            "Quiz B Confidential",
            "Essay B Confidential",
            "LAP-2026-B0001",
            "Session B Confidential",
            "ELoGE B Confidential",
            "Work B Confidential",
            "Reflection B Confidential",
            "Goal B Confidential",
        ],
    }


def hostile_form(world):
    """One POST for every view: each field a view of ours reads, aimed at course B and giving
    trainer A a hold on it (a valid form where the view would accept one)."""
    trainer_a = world["trainer_of_another_course"]
    return {
        "course": world["course_b"].pk,
        "cohort": world["cohort"].pk,
        "learner": world["learner"].pk,
        "trainers": [trainer_a.pk, world["trainer_b"].pk],
        "organisations": [world["organisation"].pk],
        "name": "Taken over",
        "title": "Taken over",
        "status": Enrollment.Status.COMPLETED,
        "invitation_open": "on",
        "score": "0",
        "grader_comment": "Taken over",
        "reason": "Taken over",
        "revocation_reason": "Taken over",
        "template": world["template"].pk,
        "issuance": "automatic",
        "language": "en",
        "confirm": "1",
        "csv_text": "name,email,organisation,role\nEve,eve@evil.example,,\n",
        "email": "eve@evil.example",
        "full_name": "Taken over",
        "is_superuser": "on",
        "kind": "cso",
        "place": "Taken over",
    }


def database_state():
    """Every row of our apps' tables (with their many-to-many links, users' groups among them)
    and of Wagtail's pages, revisions and log entries. Left out: StreamFields and our page
    types' own tables (only the page editor writes them, and it is Wagtail's), revisions'
    content (a new revision is a new row) and last logins (logging in writes them)."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list(*fields))
        for model, fields in STATE_FIELDS.items()
    }


def _state_fields(model):
    return [
        field.attname
        for field in model._meta.concrete_fields
        if not isinstance(field, StreamField) and field.attname not in {"last_login", "content"}
    ]


WAGTAIL_STATE = {
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.PageLogEntry",
    "wagtailcore.GroupPagePermission",
}
STATE_FIELDS = {
    model: _state_fields(model)
    for model in apps.get_models(include_auto_created=True)
    if (model._meta.app_label in OUR_APP_LABELS and not issubclass(model, Page))
    or model._meta.label in WAGTAIL_STATE
}


def changed_tables(before, after):
    return sorted(label for label in before if before[label] != after[label])


def client_for(world, role):
    client = Client()
    if role != "anonymous":
        client.force_login(world[role])
    return client


def shows_course_b(response, world):
    body = b"" if response.streaming else response.content
    return [secret for secret in world["secrets"] if secret.encode() in body]


def refused_or_gone(response):
    """A refusal, or a 404: the object does not exist for this user."""
    return refused(response) or response.status_code == 404


# Every role with every URL, but what ALLOWED lets it do (tested with each feature).
CASES = [
    pytest.param(role, url, id=f"{role}-{url.name}")
    for url in ADMIN_URLS
    for role in ROLES
    if url.name not in ALLOWED.get(role, {})
]


@pytest.mark.parametrize(("role", "url"), CASES)
def test_nobody_reaches_another_courses_data_through_the_admin(world, role, url):
    address = fill(url, world)
    client = client_for(world, role)

    for method in ("GET", "POST"):
        before = database_state()
        if method == "GET":
            response = client.get(address)
        else:
            response = client.post(address, hostile_form(world))

        changed = changed_tables(before, database_state())
        assert changed == [], f"{method} {address} changed {changed} for the {role}"
        if url.kwargs:  # an object of course B: refused, whatever the view
            assert refused_or_gone(response) or (method, response.status_code) == ("POST", 405), (
                f"{method} {address} answered {response.status_code} to the {role} "
                f"({url.view}): scope the view, or add it to ALLOWED with the reason"
            )
        elif not refused_or_gone(response):  # a listing or an empty form: nothing of course B
            assert response.status_code < 500, f"{method} {address}: {response.status_code}"
            assert shows_course_b(response, world) == [], (
                f"{method} {address} shows course B's data to the {role} ({url.view})"
            )


# The matrix itself: it sees every URL, fills each, and its POST would change data if a view
# let it through.


def test_every_admin_url_of_ours_can_be_filled():
    unfillable = [
        f"{url.route} ({url.name})"
        for url in ADMIN_URLS
        if set(url.kwargs) - OBJECT_KWARGS or (url.kwargs and object_of(url) is None)
    ]
    assert unfillable == [], "add the object each takes to OBJECT_OF_MODEL or OBJECT_OF_VIEW"


def test_discovery_finds_the_viewsets_and_our_own_views():
    names = {url.name for url in ADMIN_URLS}
    for expected in [
        "cohorts:edit",
        "cohorts:add",
        "cohorts:delete",
        "cohorts:history",
        "cohorts:usage",
        "cohorts:copy",
        "cohorts:inspect",
        "enrollments:edit",
        "grading:edit",
        "grading:history",
        "certificates_admin:edit",
        "certificate_rules:edit",
        "wagtailusers_users:edit",
        "wagtailsnippets_accounts_organisation:edit",
        "wagtailsnippets_governance_principle:edit",
        "wagtailsnippets_certificates_certificatetemplate:edit",
        "cohort_import",
        "cohort_matrix",
        "organisation_mastery",
        "quiz_item_analysis",
        "certificates_revoke",
        "workshop_sessions:edit",
        "workshop_attendance_rules:edit",
        "workshops_register",
        "workshops_sheet",
        "workshops_scan_file",
    ]:
        assert expected in names, expected
    assert not [name for role in ALLOWED.values() for name in role if name not in names]


@pytest.mark.parametrize(
    "name",
    ["cohorts:edit", "enrollments:edit", "grading:edit", "cohort_rotate", "certificates_revoke"],
)
def test_the_hostile_form_changes_data_where_a_view_accepts_it(world, name):
    url = next(url for url in ADMIN_URLS if url.name == name)
    client = client_for(world, "superuser")
    before = database_state()

    response = client.post(fill(url, world), hostile_form(world))

    assert response.status_code == 302, response
    assert changed_tables(before, database_state()) != []


# Every listing's rows lead to their object (issue 19: cohorts were plain text, unreachable)

LISTINGS = [
    url for url in ADMIN_URLS if url.name.endswith(":index") and url.model in OBJECT_OF_MODEL
]


def links_to(namespace, pk) -> list[str]:
    found = []
    for view in ("edit", "inspect"):
        with contextlib.suppress(NoReverseMatch):
            found.append(reverse(f"{namespace}:{view}", args=[pk]))
    return found


@pytest.mark.parametrize("url", LISTINGS, ids=str)
def test_every_listing_row_leads_to_its_object(world, client, url):
    target = world[OBJECT_OF_MODEL[url.model]]
    client.force_login(world["superuser"])

    html = client.get(reverse(url.name)).content.decode()

    links = links_to(url.name.rsplit(":", 1)[0], target.pk)
    assert links, f"{url.name} has neither an edit nor an inspect view"
    assert any(f'href="{link}"' in html for link in links), f"{url.name}: no row links {links}"

"""Injection: script planted by a trainer (rich text, StreamField, question text) or by a learner
(name, organisation, answers) stays text wherever it is shown: learner pages, the grading screen
and the admin reports (cohort matrix, certificate register, item analysis, enrollments). And no
export cell starts a spreadsheet formula. (Index of all attacks: test_catalogue.py.)"""

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils.html import escape
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from academy.core.spreadsheets import FORMULA_STARTS, FormulaSafeExportMixin
from certificates.models import Certificate, CertificateTemplate
from certificates.services import certificate_issue
from courses.models import Cohort, ModulePage
from courses.services import cohort_join, step_complete
from quizzes.models import QuizPage
from quizzes.services import attempt_start, attempt_submit
from tests.certificates.conftest import certified_course
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    add_quiz,
    assign_trainer,
    lessons_of,
    single_choice,
)
from tests.quizzes.conftest import answers_by_kind, short_answer
from tests.quizzes.test_quiz_page_tree import list_block
from tests.security.inert import script_risks

pytestmark = pytest.mark.django_db

MARKER = "lap-xss"
# Three ways in at once: a script element, an event handler and a javascript: link.
PLANTED = (
    f"<script>alert('{MARKER}')</script>"
    f"<img src=x onerror=\"alert('{MARKER}')\">"
    f"<a href=\"javascript:alert('{MARKER}')\">x</a>"
)
JS_URL = f"javascript:alert('{MARKER}')"


def planted_scripts(html: str) -> list[str]:
    """Script risks that carry the marker. The admin has inline scripts of its own (Wagtail's),
    so on admin pages only planted ones count."""
    return [risk for risk in script_risks(html) if MARKER in risk]


def assert_planted_text_is_inert(response, *, shown=True):
    assert response.status_code == 200, response
    html = response.content.decode()
    assert planted_scripts(html) == []
    if shown:  # it is there, as text the reader can see
        assert "&lt;script&gt;alert(" in html


def hostile_rich_text(features_link=True):
    """Draftail's form value as an attacker would post it: the planted markup as typed text,
    and links to javascript: URLs (one disguised with case and spaces)."""
    text = PLANTED + " read more"
    links = [JS_URL, f"  JaVaScRiPt:alert('{MARKER}')"]
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "k1",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": (
                        [
                            {"offset": len(PLANTED) + 1, "length": 4, "key": 0},
                            {"offset": len(PLANTED) + 6, "length": 4, "key": 1},
                        ]
                        if features_link
                        else []
                    ),
                    "data": {},
                }
            ],
            "entityMap": {
                str(n): {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
                for n, url in enumerate(links)
            },
        }
    )


# Trainer content


@pytest.fixture
def course(template):
    return certified_course(template, title="Course with planted script")


@pytest.fixture
def template(db):
    return CertificateTemplate.objects.get(title="Certificate of Completion")


@pytest.fixture
def trainer(course):
    return assign_trainer(course)


def publish(client, page, data):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, "action-publish": "publish"}
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return page.specific_class.objects.get(pk=page.pk)


def test_script_in_a_trainers_lesson_is_inert_for_learners(client, course, trainer, learner):
    lesson = lessons_of(course)[0]
    client.force_login(trainer)
    publish(
        client,
        lesson,
        nested_form_data(
            {
                "title": PLANTED,  # shown in the heading, the outline and the step links
                "slug": lesson.slug,
                "estimated_minutes": "10",
                "is_required": "on",
                "body": streamfield(
                    [
                        ("heading", {"text": PLANTED, "level": "h2"}),
                        ("paragraph", hostile_rich_text()),
                        (
                            "callout",
                            {"tone": "tip", "title": PLANTED, "body": hostile_rich_text()},
                        ),
                        ("quote", {"text": PLANTED, "attribution": PLANTED}),
                        ("reflection", {"prompt": PLANTED}),
                    ]
                ),
            }
        ),
    )
    cohort_join(cohort=Cohort.objects.create(course=course, name="C"), learner=learner)
    client.force_login(learner)

    response = client.get(lesson.url)

    assert_planted_text_is_inert(response)
    assert f'aria-current="page">{escape(PLANTED)}</a>' in response.content.decode()
    # The links' text stays, without the javascript: address.
    assert "<a>read</a> <a>more</a>" in response.content.decode()


def test_script_in_a_trainers_question_is_inert_in_the_attempt_result_and_grading_screen(
    client, course, trainer, learner
):
    module = ModulePage.objects.child_of(course).get()
    client.force_login(trainer)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", module.pk]),
        nested_form_data(
            {
                "title": "Planted quiz",
                "slug": "planted-quiz",
                "intro": hostile_rich_text(),
                "questions": inline_formset(
                    [
                        {
                            "prompt": hostile_rich_text(),
                            "points": "1",
                            "general_feedback": PLANTED,
                            "explanation": PLANTED,
                            "answer_key": streamfield(
                                [
                                    (
                                        "single",
                                        {
                                            "choices": list_block(
                                                [
                                                    {
                                                        "text": PLANTED,
                                                        "is_correct": "on",
                                                        "feedback": PLANTED,
                                                    },
                                                    {
                                                        "text": "Rule of Law",
                                                        "is_correct": "",
                                                        "feedback": "",
                                                    },
                                                ]
                                            )
                                        },
                                    )
                                ]
                            ),
                        },
                        {
                            "prompt": hostile_rich_text(),
                            "points": "4",
                            "general_feedback": "",
                            "explanation": "",
                            "answer_key": streamfield([("open", {"guidance": PLANTED})]),
                        },
                    ]
                ),
                "pass_mark": "50",
                "is_required": "on",
                "max_attempts": "3",
                "wait_minutes": "0",
                "time_limit_minutes": "",
                "draw_count": "",
                "review_policy": QuizPage.ReviewPolicy.IMMEDIATELY,
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    quiz = QuizPage.objects.get(slug="planted-quiz")
    cohort_join(cohort=Cohort.objects.create(course=course, name="C"), learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    base = quiz.url + f"attempts/{attempt.pk}/"
    client.force_login(learner)

    assert_planted_text_is_inert(client.get(quiz.url), shown=True)
    assert_planted_text_is_inert(client.get(base))
    by_kind = answers_by_kind(attempt)
    single = by_kind["single"].snapshot
    chosen = next(c["id"] for c in single["choices"] if c["correct"])
    attempt_submit(
        attempt=attempt,
        raw_answers={by_kind["single"].position: chosen, by_kind["open"].position: PLANTED},
    )
    assert_planted_text_is_inert(client.get(base + "result/"))

    client.force_login(trainer)
    grading = client.get(reverse("grading:edit", args=[by_kind["open"].pk]))
    assert_planted_text_is_inert(grading)
    assert_planted_text_is_inert(client.get(reverse("grading:index")), shown=False)


# Learner names, organisations and answers in the admin reports


@pytest.fixture
def planted_learner(course):
    """A learner whose name and organisation are planted markup, who completed the course and
    holds a certificate."""
    learner = UserFactory(
        full_name=PLANTED[:150], organisation=OrganisationFactory(name=PLANTED[:150])
    )
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    cohort_join(cohort=cohort, learner=learner)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)
    certificate_issue(learner=learner, course=course)
    return learner


def admin_report_urls(course):
    cohort = Cohort.objects.get(course=course)
    return [
        reverse("cohort_matrix", args=[cohort.pk]),
        reverse("cohort_mastery", args=[cohort.pk]),
        reverse("organisation_summary"),
        reverse("certificates_admin:index"),
        "/admin/enrollments/",
        "/admin/cohorts/",
    ]


def test_a_learners_planted_name_and_organisation_are_inert_in_admin_reports(
    admin_client, course, planted_learner
):
    certificate = Certificate.objects.get(learner=planted_learner)
    urls = [
        *admin_report_urls(course),
        reverse("certificates_admin:inspect", args=[certificate.pk]),
    ]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert planted_scripts(response.content.decode()) == [], url
    matrix = admin_client.get(urls[0]).content.decode()
    assert "&lt;script&gt;alert(" in matrix  # the name is shown, as text


def test_a_planted_name_is_inert_on_the_learners_pages_and_the_public_verification(
    client, planted_learner
):
    certificate = Certificate.objects.get(learner=planted_learner)
    client.force_login(planted_learner)

    for url in ("/en/my-learning/", "/en/my-certificates/", "/en/accounts/profile/"):
        assert planted_scripts(client.get(url).content.decode()) == [], url
    assert_planted_text_is_inert(Client().get(f"/verify/{certificate.display_code}/"))


def test_a_planted_answer_and_choice_are_inert_in_the_item_analysis(admin_client, course, learner):
    choice = single_choice()
    wrong = choice["answer_key"][0]["value"]["choices"][1]
    wrong["text"] = PLANTED[:150]  # the most chosen wrong answer is shown in the report
    quiz = add_quiz(ModulePage.objects.child_of(course).get(), questions=[short_answer(), choice])
    cohort_join(cohort=Cohort.objects.create(course=course, name="C"), learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    by_kind = answers_by_kind(attempt)
    planted_id = next(
        c["id"] for c in by_kind["single"].snapshot["choices"] if c["text"] == wrong["text"]
    )
    attempt_submit(
        attempt=attempt,
        raw_answers={
            by_kind["short"].position: PLANTED[:100],
            by_kind["single"].position: planted_id,
        },
    )

    index = admin_client.get(reverse("quiz_item_analysis_index"))
    report = admin_client.get(reverse("quiz_item_analysis", args=[quiz.pk]))

    for response in (index, report):
        assert response.status_code == 200
        assert planted_scripts(response.content.decode()) == []
    assert "&lt;script&gt;alert(" in report.content.decode()  # the wrong answer, as text


# The inertness check itself catches each way in


@pytest.mark.parametrize(
    "html",
    [
        f"<script>alert('{MARKER}')</script>",
        f"<img src=x onerror=\"alert('{MARKER}')\">",
        f"<a href=\"javascript:alert('{MARKER}')\">x</a>",
        f"<a href=\" jAvAsCrIpT:alert('{MARKER}')\">x</a>",
        f"<svg onload=\"alert('{MARKER}')\"></svg>",
        f"<iframe srcdoc=\"<script>alert('{MARKER}')</script>\"></iframe>",
        f"<form action=\"javascript:alert('{MARKER}')\"><button>go</button></form>",
    ],
)
def test_the_check_finds_every_planted_script(html):
    assert planted_scripts(f"<p>before</p>{html}<p>after</p>") != []


def test_the_check_passes_escaped_text():
    assert planted_scripts(f"<p>{escape(PLANTED)}</p>") == []


# Spreadsheet formulas in every export


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


OUR_APPS = ("academy", "courses", "quizzes", "certificates", "assessments")
# Index views of ours that could export but have no export columns: listings only.
NOT_EXPORTING = {"CohortIndexView", "QuizReportIndexView"}


def our_spreadsheet_views():
    """{view class: export columns} of our admin views built on Wagtail's spreadsheet export
    (index and report views), found through the URL configuration; columns set by a viewset
    are in the view's initkwargs."""
    found = {}

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
                continue
            view_class = getattr(pattern.callback, "view_class", None)
            if (
                view_class
                and issubclass(view_class, SpreadsheetExportMixin)
                and view_class.__module__.startswith(OUR_APPS)
            ):
                initkwargs = getattr(pattern.callback, "view_initkwargs", {})
                found[view_class] = initkwargs.get("list_export", view_class.list_export)

    walk(get_resolver().url_patterns)
    return found


def test_every_export_of_ours_neutralises_formulas():
    views = our_spreadsheet_views()
    unprotected = [view.__name__ for view in views if not issubclass(view, FormulaSafeExportMixin)]

    assert len(views) >= 9, views
    assert sorted(unprotected) == sorted(NOT_EXPORTING)
    # ...and those really export nothing: no columns on the class or from their viewset.
    assert [view for view in views if view.__name__ in NOT_EXPORTING and views[view]] == []


def cells_of(response, export_format):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]
    sheet = load_workbook(io.BytesIO(body)).active
    cells = []
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cells.append("=" + str(cell.value).lstrip("="))
            elif isinstance(cell.value, str):
                cells.append(cell.value)
    return cells


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("formula", FORMULAS)
def test_formulas_typed_by_learners_are_text_in_every_export(
    admin_client, course, formula, export_format
):
    learner = UserFactory(full_name=formula, organisation=OrganisationFactory(name=formula))
    cohort = Cohort.objects.create(course=course, name=formula)
    cohort_join(cohort=cohort, learner=learner)
    for lesson in lessons_of(course):
        step_complete(learner=learner, course=course, step=lesson)
    certificate_issue(learner=learner, course=course)

    for url in (
        reverse("cohort_matrix", args=[cohort.pk]),
        reverse("organisation_summary"),
        reverse("certificates_admin:index"),
        "/admin/enrollments/",
    ):
        response = admin_client.get(url, {"export": export_format})
        assert response.status_code == 200, url
        cells = cells_of(response, export_format)
        assert any(formula.strip() in cell for cell in cells), url  # the value is exported
        formulas = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
        assert formulas == [], url

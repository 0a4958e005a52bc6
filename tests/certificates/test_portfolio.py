"""My portfolio: one page and one PDF of a learner's certificates, passed assignments with
feedback, action plans and shared reflections; the action plan's own PDF for the council."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assignments.models import ActionPlanPage
from assignments.plans import plan_action_add, plan_goal_add, plan_start
from assignments.services import submission_grade, submission_save, submission_submit
from courses.journal import reflection_save
from courses.models import ModulePage
from courses.outline import course_of_step
from courses.services import enrollment_create
from tests.assignments.conftest import assignment_in_new_course, levels_for
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    _publish,
    assign_trainer,
    lessons_of,
    make_course,
)

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def reflect(learner, lesson, text, *, shared):
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection")
    return reflection_save(
        learner=learner, lesson=lesson, block_id=block_id, text=text, shared=shared
    )


def graded(learner, *, picks, title="Map your municipality's open data", feedback="Well argued."):
    assignment = assignment_in_new_course(learner=learner, title=title)
    trainer = assign_trainer(course_of_step(assignment))
    submission_save(assignment=assignment, learner=learner, text=f"My work on {title}.")
    submission = submission_submit(assignment=assignment, learner=learner)
    return submission_grade(
        submission=submission,
        grader=trainer,
        levels=levels_for(submission, picks),
        criterion_feedback={submission.rubric[0]["id"]: "Strong evidence."},
        feedback=feedback,
    )


def plan_of(learner, course, goals=1):
    module = ModulePage.objects.child_of(course).first()
    step = _publish(
        module,
        ActionPlanPage(title="Jablanica's action plan", slug=f"plan-{goals}", instructions=[]),
    )
    plan = plan_start(step=step, learner=learner)
    for n in range(goals):
        goal = plan_goal_add(
            plan=plan, user=learner, text=f"Open council sessions {n}", principles=[6]
        )
        plan_action_add(
            plan=plan,
            user=learner,
            goal_id=goal.pk,
            text="Stream the sessions",
            owner="Mayor's office",
            due_on=None,
        )
    return plan, step


@pytest.fixture
def portfolio_learner(issued, learner, course):
    """Amra, with a certificate, a passed and a failed assignment, a plan, and a shared and a
    private reflection."""
    learner.organisation = OrganisationFactory(name="Općina Jablanica")
    learner.save()
    graded(learner, picks=[2, 2, 1])
    graded(learner, picks=[0, 0, 0], title="Budget hearing notes")
    plan_of(learner, course)
    lessons = lessons_of(course)
    reflect(learner, lessons[0], "Our council meets behind closed doors.", shared=True)
    reflect(learner, lessons[1], "A private worry about the mayor.", shared=False)
    return learner


def test_the_portfolio_shows_what_the_learner_can_show_and_nothing_private(
    client, portfolio_learner, issued
):
    client.force_login(portfolio_learner)

    page = client.get(reverse("courses:portfolio")).content.decode()

    assert "Good Local Governance" in page and issued.serial in page
    assert issued.verification_path in page
    assert "Map your municipality" in page and "Well argued." in page
    assert "Strong evidence." in page and "10 of 12 points" in page
    assert "Budget hearing notes" not in page  # not passed
    assert "Jablanica&#x27;s action plan" in page and "Open council sessions 0" in page
    assert "6. Openness and Transparency" in page and "0 of 1 done" in page
    assert "Our council meets behind closed doors." in page
    assert "A private worry" not in page


def test_the_portfolio_pdf_says_the_same_with_its_diacritics(client, portfolio_learner, issued):
    client.force_login(portfolio_learner)

    response = client.get(reverse("courses:portfolio_pdf"))

    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = " ".join(pdf_text(response.content).split())
    assert "Portfolio of Amra Hodžić" in text
    assert issued.serial in text and "Well argued." in text and "Strong evidence." in text
    assert "Općina Jablanica" in text and "Our council meets behind closed doors." in text
    assert "A private worry" not in text


def test_the_portfolio_in_serbian_is_in_cyrillic(client, portfolio_learner):
    client.force_login(portfolio_learner)

    text = pdf_text(client.get("/sr" + reverse("courses:portfolio_pdf")[3:]).content)

    assert "Портфолио" in text and "Сертификати" in text


def test_a_new_learner_is_told_what_will_be_there(client):
    client.force_login(UserFactory())

    page = client.get(reverse("courses:portfolio")).content.decode()

    assert "No certificate yet." in page and "No assignment passed yet." in page
    assert "No action plan yet." in page and "No reflection shared yet." in page


def test_the_portfolio_is_for_its_learner_only(client):
    assert client.get(reverse("courses:portfolio")).status_code == 302
    assert client.get(reverse("courses:portfolio_pdf")).status_code == 302


def test_the_portfolio_costs_the_same_for_one_of_each_and_many(client, template, course):
    def queries(learner):
        client.force_login(learner)
        client.get(reverse("courses:portfolio"))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("courses:portfolio")).status_code == 200
        return len(captured)

    few, many = UserFactory(), UserFactory()
    for learner, count in ((few, 1), (many, 4)):
        enrollment_create(learner=learner, course=course)
        for n in range(count):
            graded(learner, picks=[2, 2, 2], title=f"Assignment {n}")
        plan_of(learner, course, goals=count)
        for lesson in lessons_of(course)[:count]:
            reflect(learner, lesson, "A thought.", shared=True)

    assert queries(few) == queries(many) <= 25


def test_a_plan_member_downloads_the_plan_and_an_outsider_gets_nothing(client, learner, course):
    enrollment_create(learner=learner, course=course)
    _plan, step = plan_of(learner, course)
    outsider = UserFactory(organisation=OrganisationFactory(name="Grad Mostar"))
    enrollment_create(learner=outsider, course=course)
    url = step.url + step.reverse_subpage("plan_pdf")
    client.force_login(learner)

    text = " ".join(pdf_text(client.get(url).content).split())

    assert "Jablanica's action plan" in text and "Stream the sessions" in text
    assert "Mayor's office" in text and "6. Openness and Transparency" in text
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_a_trainer_of_the_course_downloads_a_plan_and_another_trainer_cannot(
    client, learner, course
):
    enrollment_create(learner=learner, course=course)
    plan, _step = plan_of(learner, course)
    client.force_login(assign_trainer(course))

    response = client.get(reverse("action_plan_pdf", args=[plan.pk]))

    assert response.status_code == 200 and "Stream the sessions" in pdf_text(response.content)
    client.force_login(assign_trainer(make_course(title="Another course")))
    assert client.get(reverse("action_plan_pdf", args=[plan.pk])).status_code == 404

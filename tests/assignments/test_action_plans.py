"""Action plans: colleagues of one organisation write one plan, a trainer reviews it, and its
actions are moved on after the course with every change on record."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from academy.accounts.models import User
from assignments.models import ActionPlan, ActionPlanPage, PlanAction, PlanChange
from assignments.plans import (
    PlanRefused,
    plan_action_add,
    plan_action_status,
    plan_goal_add,
    plan_review,
    plan_start,
    plan_submit,
)
from courses.models import Cohort, Enrollment, ModulePage, StepProgress
from courses.outline import course_of_step
from courses.reports import cohort_matrix
from courses.services import enrollment_create
from tests.factories import OrganisationFactory, UserFactory, _publish, assign_trainer, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality():
    return OrganisationFactory(name="Općina Jablanica")


@pytest.fixture
def step(municipality):
    course = make_course(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    return _publish(
        module, ActionPlanPage(title="Our municipality's action plan", slug="plan", instructions=[])
    )


def colleague(step, organisation, name):
    person = UserFactory(full_name=name, organisation=organisation)
    enrollment_create(learner=person, course=course_of_step(step))
    return person


def plan_with_an_action(step, author):
    plan = plan_start(step=step, learner=author)
    goal = plan_goal_add(plan=plan, user=author, text="Open council sessions", principles=[1, 6])
    plan_action_add(
        plan=plan,
        user=author,
        goal_id=goal.pk,
        text="Stream the sessions",
        owner="Mayor's office",
        due_on=None,
    )
    return plan


def test_colleagues_of_one_organisation_write_one_plan_on_the_page(client, step, municipality):
    amra = colleague(step, municipality, "Amra")
    tarik = colleague(step, municipality, "Tarik")
    client.force_login(amra)
    client.post(
        step.url,
        {
            "do": "goal",
            "text": "Open council sessions",
            "principles": ["1", "6"],
            "indicators": "Sessions streamed: 10 of 10",
        },
    )
    client.force_login(tarik)
    page = client.get(step.url).content.decode()
    assert "Open council sessions" in page and "Sessions streamed" in page
    goal = ActionPlan.objects.get().goals.get()
    client.post(
        step.url,
        {
            "do": "action",
            "goal": goal.pk,
            "text": "Stream the sessions",
            "owner": "Mayor's office",
            "due_on": "2027-03-01",
        },
    )

    plan = ActionPlan.objects.get()
    assert (plan.organisation, goal.principles) == (municipality, [1, 6])
    assert plan.goals.get().actions.get().due_on.isoformat() == "2027-03-01"
    assert [c.kind for c in plan.changes.order_by("at", "pk")] == ["goal", "action"]
    assert "Written together by" in client.get(step.url).content.decode()


def test_a_trainer_approves_the_plan_and_its_members_complete_the_step(step, municipality):
    amra, tarik = colleague(step, municipality, "Amra"), colleague(step, municipality, "Tarik")
    plan = plan_with_an_action(step, amra)
    plan_submit(plan=plan, user=tarik)
    plan_submit(plan=plan, user=amra)  # a double submit changes nothing
    trainer = assign_trainer(course_of_step(step))

    plan_review(plan=plan, reviewer=trainer, approve=True, comment="A plan the council can adopt.")

    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.APPROVED
    done = StepProgress.objects.filter(step_id=step.pk, completed_at__isnull=False)
    assert set(done.values_list("learner_id", flat=True)) == {amra.pk, tarik.pk}
    assert plan.changes.filter(kind="submitted").count() == 1


def test_the_members_are_emailed_the_review_each_in_their_language(
    step, municipality, mailoutbox, django_capture_on_commit_callbacks
):
    amra, tarik = colleague(step, municipality, "Amra"), colleague(step, municipality, "Tarik")
    User.objects.filter(pk=tarik.pk).update(preferred_language="hr")
    plan = plan_with_an_action(step, amra)
    plan_submit(plan=plan, user=amra)

    with django_capture_on_commit_callbacks(execute=True):
        plan_review(
            plan=plan,
            reviewer=assign_trainer(course_of_step(step)),
            approve=False,
            comment="Give each action an owner by name.",
        )

    by_address = {email.to[0]: email for email in mailoutbox}
    assert set(by_address) == {amra.email, tarik.email}
    english, croatian = by_address[amra.email], by_address[tarik.email]
    assert "returned with comments" in english.subject
    assert "Give each action an owner by name." in english.body and step.url in english.body
    assert "returned with comments" not in croatian.subject  # written in Croatian


def test_after_the_course_actions_move_on_with_their_history(client, step, municipality):
    amra = colleague(step, municipality, "Amra")
    plan = plan_with_an_action(step, amra)
    plan_submit(plan=plan, user=amra)
    plan_review(plan=plan, reviewer=assign_trainer(course_of_step(step)), approve=True, comment="")
    Enrollment.objects.filter(learner=amra).update(status=Enrollment.Status.COMPLETED)
    action = PlanAction.objects.get()
    client.force_login(amra)

    client.post(step.url, {"do": "status", "action_id": action.pk, "status": "under_way"})
    client.post(step.url, {"do": "status", "action_id": action.pk, "status": "done"})

    action.refresh_from_db()
    assert action.status == "done"
    page = client.get(step.url).content.decode()
    history = page[page.index('class="plan-history"') :]
    assert history.index("&rarr; Done") < history.index("&rarr; Under way")  # newest first
    assert PlanChange.objects.filter(kind="status").count() == 2


def test_returning_a_plan_needs_a_comment(step, municipality):
    amra = colleague(step, municipality, "Amra")
    plan = plan_with_an_action(step, amra)
    plan_submit(plan=plan, user=amra)
    with pytest.raises(PlanRefused, match="should change"):
        plan_review(
            plan=plan, reviewer=assign_trainer(course_of_step(step)), approve=False, comment=""
        )
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.SUBMITTED


def test_someone_outside_the_organisation_cannot_change_the_plan(step, municipality):
    amra = colleague(step, municipality, "Amra")
    plan = plan_with_an_action(step, amra)
    outsider = colleague(step, OrganisationFactory(name="Grad Trebinje"), "Outsider")
    with pytest.raises(PlanRefused, match="members of the plan's organisation"):
        plan_goal_add(plan=plan, user=outsider, text="Take over")
    with pytest.raises(PlanRefused):
        plan_action_status(
            plan=plan, user=outsider, action_id=PlanAction.objects.get().pk, status="dropped"
        )
    assert PlanAction.objects.get().status == "planned" and plan.goals.count() == 1


def test_forged_ids_and_values_are_refused_and_nothing_changes(client, step, municipality):
    amra = colleague(step, municipality, "Amra")
    plan = plan_with_an_action(step, amra)
    other_plan = plan_with_an_action(step, colleague(step, OrganisationFactory(), "Other"))
    theirs = PlanAction.objects.get(goal__plan=other_plan)
    client.force_login(amra)
    for data in (
        {"do": "status", "action_id": theirs.pk, "status": "done"},
        {"do": "status", "action_id": "x", "status": "done"},
        {
            "do": "status",
            "action_id": PlanAction.objects.get(goal__plan=plan).pk,
            "status": "stolen",
        },
        {"do": "action", "goal": other_plan.goals.get().pk, "text": "x", "owner": "y"},
        {"do": "goal", "text": "x", "principles": ["13"]},
        {"do": "goal", "text": ""},
    ):
        response = client.post(step.url, data)
        assert response.status_code == 400, data
    assert set(PlanAction.objects.values_list("status", flat=True)) == {"planned"}
    assert PlanAction.objects.count() == 2 and plan.goals.count() == 1


def test_an_empty_plan_cannot_be_sent_for_review(step, municipality):
    amra = colleague(step, municipality, "Amra")
    plan = plan_start(step=step, learner=amra)
    with pytest.raises(PlanRefused, match="at least one goal with an action"):
        plan_submit(plan=plan, user=amra)


def test_a_trainer_of_another_course_cannot_review(client, step, municipality):
    amra = colleague(step, municipality, "Amra")
    plan = plan_with_an_action(step, amra)
    plan_submit(plan=plan, user=amra)
    stranger = assign_trainer(make_course(modules=1, lessons_per_module=1))
    with pytest.raises(PermissionDenied):
        plan_review(plan=plan, reviewer=stranger, approve=True, comment="")
    client.force_login(stranger)
    assert client.get(reverse("action_plan_review", args=[plan.pk])).status_code == 404


def test_the_queue_and_the_cohort_show_plans_to_review(client, step, municipality):
    amra = colleague(step, municipality, "Amra")
    plan = plan_with_an_action(step, amra)
    plan_submit(plan=plan, user=amra)
    course = course_of_step(step)
    cohort = Cohort.objects.create(course=course, name="Hercegovina")
    Enrollment.objects.filter(learner=amra).update(cohort=cohort)
    client.force_login(assign_trainer(course))

    queue = client.get(reverse("grading_queue")).content.decode()
    assert reverse("action_plan_review", args=[plan.pk]) in queue
    plans = client.get(reverse("cohort_action_plans", args=[cohort.pk])).content.decode()
    assert "Stream the sessions" in plans
    response = client.post(
        reverse("action_plan_review", args=[plan.pk]), {"approve": "1", "comment": ""}
    )
    assert response.status_code == 302
    matrix = cohort_matrix(cohort=cohort)
    assert matrix.export_row(matrix.rows[0])[f"plan_{step.pk}"] == "Approved, 0 of 1 done"

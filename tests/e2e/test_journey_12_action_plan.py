"""Journey 12: after the course, a learner opens their municipality's approved action plan on a
phone, moves an action to "Under way", adds another, and sees both in the plan's history."""

import pytest
from playwright.sync_api import expect

from assignments.models import ActionPlanPage
from assignments.plans import plan_action_add, plan_goal_add, plan_review, plan_start, plan_submit
from courses.models import Enrollment
from tests.factories import OrganisationFactory, _publish, assign_trainer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_learner_updates_their_action_plan_after_the_course(
    new_context, enrolled_learner, lap_course, log_in, screenshot
):
    enrolled_learner.organisation = OrganisationFactory(name="Općina Jablanica")
    enrolled_learner.save()
    step = _publish(
        lap_course.get_children().last().specific,
        ActionPlanPage(title="Our action plan", slug="action-plan", instructions=[]),
    )
    plan = plan_start(step=step, learner=enrolled_learner)
    goal = plan_goal_add(
        plan=plan, user=enrolled_learner, text="Open council sessions", principles=[6]
    )
    plan_action_add(
        plan=plan,
        user=enrolled_learner,
        goal_id=goal.pk,
        text="Stream the sessions",
        owner="Mayor's office",
    )
    plan_submit(plan=plan, user=enrolled_learner)
    plan_review(plan=plan, reviewer=assign_trainer(lap_course), approve=True, comment="Adopt it.")
    Enrollment.objects.filter(learner=enrolled_learner).update(status=Enrollment.Status.COMPLETED)

    phone = new_context("phone").new_page()
    log_in(phone, enrolled_learner, next_path=step.url)
    expect(phone.get_by_text("Approved · Općina Jablanica")).to_be_visible()
    phone.get_by_label("Status").select_option("under_way")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Status saved.")).to_be_visible()

    phone.get_by_text("Add an action").click()
    phone.locator("#action_text").fill("Publish the minutes within a week")
    phone.locator("#action_owner").fill("Council secretary")
    phone.get_by_role("button", name="Add the action").click()
    expect(phone.get_by_text("Action added.")).to_be_visible()

    history = phone.locator(".plan-history")
    expect(history).to_contain_text("Action added: Publish the minutes within a week")
    expect(history).to_contain_text("Stream the sessions → Under way")
    screenshot(phone, "j12", "1-plan-updated")

"""AssignmentPage in the page tree and the editor: where it lives, writing one with a rubric in
the admin, previewing it, and keeping assignments learners have worked on."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from assignments.models import ActionPlanPage, AssignmentPage
from assignments.services import submission_save
from courses.models import CourseIndexPage, CoursePage, ModulePage
from courses.services import enrollment_create
from tests.factories import UserFactory, make_course
from tests.quizzes.test_quiz_page_tree import list_block

from .conftest import add_assignment

pytestmark = pytest.mark.django_db


def criterion_form(title, levels):
    return (
        "criterion",
        {
            "title": title,
            "description": "",
            "levels": list_block(
                [
                    {"name": name, "description": "", "points": str(points)}
                    for name, points in levels
                ]
            ),
        },
    )


def assignment_form_data():
    data = nested_form_data(
        {
            "title": "Map your municipality's open data",
            "instructions": streamfield(
                [("paragraph", rich_text("<p>List what is published.</p>"))]
            ),
            "rubric": streamfield(
                [
                    criterion_form("Evidence", [("Beginning", 0), ("Accomplished", 4)]),
                    criterion_form("Clarity", [("Beginning", 0), ("Clear", 2)]),
                ]
            ),
            "hand_in": "both",
            "file_types": "documents",
            "max_file_mb": "10",
            "max_files": "3",
            "pass_mark": "50",
            "peer_reviews_per_learner": "2",
            "is_required": "on",
            "required_for_certificate": "on",
            "accepts_late": "on",
        }
    )
    data["rubric-0-value-principles"] = ["1", "6"]  # checkboxes: one field, several values
    return data


class AssignmentPageTypeRulesTests(WagtailPageTestCase):
    def test_an_assignment_lives_in_a_module_and_has_no_subpages(self):
        self.assertAllowedParentPageTypes(AssignmentPage, {ModulePage})
        self.assertAllowedSubpageTypes(AssignmentPage, set())
        self.assertCanNotCreateAt(CoursePage, AssignmentPage)
        self.assertCanNotCreateAt(CourseIndexPage, AssignmentPage)


class WriteAnAssignmentInTheAdminTests(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        self.login()
        self.module = make_course(modules=1, lessons_per_module=0).get_children().get()

    def test_create_an_assignment_with_a_two_criterion_rubric(self):
        data = assignment_form_data()
        self.assertCanCreate(self.module, AssignmentPage, data)

        assignment = AssignmentPage.objects.child_of(self.module).get()
        evidence, clarity = assignment.rubric
        self.assertEqual(evidence.value["principles"], [1, 6])
        self.assertEqual([lv["points"] for lv in clarity.value["levels"]], [0, 2])
        self.assertEqual(assignment.max_points, 6)
        self.assertEqual((assignment.max_files, assignment.extensions[0]), (3, "pdf"))

    def test_the_editor_offers_each_principle_once(self):
        response = self.client.get(
            reverse(
                "wagtailadmin_pages:add", args=["assignments", "assignmentpage", self.module.pk]
            )
        )
        self.assertEqual(response.status_code, 200)
        from assignments.blocks import principle_choices

        self.assertEqual([number for number, _label in principle_choices()], list(range(1, 13)))

    def test_the_preview_and_the_page_render(self):
        assignment = add_assignment(self.module)
        self.assertPageIsPreviewable(assignment, post_data=assignment_form_data())
        learner = UserFactory()
        enrollment_create(learner=learner, course=self.module.get_parent().specific)
        self.assertPageIsRenderable(assignment, user=learner)


def test_an_assignment_with_handed_in_work_is_not_deleted(client, admin_user):
    course = make_course(modules=1, lessons_per_module=0)
    assignment = add_assignment(course.get_children().get())
    learner = UserFactory()
    enrollment_create(learner=learner, course=course)
    submission_save(assignment=assignment, learner=learner, text="Draft")
    client.force_login(admin_user)
    client.post(reverse("wagtailadmin_pages:delete", args=[assignment.pk]))
    assert AssignmentPage.objects.filter(pk=assignment.pk).exists()


class ActionPlanPageTests(WagtailPageTestCase):
    def test_an_action_plan_step_lives_in_a_module_renders_and_previews(self):
        self.assertAllowedParentPageTypes(ActionPlanPage, {ModulePage})
        self.assertAllowedSubpageTypes(ActionPlanPage, set())
        self.login()
        module = make_course(modules=1, lessons_per_module=0).get_children().get()
        data = nested_form_data(
            {
                "title": "Our action plan",
                "instructions": streamfield(
                    [("paragraph", rich_text("<p>Plan with your colleagues.</p>"))]
                ),
                "is_required": "on",
            }
        )
        self.assertCanCreate(module, ActionPlanPage, data)
        step = ActionPlanPage.objects.child_of(module).get()
        self.assertPageIsPreviewable(step, post_data=data)
        learner = UserFactory()
        enrollment_create(learner=learner, course=module.get_parent().specific)
        self.assertPageIsRenderable(step, user=learner)

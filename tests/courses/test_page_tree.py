"""The page tree: HomePage > CourseIndexPage > CoursePage > ModulePage > course steps (LessonPage).

Each page type states where it may live, can be created, edited and previewed in the Wagtail admin,
and renders for the people who may see it."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Site, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from academy.core.blocks import RICH_TEXT_FEATURES
from academy.governance.models import Principle
from academy.home.models import HomePage
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.services import enrollment_create
from courses.steps import CourseStep
from tests.factories import (
    UserFactory,
    add_lesson,
    assign_trainer,
    catalogue,
    make_course,
    make_trainer,
)

pytestmark = pytest.mark.django_db


def lesson_form_data(**overrides):
    data = nested_form_data(
        {
            "title": "Publishing the draft budget",
            "body": streamfield(
                [
                    ("heading", {"text": "Openness", "level": "h2"}),
                    (
                        "paragraph",
                        rich_text(
                            "<p>Publish the draft budget <b>before</b> the debate.</p>",
                            features=RICH_TEXT_FEATURES,
                        ),
                    ),
                    ("reflection", {"prompt": "What would you publish first?"}),
                ]
            ),
            "estimated_minutes": "15",
            "is_required": "on",
            "tags": "budget, openness",
        }
    )
    data.update(overrides)
    return data


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_tree_root_and_holds_the_catalogue_and_the_label_page(self):
        from assessments.models import LabelHoldersPage

        self.assertAllowedParentPageTypes(HomePage, {Page})
        # Wagtail's own Page fits anywhere but cannot be created.
        creatable = {model for model in HomePage.allowed_subpage_models() if model.is_creatable}
        self.assertEqual(creatable, {CourseIndexPage, LabelHoldersPage})

    def test_there_is_only_one_home_page(self):
        root = Page.get_first_root_node()

        self.assertFalse(HomePage.can_create_at(root))

    def test_catalogue_sits_under_the_home_page_and_holds_courses(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})

    def test_course_sits_in_the_catalogue_and_holds_modules(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})

    def test_module_sits_in_a_course_and_holds_the_course_steps(self):
        steps = {model for model in get_page_models() if issubclass(model, CourseStep)}

        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, steps)
        self.assertIn(LessonPage, ModulePage.allowed_subpage_models())

    def test_lesson_sits_in_a_module_and_has_no_children(self):
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_lessons_cannot_be_created_outside_a_module(self):
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanNotCreateAt(HomePage, CoursePage)


class SiteStructureTests(WagtailPageTestCase):
    def test_default_site_root_is_the_home_page(self):
        site = Site.objects.get(is_default_site=True)

        self.assertIs(site.root_page.specific_class, HomePage)
        self.assertTrue(site.root_page.live)

    def test_migration_created_a_live_catalogue_under_the_home_page(self):
        index = CourseIndexPage.objects.get()

        self.assertIs(index.get_parent().specific_class, HomePage)
        self.assertEqual(index.slug, "courses")
        self.assertTrue(index.live)
        self.assertEqual(index.url, "/en/courses/")


class CreatePagesInTheAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.trainer = make_trainer(full_name="Tarik Trener")

    def setUp(self):
        super().setUp()
        self.login()
        self.transparency = Principle.objects.get(number=6)
        self.responsiveness = Principle.objects.get(number=9)

    def test_create_a_course_in_the_catalogue(self):
        data = nested_form_data(
            {
                "title": "Working with Citizens and CSOs",
                "summary": "Inform, consult, involve.",
                "learning_outcomes": rich_text(
                    "<ul><li>Plan a public consultation</li></ul>",
                    features=["bold", "italic", "ul", "ol"],
                ),
                "audience": "Mayors, councillors and municipal officials.",
                "estimated_hours": "6",
                "enrollment_policy": CoursePage.EnrollmentPolicy.INVITATION,
                "tags": "consultation, citizens",
            }
        )
        data["principles"] = [self.transparency.pk, self.responsiveness.pk]
        data["trainers"] = [self.trainer.pk]

        self.assertCanCreate(catalogue(), CoursePage, data)

        course = CoursePage.objects.get(slug="working-with-citizens-and-csos")
        self.assertTrue(course.live)
        self.assertTrue(course.is_invitation_only)
        self.assertEqual(course.estimated_hours, 6)
        self.assertEqual(set(course.principles.all()), {self.transparency, self.responsiveness})
        self.assertEqual(list(course.trainers.all()), [self.trainer])
        self.assertEqual(set(course.tags.names()), {"consultation", "citizens"})
        self.assertIn("Plan a public consultation", course.learning_outcomes)

    def test_create_a_module_in_a_course(self):
        course = make_course(modules=0)

        self.assertCanCreate(
            course,
            ModulePage,
            nested_form_data({"title": "Understanding Leadership", "intro": "Styles and values."}),
        )

        module = ModulePage.objects.child_of(course).get()
        self.assertEqual(module.title, "Understanding Leadership")
        self.assertEqual(module.intro, "Styles and values.")

    def test_create_a_lesson_in_a_module(self):
        module = make_course(modules=1, lessons_per_module=0).get_children().get()
        data = lesson_form_data()
        data["principles"] = [self.transparency.pk]

        self.assertCanCreate(module, LessonPage, data)

        lesson = LessonPage.objects.child_of(module).get()
        self.assertTrue(lesson.live)
        self.assertEqual(lesson.estimated_minutes, 15)
        self.assertTrue(lesson.is_required)
        self.assertEqual(
            [block.block_type for block in lesson.body], ["heading", "paragraph", "reflection"]
        )
        self.assertEqual(lesson.body[0].value["text"], "Openness")
        self.assertIn("<b>before</b>", lesson.body[1].value.source)
        self.assertEqual(list(lesson.principles.all()), [self.transparency])
        self.assertEqual(set(lesson.tags.names()), {"budget", "openness"})

    def test_a_lesson_without_a_body_is_refused(self):
        module = make_course(modules=1, lessons_per_module=0).get_children().get()
        data = lesson_form_data(**nested_form_data({"body": streamfield([])}))

        with self.assertRaisesMessage(AssertionError, "Validation errors found"):
            self.assertCanCreate(module, LessonPage, data)
        self.assertFalse(LessonPage.objects.child_of(module).exists())


class RenderEditPreviewTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.course = make_course(modules=1, lessons_per_module=1)
        cls.module = ModulePage.objects.child_of(cls.course).get()
        cls.lesson = LessonPage.objects.child_of(cls.module).get()
        cls.learner = UserFactory(full_name="Милица Јовановић")
        enrollment_create(learner=cls.learner, course=cls.course)

    def pages(self):
        return [
            HomePage.objects.get(),
            catalogue(),
            CoursePage.objects.get(pk=self.course.pk),
            ModulePage.objects.get(pk=self.module.pk),
            LessonPage.objects.get(pk=self.lesson.pk),
        ]

    def test_home_catalogue_course_and_module_render_for_visitors(self):
        for page in self.pages()[:4]:
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsRenderable(page)

    def test_home_catalogue_course_and_module_render_for_an_enrolled_learner(self):
        for page in self.pages()[:4]:
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsRenderable(page, user=self.learner)

    def test_lesson_renders_for_an_enrolled_learner(self):
        self.assertPageIsRenderable(self.lesson, user=self.learner)

    def test_lesson_is_locked_for_a_learner_who_is_not_enrolled(self):
        self.client.force_login(UserFactory())

        response = self.client.get(self.lesson.url)

        self.assertEqual(response.status_code, 403)
        self.assertNotIn("Publish the draft budget", response.content.decode())

    def test_lesson_sends_visitors_to_log_in(self):
        response = self.client.get(self.lesson.url)

        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response.url)

    def lesson_edit_data(self, **overrides):
        # The lesson body is a StreamField drawn by JavaScript, so the edit form's HTML carries
        # no body data: send what an editor would.
        overrides.setdefault("title", self.lesson.title)
        overrides.setdefault("slug", self.lesson.slug)
        return lesson_form_data(**overrides)

    def test_home_catalogue_course_and_module_are_editable(self):
        for page in self.pages()[:4]:
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsEditable(page)

    def test_lesson_is_editable(self):
        self.assertPageIsEditable(self.lesson, post_data=self.lesson_edit_data())

    def test_home_catalogue_course_and_module_are_previewable(self):
        for page in self.pages()[:4]:
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsPreviewable(page)

    def test_lesson_is_previewable(self):
        self.assertPageIsPreviewable(self.lesson, post_data=self.lesson_edit_data())

    def test_trainer_can_edit_a_lesson_in_the_catalogue(self):
        self.assertPageIsEditable(
            self.lesson, post_data=self.lesson_edit_data(), user=assign_trainer(self.course)
        )

    def test_trainer_publishes_a_changed_lesson_title(self):
        self.client.force_login(assign_trainer(self.course))

        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.lesson.pk]),
            self.lesson_edit_data(title="Openness in practice", **{"action-publish": "1"}),
        )

        self.assertEqual(response.status_code, 302)
        self.assertEqual(LessonPage.objects.get(pk=self.lesson.pk).title, "Openness in practice")

    def test_a_new_lesson_renders_for_an_already_enrolled_learner(self):
        lesson = add_lesson(self.module, title="Complaints and accountability")

        self.assertPageIsRenderable(lesson, user=self.learner)


class TrainersEditOnlyTheirCoursesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.own = make_course(modules=1, lessons_per_module=1, title="Own course")
        cls.other = make_course(modules=1, lessons_per_module=1, title="Other course")
        cls.trainer = assign_trainer(cls.own)

    def lesson_in(self, course):
        return LessonPage.objects.descendant_of(course).get()

    def test_a_trainer_edits_lessons_of_their_course(self):
        self.client.force_login(self.trainer)
        url = reverse("wagtailadmin_pages:edit", args=[self.lesson_in(self.own).pk])
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_trainer_cannot_edit_publish_or_add_to_another_course(self):
        self.client.force_login(self.trainer)
        lesson = self.lesson_in(self.other)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
        self.assertNotEqual(edit.status_code, 200)
        publish = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
            {"title": "Hijacked", "slug": lesson.slug, "action-publish": "1"},
        )
        self.assertNotEqual(publish.status_code, 200)
        self.assertEqual(LessonPage.objects.get(pk=lesson.pk).title, lesson.title)
        module = ModulePage.objects.child_of(self.other).get()
        add = self.client.get(
            reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
        )
        self.assertNotEqual(add.status_code, 200)

    def test_removing_a_trainer_from_a_course_takes_their_rights_away(self):
        course = CoursePage.objects.get(pk=self.own.pk)
        course.trainers.remove(self.trainer)
        course.save_revision().publish()
        self.client.force_login(self.trainer)
        url = reverse("wagtailadmin_pages:edit", args=[self.lesson_in(self.own).pk])
        self.assertNotEqual(self.client.get(url).status_code, 200)

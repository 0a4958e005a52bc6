"""QuizPage in the page tree and the Wagtail admin: where it lives, creating one with questions of
several types, editing, previewing, and keeping quizzes that learners have taken."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from academy.governance.models import Principle
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.services import enrollment_create
from quizzes.models import QuizAttempt, QuizPage
from quizzes.services import attempt_start
from tests.factories import UserFactory, add_quiz, assign_trainer, make_course
from tests.quizzes.conftest import open_question, single_choice

pytestmark = pytest.mark.django_db

PROMPT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def list_block(items):
    """Form data of a ListBlock (the choices of a question, the pairs of a matching question)."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def question_form(prompt, answer_key, **fields):
    return {
        "prompt": rich_text(f"<p>{prompt}</p>", features=PROMPT_FEATURES),
        "points": "1",
        "answer_key": streamfield([answer_key]),
        "general_feedback": "",
        "explanation": "",
        **fields,
    }


def quiz_form_data(title="Check your understanding", **overrides):
    """The quiz editor's form: a single-choice, a short-answer and an open question."""
    data = nested_form_data(
        {
            "title": title,
            "intro": rich_text("<p>Ten minutes, three questions.</p>", features=["bold"]),
            "questions": inline_formset(
                [
                    question_form(
                        "Which principle covers openness of decision-making?",
                        (
                            "single",
                            {
                                "choices": list_block(
                                    [
                                        {
                                            "text": "Openness and Transparency",
                                            "is_correct": "on",
                                            "feedback": "Yes: principle 6.",
                                        },
                                        {"text": "Rule of Law", "is_correct": "", "feedback": ""},
                                    ]
                                )
                            },
                        ),
                        points="2",
                        general_feedback="Decisions are taken in the open.",
                        explanation="Principle 6 is Openness and Transparency.",
                    ),
                    question_form(
                        "In which municipality was the first LAP adopted?",
                        (
                            "short",
                            {
                                "accepted": list_block(["Žepče"]),
                                "ignore_diacritics": "on",
                                "ignore_script": "on",
                            },
                        ),
                    ),
                    question_form(
                        "How will you involve citizens in the budget?",
                        ("open", {"guidance": "Look for a concrete step."}),
                        points="5",
                    ),
                ]
            ),
            "pass_mark": "80",
            "is_required": "on",
            "max_attempts": "3",
            "wait_minutes": "10",
            "time_limit_minutes": "15",
            "draw_count": "",
            "shuffle_choices": "on",
            "review_policy": QuizPage.ReviewPolicy.AFTER_PASSING,
        }
    )
    data.update(overrides)
    return data


class QuizPageTypeRulesTests(WagtailPageTestCase):
    def test_a_quiz_lives_in_a_module_and_has_no_subpages(self):
        self.assertAllowedParentPageTypes(QuizPage, {ModulePage})
        self.assertAllowedSubpageTypes(QuizPage, set())

    def test_a_module_holds_lessons_and_quizzes(self):
        self.assertIn(QuizPage, ModulePage.allowed_subpage_models())
        self.assertIn(LessonPage, ModulePage.allowed_subpage_models())

    def test_a_quiz_cannot_be_created_outside_a_module(self):
        self.assertCanNotCreateAt(CoursePage, QuizPage)
        self.assertCanNotCreateAt(CourseIndexPage, QuizPage)
        self.assertCanNotCreateAt(QuizPage, LessonPage)


class CreateAQuizInTheAdminTests(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        self.login()
        self.module = make_course(modules=1, lessons_per_module=0).get_children().get()

    def test_create_a_quiz_with_questions_of_several_types(self):
        openness = Principle.objects.get(number=6, locale__language_code="en")
        data = quiz_form_data()
        data["questions-0-principles"] = [openness.pk]

        self.assertCanCreate(self.module, QuizPage, data)

        quiz = QuizPage.objects.child_of(self.module).get()
        self.assertTrue(quiz.live)
        self.assertEqual(
            (quiz.pass_mark, quiz.max_attempts, quiz.wait_minutes, quiz.time_limit_minutes),
            (80, 3, 10, 15),
        )
        self.assertEqual(quiz.review_policy, "after_passing")
        single, short, essay = quiz.questions.all()
        self.assertEqual([q.kind for q in (single, short, essay)], ["single", "short", "open"])
        self.assertEqual(single.points, 2)
        self.assertIn("openness of decision-making", single.prompt)
        choices = single.answer_key[0].value["choices"]
        self.assertEqual(
            [(c["text"], c["is_correct"]) for c in choices],
            [("Openness and Transparency", True), ("Rule of Law", False)],
        )
        self.assertEqual(choices[0]["feedback"], "Yes: principle 6.")
        self.assertEqual(single.explanation, "Principle 6 is Openness and Transparency.")
        self.assertEqual(list(single.principles.all()), [openness])
        short_key = short.answer_key[0].value
        self.assertEqual(list(short_key["accepted"]), ["Žepče"])
        self.assertTrue(short_key["ignore_diacritics"] and short_key["ignore_script"])
        self.assertEqual(essay.answer_key[0].value["guidance"], "Look for a concrete step.")

    def test_a_created_quiz_can_be_taken_with_the_frozen_keys(self):
        self.assertCanCreate(self.module, QuizPage, quiz_form_data())
        quiz = QuizPage.objects.child_of(self.module).get()
        learner = UserFactory()
        enrollment_create(learner=learner, course=quiz.get_parent().get_parent().specific)

        attempt = attempt_start(learner=learner, quiz=quiz)

        snapshots = [answer.snapshot for answer in attempt.answers.all()]
        self.assertEqual([s["kind"] for s in snapshots], ["single", "short", "open"])
        self.assertTrue(all(choice["id"] for choice in snapshots[0]["choices"]))

    def publish_new_quiz(self, data):
        add_url = reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", self.module.pk])
        return self.client.post(
            add_url, {**data, "slug": "a-quiz", "action-publish": "action-publish"}
        )

    def test_a_quiz_without_questions_is_refused(self):
        data = quiz_form_data(**nested_form_data({"questions": inline_formset([])}))

        response = self.publish_new_quiz(data)

        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertTrue(response.context["form"].formsets["questions"].non_form_errors())
        self.assertFalse(QuizPage.objects.exists())

    def test_a_question_without_a_type_and_answer_is_refused(self):
        data = quiz_form_data(
            **nested_form_data({"questions": {"0": {"answer_key": {"count": "0"}}}})
        )

        response = self.publish_new_quiz(data)

        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertTrue(response.context["form"].formsets["questions"].forms[0].errors)
        self.assertFalse(QuizPage.objects.exists())

    def test_a_pass_mark_above_100_is_refused(self):
        with self.assertRaisesMessage(AssertionError, "Validation errors found"):
            self.assertCanCreate(self.module, QuizPage, quiz_form_data(pass_mark="101"))


class EditPreviewAndDeleteTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.course = make_course(modules=1, lessons_per_module=1)
        cls.module = ModulePage.objects.child_of(cls.course).get()
        cls.quiz = add_quiz(cls.module, questions=[single_choice(), open_question()])
        cls.learner = UserFactory(full_name="Милица Јовановић")
        enrollment_create(learner=cls.learner, course=cls.course)

    def edit_data(self, **overrides):
        # StreamFields and inline panels are drawn by JavaScript, so the edit form's HTML
        # carries no question data: send what an editor would.
        return quiz_form_data(title=self.quiz.title, slug=self.quiz.slug, **overrides)

    def test_a_quiz_renders_for_an_enrolled_learner(self):
        self.assertPageIsRenderable(self.quiz, user=self.learner)

    def test_a_quiz_is_editable(self):
        self.assertPageIsEditable(self.quiz, post_data=self.edit_data())

    def test_a_trainer_can_edit_a_quiz(self):
        trainer = assign_trainer(self.course)
        self.assertPageIsEditable(self.quiz, post_data=self.edit_data(), user=trainer)

    def test_a_quiz_is_previewable_and_the_preview_creates_no_attempt(self):
        self.assertPageIsPreviewable(self.quiz, post_data=self.edit_data())

        self.assertFalse(QuizAttempt.objects.exists())

    def test_the_preview_shows_the_draft_questions_without_keys(self):
        self.login()
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.quiz.pk])

        self.client.post(preview_url, self.edit_data())
        response = self.client.get(preview_url)

        self.assertContains(response, "Preview: this is how learners see an attempt.")
        self.assertContains(response, "In which municipality was the first LAP adopted?")
        self.assertContains(response, "Openness and Transparency")
        for secret in ("Žepče", "Yes: principle 6.", "Look for a concrete step.", "Principle 6 is"):
            self.assertNotContains(response, secret)
        self.assertFalse(QuizAttempt.objects.exists())

    def test_a_quiz_that_learners_have_taken_cannot_be_deleted(self):
        attempt_start(learner=self.learner, quiz=self.quiz)
        self.login()

        response = self.client.post(
            reverse("wagtailadmin_pages:delete", args=[self.quiz.pk]), follow=True
        )

        self.assertContains(
            response, "Learners have taken this quiz; unpublish it instead of deleting it."
        )
        self.assertTrue(QuizPage.objects.filter(pk=self.quiz.pk).exists())
        self.assertEqual(QuizAttempt.objects.count(), 1)

    def test_a_module_holding_a_taken_quiz_cannot_be_deleted(self):
        attempt_start(learner=self.learner, quiz=self.quiz)
        self.login()

        response = self.client.post(
            reverse("wagtailadmin_pages:delete", args=[self.module.pk]), follow=True
        )

        self.assertContains(response, "Learners have taken this quiz")
        self.assertTrue(ModulePage.objects.filter(pk=self.module.pk).exists())
        self.assertTrue(QuizPage.objects.filter(pk=self.quiz.pk).exists())

    def test_a_quiz_nobody_has_taken_can_be_deleted(self):
        untaken = add_quiz(self.module, questions=[single_choice()], title="A draft quiz")
        self.login()

        self.client.post(reverse("wagtailadmin_pages:delete", args=[untaken.pk]))

        self.assertFalse(QuizPage.objects.filter(pk=untaken.pk).exists())
        self.assertTrue(QuizPage.objects.filter(pk=self.quiz.pk).exists())

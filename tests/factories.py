"""Factories for the foundation and courses. Pages are added under the catalogue that the
migrations create, so tests run on the same site as production."""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from academy.accounts.models import Organisation, User
from academy.accounts.roles import LEARNERS, TRAINERS
from courses.models import CourseIndexPage, CoursePage, Enrollment, LessonPage, ModulePage

PASSWORD = "correct horse battery staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Općina {n}")
    kind = Organisation.Kind.MUNICIPALITY
    place = "Jablanica"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"learner{n}@lap.example")
    full_name = factory.Sequence(lambda n: f"Amra Hodžić {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=extracted or LEARNERS))


def make_trainer(**fields):
    return UserFactory(group=TRAINERS, **fields)


def assign_trainer(course, trainer=None):
    """A trainer of `course`: publishing the course gives them edit rights on it."""
    trainer = trainer or make_trainer()
    course = course.specific
    course.trainers.add(trainer)
    course.save_revision().publish()
    return trainer


def catalogue() -> CourseIndexPage:
    return CourseIndexPage.objects.order_by("path").first()


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_course(*, modules=2, lessons_per_module=2, title="Good Local Governance", **fields):
    """A published course with `modules` modules of `lessons_per_module` lessons each."""
    index = catalogue()
    slug = fields.pop("slug", f"course-{CoursePage.objects.count() + 1}")
    course = _publish(
        index, CoursePage(title=title, slug=slug, summary="What good governance means.", **fields)
    )
    for m in range(modules):
        module = add_module(course, title=f"Module {m + 1}")
        for n in range(lessons_per_module):
            add_lesson(module, title=f"Lesson {m + 1}.{n + 1}")
    return course


def add_module(course, *, title="Module"):
    slug = f"module-{ModulePage.objects.count() + 1}"
    return _publish(course, ModulePage(title=title, slug=slug, intro="About this module."))


def add_lesson(module, *, title="Lesson", **fields):
    slug = f"lesson-{LessonPage.objects.count() + 1}"
    fields.setdefault(
        "body",
        [
            {"type": "heading", "value": {"text": "Openness", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Publish the draft budget before the debate.</p>"},
            {"type": "reflection", "value": {"prompt": "What would you publish first?"}},
        ],
    )
    return _publish(module, LessonPage(title=title, slug=slug, **fields))


def completed_learners(course, count):
    """`count` new learners who completed `course` (as its last step would have recorded)."""
    learners = [UserFactory() for _ in range(count)]
    Enrollment.objects.bulk_create(
        Enrollment(
            learner=learner,
            course=course,
            status=Enrollment.Status.COMPLETED,
            completed_at=timezone.now(),
        )
        for learner in learners
    )
    return learners


def lessons_of(course):
    return list(LessonPage.objects.descendant_of(course).live().order_by("path"))


def add_quiz(module, *, questions=(), title="Check your understanding", **fields):
    """A published quiz under `module` with the given questions (dicts of Question fields)."""
    from quizzes.models import Question, QuizPage

    slug = f"quiz-{QuizPage.objects.count() + 1}"
    quiz = QuizPage(title=title, slug=slug, **fields)
    for order, question in enumerate(questions):
        quiz.questions.add(Question(sort_order=order, **question))
    return _publish(module, quiz)


def single_choice(prompt="Which principle covers openness of decision-making?", points=1):
    return {
        "prompt": f"<p>{prompt}</p>",
        "points": points,
        "answer_key": [
            {
                "type": "single",
                "value": {
                    "choices": [
                        {
                            "text": "Openness and Transparency",
                            "is_correct": True,
                            "feedback": "Yes: principle 6.",
                        },
                        {"text": "Rule of Law", "is_correct": False, "feedback": "Not this one."},
                        {"text": "Responsiveness", "is_correct": False, "feedback": ""},
                    ]
                },
            }
        ],
        "general_feedback": "Openness means decisions are taken in the open.",
        "explanation": "Principle 6 is Openness and Transparency.",
    }


def open_question(prompt="How will you involve citizens in next year's budget?", points=5):
    return {
        "prompt": f"<p>{prompt}</p>",
        "points": points,
        "answer_key": [{"type": "open", "value": {"guidance": "Look for a concrete step."}}],
    }

"""The learner's journal: their answers to the lessons' reflection prompts, saved privately and
shared with the course's trainers only when they choose."""

from django.utils.translation import gettext as _

from .models import CoursePage, LessonPage, Reflection
from .outline import course_of_step, enrollment_of
from .translations import canonical_of, localized, originals

MAX_REFLECTION = 10_000


class ReflectionRefused(Exception):
    """Why a reflection cannot be saved, for the learner."""


def reflection_prompt(lesson: LessonPage, block_id: str) -> str | None:
    """The text of the reflection prompt `block_id` in `lesson`'s body, or None."""
    for block in lesson.body:
        if block.block_type == "reflection" and block.id == block_id:
            return block.value["prompt"]
    return None


def reflection_save(*, learner, lesson: LessonPage, block_id: str, text: str, shared: bool):
    """Save (or change) the learner's answer to one prompt of a lesson of a course they are
    enrolled in. A prompt not in the lesson, an empty or too long answer is refused and nothing
    changes."""
    prompt = reflection_prompt(lesson, block_id)
    if prompt is None:
        raise ReflectionRefused(_("This lesson has no such reflection prompt."))
    if enrollment_of(learner=learner, course=course_of_step(lesson)) is None:
        raise ReflectionRefused(_("Enroll in the course to keep a journal of its lessons."))
    text = text.strip()
    if not text:
        raise ReflectionRefused(_("Write your reflection before saving it."))
    if len(text) > MAX_REFLECTION:
        raise ReflectionRefused(
            _("Keep your reflection under %(count)s characters.") % {"count": MAX_REFLECTION}
        )
    reflection, _created = Reflection.objects.update_or_create(
        learner=learner,
        lesson=canonical_of(lesson),
        block_id=block_id,
        defaults={"prompt": prompt, "text": text, "shared": shared},
    )
    return reflection


def journal_of(*, learner, shared_only: bool = False) -> list[tuple]:
    """The learner's reflections (those shared with trainers, if `shared_only`) by course, in
    course order, each lesson and course in the reader's language:
    [(course, [(lesson, reflection)])]. Four queries, whatever the count."""
    mine = Reflection.objects.filter(learner=learner)
    reflections = list(
        (mine.filter(shared=True) if shared_only else mine)
        .select_related("lesson")
        .order_by("lesson__path", "pk")
    )
    if not reflections:
        return []
    lessons = localized([r.lesson for r in reflections], LessonPage.objects.live())
    courses = list(originals(CoursePage.objects.all()))
    course_of = {r.pk: _course_by_path(r.lesson, courses) for r in reflections}
    shown = localized(
        list({c.pk: c for c in course_of.values() if c}.values()), CoursePage.objects.live()
    )
    journal = {}
    for reflection in reflections:
        course = course_of[reflection.pk]
        if course is None:
            continue
        lesson = lessons.get(reflection.lesson_id, reflection.lesson)
        journal.setdefault(shown[course.pk], []).append((lesson, reflection))
    return list(journal.items())


def _course_by_path(lesson, courses):
    return next((c for c in courses if lesson.path.startswith(c.path)), None)

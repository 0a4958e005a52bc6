"""What a course's certificate may ask of a learner beyond completing it, and the score it shows,
told by the apps that know (quizzes: the minimum average quiz score; workshops and assignments
next). `certificates` asks through here and names no step app; an app registers in `ready()`."""

from collections.abc import Callable
from decimal import Decimal

# check(*, learner, course, rule) -> why the learner does not meet it yet, or None. `rule` is
# the course's certificate rule; `rule.minimum_score` is its minimum score (a percentage) or None.
_requirements: list[Callable] = []
# score(*, learner, course) -> the learner's score in the course (a percentage), or None when
# the course has nothing scored.
_scores: list[Callable] = []


def register_certificate_requirement(check: Callable) -> None:
    if check not in _requirements:
        _requirements.append(check)


def register_course_score(score: Callable) -> None:
    if score not in _scores:
        _scores.append(score)


def certificate_requirement_problem(*, learner, course, rule) -> str | None:
    """The first registered requirement `learner` does not meet in `course`, or None."""
    for check in _requirements:
        if problem := check(learner=learner, course=course, rule=rule):
            return problem
    return None


def course_score(*, learner, course) -> Decimal | None:
    """The learner's score in `course` by the first app that scores it, or None."""
    for score in _scores:
        if (value := score(learner=learner, course=course)) is not None:
            return value
    return None

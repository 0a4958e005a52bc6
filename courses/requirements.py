"""What a course's certificate may ask of a learner beyond completing it, the score it shows and
the facts it may state, told by the apps that know (quizzes: the minimum average quiz score;
workshops: attendance; assignments next). `certificates` asks through here and names no step
app; an app registers in `ready()`."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

# check(*, learner, course, rule) -> why the learner does not meet it yet, or None. `rule` is
# the course's certificate rule; `rule.minimum_score` is its minimum score (a percentage) or None.
_requirements: list[Callable] = []
# score(*, learner, course) -> the learner's score in the course (a percentage), or None when
# the course has nothing scored.
_scores: list[Callable] = []


@dataclass(frozen=True)
class CertificateFact:
    """A fact a certificate template may print as `{name}`: `value(*, learner, course)` is the
    learner's line (in the active language), or None when the course has nothing to say."""

    name: str
    label: str
    value: Callable


_facts: dict[str, CertificateFact] = {}


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


def register_certificate_fact(name: str, *, label: str, value: Callable) -> None:
    _facts[name] = CertificateFact(name=name, label=label, value=value)


def certificate_facts() -> dict[str, CertificateFact]:
    """Every registered fact by its placeholder name."""
    return dict(_facts)


def certificate_fact_values(*, learner, course, names) -> dict[str, str]:
    """The registered facts among `names` that the learner has a line for, as {name: line}."""
    values = {}
    for name in names:
        if name in _facts and (line := _facts[name].value(learner=learner, course=course)):
            values[name] = str(line)
    return values

"""My portfolio: one page (and one PDF) of what a learner can show for their learning, told by
the apps that know: certificates, passed assignments with their feedback, action plans, and the
reflections the learner shared. An app registers a section in `ready()`, so `courses` names no
higher app; the section for shared reflections is this app's own."""

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from academy.core.documents import Document, Entry, Section
from academy.core.formatting import day

from .journal import journal_of

# section(*, learner) -> Section. Each keeps to a fixed number of queries, whatever the learner
# has done. `order` places it: certificates first (10), then work (20, 30), reflections last (90).
_sections: list[tuple[int, Callable]] = []


def register_portfolio_section(section: Callable, *, order: int) -> None:
    if all(registered is not section for _order, registered in _sections):
        _sections.append((order, section))


def shared_reflections(*, learner) -> Section:
    entries = [
        Entry(
            title=lesson.title,
            meta=f"{course.title} · {day(reflection.updated_at)}",
            url=lesson.url,
            paragraphs=[reflection.prompt, reflection.text],
        )
        for course, reflections in journal_of(learner=learner, shared_only=True)
        for lesson, reflection in reflections
    ]
    return Section(
        title=_("Reflections shared with my trainers"),
        entries=entries,
        empty=_("No reflection shared yet. In My journal, choose which to share."),
    )


def portfolio_of(*, learner, programme: str) -> Document:
    """The learner's portfolio from `programme` (the site's name), in the active language:
    every registered section in order."""
    return Document(
        title=_("Portfolio of %(name)s") % {"name": learner.full_name or learner.email},
        subtitle=f"{programme} · {day(timezone.now())}",
        sections=[section(learner=learner) for _order, section in sorted(_sections, key=_first)],
    )


def _first(pair):
    return pair[0]

"""What "My learning" shows beside the learner's courses, told by the apps that know (workshops:
the next session and the attendance so far). An app registers a panel in `ready()`, so
`courses` names no higher app."""

from collections.abc import Callable

# panel(*, learner, enrollments) -> (template name, context) to show, or None when there is
# nothing to say. `enrollments` are the learner's, read already: a panel with nothing to say
# for them asks the database nothing. Each keeps to a fixed number of queries.
_panels: list[Callable] = []


def register_learning_panel(panel: Callable) -> None:
    if panel not in _panels:
        _panels.append(panel)


def learning_panels(*, learner, enrollments) -> list[tuple[str, dict]]:
    """The panels that have something to show `learner`, in the order the apps registered."""
    return [
        shown
        for panel in _panels
        if (shown := panel(learner=learner, enrollments=enrollments)) is not None
    ]

"""News that apps higher up (certificates) may react to. Sent once per event, on commit."""

from django.dispatch import Signal

# Sent with `attempt` when an attempt gets its result: graded on submit, its last open answer
# graded, or a re-grade. A learner's average over a course's quizzes may have changed.
attempt_graded = Signal()

"""News that apps higher up (quizzes, certificates) may react to. Sent once per event, on commit."""

from django.dispatch import Signal

# Sent with `enrollment` once, when a learner first completes every required step of a course.
course_completed = Signal()

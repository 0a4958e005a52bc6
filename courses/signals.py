"""News that apps higher up (quizzes, certificates) may react to. Sent once per event, on commit."""

from django.dispatch import Signal

# Sent with `enrollment` once, when a learner first completes every required step of a course.
course_completed = Signal()

# Sent with `learner` and `course` when a scored result of theirs in the course is final or
# changes (a quiz graded or re-graded; assignments next): a certificate's score requirement may
# be met now.
course_result_changed = Signal()

"""Course steps: the pages a learner completes. Lessons here; quizzes (in a higher app) too.

A page type becomes a step by inheriting `CourseStep`. `courses` finds step types through this
mixin, never by importing the apps that define them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models


class CourseStep(models.Model):
    is_required = models.BooleanField(
        _("required for course completion"),
        default=True,
        help_text=_("Learners must complete required steps to complete the course."),
    )

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        abstract = True

    def completes_on_mark(self) -> bool:
        """Whether the learner may complete this step with "Mark as complete" (a quiz may not)."""
        return True


def step_models():
    """Every concrete page model that is a course step."""
    return [model for model in get_page_models() if issubclass(model, CourseStep)]

"""Course steps: the pages a learner completes. Lessons here; quizzes (in a higher app) too.

A page type becomes a step by inheriting `CourseStep`. `courses` finds step types through this
mixin, never by importing the apps that define them.
"""

from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
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

    def serve(self, request, *args, **kwargs):
        """The one way every step is served, whatever its type: visitors are sent to log in,
        learners not enrolled get the locked page, an enrolled learner's visit is recorded; then
        the step serves what is its own (`serve_step`) with the course outline. An editor's
        preview skips the gate (its outline is None)."""
        # Imported here: the selectors and services import the models that import this mixin.
        from .outline import course_of_step, course_outline_for
        from .services import step_visit
        from .translations import remember_canonical

        if getattr(request, "is_preview", False):
            return self.serve_step(request, *args, outline=None, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        outline = course_outline_for(course=course_of_step(self), learner=request.user)
        if not outline.is_enrolled:
            context = {"page": self, "outline": outline}
            return TemplateResponse(request, "courses/step_locked.html", context, status=403)
        _module, entry = outline.locate(self)
        if entry:  # the outline knows the original: services need not look it up again
            remember_canonical(self, entry.canonical_pk)
        step_visit(enrollment=outline.enrollment, step=self, started=bool(entry and entry.started))
        return self.serve_step(request, *args, outline=outline, **kwargs)

    def serve_step(self, request, *args, outline, **kwargs):
        """What is the step's own: by default its page, `outline` passed on to `get_context`
        (Wagtail's `Page.serve` hands its keyword arguments to it)."""
        return super().serve(request, *args, outline=outline, **kwargs)


class RoutableCourseStep(CourseStep):
    """A step with routes of its own (a quiz's attempts, an assignment's form), declared as
    `class QuizPage(RoutableCourseStep, RoutablePageMixin, BasePage)`: in that order the gate
    (`CourseStep.serve`) runs before Wagtail's routing, and every route gets the outline as its
    `outline` keyword argument. (Inheriting RoutablePageMixin here would put it after `Page` in
    the page's method order, and its routes would never be served.)"""

    class Meta:
        abstract = True

    def serve_step(self, request, view=None, args=None, kwargs=None, *, outline):
        kwargs = {**(kwargs or {}), "outline": outline}
        return RoutablePageMixin.serve(self, request, view, args, kwargs)


def step_models():
    """Every concrete page model that is a course step."""
    return [model for model in get_page_models() if issubclass(model, CourseStep)]

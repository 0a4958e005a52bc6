from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from wagtail.signals import page_published

        from .models import CoursePage

        page_published.connect(
            _sync_trainers, sender=CoursePage, dispatch_uid="courses.sync_trainers"
        )


def _sync_trainers(sender, instance, **kwargs):
    """Publishing a course (with its trainers) updates who may edit it."""
    from .permissions import course_trainer_permissions_sync

    course_trainer_permissions_sync(course=instance)

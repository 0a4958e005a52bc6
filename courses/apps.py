from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from academy.accounts.personal_data import register_eraser, register_personal_data
        from academy.core.page_cache import page_cache_purge
        from academy.governance.models import Principle

        from . import data_sections
        from .models import CoursePage
        from .portfolio import register_portfolio_section, shared_reflections

        register_portfolio_section(shared_reflections, order=90)
        page_published.connect(
            _sync_trainers, sender=CoursePage, dispatch_uid="courses.sync_trainers"
        )
        # Course trees keep their lessons' principles (courses.course_tree), read from the page
        # cache's generation: a principle's edit starts a new one.
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(page_cache_purge, sender=Principle, dispatch_uid=f"principle-{name}")
        for order, section in enumerate(
            (data_sections.enrollments, data_sections.progress, data_sections.journal), 10
        ):
            register_personal_data(section, order=order)
        register_eraser(data_sections.erase, order=50)


def _sync_trainers(sender, instance, **kwargs):
    """Publishing a course (with its trainers) updates who may edit it."""
    from .permissions import course_trainer_permissions_sync

    course_trainer_permissions_sync(course=instance)

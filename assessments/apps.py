from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("ELoGE assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.admin_views import register_cohort_link

        register_cohort_link(
            label=_("ELoGE profiles"), url_name="assessment_cohort_profiles", icon="tasks"
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("ELoGE assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from academy.accounts.personal_data import register_personal_data
        from courses.admin_views import register_cohort_link

        from .data_sections import self_assessments

        register_cohort_link(
            label=_("ELoGE profiles"), url_name="assessment_cohort_profiles", icon="tasks"
        )
        register_personal_data(self_assessments, order=60)

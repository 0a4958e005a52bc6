from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from academy.accounts.personal_data import register_eraser, register_personal_data
        from courses.dashboard import register_learning_panel
        from courses.reports import register_column_source
        from courses.requirements import (
            register_certificate_fact,
            register_certificate_requirement,
        )

        from .data_sections import attendance, erase
        from .reports import attendance_columns
        from .requirements import attendance_fact, minimum_attendance_problem
        from .selectors import next_session_panel

        register_column_source(attendance_columns)
        register_certificate_requirement(minimum_attendance_problem)
        register_certificate_fact("attendance", label=_("Attendance"), value=attendance_fact)
        register_learning_panel(next_session_panel)
        register_personal_data(attendance, order=40)
        register_eraser(erase, order=50)

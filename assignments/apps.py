from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "assignments"
    verbose_name = _("Assignments")

    def ready(self):
        from courses.grading import register_work_to_grade
        from courses.mastery import register_score_source
        from courses.reports import register_column_source
        from courses.requirements import register_certificate_requirement

        from .admin_views import assignment_work
        from .mastery import assignment_columns, rubric_principle_scores
        from .requirements import passed_assignments_problem

        register_score_source(rubric_principle_scores)
        register_column_source(assignment_columns)
        register_certificate_requirement(passed_assignments_problem)
        register_work_to_grade("assignment", assignment_work, label=_("Assignments"))

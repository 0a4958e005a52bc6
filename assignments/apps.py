from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "assignments"
    verbose_name = _("Assignments")

    def ready(self):
        from academy.accounts.personal_data import register_eraser, register_personal_data
        from courses.admin_views import register_cohort_link
        from courses.grading import register_work_to_grade
        from courses.mastery import register_score_source
        from courses.portfolio import register_portfolio_section
        from courses.reports import register_column_source
        from courses.requirements import register_certificate_requirement

        from . import data_sections
        from .admin_views import assignment_work, plan_work
        from .documents import action_plans, passed_assignments
        from .mastery import assignment_columns, plan_columns, rubric_principle_scores
        from .requirements import passed_assignments_problem

        register_score_source(rubric_principle_scores)
        register_column_source(assignment_columns)
        register_certificate_requirement(passed_assignments_problem)
        register_work_to_grade("assignment", assignment_work, label=_("Assignments"))
        register_work_to_grade("action_plan", plan_work, label=_("Action plans"))
        register_column_source(plan_columns)
        register_cohort_link(
            label=_("Action plans"), url_name="cohort_action_plans", icon="list-ul"
        )
        register_portfolio_section(passed_assignments, order=20)
        register_portfolio_section(action_plans, order=30)
        register_personal_data(data_sections.submissions, order=30)
        register_personal_data(data_sections.peer_reviews, order=31)
        register_personal_data(data_sections.action_plans, order=32)
        register_eraser(data_sections.erase, order=50)

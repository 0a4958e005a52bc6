from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        from academy.accounts.personal_data import register_eraser, register_personal_data
        from courses.grading import register_work_to_grade
        from courses.mastery import register_score_source
        from courses.reports import register_column_source
        from courses.requirements import register_certificate_requirement, register_course_score

        from .admin_views import open_answer_work
        from .data_sections import attempts, erase
        from .mastery import quiz_principle_scores, quiz_score_columns
        from .requirements import average_quiz_score, minimum_score_problem

        register_score_source(quiz_principle_scores)
        register_column_source(quiz_score_columns)
        register_certificate_requirement(minimum_score_problem)
        register_course_score(average_quiz_score)
        register_work_to_grade("quiz", open_answer_work, label=_("Open quiz answers"))
        register_personal_data(attempts, order=20)
        register_eraser(erase, order=50)

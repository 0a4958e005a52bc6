from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_viewset")
def register_assessment_viewsets():
    return [
        admin_views.AssessmentCycleViewSet("assessment_cycles", url_prefix="eloge/cycles"),
        admin_views.AssessmentViewSet("assessments_admin", url_prefix="eloge/assessments"),
    ]


@hooks.register("register_admin_urls")
def assessment_review_urls():
    return [
        path(
            "eloge/assessments/<int:pk>/return/",
            admin_views.return_view,
            name="assessment_return",
        ),
        path(
            "eloge/assessments/<int:pk>/decide/",
            admin_views.decide_view,
            name="assessment_decide",
        ),
        path(
            "eloge/cohorts/<int:pk>/",
            admin_views.cohort_profiles_view,
            name="assessment_cohort_profiles",
        ),
        path(
            "eloge/surveys/<int:pk>/import/",
            admin_views.survey_import_view,
            name="assessment_survey_import",
        ),
        path(
            "eloge/assessments/<int:pk>/comment/",
            admin_views.comment_view,
            name="assessment_comment",
        ),
    ]

from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("search/", views.search, name="search"),
    path("my-journal/", views.journal, name="journal"),
    path("my-portfolio/", views.portfolio, name="portfolio"),
    path("my-portfolio/portfolio.pdf", views.portfolio_pdf, name="portfolio_pdf"),
    path("lessons/<int:lesson_id>/reflect/<str:block_id>/", views.reflect, name="reflect"),
    path("courses/<int:course_id>/enroll/", views.enroll, name="enroll"),
    path("steps/<int:step_id>/complete/", views.complete_step, name="complete_step"),
    path("join/<slug:token>/", views.join_cohort, name="join_cohort"),  # token_urlsafe
    path(
        "reminders/unsubscribe/<str:token>/",
        views.unsubscribe_reminders,
        name="reminders_unsubscribe",
    ),
]

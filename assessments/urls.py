from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("eloge/", views.my_assessments, name="mine"),
    path("eloge/assessments/<int:pk>/", views.matrix, name="matrix"),
    path("eloge/assessments/<int:pk>/submit/", views.submit, name="submit"),
    path("eloge/assessments/<int:pk>/profile/", views.profile, name="profile"),
    path("eloge/evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("eloge/survey/<str:token>/", views.survey, name="survey"),
    path("eloge/label/", views.label_holders, name="label_holders"),
    path("eloge/municipalities/<int:pk>/", views.municipality, name="municipality"),
]

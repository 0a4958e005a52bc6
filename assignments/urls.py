from django.urls import path

from .views import submission_file

urlpatterns = [
    path("assignments/files/<int:pk>/", submission_file, name="submission_file"),
]

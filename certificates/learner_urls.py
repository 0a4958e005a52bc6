from django.urls import path

from . import views

# Under the language prefix: pages for signed-in learners.
app_name = "learner_certificates"

urlpatterns = [
    path("my-certificates/", views.my_certificates, name="mine"),
    path("certificates/<int:pk>/pdf/", views.download, name="download"),
]

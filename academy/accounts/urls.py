from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .forms import QueuedPasswordResetForm

urlpatterns = [
    path("signup/", views.SignUpView.as_view(), name="signup"),
    path("signup/sent/", views.SignUpSentView.as_view(), name="signup_sent"),
    path("signup/resend/", views.ResendConfirmationView.as_view(), name="signup_resend"),
    path("confirm/<str:token>/", views.signup_confirm_view, name="signup_confirm"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("my-data/", views.my_data, name="my_data"),
    path("erase/", views.erase_account, name="erase_account"),
    path("my-data/<int:pk>/download/", views.my_data_download, name="my_data_download"),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("", include("django.contrib.auth.urls")),
]

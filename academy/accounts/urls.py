from django.urls import include, path

from . import views

urlpatterns = [
    path("signup/", views.SignUpView.as_view(), name="signup"),
    path("signup/sent/", views.SignUpSentView.as_view(), name="signup_sent"),
    path("signup/resend/", views.ResendConfirmationView.as_view(), name="signup_resend"),
    path("confirm/<str:token>/", views.signup_confirm_view, name="signup_confirm"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("", include("django.contrib.auth.urls")),
]

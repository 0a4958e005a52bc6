from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Log in by email, whatever its case ("Amra@Lap.example" is "amra@lap.example")."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        from django.contrib.auth import get_user_model

        User = get_user_model()
        email = username or kwargs.get(User.USERNAME_FIELD)
        if email is None or password is None:
            return None
        try:
            user = User.objects.get_by_natural_key(email)
        except User.DoesNotExist:
            User().set_password(password)  # same time whether or not the account exists
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in AUTHENTICATION_BACKENDS: a locked-out account or
    address is refused before any password is checked.

    Axes refuses to run without the request. Every login over HTTP passes it (Django's and
    Wagtail's login views); a call without one comes from our own code (a shell, the test
    client), where there is no address to throttle, so it is left to the next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # A session remembers the backend that logged it in; being first, this one is named by
        # `force_login` and Wagtail's test helpers. It loads the user as EmailBackend does.
        return EmailBackend().get_user(user_id)


def login_identity(request, credentials):
    """AXES_USERNAME_CALLABLE: failures count per account, and "Amra@Lap.example" is the same
    account as "amra@lap.example" (EmailBackend matches either)."""
    typed = (credentials or {}).get("username") or request.POST.get("username", "")
    return typed.strip().lower()

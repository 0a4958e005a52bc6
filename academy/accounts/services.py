from datetime import timedelta

from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Organisation, User
from .roles import LEARNERS

# How long the link in a sign-up confirmation email works; "resend" makes a fresh one.
CONFIRMATION_LINK_MAX_AGE = timedelta(days=3)
_CONFIRMATION_SALT = "academy.accounts.signup-confirmation"


class InvalidConfirmationLink(Exception):
    """A confirmation link that was altered, made for another address, or is too old."""


def preferred_language_set(*, user: User, language: str) -> None:
    """Remember the language the user reads in (emails and certificates use it); no write
    when it is already theirs."""
    if user.preferred_language != language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language


@transaction.atomic
def user_register(
    *,
    email: str,
    full_name: str,
    password: str | None,
    preferred_language: str,
    organisation: Organisation | None = None,
    role: str = "",
    is_active: bool = True,
) -> User:
    """Create a learner account (email normalised, member of the Learners group)."""
    user = User.objects.create_user(
        email=email,
        password=password,
        full_name=full_name.strip(),
        preferred_language=preferred_language,
        organisation=organisation,
        role=role,
        is_active=is_active,
    )
    user.groups.add(Group.objects.get(name=LEARNERS))
    return user


def signup_register(*, next_url: str = "", **fields) -> User:
    """A visitor's own sign-up: the account stays inactive (no login) until the link emailed
    to its address is opened, so nobody can sign up with someone else's email."""
    from .tasks import send_signup_confirmation

    user = user_register(is_active=False, **fields)
    transaction.on_commit(lambda: send_signup_confirmation.delay(user.pk, next_url))
    return user


def awaits_confirmation(user: User) -> bool:
    """Signed up and not confirmed yet. Never logged in: an account that staff deactivated
    later is not revived by an old link."""
    return not user.is_active and user.last_login is None


def signup_confirmation_token(*, user: User, next_url: str = "") -> str:
    """The signed, timestamped token of a confirmation link for `user`'s current address."""
    return signing.dumps(
        {"user": user.pk, "email": user.email, "next": next_url}, salt=_CONFIRMATION_SALT
    )


def signup_confirm(*, token: str) -> tuple[User, bool, str]:
    """Activate the account a confirmation link was made for. Returns (user, newly confirmed,
    the local address the visitor was heading to). Raises InvalidConfirmationLink."""
    try:
        data = signing.loads(
            token, salt=_CONFIRMATION_SALT, max_age=CONFIRMATION_LINK_MAX_AGE.total_seconds()
        )
    except signing.SignatureExpired as error:
        raise InvalidConfirmationLink(
            _("This confirmation link has expired. Ask for a new one below.")
        ) from error
    except signing.BadSignature as error:
        raise InvalidConfirmationLink(
            _("This confirmation link is not valid. Check that you copied all of it.")
        ) from error
    user = User.objects.filter(pk=data.get("user"), email=data.get("email")).first()
    if user is None or (not user.is_active and not awaits_confirmation(user)):
        raise InvalidConfirmationLink(_("This confirmation link is not valid."))
    newly_confirmed = not user.is_active
    if newly_confirmed:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user, newly_confirmed, data.get("next", "")


def signup_confirmation_resend(*, email: str) -> None:
    """Email a fresh confirmation link if an account at `email` awaits confirmation. Says
    nothing either way, so the form cannot be used to find out who has an account."""
    from .tasks import send_signup_confirmation

    try:
        user = User.objects.get_by_natural_key(email)
    except User.DoesNotExist:
        return
    if awaits_confirmation(user):
        transaction.on_commit(lambda: send_signup_confirmation.delay(user.pk))


def password_reset_request(*, user: User) -> None:
    """Queue the email with a link to choose a new password. Nothing is written (the link's
    token derives from the account as it is), so there is no commit to wait for."""
    from .tasks import send_password_reset

    send_password_reset.delay(user.pk)

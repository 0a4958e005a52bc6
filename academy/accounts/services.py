from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from academy.core.outbox import task_enqueue

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


def signup_request(
    *,
    email: str,
    full_name: str,
    password: str,
    preferred_language: str,
    organisation: Organisation | None = None,
    role: str = "",
    next_url: str = "",
) -> None:
    """A visitor's own sign-up. Every address gets the same answer and the same work (the
    password hashed, one email queued), so the form cannot tell who has an account:

    - a new address gets an inactive account and the link that confirms it (no login until it is
      opened, so nobody can sign up with someone else's email);
    - an account that awaits confirmation gets its link again;
    - any other account's holder gets a note with links to log in and to reset the password.

    An existing account is never changed: what was typed this time is dropped."""
    from .tasks import send_signup_attempt_notice, send_signup_confirmation

    email = User.objects.normalize_email(email)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            user = user_register(
                email=email,
                full_name=full_name,
                password=password,
                preferred_language=preferred_language,
                organisation=organisation,
                role=role,
                is_active=False,
            )
        except IntegrityError:
            # The same address signed up a moment ago in another request: answer as for it.
            existing = User.objects.filter(email__iexact=email).first()
            if existing is None:
                raise
        else:
            task_enqueue(send_signup_confirmation, user.pk, next_url)
            return
    make_password(password)  # thrown away: as long as creating an account takes
    if awaits_confirmation(existing):
        task_enqueue(send_signup_confirmation, existing.pk, next_url)
    else:
        task_enqueue(send_signup_attempt_notice, existing.pk)


def awaits_confirmation(user: User) -> bool:
    """Signed up and not confirmed yet. Never logged in: an account that staff deactivated
    later is not revived by an old link."""
    return not user.is_active and user.last_login is None and user.erased_at is None


def signup_confirmation_token(*, user: User, next_url: str = "") -> str:
    """The signed, timestamped token of a confirmation link for `user`'s current address."""
    return signing.dumps(
        {"user": user.pk, "email": user.email, "next": next_url}, salt=_CONFIRMATION_SALT
    )


def signup_confirmation_user(*, token: str) -> tuple[User, str]:
    """The account a confirmation link was made for, and the local address the visitor was
    heading to; nothing is changed. Raises InvalidConfirmationLink."""
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
    return user, data.get("next", "")


def signup_confirm(*, token: str, new_password: str | None = None) -> tuple[User, bool, str]:
    """Activate the account a confirmation link was made for, with `new_password` if given
    (chosen by whoever opened the link: see `signup_confirm_view`). Returns (user, newly
    confirmed, the local address the visitor was heading to). Raises InvalidConfirmationLink."""
    user, next_url = signup_confirmation_user(token=token)
    newly_confirmed = not user.is_active
    if newly_confirmed:
        user.is_active = True
        fields = ["is_active"]
        if new_password:
            user.set_password(new_password)
            fields.append("password")
        user.save(update_fields=fields)
    return user, newly_confirmed, next_url


def signup_confirmation_resend(*, email: str) -> None:
    """Email a fresh confirmation link if an account at `email` awaits confirmation. Says
    nothing either way, so the form cannot be used to find out who has an account."""
    from .tasks import send_signup_confirmation

    try:
        user = User.objects.get_by_natural_key(email)
    except User.DoesNotExist:
        return
    if awaits_confirmation(user):
        task_enqueue(send_signup_confirmation, user.pk)


def password_reset_request(*, user: User) -> None:
    """Queue the email with a link to choose a new password (the link's token derives from the
    account as it is); kept in the outbox if the broker is down."""
    from .tasks import send_password_reset

    task_enqueue(send_password_reset, user.pk)


def unconfirmed_accounts_delete(*, now=None) -> int:
    """Delete the accounts signed up but never confirmed for UNCONFIRMED_ACCOUNT_DAYS (they
    hold nothing but a name and an address). Returns how many."""
    now = now or timezone.now()
    stale = User.objects.filter(
        is_active=False,
        is_staff=False,
        last_login=None,
        erased_at=None,
        date_joined__lt=now - timedelta(days=settings.UNCONFIRMED_ACCOUNT_DAYS),
    )
    deleted = 0
    for user in stale:
        try:
            with transaction.atomic():
                user.delete()
            deleted += 1
        except ProtectedError:  # it holds something others rely on after all: kept
            continue
    return deleted

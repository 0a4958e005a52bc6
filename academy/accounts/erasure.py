"""Erasure at a person's request (GDPR's right to erasure): they ask, a site administrator
approves or refuses with a reason, both audited. Approval anonymises the account everywhere,
keeping what others rely on: enrollments, progress and grades count in cohort statistics, and
the certificate register keeps its serials with the holder shown as erased."""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from academy.core.models import SentEmail

from .models import DataExport, ErasureRequest, User
from .personal_data import erasers


class ErasureRefused(Exception):
    """Why the request or decision cannot be taken, in words for the person who tried."""


def erasure_request(*, user: User, reason: str = "") -> ErasureRequest:
    """Ask for the erasure of one's data. One open request at a time: asking again returns it."""
    if user.erased_at is not None:
        raise ErasureRefused(_("This account is already erased."))
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        open_request = ErasureRequest.objects.filter(
            user=user, status=ErasureRequest.Status.REQUESTED
        ).first()
        if open_request is not None:
            return open_request
        return ErasureRequest.objects.create(
            user=user, email=user.email, full_name=user.full_name, reason=reason.strip()[:2000]
        )


def _decided(request: ErasureRequest, by: User) -> ErasureRequest:
    if not by.is_superuser:
        raise PermissionDenied
    locked = (
        ErasureRequest.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=request.pk)
    )
    if locked.status != ErasureRequest.Status.REQUESTED:
        raise ErasureRefused(_("This request has been decided already."))
    return locked


def erasure_refuse(*, request: ErasureRequest, by: User, reason: str) -> ErasureRequest:
    """A site administrator refuses, saying why (the person is told on their profile)."""
    if not reason.strip():
        raise ErasureRefused(_("Say why the request is refused."))
    with transaction.atomic():
        locked = _decided(request, by)
        locked.status = ErasureRequest.Status.REFUSED
        locked.decided_by, locked.decided_at = by, timezone.now()
        locked.decision_reason = reason.strip()
        locked.save()
        log(instance=locked, action="accounts.erasure_refuse", user=by)
    return locked


def erasure_approve(*, request: ErasureRequest, by: User, reason: str = "") -> ErasureRequest:
    """A site administrator approves: every app's eraser runs, then the account itself loses
    its name, email, organisation, password and sessions; the log entries that named the
    person are renamed; the cache is emptied. All or nothing."""
    with transaction.atomic():
        locked = _decided(request, by)
        person = locked.user
        for eraser in erasers():
            eraser(user=person)
        locked.status = ErasureRequest.Status.APPROVED
        locked.decided_by, locked.decided_at = by, timezone.now()
        locked.decision_reason = reason.strip()
        locked.save()
        log(instance=locked, action="accounts.erasure_approve", user=by)
        transaction.on_commit(cache.clear)  # rendered fragments, sessions, rate-limit keys
    return locked


def erased_name(user: User) -> str:
    return f"Erased user {user.pk}"


def account_erase(*, user: User) -> None:
    """The account's own part, run last: what names or reaches the person goes."""
    email, name = user.email, user.full_name
    SentEmail.objects.filter(to__iexact=email).delete()
    for export in DataExport.objects.filter(user=user):
        export.file.delete(save=False)
        export.delete()
    _forget_login_records(email)
    for entries in (ModelLogEntry.objects, PageLogEntry.objects):
        for entry in entries.filter(label__contains=name) if name else []:
            entry.label = entry.label.replace(name, erased_name(user))
            entry.save(update_fields=["label"])
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        profile.avatar.delete(save=False)
    user.full_name = erased_name(user)
    user.email = f"erased-{user.pk}@erased.invalid"
    user.organisation = None
    user.role = ""
    user.reminders_opt_out = True
    user.is_active = False
    user.last_login = None
    user.erased_at = timezone.now()
    user.set_unusable_password()  # and every session with it: its hash no longer matches
    user.save()


def _forget_login_records(email: str) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()

from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.accounts.models import User
from academy.core.mail import send_templated_email
from academy.core.task_options import IDEMPOTENT, SENDS_EMAIL

from .models import Meeting
from .services import meeting_close_register, sessions_remind


@shared_task(**IDEMPOTENT)
def close_ended_registers():
    """Celery beat: learners still unmarked when a meeting ended are recorded absent, meeting
    by meeting (each in its own transaction; safe to run again)."""
    now = timezone.now()
    closed = 0
    for meeting in Meeting.objects.filter(ends_at__lte=now, register_closed_at=None):
        closed += meeting_close_register(meeting=meeting, now=now)
    return closed


@shared_task(**SENDS_EMAIL)
def send_meeting_moved(meeting_id, learner_id, old_starts_at):
    """Tell a learner, in their language, that a meeting of their cohort moved. A meeting or
    learner gone since: nothing to send."""
    meeting = Meeting.objects.filter(pk=meeting_id).select_related("session__cohort").first()
    learner = User.objects.filter(pk=learner_id).first()
    if meeting is None or learner is None:
        return
    language = learner.preferred_language or settings.LANGUAGE_CODE

    def context():
        return {
            "learner": learner,
            "meeting": meeting,
            "session": meeting.session,
            "old_starts_at": datetime.fromisoformat(old_starts_at),
            "sessions_url": settings.WAGTAILADMIN_BASE_URL + reverse("workshops:my_sessions"),
        }

    send_templated_email(
        to=learner.email,
        language=language,
        subject=lambda: (
            _("A workshop meeting has moved: %(session)s") % {"session": meeting.session.title}
        ),
        template="workshops/email/meeting_moved.txt",
        context=context,
    )


@shared_task(**IDEMPOTENT)
def send_session_reminders():
    """Celery beat, daily: remind learners two days before their session starts."""
    return sessions_remind()


NOTICES = {
    "invitation": (
        lambda session: _("You are invited: %(session)s") % {"session": session.title},
        "workshops/email/session_invitation.txt",
    ),
    "reminder": (
        lambda session: _("In two days: %(session)s") % {"session": session.title},
        "workshops/email/session_reminder.txt",
    ),
}


@shared_task(**SENDS_EMAIL)
def send_session_notice(session_id, learner_id, kind):
    """An invitation to, or a reminder of, a session, to one learner in their language."""
    from .models import Session
    from .selectors import meetings_of_learner

    session = Session.objects.filter(pk=session_id).select_related("cohort").first()
    learner = User.objects.filter(pk=learner_id).first()
    if session is None or learner is None or kind not in NOTICES:
        return
    subject, template = NOTICES[kind]

    def context():
        return {
            "learner": learner,
            "session": session,
            "meetings": list(meetings_of_learner(learner=learner, session_id=session.pk)),
            "sessions_url": settings.WAGTAILADMIN_BASE_URL + reverse("workshops:my_sessions"),
        }

    send_templated_email(
        to=learner.email,
        language=learner.preferred_language or settings.LANGUAGE_CODE,
        subject=lambda: subject(session),
        template=template,
        context=context,
    )


@shared_task(**SENDS_EMAIL)
def send_session_cancelled(learner_id, planned):
    """Tell a learner, in their language, that a session of their cohort is cancelled; `planned`
    (title, cohort, where, meetings as ISO start and end) is what it was, as it is gone."""
    learner = User.objects.filter(pk=learner_id).first()
    if learner is None:
        return

    def context():
        return {
            "learner": learner,
            "planned": planned,
            "meetings": [
                (datetime.fromisoformat(start), datetime.fromisoformat(end))
                for start, end in planned["meetings"]
            ],
            "sessions_url": settings.WAGTAILADMIN_BASE_URL + reverse("workshops:my_sessions"),
        }

    send_templated_email(
        to=learner.email,
        language=learner.preferred_language or settings.LANGUAGE_CODE,
        subject=lambda: _("Cancelled: %(session)s") % {"session": planned["title"]},
        template="workshops/email/session_cancelled.txt",
        context=context,
    )

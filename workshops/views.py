"""Workshop pages outside the admin, phone-first and working without JavaScript: a trainer's
meetings, roll call and check-in code; a learner's check-in and sessions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from academy.core.rate_limit import over_limit

from . import checkin
from .calendar import meetings_calendar
from .models import Attendance, AttendanceStatus, CalendarFeed
from .qr import qr_svg_path
from .selectors import (
    meetings_of_learner,
    meetings_recent_for_trainer,
    meetings_today_for_trainer,
    meetings_visible_to,
    roll_call_rows,
    sessions_for_learner,
)
from .services import (
    CheckInRefused,
    Mark,
    attendance_rule_for,
    calendar_feed_for,
    calendar_feed_rotate,
    check_in,
    check_in_with_code,
    roll_call_save,
    status_of_kind,
)

CHECK_INS_PER_MINUTE = 10


def _trainer_meeting(request, pk):
    """A meeting of a cohort the user sees, for someone who may take attendance; anyone else
    finds nothing (404) or is refused (403)."""
    meeting = get_object_or_404(meetings_visible_to(request.user), pk=pk)
    if not request.user.has_perm("workshops.change_session"):
        raise PermissionDenied
    return meeting


@require_GET
@login_required
def trainer_meetings(request):
    if not request.user.has_perm("workshops.change_session"):
        raise PermissionDenied
    context = {
        "meetings": meetings_today_for_trainer(user=request.user),
        "recent": meetings_recent_for_trainer(user=request.user),
    }
    return TemplateResponse(request, "workshops/trainer_meetings.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def roll_call(request, pk):
    """One form for the whole meeting: a status and a note per learner. Only learners given a
    status are saved; "mark everyone present" gives Present to everyone still unmarked."""
    meeting = _trainer_meeting(request, pk)
    rule = attendance_rule_for(cohort=meeting.session.cohort)
    statuses = list(rule.statuses.all())
    errors = []
    if request.method == "POST":
        by_pk = {str(status.pk): status for status in statuses}
        rows = roll_call_rows(meeting=meeting)
        marks = []
        present = status_of_kind(rule=rule, kind=AttendanceStatus.Kind.PRESENT)
        everyone = "everyone_present" in request.POST
        for row in rows:
            chosen = request.POST.get(f"status-{row.learner_id}", "")
            note = request.POST.get(f"note-{row.learner_id}", "")
            if chosen:
                if chosen not in by_pk:
                    errors.append(
                        _("Choose one of the listed statuses for %(name)s.") % {"name": row.name}
                    )
                    continue
                marks.append(Mark(row.learner_id, by_pk[chosen], note))
            elif everyone and row.attendance is None and not row.left_cohort:
                marks.append(Mark(row.learner_id, present, note))
            elif row.attendance is not None and note != row.attendance.note:
                marks.append(Mark(row.learner_id, row.attendance.status, note))
        known = {str(row.learner_id) for row in rows}
        strangers = [
            key
            for key in request.POST
            if key.startswith(("status-", "note-")) and key.split("-", 1)[1] not in known
        ]
        if strangers:
            errors.append(_("Someone on this roll call is not a learner of the cohort."))
        if not errors:
            try:
                changed = roll_call_save(meeting=meeting, marks=marks, by=request.user)
            except ValidationError as problem:
                errors.extend(problem.messages)
            else:
                messages.success(
                    request,
                    _("Roll call saved: %(count)d change(s).") % {"count": changed},
                )
                return redirect(reverse("workshops:roll_call", args=[meeting.pk]))
    rows = roll_call_rows(meeting=meeting)
    return TemplateResponse(
        request,
        "workshops/roll_call.html",
        {
            "meeting": meeting,
            "session": meeting.session,
            "rows": rows,
            "statuses": statuses,
            "errors": errors,
            "marked": sum(row.attendance is not None for row in rows),
        },
        status=400 if errors else 200,
    )


@require_GET
@login_required
def check_in_code(request, pk):
    """What the trainer shows the room: the QR code and the typed code, refreshed by the page
    itself (a meta refresh, no JavaScript) when the code changes."""
    meeting = _trainer_meeting(request, pk)
    now = timezone.now()
    code = checkin.current_code(meeting.pk, now)
    url = request.build_absolute_uri(reverse("workshops:check_in_link", args=[meeting.pk, code]))
    path, side = qr_svg_path(url)
    rule = attendance_rule_for(cohort=meeting.session.cohort)
    opens, closes = meeting.check_in_window(rule)
    response = TemplateResponse(
        request,
        "workshops/check_in_code.html",
        {
            "meeting": meeting,
            "session": meeting.session,
            "code": code,
            "qr_path": path,
            "qr_side": side,
            "refresh": checkin.seconds_left(now),
            "open": opens <= now < closes,
            "opens": opens,
            "closes": closes,
            "checked_in": Attendance.objects.filter(meeting=meeting).count(),
        },
    )
    response["Cache-Control"] = "no-store"
    if opens <= now < closes:
        response["Refresh"] = str(checkin.seconds_left(now))  # the next code, without JavaScript
    return response


def _checked_in_message(request, attendance):
    messages.success(
        request,
        _("You are checked in to %(meeting)s: %(status)s.")
        % {"meeting": attendance.meeting, "status": attendance.status.label},
    )


@require_http_methods(["GET", "POST"])
@login_required
def check_in_form(request):
    """The learner types the short code the trainer shows."""
    error = None
    if request.method == "POST":
        if over_limit(request, scope="workshops-check-in", limit=CHECK_INS_PER_MINUTE):
            error = _("Too many tries. Wait a minute, then type the code shown now.")
        else:
            code = checkin.normalise(request.POST.get("code", ""))
            if len(code) != checkin.DIGITS:
                error = _("Type the %(digits)d digits shown by your trainer.") % {
                    "digits": checkin.DIGITS
                }
            else:
                try:
                    attendance = check_in_with_code(learner=request.user, code=code)
                except CheckInRefused as refusal:
                    error = str(refusal)
                else:
                    _checked_in_message(request, attendance)
                    return redirect(reverse("workshops:my_sessions"))
    return TemplateResponse(
        request,
        "workshops/check_in.html",
        {"error": error, "digits": checkin.DIGITS},
        status=400 if error else 200,
    )


@require_GET
@login_required
def check_in_link(request, pk, code):
    """The QR code's link: opened by a logged-in learner of the cohort while it is current, it
    checks them in (the code, which changes every 30 seconds, is the proof of presence; a page
    elsewhere cannot know it). Opened again, it changes nothing."""
    from .models import Meeting

    meeting = get_object_or_404(Meeting.objects.select_related("session__cohort__course"), pk=pk)
    if over_limit(request, scope="workshops-check-in", limit=CHECK_INS_PER_MINUTE):
        error = _("Too many tries. Wait a minute, then type the code shown now.")
    else:
        try:
            attendance = check_in(meeting=meeting, learner=request.user, code=code)
        except CheckInRefused as refusal:
            error = str(refusal)
        else:
            _checked_in_message(request, attendance)
            return redirect(reverse("workshops:my_sessions"))
    return TemplateResponse(
        request,
        "workshops/check_in.html",
        {"error": error, "digits": checkin.DIGITS},
        status=400,
    )


@require_GET
@login_required
def my_sessions(request):
    schedule = sessions_for_learner(learner=request.user)
    feed = calendar_feed_for(learner=request.user)
    feed_url = request.build_absolute_uri(reverse("workshops:calendar_feed", args=[feed.token]))
    return TemplateResponse(
        request, "workshops/my_sessions.html", {"schedule": schedule, "feed_url": feed_url}
    )


def _ics(content: bytes, filename: str):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def session_calendar(request, pk):
    """ "Add to calendar": one session's meetings as an .ics file, for learners of its cohort."""
    meetings = list(meetings_of_learner(learner=request.user, session_id=pk))
    if not meetings:
        raise Http404
    session = meetings[0].session
    url = request.build_absolute_uri(reverse("workshops:my_sessions"))
    return _ics(
        meetings_calendar(meetings=meetings, name=session.title, url=url), f"session-{pk}.ics"
    )


@require_GET
def calendar_feed(request, token):
    """The learner's personal feed at its secret address (calendar apps send no cookies)."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("learner"), token=token)
    meetings = meetings_of_learner(learner=feed.learner)
    url = request.build_absolute_uri(reverse("workshops:my_sessions"))
    return _ics(
        meetings_calendar(meetings=meetings, name=_("My LAP workshops"), url=url), "workshops.ics"
    )


@require_POST
@login_required
def calendar_feed_new(request):
    calendar_feed_rotate(learner=request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect(reverse("workshops:my_sessions"))

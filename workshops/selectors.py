"""Reads of workshops, each in a fixed number of queries however many learners and meetings."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from courses.admin_views import cohorts_visible_to
from courses.models import Enrollment

from .models import (
    DEFAULT_STATUSES,
    Attendance,
    AttendanceRule,
    AttendanceStatus,
    Meeting,
    Session,
)

ATTENDED = (AttendanceStatus.Kind.PRESENT, AttendanceStatus.Kind.LATE)
DEFAULT_POINTS_POSSIBLE = max(points for _kind, _label, points in DEFAULT_STATUSES)


# Who sees what: a trainer the sessions of the cohorts they see in the admin.


def sessions_visible_to(user):
    sessions = Session.objects.select_related("cohort__course")
    if user.is_superuser:
        return sessions
    return sessions.filter(cohort__in=cohorts_visible_to(user).values("pk"))


def meetings_visible_to(user):
    return Meeting.objects.select_related("session__cohort__course").filter(
        session__in=sessions_visible_to(user).values("pk")
    )


def rules_visible_to(user):
    rules = AttendanceRule.objects.select_related("cohort")
    if user.is_superuser:
        return rules
    return rules.filter(cohort__in=cohorts_visible_to(user).values("pk"))


# Attendance percentages


@dataclass
class AttendanceTally:
    earned: int = 0
    possible: int = 0
    attended: int = 0
    held: int = 0

    @property
    def percent(self) -> Decimal | None:
        if not self.possible:
            return None
        return (Decimal(100) * self.earned / self.possible).quantize(Decimal("0.1"))


def attendance_tallies(*, cohort_ids, learner_ids=None, now=None) -> tuple[dict, dict, dict]:
    """({(cohort_id, learner_id): AttendanceTally}, {cohort_id: meetings held},
    {cohort_id: points of a meeting fully attended}) over the cohorts' meetings held by `now`
    (started: a meeting counts from its roll call on; unmarked learners earn nothing), for every
    learner with an attendance row there (and `learner_ids` only, when given). Three queries."""
    now = now or timezone.now()
    cohort_ids = list(cohort_ids)
    held = defaultdict(int)
    for cohort_id in Meeting.objects.filter(
        session__cohort_id__in=cohort_ids, starts_at__lte=now
    ).values_list("session__cohort_id", flat=True):
        held[cohort_id] += 1
    best = defaultdict(int)
    for cohort_id, points in AttendanceStatus.objects.filter(
        rule__cohort_id__in=cohort_ids
    ).values_list("rule__cohort_id", "points"):
        best[cohort_id] = max(best[cohort_id], points)
    rows = Attendance.objects.filter(
        meeting__session__cohort_id__in=cohort_ids, meeting__starts_at__lte=now
    )
    if learner_ids is not None:
        rows = rows.filter(learner_id__in=list(learner_ids))
    tallies = {}
    for cohort_id, learner_id, points, kind in rows.values_list(
        "meeting__session__cohort_id", "learner_id", "status__points", "status__kind"
    ):
        tally = tallies.setdefault(
            (cohort_id, learner_id),
            AttendanceTally(
                possible=held[cohort_id] * (best[cohort_id] or DEFAULT_POINTS_POSSIBLE),
                held=held[cohort_id],
            ),
        )
        tally.earned += points
        tally.attended += kind in ATTENDED
    return tallies, held, best


def learner_tally(*, cohort_id, learner_id, now=None) -> AttendanceTally:
    """One learner's attendance of one cohort's held meetings (unmarked ones earn nothing)."""
    tallies, held, best = attendance_tallies(
        cohort_ids=[cohort_id], learner_ids=[learner_id], now=now
    )
    return tallies.get(
        (cohort_id, learner_id),
        AttendanceTally(
            possible=held[cohort_id] * (best[cohort_id] or DEFAULT_POINTS_POSSIBLE),
            held=held[cohort_id],
        ),
    )


# Roll call


@dataclass
class RollCallRow:
    learner_id: int
    name: str
    organisation: str
    attendance: Attendance | None
    left_cohort: bool = False


def roll_call_rows(*, meeting) -> list[RollCallRow]:
    """The cohort's learners in name order with their attendance of the meeting, then anyone
    on its register who has left the cohort since. Two queries."""
    cohort = meeting.session.cohort
    attendances = {
        a.learner_id: a
        for a in Attendance.objects.filter(meeting=meeting).select_related(
            "learner__organisation", "status"
        )
    }
    rows = []
    seen = set()
    for enrollment in Enrollment.objects.filter(cohort=cohort).select_related(
        "learner__organisation"
    ):
        learner = enrollment.learner
        seen.add(learner.pk)
        rows.append(
            RollCallRow(
                learner.pk,
                learner.full_name,
                learner.organisation.name if learner.organisation else "",
                attendances.get(learner.pk),
            )
        )
    for learner_id, attendance in attendances.items():
        if learner_id not in seen:
            learner = attendance.learner
            rows.append(
                RollCallRow(
                    learner_id,
                    learner.full_name,
                    learner.organisation.name if learner.organisation else "",
                    attendance,
                    left_cohort=True,
                )
            )
    rows.sort(key=lambda row: (row.left_cohort, row.name.casefold()))
    return rows


# The register: learners by meetings, with totals per organisation and kind


@dataclass
class RegisterRow:
    learner_id: int
    name: str
    email: str
    organisation: str
    organisation_kind: str
    left_cohort: bool
    marks: dict = field(default_factory=dict)  # meeting id -> status label
    tally: AttendanceTally = field(default_factory=AttendanceTally)


@dataclass
class OrganisationTotal:
    name: str
    kind: str
    learners: int = 0
    attended: int = 0  # learner-meetings present or late
    possible: int = 0  # learner-meetings held

    @property
    def percent(self):
        return round(100 * self.attended / self.possible) if self.possible else None


@dataclass
class Register:
    meetings: list
    rows: list[RegisterRow]
    by_organisation: list[OrganisationTotal]
    by_kind: list[OrganisationTotal]


def cohort_register(*, cohort, now=None) -> Register:
    """Every learner of the cohort (and anyone on a register who has left it, said so) by every
    meeting of its sessions, with attendance % and totals per organisation and per kind of
    organisation (municipality / CSO) for donor reports. A fixed number of queries."""
    now = now or timezone.now()
    meetings = list(
        Meeting.objects.filter(session__cohort=cohort)
        .select_related("session")
        .order_by("starts_at")
    )
    attendances = list(
        Attendance.objects.filter(meeting__session__cohort=cohort).select_related("status")
    )
    enrolled = set(Enrollment.objects.filter(cohort=cohort).values_list("learner_id", flat=True))
    learner_ids = enrolled | {a.learner_id for a in attendances}
    from django.contrib.auth import get_user_model

    learners = get_user_model().objects.filter(pk__in=learner_ids).select_related("organisation")
    tallies, held, best = attendance_tallies(cohort_ids=[cohort.pk], now=now)
    possible = held[cohort.pk] * (best[cohort.pk] or DEFAULT_POINTS_POSSIBLE)
    rows = {}
    for learner in learners:
        organisation = learner.organisation
        rows[learner.pk] = RegisterRow(
            learner_id=learner.pk,
            name=learner.full_name,
            email=learner.email,
            organisation=organisation.name if organisation else "",
            organisation_kind=organisation.get_kind_display() if organisation else "",
            left_cohort=learner.pk not in enrolled,
            tally=tallies.get(
                (cohort.pk, learner.pk), AttendanceTally(possible=possible, held=held[cohort.pk])
            ),
        )
    for attendance in attendances:
        rows[attendance.learner_id].marks[attendance.meeting_id] = attendance.status.label
    ordered = sorted(rows.values(), key=lambda r: (r.left_cohort, r.name.casefold()))
    by_organisation, by_kind = {}, {}
    for row in ordered:
        for totals, key, kind in (
            (by_organisation, row.organisation, row.organisation_kind),
            (by_kind, row.organisation_kind, row.organisation_kind),
        ):
            total = totals.setdefault(key, OrganisationTotal(key, kind))
            total.learners += 1
            total.attended += row.tally.attended
            total.possible += row.tally.held
    return Register(
        meetings=meetings,
        rows=ordered,
        by_organisation=sorted(by_organisation.values(), key=lambda t: t.name.casefold()),
        by_kind=sorted(by_kind.values(), key=lambda t: t.name.casefold()),
    )


# What a learner sees


@dataclass
class PreWorkItem:
    title: str
    url: str | None
    done: int
    total: int

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done >= self.total


@dataclass
class LearnerSession:
    session: Session
    meetings: list
    pre_work: list[PreWorkItem]
    marks: dict  # meeting id -> Attendance

    @property
    def next_meeting(self):
        now = timezone.now()
        return next((m for m in self.meetings if m.ends_at > now), None)

    @property
    def meetings_with_marks(self) -> list[tuple]:
        """(meeting, the learner's attendance or None) in date order."""
        return [(meeting, self.marks.get(meeting.pk)) for meeting in self.meetings]


@dataclass
class LearnerSchedule:
    sessions: list[LearnerSession]
    tallies: dict  # cohort id -> AttendanceTally
    cohorts: list

    @property
    def next_session(self):
        return next((s for s in self.sessions if s.next_meeting), None)

    @property
    def attendance(self) -> list[tuple]:
        """(cohort, AttendanceTally) for each of the learner's cohorts with meetings held."""
        return [(c, self.tallies[c.pk]) for c in self.cohorts if self.tallies[c.pk].held]


def sessions_for_learner(*, learner, now=None) -> LearnerSchedule:
    """The sessions of the learner's cohorts in date order: meetings, where, the pre-work with
    the learner's progress, their attendance of each meeting, and their attendance % per
    cohort. A fixed number of queries however many sessions, meetings and pre-work pages (the
    course trees are cached)."""
    from courses.course_tree import course_trees
    from courses.models import StepProgress

    now = now or timezone.now()
    enrollments = list(
        Enrollment.objects.filter(learner=learner, cohort__isnull=False).select_related(
            "cohort", "course"
        )
    )
    cohorts = [e.cohort for e in enrollments]
    cohort_ids = [c.pk for c in cohorts]
    if not cohort_ids:
        return LearnerSchedule([], {}, [])
    sessions = list(
        Session.objects.filter(cohort_id__in=cohort_ids)
        .select_related("cohort")
        .prefetch_related("meetings", "pre_work")
    )
    attendances = {
        a.meeting_id: a
        for a in Attendance.objects.filter(
            learner=learner, meeting__session__cohort_id__in=cohort_ids
        ).select_related("status")
    }
    trees = course_trees([e.course for e in enrollments])
    steps = [step for tree in trees.values() for step in tree.steps]
    # The trees' pages know their URLs without a query (courses.course_tree).
    published = {p.pk: p for tree in trees.values() for p in (*tree.modules, *tree.steps)}
    done = set(
        StepProgress.objects.filter(learner=learner, step_id__in=[s.pk for s in steps])
        .exclude(completed_at=None)
        .values_list("step_id", flat=True)
    )
    result = []
    for session in sessions:
        meetings = sorted(session.meetings.all(), key=lambda m: m.starts_at)
        items = []
        for page in session.pre_work.all():
            inside = [
                s for s in steps if s.path.startswith(page.path) and getattr(s, "is_required", True)
            ] or [s for s in steps if s.pk == page.pk]
            items.append(
                PreWorkItem(
                    title=page.title,
                    url=published[page.pk].url if page.pk in published else None,
                    done=sum(s.pk in done for s in inside),
                    total=len(inside),
                )
            )
        marks = {m.pk: attendances[m.pk] for m in meetings if m.pk in attendances}
        result.append(LearnerSession(session, meetings, items, marks))
    far = datetime.max.replace(tzinfo=UTC)
    result.sort(key=lambda s: s.meetings[0].starts_at if s.meetings else far)
    found, held, best = attendance_tallies(cohort_ids=cohort_ids, learner_ids=[learner.pk], now=now)
    tallies = {
        cohort_id: found.get(
            (cohort_id, learner.pk),
            AttendanceTally(
                possible=held[cohort_id] * (best[cohort_id] or DEFAULT_POINTS_POSSIBLE),
                held=held[cohort_id],
            ),
        )
        for cohort_id in cohort_ids
    }
    return LearnerSchedule(result, tallies, cohorts)


def next_session_panel(*, learner, enrollments):
    """For "My learning" (courses.dashboard): the learner's next session with its pre-work and
    their attendance so far, or None for a learner in no cohort with sessions."""
    if not any(enrollment.cohort_id for enrollment in enrollments):
        return None  # no query for a learner in no cohort
    schedule = sessions_for_learner(learner=learner)
    if not schedule.sessions:
        return None
    return "workshops/includes/next_session.html", {"schedule": schedule}


def meetings_today_for_trainer(*, user, now=None):
    """The meetings of the user's cohorts running today or in the coming week, soonest first."""
    now = now or timezone.now()
    return (
        meetings_visible_to(user)
        .filter(ends_at__gte=now - timedelta(hours=12))
        .filter(Q(starts_at__lte=now + timedelta(days=7)))
        .order_by("starts_at")
    )


RECENT_DAYS = 30


def meetings_recent_for_trainer(*, user, now=None):
    """The meetings of the user's cohorts that ended in the last 30 days, latest first: their
    registers may still need a correction (an excuse brought in, a late arrival)."""
    now = now or timezone.now()
    return (
        meetings_visible_to(user)
        .filter(
            ends_at__lt=now - timedelta(hours=12), ends_at__gte=now - timedelta(days=RECENT_DAYS)
        )
        .order_by("-starts_at")
    )


def meetings_of_learner(*, learner, session_id=None):
    """The meetings of the learner's cohorts (of one session of them, if given), soonest first,
    with session and cohort loaded: one query."""
    meetings = Meeting.objects.filter(session__cohort__enrollments__learner=learner)
    if session_id is not None:
        meetings = meetings.filter(session_id=session_id)
    return meetings.select_related("session__cohort").order_by("starts_at").distinct()

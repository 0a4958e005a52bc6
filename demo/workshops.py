"""The demo cohort's workshops: three sessions of three days (the first held three weeks ago
with attendance taken: a realistic mix, one learner below the certificate's minimum; the second
next month; the third later), their venues and pre-work, and the cohort's attendance rule.
Content is data: demo/data/workshops.toml.

Idempotent and quick: a session is found by its cohort and title and made only when missing;
the held session's register is written in bulk (with its audit rows, as the trainer's roll
call), not mark by mark."""

import random
import tomllib
from datetime import datetime, time, timedelta
from pathlib import Path

from django.core.management.color import color_style
from django.db import transaction
from django.utils import timezone

from academy.accounts.models import User
from courses.models import Cohort, Enrollment, ModulePage
from workshops.models import Attendance, AttendanceChange, Meeting, Session
from workshops.services import attendance_rule_for, status_of_kind

DATA = Path(__file__).resolve().parent / "data" / "workshops.toml"
DAY_STARTS, DAY_ENDS = time(9, 0), time(17, 0)


def data() -> dict:
    with DATA.open("rb") as file:
        return tomllib.load(file)


def load(*, stdout=None) -> None:
    plan = data()
    cohort = Cohort.objects.filter(name=plan["cohort"]).select_related("course").first()
    if cohort is None:
        if stdout is not None:
            stdout.write(f"No cohort {plan['cohort']!r}: load the demo course first.")
        return
    trainer = User.objects.filter(email=plan["trainer"]).first()
    with transaction.atomic():
        rule = attendance_rule_for(cohort=cohort)
        if rule.minimum_percent is None:
            rule.minimum_percent = plan["minimum_percent"]
            rule.save(update_fields=["minimum_percent"])
        modules = list(ModulePage.objects.child_of(cohort.course).order_by("path"))
        made = 0
        for row in plan["sessions"]:
            if Session.objects.filter(cohort=cohort, title=row["title"]).exists():
                continue
            session = _session(cohort, row, modules, plan["capacity"], trainer)
            made += 1
            if row["starts_in_days"] < 0:
                _take_attendance(session, rule, trainer, plan["mix"])
    if stdout is not None:
        stdout.write(color_style().SUCCESS(f"Workshops: {made} session(s) added to {cohort.name}."))


def _session(cohort, row, modules, capacity, trainer) -> Session:
    session = Session(
        cohort=cohort,
        title=row["title"],
        venue_name=row["venue_name"],
        venue_address=row["venue_address"],
        venue_municipality=row["venue_municipality"],
        map_url=row["map_url"],
        capacity=capacity,
    )
    session.pre_work = [modules[n - 1] for n in row["pre_work"] if 0 < n <= len(modules)]
    if trainer is not None:
        session.trainers = [trainer]
    session.save()
    first_day = timezone.localdate() + timedelta(days=row["starts_in_days"])
    zone = timezone.get_current_timezone()
    Meeting.objects.bulk_create(
        Meeting(
            session=session,
            label=f"Day {n + 1}",
            starts_at=datetime.combine(first_day + timedelta(days=n), DAY_STARTS, zone),
            ends_at=datetime.combine(first_day + timedelta(days=n), DAY_ENDS, zone),
            sort_order=n,
        )
        for n in range(row["days"])
    )
    return session


def _take_attendance(session, rule, trainer, mix):
    kinds = ["late", "excused", "absent"]
    statuses = {kind: status_of_kind(rule=rule, kind=kind) for kind in ["present", *kinds]}
    learners = list(
        Enrollment.objects.filter(cohort=session.cohort)
        .order_by("learner__full_name")
        .values_list("learner_id", flat=True)
    )
    meetings = list(session.meetings.order_by("starts_at"))
    rng = random.Random(16)  # noqa: S311 - reproducible demo data
    register = {}  # (meeting, learner id) -> kind
    for position, learner_id in enumerate(learners):
        for meeting in meetings:
            register[meeting, learner_id] = "present"
        if position == 0:
            for meeting in meetings[:2]:
                register[meeting, learner_id] = "absent"
        elif rng.random() < mix["off_one_day"]:
            kind = rng.choices(kinds, [mix[kind] for kind in kinds])[0]
            register[rng.choice(meetings), learner_id] = kind
    attendances, changes = [], []
    for (meeting, learner_id), kind in register.items():
        note = "Council session at home" if kind == "excused" else ""
        marked_at = meeting.starts_at + timedelta(minutes=20)
        attendances.append(
            Attendance(
                meeting=meeting,
                learner_id=learner_id,
                status=statuses[kind],
                note=note,
                source=Attendance.Source.ROLL_CALL,
                marked_by=trainer,
                marked_at=marked_at,
            )
        )
        changes.append(
            AttendanceChange(
                meeting=meeting,
                learner_id=learner_id,
                new_status=statuses[kind],
                new_note=note,
                source=Attendance.Source.ROLL_CALL,
                changed_by=trainer,
                changed_at=marked_at,
            )
        )
    Attendance.objects.bulk_create(attendances)
    AttendanceChange.objects.bulk_create(changes)
    session.meetings.update(register_closed_at=timezone.now())

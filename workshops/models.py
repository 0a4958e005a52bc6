"""Workshop sessions of a cohort, their meetings, and who attended them.

A cohort meets for a few sessions (LAP: three of three days); a session spans one or more
meetings (a day or half-day each), held at a venue or online. Attendance of a meeting is one row
per learner with a status; statuses are rows of the cohort's attendance rule with points, and
every change of a learner's attendance leaves an `AttendanceChange` behind."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from academy.core.uploads import private_storage

DEFAULT_CAPACITY = 25


class AttendanceRule(ClusterableModel):
    """How a cohort's attendance counts: its statuses and their points, when a check-in counts
    as late, and the minimum attendance a certificate asks for."""

    cohort = models.OneToOneField(
        "courses.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="attendance_rule",
    )
    minimum_percent = models.PositiveSmallIntegerField(
        _("minimum attendance for a certificate (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Empty: attendance does not decide the certificate."),
    )
    late_after_minutes = models.PositiveSmallIntegerField(
        _("check-in counts as late after (minutes)"),
        default=15,
        help_text=_("Minutes after a meeting starts."),
    )
    check_in_opens_minutes = models.PositiveSmallIntegerField(
        _("check-in opens before the start (minutes)"), default=30
    )

    panels = [
        FieldPanel("cohort"),
        FieldRowPanel(
            [
                FieldPanel("minimum_percent"),
                FieldPanel("late_after_minutes"),
                FieldPanel("check_in_opens_minutes"),
            ]
        ),
        InlinePanel("statuses", heading=_("Statuses"), label=_("Status"), min_num=1),
    ]

    class Meta:
        verbose_name = _("attendance rule")
        verbose_name_plural = _("attendance rules")

    def __str__(self):
        return str(self.cohort)

    @property
    def points_possible(self) -> int:
        """The points of a meeting fully attended: the highest points of any status."""
        return max((status.points for status in self.statuses.all()), default=0)


class AttendanceStatus(Orderable):
    """A status a learner's attendance of a meeting can have, with the points it earns. The four
    the platform sets itself (check-in, the register's completion) are known by their `kind`."""

    class Kind(models.TextChoices):
        PRESENT = "present", _("Present")
        LATE = "late", _("Late")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")
        OTHER = "other", _("Other")

    rule = ParentalKey(AttendanceRule, on_delete=models.CASCADE, related_name="statuses")
    label = models.CharField(_("label"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    points = models.PositiveSmallIntegerField(_("points"), default=0)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("points")])]

    class Meta(Orderable.Meta):
        verbose_name = _("attendance status")
        verbose_name_plural = _("attendance statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "kind"],
                condition=~models.Q(kind="other"),
                name="one_status_of_each_kind",
            )
        ]

    def __str__(self):
        return self.label


DEFAULT_STATUSES = [
    (AttendanceStatus.Kind.PRESENT, _("Present"), 2),
    (AttendanceStatus.Kind.LATE, _("Late"), 1),
    (AttendanceStatus.Kind.EXCUSED, _("Excused"), 1),
    (AttendanceStatus.Kind.ABSENT, _("Absent"), 0),
]


class Session(ClusterableModel):
    """A workshop of a cohort: one or more meetings at a venue or online, and the pre-work to
    finish before it."""

    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,  # attendance is evidence: a cohort with sessions stays
        related_name="sessions",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    venue_municipality = models.CharField(_("municipality"), max_length=120, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For a session held online.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=DEFAULT_CAPACITY, validators=[MinValueValidator(1)]
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="workshop_sessions",
        limit_choices_to={"groups__name": "Trainers"},
    )
    pre_work = ParentalManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("pre-work"),
        blank=True,
        related_name="+",
        help_text=_("Modules or steps of the course to finish before the session."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set when the learners were sent the invitation, and the reminder two days before.
    invitations_sent_at = models.DateTimeField(_("invitations sent at"), null=True, blank=True)
    reminders_sent_at = models.DateTimeField(_("reminders sent at"), null=True, blank=True)

    panels = [
        FieldPanel("cohort"),
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_municipality"),
                FieldPanel("map_url"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("capacity"),
        FieldPanel("trainers"),
        FieldPanel("pre_work"),
        InlinePanel("meetings", heading=_("Meetings"), label=_("Meeting"), min_num=1),
    ]

    class Meta:
        verbose_name = _("workshop session")
        verbose_name_plural = _("workshop sessions")
        ordering = ["cohort", "created_at"]

    def __str__(self):
        return f"{self.cohort}: {self.title}"

    def clean(self):
        if not (self.venue_name or self.online_url):
            raise ValidationError(_("Give the venue, or the online link of an online session."))

    @property
    def where(self) -> str:
        parts = [self.venue_name, self.venue_address, self.venue_municipality]
        return ", ".join(part for part in parts if part) or self.online_url


def scanned_sheet_path(meeting, filename):
    # A random name: the file is reached only through a permission-checked view.
    return f"workshops/sheets/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class Meeting(Orderable):
    """A day or half-day of a session, from `starts_at` to `ends_at` (stored in UTC, entered and
    shown in the site's time zone)."""

    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="meetings")
    label = models.CharField(_("label"), max_length=100, blank=True, help_text=_("e.g. Day 1"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    scanned_sheet = models.FileField(
        _("scanned signed sheet"),
        upload_to=scanned_sheet_path,
        storage=private_storage,  # served only through the checked view
        blank=True,
    )
    scanned_sheet_uploaded_at = models.DateTimeField(_("sheet uploaded at"), null=True, blank=True)
    # Set once the learners still unmarked after the meeting were recorded absent.
    register_closed_at = models.DateTimeField(_("register closed at"), null=True, blank=True)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
            )
        ]

    def __str__(self):
        day = formats.date_format(timezone.localtime(self.starts_at), "SHORT_DATE_FORMAT")
        return f"{self.session.title}: {self.label or day}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A meeting must end after it starts.")})

    def has_ended(self, now=None) -> bool:
        return self.ends_at <= (now or timezone.now())

    def check_in_window(self, rule) -> tuple:
        opens = rule.check_in_opens_minutes if rule else 30
        return self.starts_at - timedelta(minutes=opens), self.ends_at


class Attendance(models.Model):
    """A learner's attendance of one meeting: one row, whatever marked it."""

    class Source(models.TextChoices):
        ROLL_CALL = "roll_call", _("Roll call")
        CHECK_IN = "check_in", _("Self check-in")
        AUTOMATIC = "automatic", _("Unmarked when the meeting ended")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="workshop_attendances",
    )
    status = models.ForeignKey(
        AttendanceStatus, verbose_name=_("status"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "learner"], name="one_attendance_a_meeting")
        ]

    def __str__(self):
        return f"{self.learner} - {self.meeting}: {self.status}"


class AttendanceChange(models.Model):
    """The audit trail: every change of a learner's attendance, who made it and when."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="changes"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    old_status = models.ForeignKey(
        AttendanceStatus,
        verbose_name=_("from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    new_status = models.ForeignKey(
        AttendanceStatus, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    old_note = models.CharField(_("previous note"), max_length=300, blank=True)
    new_note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Attendance.Source)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.learner} - {self.meeting}: {self.old_status} -> {self.new_status}"


@register_setting(icon="doc-full")
class SignInSheetSettings(BaseSiteSetting):
    """What the printed sign-in sheets carry for the donor: the project's name, its funding
    statement and up to three logos."""

    project_name = models.CharField(_("project name"), max_length=200, blank=True)
    funding_statement = models.TextField(
        _("funding statement"),
        blank=True,
        help_text=_("e.g. This project is funded by the European Union."),
    )
    logo_1 = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo 1"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_2 = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo 2"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_3 = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo 3"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("project_name"),
        FieldPanel("funding_statement"),
        FieldRowPanel([FieldPanel("logo_1"), FieldPanel("logo_2"), FieldPanel("logo_3")]),
    ]

    class Meta:
        verbose_name = _("sign-in sheets")

    @property
    def logos(self):
        return [logo for logo in (self.logo_1, self.logo_2, self.logo_3) if logo]


def new_feed_token():
    return secrets.token_urlsafe(24)  # 192 bits: cannot be guessed


class CalendarFeed(models.Model):
    """A learner's personal calendar feed: their cohorts' meetings at a secret address they can
    replace (the old one stops working at once)."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="workshop_calendar",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.learner)

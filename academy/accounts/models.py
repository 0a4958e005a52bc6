import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from academy.core.uploads import private_storage


class Organisation(models.Model):
    """A municipality, a civil-society organisation or another body that learners come from."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        CSO = "cso", _("Civil-society organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.MUNICIPALITY)
    place = models.CharField(_("place"), max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class LearnerRole(models.TextChoices):
    MAYOR = "mayor", _("Mayor")
    COUNCILLOR = "councillor", _("Councillor")
    OFFICIAL = "official", _("Municipal official")
    CSO = "cso", _("CSO representative")
    OTHER = "other", _("Other")


class EmailUserManager(UserManager):
    """Users log in with their email address; case never makes two accounts."""

    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        return (email or "").strip().lower()

    def get_by_natural_key(self, username):
        return self.get(email__iexact=self.normalize_email(username))

    def _create_user_object(self, email, password, **extra_fields):
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.password = ""
        user.set_password(password)
        return user

    def _create_user(self, email, password, **extra_fields):
        user = self._create_user_object(email, password, **extra_fields)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("As it must appear on certificates, in Latin or Cyrillic script."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    role = models.CharField(_("role"), max_length=20, choices=LearnerRole, blank=True)
    reminders_opt_out = models.BooleanField(
        _("no reminder emails"),
        default=False,
        help_text=_("Tick to stop the weekly emails about courses you have not continued."),
    )
    # Set by courses.services.reminders_send: at most one reminder a week.
    last_reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)
    # Set when the person's data was erased at their request (academy.accounts.erasure).
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = EmailUserManager()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


def data_export_path(instance, filename):
    return f"data-exports/{instance.user_id}/{secrets.token_hex(16)}/{filename}"


class DataExport(models.Model):
    """A person's "Download my data" archive: built by a task, kept privately, for them alone
    until it expires."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(
        _("archive"), upload_to=data_export_path, storage=private_storage, blank=True
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self):
        return f"{self.user} · {self.requested_at:%Y-%m-%d %H:%M}"

    @property
    def is_ready(self) -> bool:
        return (
            self.status == self.Status.DONE
            and self.expires_at is not None
            and timezone.now() < self.expires_at
        )

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.DONE and not self.is_ready

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class ErasureRequest(models.Model):
    """A person's request to erase their data, and a site administrator's decision. Kept as the
    audit record of the erasure: the only place the name and email remain."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for a decision")
        APPROVED = "approved", _("Erased")
        REFUSED = "refused", _("Refused")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="erasure_requests",
    )
    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=200)
    reason = models.TextField(_("why the person asks"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.REQUESTED)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="requested"),
                name="one_open_erasure_request",
            )
        ]

    def __str__(self):
        return f"{self.full_name} · {self.get_status_display()}"

"""Download my data: a ZIP of everything the platform keeps about a person (each app's section
as JSON, their files, and an HTML index to read it by), built by a task with its progress shown,
kept privately for the person alone until the link expires."""

import json
import zipfile
from datetime import timedelta
from pathlib import PurePosixPath
from tempfile import SpooledTemporaryFile

from django.conf import settings
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from academy.core.outbox import task_enqueue

from .models import DataExport, User
from .personal_data import personal_data_sections

# How long the archive can be downloaded; after that it is deleted and must be asked again.
EXPORT_VALID_FOR = timedelta(hours=settings.DATA_EXPORT_VALID_HOURS)


def data_export_request(*, user: User) -> DataExport:
    """Ask for the user's archive. One at a time: while one is being prepared, or a ready one
    has not expired, asking again (a double click, a second tab) returns it."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()  # one request at a time
        current = DataExport.objects.filter(user=user).first()
        if current is not None and (current.is_pending or current.is_ready):
            return current
        export = DataExport.objects.create(user=user)
        from .tasks import build_data_export  # the task calls data_export_build

        task_enqueue(build_data_export, export.pk)
    return export


def data_export_build(*, export: DataExport) -> DataExport:
    """Write the archive section by section, saving the progress as it goes; in the user's
    language. Building again (a retried task) replaces what was there."""
    user = export.user
    sections = personal_data_sections()
    DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.RUNNING, progress=0)
    with SpooledTemporaryFile(max_size=20 * 1024 * 1024) as buffer:
        with (
            translation.override(user.preferred_language),
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            written = []
            for done, section in enumerate(sections, 1):
                data = section(user=user)
                archive.writestr(f"{data.name}.json", _json(data.records))
                for path, stored in data.files:
                    _write_file(archive, f"files/{data.name}/{path}", stored)
                written.append(data)
                progress = int(95 * done / len(sections))
                DataExport.objects.filter(pk=export.pk).update(progress=progress)
            archive.writestr(
                "index.html",
                render_to_string(
                    "accounts/data_export_index.html",
                    {"user": user, "sections": written, "made_at": timezone.now()},
                ),
            )
        buffer.seek(0)
        if export.file:
            export.file.delete(save=False)
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        export.file.save(f"lap-academy-data-{stamp}.zip", File(buffer), save=False)
    now = timezone.now()
    export.size = export.file.size
    export.status, export.progress = DataExport.Status.DONE, 100
    export.finished_at, export.expires_at = now, now + EXPORT_VALID_FOR
    export.save(update_fields=["file", "size", "status", "progress", "finished_at", "expires_at"])
    return export


def _json(records) -> str:
    return json.dumps(records, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _write_file(archive, path, stored):
    """A stored file into the archive; one gone from storage is noted, never fatal."""
    safe = str(PurePosixPath(*[part for part in PurePosixPath(path).parts if part != ".."]))
    try:
        with stored.open("rb") as handle:
            archive.writestr(safe, handle.read())
    except (OSError, ValueError):
        archive.writestr(f"{safe}.missing.txt", "This file is no longer in storage.")


def data_exports_expire(*, now=None) -> int:
    """Delete the archives whose link has expired (files included). Returns how many."""
    now = now or timezone.now()
    expired = list(DataExport.objects.filter(expires_at__lt=now).exclude(file=""))
    for export in expired:
        export.file.delete(save=False)
    DataExport.objects.filter(pk__in=[e.pk for e in expired]).delete()
    return len(expired)

"""Files people hand in as evidence (ELoGE documents, scanned sign-in sheets; assignments next):
one check that a file is what its name says, and one private place to keep such files."""

from enum import Enum
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage

# The first bytes of the formats that have a fixed signature: a file named .pdf must be a PDF.
# Office files are ZIP archives; plain text and CSV have no signature to check.
SIGNATURES = {
    "pdf": b"%PDF-",
    "docx": b"PK\x03\x04",
    "odt": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "ods": b"PK\x03\x04",
    "pptx": b"PK\x03\x04",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
}


class UploadProblem(Enum):
    TYPE = "type"  # an extension not accepted here
    SIZE = "size"  # larger than allowed
    EMPTY = "empty"
    CONTENT = "content"  # the content is not what the name says


def extension_of(upload) -> str:
    return Path(upload.name or "").suffix.lower().lstrip(".")


def upload_problem(upload, *, extensions, max_bytes: int) -> UploadProblem | None:
    """What is wrong with `upload` for a place that accepts `extensions` up to `max_bytes`, or
    None. Each app words the problem for its own form."""
    extension = extension_of(upload)
    if extension not in extensions:
        return UploadProblem.TYPE
    if upload.size > max_bytes:
        return UploadProblem.SIZE
    if upload.size == 0:
        return UploadProblem.EMPTY
    if signature := SIGNATURES.get(extension):
        upload.seek(0)
        head = upload.read(len(signature))
        upload.seek(0)
        if head != signature:
            return UploadProblem.CONTENT
    return None


def private_storage():
    """Where evidence files are kept: never under the public media URL. On local disk, in
    PRIVATE_MEDIA_ROOT (by default a folder beside MEDIA_ROOT that no URL serves); on object
    storage (production's S3: private ACL, signed URLs) the default storage is private already.
    Either way the only way to a file is a view that checks who asks."""
    if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        media_root = Path(settings.MEDIA_ROOT)
        location = getattr(
            settings, "PRIVATE_MEDIA_ROOT", media_root.with_name(f"{media_root.name}-private")
        )
        return FileSystemStorage(location=location)
    return default_storage

"""Where evidence documents are kept: never under the public media URL.

On local disk they go to PRIVATE_MEDIA_ROOT (by default a folder beside MEDIA_ROOT that no URL
serves); on object storage (production's S3, private ACL and signed URLs) the default storage is
private already. Either way the only way to a document is the permission-checked view.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage


def evidence_storage():
    if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        media_root = Path(settings.MEDIA_ROOT)
        location = getattr(
            settings, "PRIVATE_MEDIA_ROOT", media_root.with_name(f"{media_root.name}-private")
        )
        return FileSystemStorage(location=location, base_url=None)
    return default_storage

"""Production: PostgreSQL, Redis, WhiteNoise, gunicorn (gunicorn.conf.py), Celery worker and beat.

Refuses to start without DJANGO_SECRET_KEY. Environment (see docs/configuration.md):

    DJANGO_SECRET_KEY           required
    DJANGO_SECRET_KEY_FALLBACKS old keys, comma-separated, while rotating
    DATABASE_URL                postgres://user:pass@host:5432/lap
    REDIS_URL                   redis://host:6379/0: cache, cached sessions, Celery broker
    CELERY_BROKER_URL           a different broker than REDIS_URL (optional)
    ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, WAGTAILADMIN_BASE_URL
    MEDIA_ROOT                  uploads on a (shared) file system; or, for S3-compatible storage:
    AWS_STORAGE_BUCKET_NAME     with AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME, AWS_ACCESS_KEY_ID,
                                AWS_SECRET_ACCESS_KEY (read by django-storages/boto3); MEDIA_URL
                                (default: derived from the endpoint or bucket) is the origin the
                                Content-Security-Policy allows images and media from
    EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS
    SECURE_SSL_REDIRECT         "false" when the proxy already redirects (or for `make serve`)
    SECURE_HSTS_SECONDS, PAGE_CACHE_SECONDS
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env_list

if not os.environ.get("DJANGO_SECRET_KEY"):
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a long random value.")
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# Old keys still accepted for sessions, password-reset links and signed values while rotating.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# The load balancer's health check may speak plain HTTP to the app server.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Anonymous Wagtail pages are cached in Redis (academy.core.page_cache) and purged on publish.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 300))

# Static files: hashed, compressed names served by WhiteNoise straight from gunicorn, cached
# forever by browsers; right after SecurityMiddleware as WhiteNoise asks.
MIDDLEWARE = [
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Media on S3-compatible object storage (AWS, MinIO, ...); private objects served through
    # signed, expiring URLs, never public ones: certificate PDFs are personal.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # The storage makes its own (signed) URLs; MEDIA_URL names their origin for the
    # Content-Security-Policy (academy/core/headers.py), which allows images and media from it.
    _bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    _region = os.environ.get("AWS_S3_REGION_NAME")
    MEDIA_URL = os.environ.get("MEDIA_URL") or (
        f"{os.environ['AWS_S3_ENDPOINT_URL'].rstrip('/')}/{_bucket}/"
        if os.environ.get("AWS_S3_ENDPOINT_URL")
        else f"https://{_bucket}.s3.{_region + '.' if _region else ''}amazonaws.com/"
    )

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"

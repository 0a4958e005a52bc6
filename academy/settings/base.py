"""Settings that work with no environment at all: SQLite, eager Celery, console email.

Environment variables switch to real services: DATABASE_URL, REDIS_URL, CELERY_BROKER_URL,
DJANGO_SECRET_KEY, ALLOWED_HOSTS, EMAIL_HOST and the other SMTP settings (see production.py).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-dev-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "academy.accounts",
    "academy.governance",
    "academy.core",
    "academy.home",
    "courses",
    "quizzes",
    "assessments",
    "workshops",
    "assignments",
    "certificates",
    "demo",
    "axes",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "academy.accounts.apps.LapUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "academy.core.request_limits.RequestSizeLimitMiddleware",
    # Outside session, CSRF and auth so it sees every cookie they set (academy/core/page_cache.py).
    "academy.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "academy.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "academy.core.headers.ContentSecurityPolicyMiddleware",  # after X-Frame-Options is set
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "academy.urls"
WSGI_APPLICATION = "academy.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many learners submit at once: wait for the write lock instead of failing, and take it
    # up front so that read-then-write transactions cannot deadlock. WAL lets readers go on
    # while one writes, and NORMAL sync is safe with WAL and far faster on slow disks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # An unreachable database answers within seconds (the 503 page, academy/core/errors.py)
    # instead of holding app server workers for the operating system's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "academy.accounts.backends.LoginThrottleBackend",  # first: refuses locked-out logins
    "academy.accounts.backends.EmailBackend",
]
LOGIN_URL = "login"
# Private pages and documents send visitors to our login page, not Wagtail's bare one.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "courses:my_learning"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English plus the three official languages of Bosnia and Herzegovina. Django's
# "sr" is Serbian Cyrillic; "sr-latn" is Serbian Latin.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("bs", _("Bosnian")),
    ("hr", _("Croatian")),
    ("sr", _("Serbian (Cyrillic)")),
    ("sr-latn", _("Serbian (Latin)")),
]
# Strings of Wagtail and the other apps where they have no catalogue for one of our languages
# (academy/core/catalogues.py): generated by `manage.py compile_translations`, after our own
# catalogues so ours win. Each language's strings no app translates come from the first of these
# languages that has them, in the language's script; what none has stays English.
FALLBACK_LOCALE_DIR = BASE_DIR / "var" / "locale-fallback"
LOCALE_PATHS = [BASE_DIR / "locale", FALLBACK_LOCALE_DIR]
CATALOGUE_FALLBACK_LANGUAGES = {"bs": ["hr", "sr-latn", "sr"], "sr": ["sr-latn"], "sr-latn": ["sr"]}
# Wagtail offers only the languages it translates well; ours all work in the admin.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Our fixes to Django's locale formats (Bosnian short dates); Django's own fill in the rest.
FORMAT_MODULE_PATH = ["academy.core.formats"]
TIME_ZONE = "Europe/Sarajevo"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A page not translated into the learner's language is shown in the first of these that has it
# (then in its original language), with a notice; the interface keeps the learner's language.
CONTENT_FALLBACK_LANGUAGES = ["bs", "en"]
# Names written only in Latin, kept in Latin when Serbian Latin is converted to Cyrillic (whole
# words, case as written); acronyms, codes, URLs and addresses are kept without being listed.
SERBIAN_PROTECTED_TERMS = ["CM/Rec", "ELoGE", "LAP", "Open Badges"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # While Redis is down pages are served from the database (academy/core/cache.py); a
    # Redis that does not answer within a second counts as down.
    CACHES = {
        "default": {
            "BACKEND": "academy.core.cache.ResilientCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "BACKEND": "django_redis.cache.RedisCache",
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        },
    }
    # Sessions read from Redis and written through to the database: one query less per
    # request, and a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds an anonymous Wagtail page stays cached (0: off; production.py turns it on).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 0))

# Celery: eager (in-process) unless a broker is configured.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task a killed worker had taken comes back after this long: longer than the longest task
# (a chunk of a bulk issue), or a task still running would be handed out twice. Workers look
# for such tasks every 10 s (kombu's default looks every 100 s, so a chunk could wait that long
# once its timeout had passed). The look is guarded by a lock in Redis that a worker killed
# while holding it would keep for kombu's default 5 minutes; a look takes milliseconds and
# each task is handed back atomically, so 30 s is ample.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", 60 * 60)),
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
    "unacked_mutex_expire": 30,
    "socket_connect_timeout": 2,
}
# A task the broker cannot take stays in the outbox (academy/core/outbox.py), so a request
# does not wait long on a broker that is down: one quick retry, then the relay's turn.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0.2}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "academy")
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Run by `celery -A academy beat` next to the worker.
CELERY_BEAT_SCHEDULE = {
    "weekly-inactivity-reminders": {
        "task": "courses.tasks.send_weekly_reminders",
        "schedule": crontab(minute=0, hour=8, day_of_week="monday"),
    },
    "award-missed-certificates": {
        "task": "certificates.tasks.award_missed_certificates",
        "schedule": crontab(minute=30),
    },
    "relay-outbox": {
        "task": "academy.core.tasks.relay_outbox",
        "schedule": crontab(),  # every minute
    },
    "resume-stalled-bulk-issues": {
        "task": "certificates.tasks.resume_stalled_bulk_issues",
        "schedule": crontab(minute="*/15"),
    },
    "close-ended-meeting-registers": {
        "task": "workshops.tasks.close_ended_registers",
        "schedule": crontab(minute="*/10"),
    },
    "remind-workshop-sessions": {
        "task": "workshops.tasks.send_session_reminders",
        "schedule": crontab(minute=0, hour=9),
    },
    "delete-expired-data-exports": {
        "task": "academy.accounts.tasks.expire_data_exports",
        "schedule": crontab(minute=15),
    },
    "delete-unconfirmed-accounts": {
        "task": "academy.accounts.tasks.delete_unconfirmed_accounts",
        "schedule": crontab(minute=40, hour=3),
    },
}

# "Download my data": how long an archive's link works before the archive is deleted.
DATA_EXPORT_VALID_HOURS = int(os.environ.get("DATA_EXPORT_VALID_HOURS", "24"))
# Sign-ups never confirmed are deleted after this many days.
UNCONFIRMED_ACCOUNT_DAYS = int(os.environ.get("UNCONFIRMED_ACCOUNT_DAYS", "30"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "LAP Academy <no-reply@lap.example>")

# Security (docs/security.md; HSTS and secure cookies are in production.py)
# How many reverse proxies (load balancer, nginx) stand in front of the app servers. Each appends
# to X-Forwarded-For; academy.core.client_address reads the client's address from it, for the
# login throttle and the verification rate limit alike. 0: REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its preview SAMEORIGIN for the editor's iframe
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No avatars fetched from Gravatar: it would tell a third party which staff use the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Learner pages: our own scripts, styles and fonts only. academy.core.headers adds what
# Wagtail's admin needs under /admin/ and the media host when MEDIA_URL is on another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Wagtail's responsive embeds size their iframe with a style attribute; a style
        # attribute cannot run code.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures an account, and separately
# an address, is locked for AXES_COOLOFF_TIME. Failures are rows in the database, so every app
# server sees them; a success resets the account's count.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "academy.accounts.backends.login_identity"
AXES_CLIENT_IP_CALLABLE = "academy.core.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_DISABLE_ACCESS_LOG = True  # Wagtail's audit log and sessions already say who logged in
AXES_VERBOSE = False

# Uploads. Request bodies larger than MAX_REQUEST_SIZE are refused with 400 before they are
# read (the largest upload allowed is a 20 MB document); form fields beyond
# DATA_UPLOAD_MAX_MEMORY_SIZE likewise. Files over FILE_UPLOAD_MAX_MEMORY_SIZE go to a
# temporary file instead of memory.
MAX_REQUEST_SIZE = 25 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Documents always go through Wagtail's serve view (permission checks, Content-Disposition);
# only PDF and plain text open in the browser, everything else downloads as an attachment.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]

# Wagtail
WAGTAIL_SITE_NAME = "LAP Academy"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# A small file can declare a huge image ("decompression bomb"); 40 megapixels is more than any
# photo a trainer needs and keeps a rendition's memory bounded on small app servers.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail runs search-index and reference-index tasks in-process: a log line each is noise.
    "loggers": {
        name: {"level": "WARNING"} for name in ("django_tasks", "wagtail", "celery.app.trace")
    },
}

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from academy.accounts.views import switch_language
from academy.core.health import health

handler500 = "academy.core.errors.server_error"

urlpatterns = [
    path("health/", health, name="health"),
    # Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says. Lazy: the
    # static files' manifest is read on the first request, not when the URLs are imported; not
    # permanent, as the file's hashed name changes with each release.
    path("favicon.ico", RedirectView.as_view(url=lazy(static_url, str)("img/favicon.svg"))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/switch/<str:language>/", switch_language, name="switch_language"),
    path("", include("certificates.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("academy.accounts.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("courses.urls")),
    path("", include("workshops.urls")),
    path("", include("assignments.urls")),
    path("", include("certificates.learner_urls")),
    path("", include("assessments.urls")),
    path("", include("academy.core.routing")),
)

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers

# URLs that deliberately have no language prefix (see academy/urls.py).
LANGUAGE_NEUTRAL_PREFIXES = ("/admin/", "/verify/", "/badges/", "/documents/", "/i18n/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 on a language-neutral URL stays a 404.

    Django redirects any unprefixed 404 to the same path under /en/ when that path resolves;
    with Wagtail's catch-all page route every path resolves, so a wrong verification code or
    admin id would bounce to a page-not-found under /en/ instead of its own clear 404."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)

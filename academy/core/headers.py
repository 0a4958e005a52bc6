"""The Content-Security-Policy header: strict on the learners' site, loosened only where
Wagtail's admin needs it.

Learner pages load scripts and styles from our own static files only, so an injected
`<script>` or `onerror=` attribute that slipped past escaping still would not run. Wagtail's
admin templates have inline scripts (inline panels, date pickers) and inline styles, so /admin/
gets 'unsafe-inline' for those two (and 'unsafe-eval', see below); its other protections
(login, CSRF, escaping) stay. Staff viewing the site with Wagtail's user bar keep the strict
policy there, so the bar's accessibility checker may not run on the site itself.
"""

from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"

ADMIN_ADDITIONS = {
    # Inline panels and date pickers are inline scripts; the accessibility checker bundled in
    # the admin's core.js (axe-core) compiles its message templates with `new Function`.
    "script-src": [UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [UNSAFE_INLINE],
    # Image choosers preview uploads as blob: URLs; embeds show their provider's thumbnail.
    "img-src": ["blob:", "https:"],
    # The live preview panel is an iframe of our own preview view.
    "frame-src": [SELF],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with two additions: the admin's allowances under /admin/, and
    frame-ancestors kept in step with X-Frame-Options, because browsers obey frame-ancestors
    over X-Frame-Options. Everything is DENY except the views Wagtail marks SAMEORIGIN (its
    preview, shown in an iframe in the editor). Place it before XFrameOptionsMiddleware so
    that it sees that header."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        media = urlsplit(settings.MEDIA_URL)
        if media.scheme and media.netloc:  # media on object storage (S3-compatible)
            origin = f"{media.scheme}://{media.netloc}"
            parts.update = {**(parts.update or {}), "img-src": [origin], "media-src": [origin]}
        if request.path_info.startswith(ADMIN_PREFIX):
            update = dict(parts.update or {})
            for directive, sources in ADMIN_ADDITIONS.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts

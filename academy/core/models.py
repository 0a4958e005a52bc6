import copy
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .languages import content_languages, language_name
from .wagtail_compat import relevant_site_root_paths, set_parent, site_root_paths


class BasePage(Page):
    """Abstract base for the platform's pages: no admin-only page types reach learners.

    Routing falls back per page: `/hr/<path>` for a page that exists only in Bosnian serves the
    Bosnian page (with a notice, see templates/includes/translation_notice.html), never a 404."""

    show_in_menus_default = False
    # Text converted between Serbian Cyrillic and Latin on publishing (academy.core.serbian).
    script_fields = ["title", "seo_title", "search_description"]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        plan = _route_plan(request, self, path_components)
        child = plan.get((self.path, tuple(path_components)))
        if child is not None:
            if getattr(self, "_shown_in", None):  # below a fallback, still a fallback
                child._shown_in = self._shown_in
        else:
            child = self._child_in_fallback_language(slug)
        if child is None:
            raise Http404
        set_parent(child, self)
        # A page the path goes through only routes: its own fields are not loaded (no query).
        passed = plan.get((child.path, tuple(remaining))) is not None
        specific = child.specific_deferred if passed else child.specific
        specific._shown_in = getattr(child, "_shown_in", None)
        return specific.route(request, remaining)

    def _child_in_fallback_language(self, slug):
        """The child with `slug` of this page's translation in the best fallback language."""
        languages = content_languages()
        parents = dict(
            self.get_translations()
            .filter(locale__language_code__in=languages)
            .values_list("path", "locale__language_code")
        )
        if not parents:
            return None
        children = Page.objects.filter(
            reduce(or_, (Q(path__startswith=path) for path in parents)),
            slug=slug,
            depth=self.depth + 1,
        )
        child = min(
            children,
            key=lambda child: languages.index(parents[child.path[: -self.steplen]]),
            default=None,
        )
        if child is None:
            return None
        return shown_in(child, page_language=parents[child.path[: -self.steplen]])

    @property
    def shown_in_place_of(self) -> dict | None:
        """When this page stands in for a missing translation: the names of its language and of
        the language the reader asked for (for the notice), else None."""
        shown = getattr(self, "_shown_in", None)
        if not shown:
            return None
        page_language, language = shown
        return {"shown": language_name(page_language), "requested": language_name(language)}

    def get_url_parts(self, request=None):
        """A page shown in place of a missing translation keeps the learner's language in its
        links (`/hr/...` for a Bosnian page shown to a Croatian reader); see `shown_in`."""
        parts = getattr(self, "_url_parts", None) or super().get_url_parts(request)
        shown = getattr(self, "_shown_in", None)
        if not parts or parts[2] is None or not shown:
            return parts
        site_id, root_url, path = parts
        own_language, language = shown
        own_prefix = f"/{own_language}/"
        if path.startswith(own_prefix):
            path = f"/{language}/" + path[len(own_prefix) :]
        return site_id, root_url, path

    def get_url(self, request=None, current_site=None):
        # Remembered while there is only one site (see `remember_url`): the local path is
        # enough, with no lookup of the sites' root paths (a cache read per link otherwise).
        if getattr(self, "_url_is_local", False):
            return self.get_url_parts(request)[2]
        return super().get_url(request, current_site)

    url = property(get_url)

    def get_view_restrictions(self):
        # Those remembered with the page's route (academy.core.routing), else from the database.
        remembered = getattr(self, "_view_restrictions", None)
        return remembered if remembered is not None else super().get_view_restrictions()


def remember_url(page, cache_object=None):
    """Keep `page`'s URL on it (through pickling, for caches of the page tree): rendering a
    long course outline then works out no URL. `cache_object` keeps the sites' root paths
    while remembering many. Only for a page of one site: in several, the request decides.
    While the installation has one site only, its links are local paths (`get_url`)."""
    if len({site[0] for site in relevant_site_root_paths(page, cache_object)}) == 1:
        page._url_parts = Page.get_url_parts(page, cache_object)  # its own, not as shown in
        page._url_is_local = len({site[0] for site in site_root_paths(page, cache_object)}) == 1
    return page


def _route_plan(request, page, path_components) -> dict:
    """The pages on the requested path below `page`, by (parent's tree path, rest of the URL
    path); None where the path leaves the tree. One query for the whole path (Wagtail asks
    two per level), made once per request and again only below a fallback page."""
    plan = getattr(request, "_academy_route_plan", None)
    if plan is None or (page.path, tuple(path_components)) not in plan:
        below = Page.objects.filter(
            path__startswith=page.path,
            depth__gt=page.depth,
            depth__lte=page.depth + len(path_components),
            slug__in=set(path_components),
        )
        by_parent_and_slug = {(p.path[: -page.steplen], p.slug): p for p in below}
        plan, parent_path = {}, page.path
        for level in range(len(path_components)):
            child = by_parent_and_slug.get((parent_path, path_components[level]))
            plan[(parent_path, tuple(path_components[level:]))] = child
            if child is None:
                break
            parent_path = child.path
        if request is not None:
            request._academy_route_plan = plan
    return plan


def shown_in(page, *, page_language: str, language: str | None = None):
    """`page` (written in `page_language`) as shown to readers of `language`, the active one by
    default: a copy whose links keep the reader's language prefix, or `page` itself when the
    languages are the same. A copy, because pages of the tree cache are shared by requests in
    other languages (`page_cache._LocalTreeValues`)."""
    language = language or translation.get_language()
    if page_language == language:
        return page
    marked = copy.copy(page)
    marked._shown_in = (page_language, language)
    return marked


class OutboxTask(models.Model):
    """A Celery task decided in a transaction and written with it, until the broker has taken
    it (academy/core/outbox.py)."""

    task = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(_("failed sends"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("queued task")
        verbose_name_plural = _("queued tasks")

    def __str__(self):
        return f"{self.task}{tuple(self.args)}"


class SentEmail(models.Model):
    """What the platform emailed whom and when (not the body): for a person's "Download my
    data", and for support to answer "did you send me...?"."""

    to = models.EmailField(_("to"), db_index=True)
    subject = models.CharField(_("subject"), max_length=300)
    template = models.CharField(_("template"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")

    def __str__(self):
        return f"{self.to} · {self.subject}"

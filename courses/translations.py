"""One course whatever the language: a translated page is another Page row with the same
`translation_key`, and progress, enrollments and attempts always point at the original one.

The *canonical* page of a group of translations is the one created first (the lowest id): the
page the course was written in. It never changes while it exists, whichever language a trainer
translates into later, so switching language never loses progress."""

from collections import defaultdict

from django.db.models import Min
from django.utils import translation
from wagtail.models import Page

from academy.core.languages import content_languages
from academy.core.models import shown_in


def canonical_pk(page) -> int:
    """The id of the original of `page`'s translations (one query, remembered on the page)."""
    if getattr(page, "_canonical_pk", None) is None:
        page._canonical_pk = (
            Page.objects.filter(translation_key=page.translation_key)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
    return page._canonical_pk


def remember_canonical(page, pk: int):
    """Tell `page` the id of its original, when the caller knows it already (the outline, a
    quiz attempt), so that `canonical_pk` needs no query."""
    page._canonical_pk = pk
    return page


def originals(queryset):
    """Only the originals among `queryset`'s pages: what enrollments, rules and attempts point
    at, so the pages that admin forms and filters offer (one query, as a subquery)."""
    first_of_each = (
        Page.objects.order_by().values("translation_key").annotate(first=Min("pk")).values("first")
    )
    return queryset.filter(pk__in=first_of_each)


def canonical_of(page):
    """The original of `page`'s translations, as the same model (`page` itself if original)."""
    pk = canonical_pk(page)
    if pk == page.pk:
        return page
    return remember_canonical(type(page).objects.get(pk=pk), pk)


def best_version(versions: dict[str, Page], canonical: Page, languages: list[str]) -> Page:
    """Of one page's live `versions` by language code, the one to show a reader of
    `languages[0]`: theirs, else the first fallback that exists, else the original; a page in
    another language is marked (`shown_in`) so that its links keep the reader's language."""
    for language in languages:
        if language in versions:
            return shown_in(versions[language], page_language=language, language=languages[0])
    language = next((code for code, page in versions.items() if page.pk == canonical.pk), None)
    if language:
        return shown_in(canonical, page_language=language, language=languages[0])
    return canonical


def versions_by_key(pages, language_of=lambda page: page.locale.language_code) -> dict:
    """`pages` grouped as versions of one page: {translation_key: {language code: page}}."""
    by_key = defaultdict(dict)
    for page in pages:
        by_key[page.translation_key][language_of(page)] = page
    return by_key


def localized(pages, queryset) -> dict[int, Page]:
    """For each page (the original of its translations), the version to show in the active
    language, keyed by the original's id. `queryset` (e.g. `CoursePage.objects.live()`) says
    what may be shown and what to load with it. One query for all of them."""
    languages = content_languages()
    by_key = versions_by_key(
        queryset.filter(
            translation_key__in={page.translation_key for page in pages},
            locale__language_code__in=languages,
        ).select_related("locale")
    )
    return {page.pk: best_version(by_key[page.translation_key], page, languages) for page in pages}


def version_for(page, language_code: str) -> Page:
    """`page` (an original) as a reader of `language_code` is shown it, e.g. in an email: its
    live translation in that language, else in the first fallback language that has one
    (settings.CONTENT_FALLBACK_LANGUAGES), else `page` itself; its links keep the reader's
    language prefix, as the fallback routing serves them. One query; see `localized` for many."""
    with translation.override(language_code):
        return localized([page], type(page).objects.live())[page.pk]

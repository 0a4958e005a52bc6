"""Serbian is written once: publishing a page (or saving a snippet) in Serbian Cyrillic writes
its Serbian Latin version, and the reverse. Pages and models name the fields to convert in
`script_fields` (text only: never colours, codes or slugs); translatable child rows such as
quiz questions are converted with them.

The generated version is published as it stands; the conversion itself does not start another
(a context flag), so the two versions never ping-pong."""

import contextvars
import logging

from django.db import transaction
from modelcluster.fields import ParentalKey
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin

from .script import CONVERTERS, convert_stream, convert_text

logger = logging.getLogger(__name__)
COUNTERPART = {"sr": "sr-latn", "sr-latn": "sr"}
_converting = contextvars.ContextVar("serbian_script_converting", default=False)


def converted_fields(source, target, language: str) -> None:
    """Set `target`'s `script_fields` to `source`'s, converted into `language`'s script."""
    convert = CONVERTERS[language]
    for name in type(source).script_fields:
        field = source._meta.get_field(name)
        value = getattr(source, name)
        if isinstance(field, StreamField):
            value = convert_stream(field.stream_block, list(value.raw_data), convert)
        elif isinstance(value, str):
            value = convert_text(value, convert)
        setattr(target, name, value)


def convert_children(source, target, language: str) -> None:
    """Child rows named in `script_children` (e.g. questions): the target keeps one row per
    source row (matched by translation key, so its ids stay), with converted text and the
    source's other values."""
    locale = Locale.objects.get(language_code=language)
    for relation in getattr(type(source), "script_children", []):
        existing = {row.translation_key: row for row in getattr(target, relation).all()}
        rows = []
        for row in getattr(source, relation).all():
            copy = existing.get(row.translation_key) or type(row)(
                translation_key=row.translation_key
            )
            for field in row._meta.concrete_fields:
                if field.primary_key or field.name in {"locale", "translation_key"}:
                    continue
                if field.remote_field and getattr(field.remote_field, "parent_link", False):
                    continue
                if field.name not in type(row).script_fields:
                    setattr(copy, field.attname, getattr(row, field.attname))
            converted_fields(row, copy, language)
            copy.locale = locale
            rows.append(copy)
        setattr(target, relation, rows)


def page_sync_counterpart(page: Page) -> Page | None:
    """Write and publish the other-script version of a Serbian `page`; None when the page is
    not Serbian, has no `script_fields`, or its parent has no version in the other script yet
    (that parent's own publishing creates it; children follow when they are next published)."""
    page = page.specific
    language = COUNTERPART.get(page.locale.language_code)
    if language is None or _converting.get() or not hasattr(type(page), "script_fields"):
        return None
    locale = Locale.objects.get(language_code=language)
    target = page.get_translation_or_none(locale)
    if target is None and not page.get_parent().get_translations().filter(locale=locale).exists():
        logger.info("No %s parent for page %s yet: not converted", language, page.pk)
        return None
    token = _converting.set(True)
    try:
        with transaction.atomic():
            target = (target or page.copy_for_translation(locale)).specific
            converted_fields(page, target, language)
            target.draft_title = target.title
            convert_children(page, target, language)
            target.save_revision().publish()
    finally:
        _converting.reset(token)
    return target


def snippet_sync_counterpart(instance: TranslatableMixin):
    """The other-script version of a Serbian snippet (a principle, a certificate template),
    created or updated; None when not Serbian or already converting."""
    language = COUNTERPART.get(instance.locale.language_code)
    if language is None or _converting.get():
        return None
    locale = Locale.objects.get(language_code=language)
    token = _converting.set(True)
    try:
        with transaction.atomic():
            target = instance.get_translation_or_none(locale) or instance.copy_for_translation(
                locale
            )
            converted_fields(instance, target, language)
            target.save()
    finally:
        _converting.reset(token)
    return target


def on_page_published(sender, instance, **kwargs):
    page_sync_counterpart(instance)


def on_snippet_saved(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page) or not isinstance(instance, TranslatableMixin):
        return
    # Child rows (quiz questions) are converted with their page, not one by one.
    is_child_row = any(isinstance(f, ParentalKey) for f in instance._meta.concrete_fields)
    if hasattr(type(instance), "script_fields") and not is_child_row:
        snippet_sync_counterpart(instance)

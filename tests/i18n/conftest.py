"""Translations for tests, made as Wagtail makes them (copy_for_translation, then publish), with
the home page and catalogue translated first as `load_demo` does."""

import pytest
from wagtail.models import Locale, Page

from courses.models import ModulePage
from tests.certificates.conftest import issue, template  # noqa: F401 - shared fixtures
from tests.factories import catalogue, lessons_of, make_course


def translate(page, language, **fields):
    """A published translation of `page` (its parents translated first if needed)."""
    locale = Locale.objects.get(language_code=language)
    page = page.specific
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    parent = page.get_parent()
    if parent.depth > 1 and not parent.get_translations().filter(locale=locale).exists():
        translate(parent, language)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


@pytest.fixture
def course(db):
    """An English course of two modules (a lesson each), all in Bosnian, the first module
    in Serbian Cyrillic; the catalogue exists in every language."""
    course = make_course(modules=2, lessons_per_module=1, title="Good Local Governance")
    for language in ("bs", "hr", "sr", "sr-latn"):
        translate(catalogue(), language)
    translate(course, "bs", title="Dobro lokalno upravljanje")
    translate(course, "sr", title="Добро локално управљање")
    first, second = ModulePage.objects.child_of(course).order_by("path")
    lesson_1, lesson_2 = lessons_of(course)
    translate(first, "bs", title="Modul 1")
    translate(second, "bs", title="Modul 2")
    translate(lesson_1, "bs", title="Lekcija 1.1")
    translate(lesson_2, "bs", title="Lekcija 2.1")
    translate(first, "sr", title="Модул 1")
    translate(lesson_1, "sr", title="Лекција 1.1")
    return course


def version(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def page_url(page, language):
    return Page.objects.get(pk=version(page, language).pk).specific.url

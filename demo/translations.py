"""The demo in every language it is written in (data/<language>.toml, in structure.toml's
[languages] order), then Serbian Latin, which the Serbian Cyrillic pages and snippets write when
published or saved (academy.core.serbian), as for any trainer's page. Pages a language has no
strings for stay untranslated and learners see them in the fallback language. Ensure-by-slug: a
second run changes nothing."""

from wagtail.models import Locale, Page

from academy.governance.models import Principle
from certificates.models import CertificateTemplate
from demo import content

# Every language's tree starts with the home page and the catalogue. Serbian Latin's come first, as
# copies of the English ones; publishing the Serbian Cyrillic ones then writes their text.
SITE_LANGUAGES = ("bs", "hr", "sr-latn", "sr")


def load_translations(course) -> None:
    """Home and catalogue in every language (so that each language has its own tree), then the
    course pages in each demo language, the principles and the certificate template."""
    catalogue = course.get_parent()
    home = Page.objects.get(pk=catalogue.get_parent().pk)
    for language in SITE_LANGUAGES:
        texts = content.strings(language)
        ensure_translation(home, language, texts.get(home.slug))
        ensure_translation(catalogue, language, texts.get(catalogue.slug))
    for language in content.translations():
        fields = content.pages(language)
        for page in course_pages(course):
            if page.slug in fields and parent_translated(page, language):
                ensure_translation(page, language, translated_fields(fields[page.slug]))
    load_principles()
    load_certificate_template()


def course_pages(course) -> list[Page]:
    """The course and its pages, parents before children."""
    return [course.specific, *course.get_descendants().order_by("path").specific()]


def parent_translated(page, language) -> bool:
    return page.get_parent().get_translations().filter(locale__language_code=language).exists()


def translated_fields(fields: dict) -> dict:
    """The fields a translation sets (text only; tags, minutes, principles and quiz settings stay
    the English page's)."""
    names = (*content.TRANSLATED_FIELDS, "questions")
    return {name: value for name, value in fields.items() if name in names}


def ensure_translation(page, language, fields=None):
    """`page`'s published translation into `language`, created if missing: a copy of `page`
    with `fields` set."""
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.specific.copy_for_translation(locale).specific
    fields = dict(fields or {})
    questions = fields.pop("questions", None)
    for name, value in fields.items():
        setattr(translation, name, value)
    if questions:
        translation.questions = translated_questions(translation, questions)
    translation.draft_title = translation.title
    translation.save_revision().publish()
    return translation


def translated_questions(quiz, questions):
    """The quiz's copied questions (same order as the English) with translated text."""
    rows = list(quiz.questions.order_by("sort_order"))
    for row, question in zip(rows, questions, strict=False):
        row.prompt = f"<p>{question['prompt']}</p>"
        row.answer_key = [question["key"]]
        row.explanation = question["explanation"]
    return rows


def load_principles():
    """The principles' names, summaries and outcome statements in each language that has them
    (Serbian Latin follows on saving; a language without them shows the English ones)."""
    for language in content.translations():
        strings = content.strings(language)
        names = strings.get("principles")
        if names is None:
            continue
        texts = strings.get("principle_texts", {})
        locale = Locale.objects.get(language_code=language)
        for principle in Principle.objects.filter(locale__language_code="en"):
            if principle.get_translation_or_none(locale) is not None:
                continue
            translation = principle.copy_for_translation(locale)
            translation.name = names[str(principle.number)]
            for field, text in texts.get(str(principle.number), {}).items():
                setattr(translation, field, text)
            translation.save()


def load_certificate_template():
    template = CertificateTemplate.objects.filter(locale__language_code="en").order_by("pk").first()
    if template is None:
        return
    for language in content.translations():
        texts = content.strings(language).get("certificate_template")
        if texts is None:
            continue
        locale = Locale.objects.get(language_code=language)
        if template.get_translation_or_none(locale) is not None:
            continue
        translation = template.copy_for_translation(locale)
        translation.title = texts["title"]
        translation.body = texts["body"]
        translation.save()

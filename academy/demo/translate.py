"""The demo in five languages: Bosnian from translations/bs.py, Croatian (the first module) from
translations/hr.py, Serbian Cyrillic converted from the Bosnian, and Serbian Latin written from
the Cyrillic on publishing (academy.core.serbian), as for any trainer's page. Pages a module
leaves out stay untranslated, and
learners see them in the fallback language. Ensure-by-slug: a second run changes nothing."""

import importlib

from wagtail.models import Locale, Page

from academy.core.script import convert_text
from academy.core.serbian import convert_children, converted_fields
from academy.core.text import latin_to_cyrillic
from academy.governance.models import Principle
from certificates.models import CertificateTemplate

# Bosnian names of the 12 principles (CM/Rec(2023)5), by 2023 number.
PRINCIPLE_NAMES_BS = {
    1: "Demokratsko učešće",
    2: "Ljudska prava",
    3: "Vladavina prava",
    4: "Javna etika",
    5: "Odgovornost",
    6: "Otvorenost i transparentnost",
    7: "Efikasna, djelotvorna i dobra uprava",
    8: "Liderstvo, sposobnost i kapacitet",
    9: "Odgovaranje na potrebe građana",
    10: "Dobro finansijsko i ekonomsko upravljanje",
    11: "Održivost i dugoročna orijentacija",
    12: "Otvorenost za promjene i inovacije",
}
CERTIFICATE_BS = {
    "title": "Potvrda o završetku",
    "body": (
        "Ovim se potvrđuje da je {learner} završio/la {course} ({hours} sati), "
        "obuhvatajući principe {principles}, dana {date}."
    ),
}


# The home page and the catalogue, which every language's tree starts with (sr-latn is written
# from sr on publishing).
SITE_PAGES = {
    "bs": {
        "home": {
            "title": "LAP akademija",
            "lead": "Online učenje za Akademiju za lidere lokalnih samouprava.",
            "intro": (
                "<p>Kratke lekcije između radionica, kvizovi koji pokazuju šta ste naučili i "
                "certifikati koje svako može provjeriti – sve oko 12 principa dobrog "
                "demokratskog upravljanja Vijeća Evrope.</p>"
            ),
        },
        "catalogue": {
            "title": "Kursevi",
            "intro": "<p>LAP moduli i lekcije o dobrom upravljanju za lokalne lidere.</p>",
        },
    },
    "hr": {
        "home": {
            "title": "LAP akademija",
            "lead": "Online učenje za Akademiju za lidere lokalnih samouprava.",
            "intro": (
                "<p>Kratke lekcije između radionica, kvizovi koji pokazuju što ste naučili i "
                "certifikati koje svatko može provjeriti – sve oko 12 načela dobrog "
                "demokratskog upravljanja Vijeća Europe.</p>"
            ),
        },
        "catalogue": {
            "title": "Tečajevi",
            "intro": "<p>LAP moduli i lekcije o dobrom upravljanju za lokalne čelnike.</p>",
        },
    },
    "sr": {
        "home": {
            "title": "Академија лидерства",
            "lead": "Онлајн учење за Академију лидерства локалних самоуправа.",
            "intro": (
                "<p>Кратке лекције између радионица, квизови који показују шта сте научили и "
                "сертификати које свако може провјерити – све око 12 принципа доброг "
                "демократског управљања Савјета Европе.</p>"
            ),
        },
        "catalogue": {
            "title": "Курсеви",
            "intro": "<p>ЛАП модули и лекције о добром управљању за локалне лидере.</p>",
        },
    },
}


def translation_module(language: str):
    """translations/<language>.py, or None if the demo has no translation into `language`."""
    try:
        return importlib.import_module(f"academy.demo.translations.{language}")
    except ModuleNotFoundError:
        return None


def load_translations(course) -> None:
    """Home and catalogue in every language (so that each language has its own tree), then the
    course in Bosnian, Croatian and Serbian, the principles and the certificate template."""
    home = Page.objects.get(pk=course.get_parent().get_parent().pk)
    for language in ("bs", "hr", "sr-latn", "sr"):
        texts = SITE_PAGES.get(language, {})
        ensure_translation(home, language, texts.get("home"))
        ensure_translation(course.get_parent(), language, texts.get("catalogue"))
    for language in ("bs", "hr"):
        module = translation_module(language)
        if module is not None:
            fields = fields_by_slug(module.COURSE, getattr(module, "QUIZZES", {}))
            for page in course_pages(course):
                if page.slug in fields and parent_translated(page, language):
                    ensure_translation(page, language, fields[page.slug])
    bosnian = Locale.objects.get(language_code="bs")
    for page in course_pages(course):
        source = page.get_translation_or_none(bosnian)
        if source is not None and parent_translated(page, "sr"):
            ensure_translation(page, "sr", convert_from=source.specific)
    load_principles()
    load_certificate_template()


def course_pages(course) -> list[Page]:
    """The course and its pages, parents before children."""
    return [course.specific, *course.get_descendants().order_by("path").specific()]


def parent_translated(page, language) -> bool:
    return page.get_parent().get_translations().filter(locale__language_code=language).exists()


def fields_by_slug(course_data: dict, quizzes: dict) -> dict[str, dict]:
    """Page fields from a module shaped like academy.demo.content.COURSE, keyed by slug."""
    fields = {course_data["slug"]: _course_fields(course_data)}
    for module in course_data.get("modules", []):
        fields[module["slug"]] = _pick(module, "title", "intro")
        for lesson in module.get("lessons", []):
            fields[lesson["slug"]] = _pick(lesson, "title", "body")
        quiz = quizzes.get(module["slug"])
        if quiz:
            fields[quiz["slug"]] = _pick(quiz, "title", "intro", "questions")
    return fields


def _pick(data, *names):
    return {name: data[name] for name in names if name in data}


def _course_fields(data):
    fields = _pick(data, "title", "summary", "audience")
    if "learning_outcomes" in data:
        items = "".join(f"<li>{outcome}</li>" for outcome in data["learning_outcomes"])
        fields["learning_outcomes"] = f"<ul>{items}</ul>"
    return fields


def ensure_translation(page, language, fields=None, *, convert_from=None):
    """`page`'s published translation into `language`, created if missing: a copy of `page`
    with `fields` set, or with `convert_from`'s text in `language`'s script."""
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
        translation.questions = _translated_questions(translation, questions)
    if convert_from is not None:
        converted_fields(convert_from, translation, language)
        convert_children(convert_from, translation, language)
    translation.draft_title = translation.title
    translation.save_revision().publish()
    return translation


def _translated_questions(quiz, questions):
    """The quiz's copied questions (same order as the English) with translated text."""
    rows = list(quiz.questions.order_by("sort_order"))
    for row, (prompt, _points, _principles, key, explanation) in zip(rows, questions, strict=False):
        row.prompt = f"<p>{prompt}</p>"
        row.answer_key = [key]
        row.explanation = explanation
    return rows


# Serbian Cyrillic is the Bosnian text converted (words only: certificate placeholders stay).
_BOSNIAN_AND_SERBIAN = [
    ("bs", str),
    ("sr", lambda text: convert_text(text, latin_to_cyrillic)),
]


def load_principles():
    """The principles in Bosnian and Serbian Cyrillic (Serbian Latin follows on saving)."""
    for language, convert in _BOSNIAN_AND_SERBIAN:
        locale = Locale.objects.get(language_code=language)
        for principle in Principle.objects.filter(locale__language_code="en"):
            if principle.get_translation_or_none(locale) is not None:
                continue
            translation = principle.copy_for_translation(locale)
            translation.name = convert(PRINCIPLE_NAMES_BS[principle.number])
            translation.save()


def load_certificate_template():
    template = CertificateTemplate.objects.filter(locale__language_code="en").order_by("pk").first()
    if template is None:
        return
    for language, convert in _BOSNIAN_AND_SERBIAN:
        locale = Locale.objects.get(language_code=language)
        if template.get_translation_or_none(locale) is not None:
            continue
        translation = template.copy_for_translation(locale)
        translation.title = convert(CERTIFICATE_BS["title"])
        translation.body = convert(CERTIFICATE_BS["body"])
        translation.save()

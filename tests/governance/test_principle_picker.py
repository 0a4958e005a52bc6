"""The principles picker of the course, lesson and question forms: each of the 12 principles
once, named in the editor's language, standing for (and storing) the principle as written,
although every principle also has a row per translated language."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail.users.models import UserProfile

from academy.accounts.models import User
from academy.governance.models import Principle
from courses.models import CoursePage, LessonPage, ModulePage
from demo.translations import load_principles
from quizzes.models import QuizPage
from tests.courses.test_page_tree import lesson_form_data
from tests.factories import add_quiz, catalogue, lessons_of, make_course, single_choice
from tests.quizzes.test_quiz_page_tree import quiz_form_data

pytestmark = pytest.mark.django_db

OPENNESS = {
    "en": "6. Openness and Transparency",
    "bs": "6. Otvorenost i transparentnost",
    "sr": "6. Отвореност и транспарентност",
    "sr-latn": "6. Otvorenost i transparentnost",
}
FORMS = ["course", "lesson", "question"]


class PickerParser(HTMLParser):
    """The checkboxes named `name`, as (value, checked, label) in the order shown."""

    def __init__(self, name):
        super().__init__()
        self.name = name
        self.boxes = []
        self.in_label = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox" and attrs.get("name") == self.name:
            self.boxes.append([attrs["value"], "checked" in attrs, ""])
            self.in_label = True

    def handle_data(self, data):
        if self.in_label:
            self.boxes[-1][2] += data

    def handle_endtag(self, tag):
        if tag == "label":
            self.in_label = False


def picker(response, name) -> list[tuple[str, bool, str]]:
    assert response.status_code == 200
    parser = PickerParser(name)
    parser.feed(response.content.decode())
    return [(value, checked, " ".join(label.split())) for value, checked, label in parser.boxes]


def originals():
    return list(Principle.objects.filter(locale__language_code="en").order_by("number"))


def in_language(language):
    return {p.number: p for p in Principle.objects.filter(locale__language_code=language)}


@pytest.fixture
def translated_principles(db):
    """The principles' rows in Bosnian, Serbian Cyrillic and Serbian Latin, as `load_demo`
    writes them (48 rows for 12 principles)."""
    load_principles()
    assert Principle.objects.count() == 48


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser(email="urednik@lap.example", full_name="Urednik Urednić")
    client.force_login(user)

    def in_language(language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return client

    client.in_language = in_language
    return client


@pytest.fixture
def pages(db):
    course = make_course(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = add_quiz(module, questions=[single_choice()])
    return {"course": course, "lesson": lessons_of(course)[0], "question": quiz, "module": module}


def form_of(pages, form):
    """(page whose edit view holds the form, the picker's field name)."""
    name = "questions-0-principles" if form == "question" else "principles"
    return pages[form], name


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def attach(page, principles):
    """Give the page (a question of the quiz) these principles and publish, as an editor's
    save would have done."""
    page = page.specific
    if isinstance(page, QuizPage):
        questions = list(page.questions.all())
        questions[0].principles = principles
        page.questions = questions
    else:
        page.principles = principles
    page.save_revision().publish()


@pytest.mark.parametrize("form", FORMS)
def test_each_principle_is_offered_once_as_written(editor, translated_principles, pages, form):
    page, name = form_of(pages, form)

    boxes = picker(editor.get(edit_url(page)), name)

    assert boxes == [(str(p.pk), False, str(p)) for p in originals()]
    assert len(boxes) == 12


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", ["bs", "sr", "sr-latn"])
def test_an_editor_reads_the_principles_in_their_language(
    editor, translated_principles, pages, form, language
):
    page, name = form_of(pages, form)
    names = in_language(language)

    boxes = picker(editor.in_language(language).get(edit_url(page)), name)

    assert boxes == [(str(p.pk), False, str(names[p.number])) for p in originals()]
    assert boxes[5][2] == OPENNESS[language]


def test_an_editor_whose_language_has_no_names_yet_reads_the_first_fallback(
    editor, translated_principles, pages
):
    # No Croatian names in the demo: Bosnian comes first in CONTENT_FALLBACK_LANGUAGES.
    boxes = picker(editor.in_language("hr").get(edit_url(pages["lesson"])), "principles")

    assert [label for _value, _checked, label in boxes][5] == OPENNESS["bs"]
    assert [value for value, _checked, _label in boxes] == [str(p.pk) for p in originals()]


@pytest.mark.parametrize("form", FORMS)
def test_a_translated_row_already_attached_shows_checked_as_its_original(
    editor, translated_principles, pages, form
):
    page, name = form_of(pages, form)
    bosnian, english = in_language("bs"), in_language("en")
    attach(page, [bosnian[6], english[9]])

    boxes = picker(editor.get(edit_url(page)), name)

    assert [label for _value, checked, label in boxes if checked] == [
        "6. Openness and Transparency",
        "9. Responsiveness",
    ]
    assert len(boxes) == 12


def value_labelled(boxes, label):
    return next(value for value, _checked, shown in boxes if shown == label)


def test_a_lesson_saved_by_a_bosnian_editor_keeps_the_original(
    editor, translated_principles, pages
):
    lesson = pages["lesson"]
    client = editor.in_language("bs")
    chosen = value_labelled(picker(client.get(edit_url(lesson)), "principles"), OPENNESS["bs"])

    response = client.post(
        edit_url(lesson),
        {
            **lesson_form_data(title=lesson.title, slug=lesson.slug, principles=[chosen]),
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    stored = LessonPage.objects.get(pk=lesson.pk).principles.get()
    assert stored == in_language("en")[6]


def test_a_course_created_by_a_serbian_editor_keeps_the_originals(
    editor, translated_principles, pages
):
    client = editor.in_language("sr")
    add_url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue().pk])
    boxes = picker(client.get(add_url), "principles")
    chosen = [value_labelled(boxes, OPENNESS["sr"]), boxes[8][0]]
    data = nested_form_data(
        {
            "title": "Working with Citizens and CSOs",
            "slug": "working-with-citizens",
            "summary": "Inform, consult, involve.",
            "learning_outcomes": rich_text("<p>Plan a public consultation</p>"),
            "audience": "",
            "estimated_hours": "6",
            "enrollment_policy": CoursePage.EnrollmentPolicy.OPEN,
            "tags": "",
        }
    )

    response = client.post(
        add_url, {**data, "principles": chosen, "action-publish": "action-publish"}
    )

    assert response.status_code == 302
    course = CoursePage.objects.get(slug="working-with-citizens")
    english = in_language("en")
    assert list(course.principles.order_by("number")) == [english[6], english[9]]


def test_a_question_written_by_a_bosnian_editor_keeps_the_original(
    editor, translated_principles, pages
):
    client = editor.in_language("bs")
    add_url = reverse("wagtailadmin_pages:add", args=["quizzes", "quizpage", pages["module"].pk])
    chosen = value_labelled(
        picker(client.get(add_url), "questions-__prefix__-principles"), OPENNESS["bs"]
    )

    response = client.post(
        add_url,
        {
            **quiz_form_data(),
            "questions-0-principles": [chosen],
            "slug": "a-quiz",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    quiz = QuizPage.objects.get(slug="a-quiz")
    assert list(quiz.questions.first().principles.all()) == [in_language("en")[6]]


def test_a_form_drawn_before_the_picker_stores_the_original_of_a_translated_row(
    editor, translated_principles, pages
):
    lesson = pages["lesson"]
    bosnian = in_language("bs")[6]

    response = editor.post(
        edit_url(lesson),
        {
            **lesson_form_data(title=lesson.title, slug=lesson.slug, principles=[bosnian.pk]),
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    assert LessonPage.objects.get(pk=lesson.pk).principles.get() == in_language("en")[6]


def test_a_value_that_is_no_principle_is_refused_and_nothing_is_saved(
    editor, translated_principles, pages
):
    lesson = pages["lesson"]
    revision = LessonPage.objects.get(pk=lesson.pk).latest_revision_id

    response = editor.post(
        edit_url(lesson),
        {
            **lesson_form_data(title=lesson.title, slug=lesson.slug, principles=["99999", "x"]),
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 200
    assert "principles" in response.context["form"].errors
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.latest_revision_id == revision
    assert not lesson.principles.exists()


def test_the_picker_names_are_read_when_the_form_is_drawn(editor, translated_principles, pages):
    # Renaming a principle shows at once; nothing is kept from an earlier request or from import.
    url = edit_url(pages["lesson"])
    client = editor.in_language("bs")
    picker(client.get(url), "principles")
    Principle.objects.filter(locale=Locale.objects.get(language_code="bs"), number=6).update(
        name="Otvorenost"
    )

    assert picker(client.get(url), "principles")[5][2] == "6. Otvorenost"

"""Uploads: size and type limits on images, documents and CSV imports; SVG and HTML never open
in the browser; private documents only for whom their collection allows; oversized, malformed or
cut-short posts get 400 (never 500) and change nothing.
(Index of all attacks, some tested with their feature: test_catalogue.py.)"""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

from academy.accounts.roles import TRAINERS
from courses.models import Cohort, Enrollment
from quizzes.services import attempt_save, attempt_start
from tests.factories import assign_trainer, make_course, make_trainer, open_question
from tests.quizzes.conftest import attempt_url, quiz_in_new_course, responses_in_db, short_answer

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
    b"<script>alert(1)</script></svg>"
)
HTML = b"<!doctype html><script>fetch('/en/accounts/profile/')</script>"


def png(size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def upload_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


# Images


def test_a_real_png_is_accepted(admin_client):
    response = upload_image(admin_client, "budget.png", png())

    assert response.status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("drawing.svg", SVG, "image/svg+xml"),
        ("page.html", HTML, "text/html"),
        ("page.png", HTML, "image/png"),  # HTML dressed as an image
        ("script.png.js", png(), "image/png"),
    ],
)
def test_svg_html_and_disguised_files_are_refused_as_images(
    admin_client, name, content, content_type
):
    response = upload_image(admin_client, name, content, content_type)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.exists()


def test_an_image_over_the_size_limit_is_refused(admin_client):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 5 * 1024 * 1024
    oversized = png() + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    response = upload_image(admin_client, "huge.png", oversized)

    assert response.status_code == 200
    assert "too big" in str(response.context["form"].errors["file"])
    assert not Image.objects.exists()


def test_an_image_of_too_many_pixels_is_refused_however_small_the_file(admin_client):
    """A decompression bomb: a 17 KB PNG that would take 48 megapixels of memory to render."""
    buffer = io.BytesIO()
    PillowImage.new("1", (8000, 6000), 1).save(buffer, "PNG")
    assert len(buffer.getvalue()) < 100_000

    response = upload_image(admin_client, "bomb.png", buffer.getvalue())

    assert response.status_code == 200
    assert "pixels" in str(response.context["form"].errors["file"])
    assert not Image.objects.exists()


# Documents


@pytest.mark.parametrize(
    "name", ["page.html", "page.htm", "drawing.svg", "setup.exe", "macro.xlsm", "page.xhtml"]
)
def test_documents_of_other_types_are_refused(admin_client, name):
    response = upload_document(admin_client, name, HTML)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Document.objects.exists()


def test_a_document_over_the_size_limit_is_refused(admin_client, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024  # the same check, without a 20 MB test file

    response = upload_document(admin_client, "handbook.pdf", b"%PDF-1.7\n" + b"0" * 2048)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Document.objects.exists()


def test_a_pdf_document_is_accepted(admin_client):
    response = upload_document(admin_client, "handbook.pdf", b"%PDF-1.7\n%%EOF\n")

    assert response.status_code == 302
    assert Document.objects.count() == 1


# Serving: SVG and HTML download, never render on our origin


def stored_document(name, content):
    """A document already in storage, as an older upload rule or a storage import could have
    left it: serving must be safe whatever got in."""
    document = Document(title=name)
    document.file.save(name, ContentFile(content), save=True)
    return document


@pytest.mark.parametrize(
    ("name", "content"),
    [("drawing.svg", SVG), ("page.html", HTML), ("page.xhtml", HTML), ("data.csv", b"a,b\n")],
)
def test_active_documents_are_served_as_attachments(client, name, content):
    document = stored_document(name, content)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # Wagtail's serve view sends the strictest policy of all: nothing may load or run.
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"


def test_a_pdf_opens_in_the_browser(client):
    document = stored_document("handbook.pdf", b"%PDF-1.7\n%%EOF\n")

    response = client.get(document.url)

    assert response.headers["Content-Disposition"].startswith("inline")
    assert response.headers["Content-Type"] == "application/pdf"


def test_documents_are_always_served_through_the_view(client):
    """Never a redirect to the storage URL, where no Content-Disposition would be set."""
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    document = stored_document("page.html", HTML)

    assert client.get(document.url).status_code == 200
    assert document.url.startswith("/documents/")


# Private documents: a collection's privacy setting is checked on every download


HANDBOOK = b"%PDF-1.7\nTrainer handbook: answers to the module 3 quiz\n%%EOF\n"


def downloaded(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def document_in(collection, name, content):
    document = Document(title=name, collection=collection)
    document.file.save(name, ContentFile(content), save=True)
    return document


@pytest.fixture
def trainers_only():
    """A collection whose documents only trainers may download."""
    collection = Collection.get_first_root_node().add_child(name="Trainers only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=TRAINERS)])
    return collection


@pytest.fixture
def members_only():
    collection = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.mark.parametrize("restricted", ["members_only", "trainers_only"])
def test_a_document_in_a_private_collection_is_not_served_to_anonymous_visitors(
    client, request, restricted
):
    document = document_in(request.getfixturevalue(restricted), "handbook.pdf", HANDBOOK)

    through_the_view = client.get(document.url)
    from_media = client.get(settings.MEDIA_URL + document.file.name, follow=True)

    assert through_the_view.status_code == 302
    assert "/login/?next=/documents/" in through_the_view.url
    # Documents are served by the view only: their files have no public URL on the site.
    assert document.file.url.startswith("/media/documents/")
    assert from_media.status_code == 404
    assert HANDBOOK not in downloaded(through_the_view) + downloaded(from_media)


def test_a_trainers_only_document_is_served_to_trainers_and_not_to_learners(
    client, learner, trainers_only
):
    document = document_in(trainers_only, "handbook.pdf", HANDBOOK)

    client.force_login(learner)
    as_learner = client.get(document.url)
    client.force_login(make_trainer())
    as_trainer = client.get(document.url)

    assert as_learner.status_code == 302
    assert HANDBOOK not in downloaded(as_learner)
    assert as_trainer.status_code == 200
    assert downloaded(as_trainer) == HANDBOOK


def test_a_public_course_material_is_served_to_anyone(client):
    materials = Collection.get_first_root_node().add_child(name="Course materials")
    worksheet = b"%PDF-1.7\nBudget worksheet\n%%EOF\n"
    document = document_in(materials, "worksheet.pdf", worksheet)

    response = client.get(document.url)

    assert response.status_code == 200
    assert downloaded(response) == worksheet


# Oversized and malformed posts


LOGIN_URL = "/en/accounts/login/"


def page_text(response):
    return response.content.decode()


def test_a_body_over_the_request_limit_is_refused_before_it_is_read(client):
    response = client.generic(
        "POST",
        LOGIN_URL,
        b"username=a",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(settings.MAX_REQUEST_SIZE + 1),
    )

    assert response.status_code == 400
    assert "The request could not be read" in page_text(response)


def test_form_fields_over_the_memory_limit_are_refused(client):
    body = b"username=" + b"a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.generic(
        "POST", LOGIN_URL, body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400
    assert "The request could not be read" in page_text(response)


def test_too_many_fields_are_refused(client):
    body = "&".join(f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))

    response = client.generic(
        "POST", LOGIN_URL, body.encode(), content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", b"--x\r\nnot a part"),  # no boundary
        ("multipart/form-data; boundary=\xff\xfe", b"\x00\x01\x02"),
        ("multipart/form-data; boundary=x", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10),
    ],
)
def test_broken_multipart_is_a_400_not_a_500(client, content_type, body):
    response = client.generic("POST", LOGIN_URL, body, content_type=content_type)

    assert response.status_code == 400


@pytest.mark.parametrize("kind", ["short", "open"])
def test_a_nul_character_in_an_answer_is_refused_and_nothing_is_saved(
    learner_client, learner, kind
):
    """PostgreSQL cannot store NUL in text or JSON: it must be a clear refusal, not a 500."""
    question = short_answer() if kind == "short" else open_question()
    quiz = quiz_in_new_course(questions=[question], learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt_save(attempt=attempt, raw_answers={1: "Žepče"})

    save = learner_client.post(attempt_url(quiz, attempt), {"q1": "Že\x00pče", "save": ""})
    submit = learner_client.post(attempt_url(quiz, attempt), {"q1": "\x00", "submit": ""})

    assert (save.status_code, submit.status_code) == (400, 400)
    assert responses_in_db(attempt) == {1: "Žepče"}


def test_an_oversized_quiz_save_is_refused_and_the_saved_answers_stay(learner_client, learner):
    quiz = quiz_in_new_course(questions=[short_answer()], learner=learner)
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt_save(attempt=attempt, raw_answers={1: "Žepče"})

    huge = learner_client.generic(
        "POST",
        attempt_url(quiz, attempt),
        b"q1=" + b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + b"&save=",
        content_type="application/x-www-form-urlencoded",
    )
    broken = learner_client.generic(
        "POST",
        attempt_url(quiz, attempt),
        b'--x\r\nContent-Disposition: form-data; name="q1"\r\n\r\nKre',
        content_type="multipart/form-data",  # no boundary: the parts cannot be found
    )

    assert huge.status_code == 400
    assert broken.status_code == 400
    assert responses_in_db(attempt) == {1: "Žepče"}


# CSV imports


@pytest.fixture
def cohort_admin(client):
    course = make_course(modules=1, lessons_per_module=1)
    cohort = Cohort.objects.create(course=course, name="Hercegovina 2026")
    client.force_login(assign_trainer(course))
    return client, cohort


def import_file(client, cohort, content, name="learners.csv"):
    return client.post(
        reverse("cohort_import", args=[cohort.pk]),
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


HEADER = b"name,email,organisation,role\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (png(), "not UTF-8"),  # an image chosen by mistake
        (b"PK\x03\x04" + bytes(range(256)), "not UTF-8"),  # an .xlsx saved as .csv
        ("name,email,organisation,role\nĐurđa,đ@x.ba,,\n".encode("cp1250"), "not UTF-8"),
        (HEADER + b"Amra,amra@lap.example,\x00\x00\x00,\n", "cannot be read"),
        (HEADER + b"Amra," + b"a" * 200_000 + b",,\n", "cannot be read"),
        (b"", "The submitted file is empty"),
    ],
)
def test_a_file_that_is_not_a_csv_of_learners_is_refused_and_nobody_is_enrolled(
    cohort_admin, content, message
):
    client, cohort = cohort_admin

    response = import_file(client, cohort, content)

    assert response.status_code == 400
    assert message in page_text(response)
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("name", ["learners.xlsx", "learners.png", "learners.html"])
def test_an_import_file_that_is_not_csv_by_name_is_refused(cohort_admin, name):
    client, cohort = cohort_admin

    response = import_file(client, cohort, HEADER + b"Amra,amra@lap.example,,\n", name=name)

    assert response.status_code == 400
    assert "is not allowed" in page_text(response)
    assert not Enrollment.objects.exists()


def test_pasted_csv_text_that_cannot_be_read_is_refused(cohort_admin):
    client, cohort = cohort_admin

    response = client.post(
        reverse("cohort_import", args=[cohort.pk]),
        {"csv_text": "name,email,organisation,role\nAmra,\x00,,\n", "confirm": "1"},
    )

    assert response.status_code == 400
    assert "cannot be read" in page_text(response)
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/en/join/%00/",
        "/en/reminders/unsubscribe/%00/",
        "/verify/AB%00/",
        "/verify/?code=AB%00",
        "/badges/assertions/%00.json",
        "/admin/certificates/?q=%00",
        "/admin/enrollments/?q=a%00b",
        "/admin/cohorts/?q=%00",
        "/admin/grading/?q=%00",
        "/admin/users/?q=%00",
    ],
)
def test_a_nul_character_in_a_url_is_refused_not_a_500(admin_client, url):
    """PostgreSQL refuses NUL in a query: no lookup may pass one through (CI runs this suite on
    PostgreSQL too)."""
    assert admin_client.get(url).status_code in (200, 400, 404)


# Multipart bodies cut short: Django's parser would take the fields it got before the cut

BOUNDARY = "lap-boundary"
ROWS = "name,email,organisation,role\nAmra,amra@lap.example,,\nMilica,milica@lap.example,,\n"


def multipart(fields) -> bytes:
    """A whole multipart/form-data body of text `fields`, as a browser sends it."""
    parts = "".join(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    )
    return f"{parts}--{BOUNDARY}--\r\n".encode()


def post_multipart(client, url, body, **extra):
    return client.generic(
        "POST", url, body, content_type=f"multipart/form-data; boundary={BOUNDARY}", **extra
    )


def confirm_import(client, cohort, body, **extra):
    """The import's second step: the previewed rows sent back with "confirm"."""
    return post_multipart(client, reverse("cohort_import", args=[cohort.pk]), body, **extra)


IMPORT = {"confirm": "1", "language": "en", "csv_text": ROWS}


def test_a_whole_multipart_post_is_read_as_before(cohort_admin):
    client, cohort = cohort_admin

    response = confirm_import(client, cohort, multipart(IMPORT))

    assert response.status_code == 302
    assert Enrollment.objects.filter(cohort=cohort).count() == 2


def test_a_file_too_large_for_memory_uploads_through_a_temporary_file_as_before(admin_client):
    content = b"%PDF-1.7\n" + b"0" * settings.FILE_UPLOAD_MAX_MEMORY_SIZE + b"\n%%EOF\n"

    response = upload_document(admin_client, "handbook.pdf", content)

    assert response.status_code == 302
    assert Document.objects.get().file.read() == content


def test_a_multipart_body_that_stops_before_its_closing_boundary_is_refused(cohort_admin):
    client, cohort = cohort_admin
    body = multipart(IMPORT)
    cut = body[: body.index(b"Milica")]  # the connection dropped after Amra's row

    response = confirm_import(client, cohort, cut)

    assert response.status_code == 400
    assert "The request could not be read" in page_text(response)
    assert not Enrollment.objects.exists()


def test_a_multipart_body_shorter_than_its_content_length_is_refused(learner_client, learner):
    body = multipart(
        {"email": learner.email, "preferred_language": "bs", "full_name": "Someone Else"}
    )
    cut = body[: body.index(b"Else")]  # the form would pass as it is, named "Someone"

    # What a proxy hands on when the client stops sending: fewer bytes than it announced.
    response = post_multipart(
        learner_client,
        "/en/accounts/profile/",
        cut,
        CONTENT_LENGTH=str(len(body)),
        **{"wsgi.input": io.BytesIO(cut)},
    )

    assert response.status_code == 400
    assert "The request could not be read" in page_text(response)
    learner.refresh_from_db()
    assert (learner.full_name, learner.preferred_language) == ("Amra Hodžić", "en")


def test_an_empty_multipart_body_is_refused(cohort_admin):
    client, cohort = cohort_admin

    response = client.post(
        reverse("cohort_import", args=[cohort.pk]),
        CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH="0",
    )

    assert response.status_code == 400
    assert "The request could not be read" in page_text(response)

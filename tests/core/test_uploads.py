"""One check for every file handed in as evidence: its type, size and content."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from academy.core.uploads import UploadProblem, private_storage, upload_problem

PDF = b"%PDF-1.4\n%test\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def problem(name, content, *, extensions=("pdf", "png", "txt"), max_bytes=100):
    upload = SimpleUploadedFile(name, content)
    found = upload_problem(upload, extensions=extensions, max_bytes=max_bytes)
    assert upload.tell() == 0  # the check leaves the file to be read from its start
    return found


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("plan.pdf", PDF, None),
        ("PLAN.PDF", PDF, None),
        ("scan.png", PNG, None),
        ("notes.txt", b"any text at all", None),  # plain text has no signature to check
        ("page.html", b"<script>", UploadProblem.TYPE),
        ("plan", PDF, UploadProblem.TYPE),
        ("plan.pdf.exe", PDF, UploadProblem.TYPE),
        ("plan.pdf", b"<html>not a PDF</html>", UploadProblem.CONTENT),
        ("scan.png", PDF, UploadProblem.CONTENT),
        ("plan.pdf", b"", UploadProblem.EMPTY),
        ("plan.pdf", PDF + b"x" * 100, UploadProblem.SIZE),
    ],
)
def test_a_file_is_what_its_name_says_and_within_the_limit(name, content, expected):
    assert problem(name, content) is expected


def test_local_private_files_are_kept_beside_the_public_media_not_in_it(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"

    storage = private_storage()

    assert storage.location == str(tmp_path / "media-private")  # which no URL serves

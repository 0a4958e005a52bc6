"""Reading what the matrix, the survey and the reviewers send."""

from dataclasses import dataclass, field

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy.core.uploads import UploadProblem, extension_of, upload_problem

from .models import PRINCIPLE_NUMBERS, STATEMENT_NUMBERS
from .services import RatingEntry

# Evidence documents: what municipalities keep decisions, plans and reports in.
EVIDENCE_EXTENSIONS = [
    "pdf",
    "docx",
    "odt",
    "xlsx",
    "ods",
    "pptx",
    "txt",
    "csv",
    "jpg",
    "jpeg",
    "png",
]
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
TEXT_MAX = 5000


def evidence_error(upload) -> str | None:
    """Why `upload` cannot be evidence (type, size, content), or None when it can."""
    problem = upload_problem(upload, extensions=EVIDENCE_EXTENSIONS, max_bytes=EVIDENCE_MAX_BYTES)
    if problem is UploadProblem.TYPE:
        return _("%(name)s: this type of file is not accepted. Upload one of: %(types)s.") % {
            "name": upload.name,
            "types": ", ".join(EVIDENCE_EXTENSIONS),
        }
    if problem is UploadProblem.SIZE:
        return _("%(name)s is larger than %(size)d MB.") % {
            "name": upload.name,
            "size": EVIDENCE_MAX_BYTES // (1024 * 1024),
        }
    if problem is UploadProblem.EMPTY:
        return _("%(name)s is empty.") % {"name": upload.name}
    if problem is UploadProblem.CONTENT:
        return _("%(name)s is not a real %(type)s file.") % {
            "name": upload.name,
            "type": extension_of(upload).upper(),
        }
    return None


@dataclass
class MatrixSubmission:
    """The matrix form as sent: entries to save, uploads by statement, errors by statement."""

    entries: list[RatingEntry] = field(default_factory=list)
    uploads: dict[tuple[int, int], list] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict] = field(default_factory=dict)  # as typed, to show again on errors
    removed: list[int] = field(default_factory=list)  # evidence documents to remove


def read_matrix(post, files, *, scale_max: int) -> MatrixSubmission:
    """Read the matrix's fields, `score-<p>.<s>`, `justification-<p>.<s>`, `evidence-<p>.<s>`
    and `file-<p>.<s>`, for the statements the form shows. A field naming any other statement
    is an error (a forged or outdated form), never silently dropped."""
    read = MatrixSubmission()
    known = {f"{p}.{s}" for p in PRINCIPLE_NUMBERS for s in STATEMENT_NUMBERS}
    for name in [*post.keys(), *files.keys()]:
        prefix, _sep, key = name.partition("-")
        if prefix in {"score", "justification", "evidence", "file"} and key not in known:
            read.errors[key] = _("There is no such outcome statement.")
    for number in PRINCIPLE_NUMBERS:
        for statement in STATEMENT_NUMBERS:
            key = f"{number}.{statement}"
            if not any(f"{prefix}-{key}" in post for prefix in ("score", "justification")):
                continue  # not on this form
            raw = post.get(f"score-{key}", "").strip()
            justification = post.get(f"justification-{key}", "")
            notes = post.get(f"evidence-{key}", "")
            read.values[key] = {"score": raw, "justification": justification, "evidence": notes}
            score = None
            if raw:
                try:
                    score = int(raw)
                except ValueError:
                    score = -1
                if not 0 <= score <= scale_max:
                    read.errors[key] = _("Choose a rating from 0 to %(max)d.") % {"max": scale_max}
                    continue
            if len(justification) > TEXT_MAX or len(notes) > TEXT_MAX:
                read.errors[key] = _("Keep each text under %(count)d characters.") % {
                    "count": TEXT_MAX
                }
                continue
            read.entries.append(RatingEntry(number, statement, score, justification, notes))
    for value in post.getlist("remove"):
        if value.isdigit():
            read.removed.append(int(value))
        else:
            read.errors[""] = _("There is no such document.")
    for name, uploads in files.lists():
        prefix, _sep, key = name.partition("-")
        if prefix != "file" or key not in known:
            continue
        for upload in uploads:
            problem = evidence_error(upload)
            if problem:
                read.errors[key] = problem
        number, statement = (int(part) for part in key.split("."))
        read.uploads[(number, statement)] = uploads
    return read


class PaperUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or Excel file"),
        help_text=gettext_lazy(
            'A heading row with the columns p1 to p12 (ratings; empty for "don\'t know") and '
            "comment, then one paper response per row. UTF-8 CSV or XLSX, at most 1 MB."
        ),
        validators=[FileExtensionValidator(["csv", "txt", "xlsx"])],
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What should the team change?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=TEXT_MAX,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("awarded", gettext_lazy("Award the label")),
            ("not_yet", gettext_lazy("Not yet")),
        ],
        widget=forms.RadioSelect,
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=TEXT_MAX,
    )


class CommentForm(forms.Form):
    principle = forms.TypedChoiceField(
        label=gettext_lazy("Principle"),
        coerce=int,
        choices=[(number, str(number)) for number in PRINCIPLE_NUMBERS],
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=TEXT_MAX
    )


def read_survey(post, *, scale_max: int) -> tuple[dict[int, int | None], str, dict[int, str]]:
    """A survey's answers: {principle: rating or None for "don't know"}, the comment, and
    errors by principle for ratings that are not on the scale."""
    scores, errors = {}, {}
    for number in PRINCIPLE_NUMBERS:
        raw = post.get(f"principle-{number}", "").strip()
        if not raw or raw == "unknown":
            scores[number] = None
            continue
        try:
            score = int(raw)
        except ValueError:
            score = -1
        if not 0 <= score <= scale_max:
            errors[number] = _("Choose a rating from 0 to %(max)d.") % {"max": scale_max}
        else:
            scores[number] = score
    comment = post.get("comment", "")
    if not errors and all(score is None for score in scores.values()):
        # A response of twelve "don't know" would count towards the minimum with nothing in it.
        errors[0] = _("Rate at least one principle.")
    if len(comment) > 2000:
        errors[0] = _("Keep the comment under 2000 characters.")
    return scores, comment, errors

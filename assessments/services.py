"""Writes of the ELoGE workflow: the matrix, its status, reviews, the label and survey responses.

Every status change takes the assessment's row lock first, so two clicks (or a team member saving
while the coordinator submits) are applied one after the other, and writes an AssessmentEvent:
the audit log that reviewers and the team read.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    PRINCIPLE_NUMBERS,
    STATEMENT_NUMBERS,
    Assessment,
    AssessmentCycle,
    AssessmentEvent,
    Evidence,
    Label,
    Rating,
    Survey,
    SurveyAnswer,
    SurveyResponse,
)
from .permissions import is_team_member, may_review


class AssessmentLocked(ValidationError):
    """The assessment is submitted or reviewed: nothing in its matrix may change."""


@dataclass(frozen=True)
class RatingEntry:
    """What the matrix form sends for one statement."""

    principle_number: int
    statement: int
    score: int | None
    justification: str = ""
    evidence_notes: str = ""


def _locked(assessment_id: int) -> Assessment:
    return Assessment.objects.select_for_update().select_related("cycle").get(pk=assessment_id)


def _event(assessment, *, action, actor, before="", comment="", principle_number=None):
    return AssessmentEvent.objects.create(
        assessment=assessment,
        action=action,
        actor=actor,
        from_status=before,
        to_status=assessment.status,
        comment=comment,
        principle_number=principle_number,
    )


def assessment_open(*, cycle: AssessmentCycle, municipality, coordinator, opened_by=None):
    """The municipality's assessment in `cycle`, opened in draft with one survey per audience;
    the existing one if it was opened already (the database allows one per cycle)."""
    if municipality.kind != "municipality":
        raise ValidationError(_("Only municipalities take part in ELoGE."))
    if coordinator.organisation_id != municipality.pk:
        raise ValidationError(_("The coordinator must belong to the municipality."))
    with transaction.atomic():
        assessment, created = Assessment.objects.get_or_create(
            cycle=cycle, municipality=municipality, defaults={"coordinator": coordinator}
        )
        if created:
            assessment_opened(assessment=assessment, opened_by=opened_by)
    return assessment


def assessment_opened(*, assessment: Assessment, opened_by=None) -> None:
    """What follows an assessment's creation (here or in the admin's form): its opening in the
    log and one survey per audience (each once)."""
    with transaction.atomic():
        if not assessment.events.filter(action=AssessmentEvent.Action.CREATED).exists():
            _event(assessment, action=AssessmentEvent.Action.CREATED, actor=opened_by)
        for audience in Survey.Audience:
            Survey.objects.get_or_create(assessment=assessment, audience=audience)


def check_entries(*, cycle: AssessmentCycle, entries: list[RatingEntry]) -> dict[str, str]:
    """Errors by statement key ("3.2") for entries the matrix cannot take: a statement that
    does not exist or a rating outside the cycle's scale. Empty when all are acceptable."""
    errors = {}
    for entry in entries:
        key = f"{entry.principle_number}.{entry.statement}"
        if (
            entry.principle_number not in PRINCIPLE_NUMBERS
            or entry.statement not in STATEMENT_NUMBERS
        ):
            errors[key] = _("There is no such outcome statement.")
        elif entry.score is not None and not 0 <= entry.score <= cycle.scale_max:
            errors[key] = _("Choose a rating from 0 to %(max)d.") % {"max": cycle.scale_max}
    return errors


def ratings_save(*, assessment: Assessment, user, entries: list[RatingEntry]) -> list[Rating]:
    """Save a draft of the matrix: every entry or none. Refuses (PermissionDenied) anyone outside
    the team, (AssessmentLocked) a submitted or reviewed assessment, and (ValidationError with
    errors by statement key) a statement that does not exist or a rating off the scale."""
    with transaction.atomic():
        assessment = _locked(assessment.pk)
        if not is_team_member(user, assessment):
            raise PermissionDenied
        if not assessment.is_editable:
            raise AssessmentLocked(_("This assessment is submitted and can no longer be changed."))
        errors = check_entries(cycle=assessment.cycle, entries=entries)
        if errors:
            raise ValidationError(errors)
        existing = {
            (rating.principle_number, rating.statement): rating
            for rating in assessment.ratings.all()
        }
        saved = []
        for entry in entries:
            rating = existing.get((entry.principle_number, entry.statement)) or Rating(
                assessment=assessment,
                principle_number=entry.principle_number,
                statement=entry.statement,
            )
            values = (entry.score, entry.justification.strip(), entry.evidence_notes.strip())
            if rating.pk and (rating.score, rating.justification, rating.evidence_notes) == values:
                continue  # unchanged: keep who last changed it
            rating.score, rating.justification, rating.evidence_notes = values
            rating.updated_by = user
            rating.save()
            saved.append(rating)
        Assessment.objects.filter(pk=assessment.pk).update(updated_at=timezone.now())
    return saved


def evidence_add(*, assessment: Assessment, user, principle_number: int, statement: int, upload):
    """Attach an uploaded document (already checked by EvidenceForm) to a statement's rating,
    creating the rating if the statement has none yet. Same refusals as `ratings_save`."""
    with transaction.atomic():
        assessment = _locked(assessment.pk)
        if not is_team_member(user, assessment):
            raise PermissionDenied
        if not assessment.is_editable:
            raise AssessmentLocked(_("This assessment is submitted and can no longer be changed."))
        if principle_number not in PRINCIPLE_NUMBERS or statement not in STATEMENT_NUMBERS:
            raise ValidationError(_("There is no such outcome statement."))
        rating, _created = Rating.objects.get_or_create(
            assessment=assessment, principle_number=principle_number, statement=statement
        )
        return Evidence.objects.create(
            rating=rating, file=upload, original_name=upload.name[:200], uploaded_by=user
        )


def evidence_remove(*, assessment: Assessment, user, evidence_ids: list[int]) -> int:
    """Remove documents from the matrix (its files once the removal is committed). All or
    none: an id that is not a document of this assessment (forged, or another's) is refused
    with ValidationError and nothing is removed. Same refusals as `ratings_save`."""
    with transaction.atomic():
        assessment = _locked(assessment.pk)
        if not is_team_member(user, assessment):
            raise PermissionDenied
        if not assessment.is_editable:
            raise AssessmentLocked(_("This assessment is submitted and can no longer be changed."))
        wanted = set(evidence_ids)
        documents = list(Evidence.objects.filter(rating__assessment=assessment, pk__in=wanted))
        if len(documents) != len(wanted):
            raise ValidationError(_("There is no such document."))
        for document in documents:
            stored = document.file
            document.delete()
            transaction.on_commit(lambda stored=stored: stored.delete(save=False))
    return len(documents)


def missing_ratings(assessment: Assessment) -> list[str]:
    """The statement keys ("3.2") not yet rated, in the matrix's order."""
    rated = {
        (number, statement)
        for number, statement in assessment.ratings.filter(score__isnull=False).values_list(
            "principle_number", "statement"
        )
    }
    return [
        f"{number}.{statement}"
        for number in PRINCIPLE_NUMBERS
        for statement in STATEMENT_NUMBERS
        if (number, statement) not in rated
    ]


def assessment_submit(*, assessment: Assessment, user) -> Assessment:
    """Submit the matrix for review: only its coordinator, only from draft or returned, only with
    every statement rated. Submitted, it is locked. A second submit changes nothing (the row
    lock makes the double click wait and then see it submitted)."""
    with transaction.atomic():
        assessment = _locked(assessment.pk)
        if user.pk != assessment.coordinator_id:
            raise PermissionDenied
        if assessment.status == Assessment.Status.SUBMITTED:
            return assessment
        if not assessment.is_editable:
            raise AssessmentLocked(_("This assessment is already reviewed."))
        missing = missing_ratings(assessment)
        if missing:
            raise ValidationError(
                _("Rate every outcome statement before submitting; missing: %(keys)s.")
                % {"keys": ", ".join(missing)}
            )
        before = assessment.status
        assessment.status = Assessment.Status.SUBMITTED
        assessment.submitted_at = timezone.now()
        assessment.save(update_fields=["status", "submitted_at", "updated_at"])
        _event(assessment, action=AssessmentEvent.Action.SUBMITTED, actor=user, before=before)
    return assessment


def _reviewing(assessment, reviewer) -> Assessment:
    assessment = _locked(assessment.pk)
    if not may_review(reviewer, assessment):
        raise PermissionDenied
    if assessment.status != Assessment.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted assessment can be reviewed."))
    return assessment


def assessment_return(*, assessment: Assessment, reviewer, comment: str) -> Assessment:
    """Return a submitted assessment to its team for changes, saying what to change: it is
    editable again until the coordinator submits it anew."""
    comment = comment.strip()
    if not comment:
        raise ValidationError(_("Say what the team should change."))
    with transaction.atomic():
        assessment = _reviewing(assessment, reviewer)
        before = assessment.status
        assessment.status = Assessment.Status.RETURNED
        assessment.return_comment = comment
        assessment.save(update_fields=["status", "return_comment", "updated_at"])
        _event(
            assessment,
            action=AssessmentEvent.Action.RETURNED,
            actor=reviewer,
            before=before,
            comment=comment,
        )
    return assessment


def review_comment(*, assessment: Assessment, reviewer, principle_number: int, comment: str):
    """A reviewer's comment on one principle of an assessment, kept in its log."""
    comment = comment.strip()
    if principle_number not in PRINCIPLE_NUMBERS:
        raise ValidationError(_("There is no such principle."))
    if not comment:
        raise ValidationError(_("Write a comment."))
    with transaction.atomic():
        assessment = _locked(assessment.pk)
        if not may_review(reviewer, assessment):
            raise PermissionDenied
        return _event(
            assessment,
            action=AssessmentEvent.Action.COMMENTED,
            actor=reviewer,
            before=assessment.status,
            comment=comment,
            principle_number=principle_number,
        )


def assessment_decide(
    *, assessment: Assessment, reviewer, awarded: bool, justification: str, today=None
) -> Assessment:
    """Record the reviewers' decision on a submitted assessment. Awarded, the municipality gets
    its Label from `today` for the cycle's validity. Decided once: the assessment is then
    closed, and a second decision is refused."""
    justification = justification.strip()
    if not justification:
        raise ValidationError(_("Give the reasons for the decision."))
    today = today or timezone.localdate()
    with transaction.atomic():
        assessment = _reviewing(assessment, reviewer)
        before = assessment.status
        assessment.status = Assessment.Status.DECIDED
        assessment.decision = (
            Assessment.Decision.AWARDED if awarded else Assessment.Decision.NOT_YET
        )
        assessment.decision_justification = justification
        assessment.decided_at = timezone.now()
        assessment.save()
        if awarded:
            years = assessment.cycle.label_valid_years
            try:
                until = today.replace(year=today.year + years)
            except ValueError:  # 29 February
                until = today.replace(year=today.year + years, day=28)
            Label.objects.create(
                assessment=assessment,
                municipality_id=assessment.municipality_id,
                valid_from=today,
                valid_until=until,
            )
        _event(
            assessment,
            action=AssessmentEvent.Action.DECIDED,
            actor=reviewer,
            before=before,
            comment=f"{assessment.get_decision_display()}: {justification}",
        )
    return assessment


def survey_respond(
    *, survey: Survey, scores: dict[int, int | None], comment: str, language: str, today=None
) -> SurveyResponse:
    """Store one anonymous response: a rating (or "don't know", None) per principle and an
    optional comment; nothing that names the respondent. Refuses a closed survey and a rating
    off the cycle's scale. (One response per browser and the rate limit are the view's: they
    are about the request, which this never sees.)"""
    cycle = survey.assessment.cycle
    if not survey.accepts_responses(today):
        raise ValidationError(_("This survey is closed."))
    bad = [
        number
        for number, score in scores.items()
        if number not in PRINCIPLE_NUMBERS
        or (score is not None and not 0 <= score <= cycle.scale_max)
    ]
    if bad:
        raise ValidationError(_("Choose a rating from 0 to %(max)d.") % {"max": cycle.scale_max})
    with transaction.atomic():
        response = SurveyResponse.objects.create(
            survey=survey, language=language, comment=comment.strip()[:2000]
        )
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(response=response, principle_number=number, score=score)
            for number, score in sorted(scores.items())
            if score is not None
        )
    return response


def survey_import(*, survey: Survey, rows, imported_by) -> int:
    """Import checked paper responses (assessments.paper.PaperRow, all valid) into `survey`, all
    or none, marked as from paper, and note the import in the assessment's log. Returns how
    many were imported."""
    if any(not row.is_valid for row in rows):
        raise ValidationError(_("Correct the rows with errors first: nothing was imported."))
    scale_max = survey.assessment.cycle.scale_max
    if any(s is not None and not 0 <= s <= scale_max for row in rows for s in row.scores.values()):
        raise ValidationError(_("Choose a rating from 0 to %(max)d.") % {"max": scale_max})
    with transaction.atomic():
        assessment = _locked(survey.assessment_id)
        for row in rows:
            response = SurveyResponse.objects.create(
                survey=survey, language="", comment=row.comment.strip(), from_paper=True
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, principle_number=number, score=score)
                for number, score in sorted(row.scores.items())
                if score is not None
            )
        AssessmentEvent.objects.create(
            assessment=assessment,
            action=AssessmentEvent.Action.IMPORTED,
            actor=imported_by,
            from_status=assessment.status,
            to_status=assessment.status,
            comment=_("%(count)d paper responses imported into the survey of %(audience)s.")
            % {"count": len(rows), "audience": survey.get_audience_display()},
        )
    return len(rows)

"""Passed assignments in the certificate rules, rubric points in the mastery map, and each
assignment's grade in the cohort's progress report."""

import pytest

from assignments.services import submission_grade, submission_save, submission_submit
from certificates.models import CertificateTemplate, CourseCertificateRule
from certificates.services import eligibility_problem
from courses.mastery import mastery_for_learners
from courses.models import Cohort, Enrollment
from courses.outline import course_of_step
from courses.reports import cohort_matrix
from tests.factories import assign_trainer

from .conftest import levels_for

pytestmark = pytest.mark.django_db


def graded(assignment, learner, picks):
    trainer = assign_trainer(course_of_step(assignment))
    submission_save(assignment=assignment, learner=learner, text="Our plan.")
    submitted = submission_submit(assignment=assignment, learner=learner)
    return submission_grade(
        submission=submitted,
        grader=trainer,
        levels=levels_for(submitted, picks),
        criterion_feedback={},
        feedback="",
    )


@pytest.fixture
def certificate_rule(assignment):
    return CourseCertificateRule.objects.create(
        course=course_of_step(assignment),
        template=CertificateTemplate.objects.get(title="Certificate of Completion"),
    )


def test_the_certificate_waits_for_a_passed_assignment(learner, assignment, certificate_rule):
    course = course_of_step(assignment)
    Enrollment.objects.filter(learner=learner).update(status=Enrollment.Status.COMPLETED)
    problem = eligibility_problem(learner=learner, course=course, rule=certificate_rule)
    assert problem == "1 required assignment is not passed yet."

    graded(assignment, learner, [2, 2, 2])
    assert eligibility_problem(learner=learner, course=course, rule=certificate_rule) is None


def test_an_assignment_not_required_for_the_certificate_is_not_asked(
    learner, assignment, certificate_rule
):
    assignment.required_for_certificate = False
    assignment.save_revision().publish()
    Enrollment.objects.filter(learner=learner).update(status=Enrollment.Status.COMPLETED)
    course = course_of_step(assignment)
    assert eligibility_problem(learner=learner, course=course, rule=certificate_rule) is None


def test_rubric_points_on_tagged_criteria_count_in_the_mastery_of_their_principles(
    learner, assignment
):
    graded(assignment, learner, [2, 1, 0])  # 4 of 4 on principle 1; 2 of 4 on principles 1 and 2
    mastery = {
        m.number: m
        for m in mastery_for_learners([learner.pk], [course_of_step(assignment)])[learner.pk]
    }
    assert mastery[1].quiz == pytest.approx(6 / 8)
    assert mastery[2].quiz == pytest.approx(2 / 4)
    assert mastery[3].quiz is None  # no criterion is tagged with it


def test_the_cohort_report_shows_each_assignments_grade(learner, assignment):
    course = course_of_step(assignment)
    cohort = Cohort.objects.create(course=course, name="Hercegovina")
    Enrollment.objects.filter(learner=learner).update(cohort=cohort)
    graded(assignment, learner, [2, 2, 1])
    matrix = cohort_matrix(cohort=cohort)
    key = f"assignment_{assignment.pk}"
    assert (key, assignment.title) in matrix.export_columns()
    assert matrix.export_row(matrix.rows[0])[key] == "83%"

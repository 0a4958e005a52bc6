"""Load the demo: organisations, one user per role and the LAP Stage 1 course with a quiz per
module, with learners at different points. Idempotent: running it again changes nothing."""

import random
import re
from datetime import date
from functools import cache

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from academy.accounts.models import Organisation, User
from academy.accounts.roles import CERTIFICATE_ADMINISTRATORS, LEARNERS, TRAINERS
from academy.core.text import cyrillic_to_latin, strip_diacritics
from academy.demo import content
from academy.demo.quiz_content import QUIZZES
from academy.demo.translate import load_translations
from academy.governance.models import Principle
from certificates.models import Certificate, CertificateTemplate, CourseCertificateRule
from certificates.services import certificate_issue, certificate_request, certificate_revoke
from courses.models import Cohort, CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.outline import course_outline_for
from courses.services import cohort_join, enrollment_create, step_complete
from quizzes.models import Question, QuizAttempt, QuizPage
from quizzes.services import answer_grade, attempt_start, attempt_submit

COHORT_NAME = "Hercegovina 2026"
COHORT_MUNICIPALITIES = ["Općina Jablanica", "Općina Maglaj", "Grad Trebinje", "Općina Žepče"]
DEMO_PASSWORD = "lap-demo-2026"  # printed by `make run`; demo accounts only
GROUPS = {"learner": LEARNERS, "trainer": TRAINERS, "certificate_admin": CERTIFICATE_ADMINISTRATORS}
# How many steps (lessons and quizzes, in course order) each demo learner has completed.
# The course has 16 steps: the main demo learner is halfway; three learners have finished.
DEMO_PROGRESS = {
    "learner@lap.example": 8,
    "ivana.saric@lap.example": 16,
    "milica.jovanovic@lap.example": 16,
    "selma.dulic@lap.example": 16,
    "nedzad.causevic@lap.example": 2,
}
# Every certificate state at once: valid (Latin and Cyrillic names), revoked, awaiting approval.
DEMO_CERTIFICATES = {
    "ivana.saric@lap.example": "valid",
    "milica.jovanovic@lap.example": "revoked",
    "selma.dulic@lap.example": "pending",
}


class Command(BaseCommand):
    help = "Load the LAP Stage 1 demo course, quizzes, organisations and users (idempotent)."

    def handle(self, *args, **options):
        # One transaction per part: tasks queued on commit (certificate requests after course
        # completion) run before the next part looks at their results.
        with transaction.atomic():
            organisations = self.load_organisations()
            people = self.load_people(organisations)
            trainer = people["trainer@lap.example"]
            course = self.load_course(trainer=trainer)
            load_translations(course)
            CourseCertificateRule.objects.get_or_create(
                course=course,
                defaults={
                    "template": CertificateTemplate.objects.order_by("pk").first(),
                    "issuance": CourseCertificateRule.Issuance.MANUAL,
                },
            )
        with transaction.atomic():
            self.load_progress(course, people, trainer)
        with transaction.atomic():
            self.load_certificates(course, people)
        with transaction.atomic():
            self.load_cohort(course, organisations, trainer)
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {course.title} ({course.url})"))

    def load_organisations(self):
        return {
            row["name"]: Organisation.objects.get_or_create(
                name=row["name"], defaults={"kind": row["kind"], "place": row["place"]}
            )[0]
            for row in content.ORGANISATIONS
        }

    def load_people(self, organisations):
        people = {}
        for row in content.PEOPLE:
            user = User.objects.filter(email=row["email"]).first()
            if user is None:
                is_admin = row["group"] == "site_admin"
                user = User.objects.create_user(
                    email=row["email"],
                    password=None,
                    full_name=row["full_name"],
                    role=row["role"],
                    organisation=organisations[row["organisation"]],
                    is_staff=is_admin,
                    is_superuser=is_admin,
                )
                User.objects.filter(pk=user.pk).update(password=demo_password_hash())
                if not is_admin:
                    user.groups.add(Group.objects.get(name=GROUPS[row["group"]]))
            people[row["email"]] = user
        return people

    def load_course(self, trainer):
        data = content.COURSE
        catalogue = CourseIndexPage.objects.order_by("path").first()
        course = ensure_child(catalogue, CoursePage, data["slug"], lambda: new_course(trainer))
        for module_data in data["modules"]:
            module = ensure_child(
                course,
                ModulePage,
                module_data["slug"],
                lambda d=module_data: ModulePage(
                    title=d["title"], slug=d["slug"], intro=d["intro"]
                ),
            )
            for lesson_data in module_data["lessons"]:
                ensure_child(
                    module, LessonPage, lesson_data["slug"], lambda d=lesson_data: new_lesson(d)
                )
            quiz_data = QUIZZES[module_data["slug"]]
            ensure_child(module, QuizPage, quiz_data["slug"], lambda d=quiz_data: new_quiz(d))
        return course

    def load_progress(self, course, people, trainer):
        steps = [entry.page for entry in course_outline_for(course=course, learner=None).steps]
        for email, done in DEMO_PROGRESS.items():
            learner = people[email]
            enrollment_create(learner=learner, course=course)
            for step in steps[:done]:
                if isinstance(step, QuizPage):
                    pass_quiz(learner=learner, quiz=step, grader=trainer)
                else:
                    step_complete(learner=learner, course=course, step=step)

    def load_certificates(self, course, people):
        """The demo course's rule is manual approval: completion created requests; the
        certificate administrator approved two and revoked one of them."""
        admin = people["certificates@lap.example"]
        for email, state in DEMO_CERTIFICATES.items():
            learner = people[email]
            if (
                Certificate.objects.filter(learner=learner, course=course)
                .exclude(status=Certificate.Status.PENDING)
                .exists()
            ):
                continue
            certificate_request(learner=learner, course=course)
            if state == "pending":
                continue
            certificate = certificate_issue(learner=learner, course=course, issued_by=admin)
            if state == "revoked":
                certificate_revoke(
                    certificate=certificate,
                    reason="Issued by mistake before the final workshop.",
                    revoked_by=admin,
                )

    def load_cohort(self, course, organisations, trainer):
        """The "Hercegovina 2026" cohort: four municipalities and about 40 learners at varied
        progress and scores, so every report and the mastery map show real variety."""
        cohort, created = Cohort.objects.get_or_create(
            course=course,
            name=COHORT_NAME,
            defaults={"starts_on": date(2026, 3, 2), "ends_on": date(2026, 12, 18)},
        )
        if not created:
            return
        municipalities = [organisations[name] for name in COHORT_MUNICIPALITIES]
        cohort.organisations.set(municipalities)
        cohort.trainers.add(trainer)
        rng = random.Random(2026)  # noqa: S311 - reproducible demo data
        steps = [entry.page for entry in course_outline_for(course=course, learner=None).steps]
        for n, (first, last) in enumerate(cohort_names()):
            learner, _created = User.objects.get_or_create(
                email=f"{ascii_slug(first)}.{ascii_slug(last)}@lap.example",
                defaults={
                    "full_name": f"{first} {last}",
                    "organisation": municipalities[n % len(municipalities)],
                    "role": ["mayor", "councillor", "official", "official", "cso"][n % 5],
                },
            )
            if _created:
                User.objects.filter(pk=learner.pk).update(password=demo_password_hash())
                learner.groups.add(Group.objects.get(name=LEARNERS))
            cohort_join(cohort=cohort, learner=learner)
            skill = rng.random()
            for step in steps[: rng.randint(0, len(steps))]:
                if isinstance(step, QuizPage):
                    take_quiz(learner=learner, quiz=step, skill=skill, rng=rng)
                else:
                    step_complete(learner=learner, course=course, step=step)


@cache
def demo_password_hash():
    """Hashing is slow on purpose; every demo account shares one hash of the demo password."""
    return make_password(DEMO_PASSWORD)


def cohort_names():
    """40 names as they appear in the four municipalities (some in Cyrillic)."""
    firsts = [
        "Amra",
        "Dženan",
        "Ivana",
        "Nikola",
        "Selma",
        "Marko",
        "Lejla",
        "Đorđe",
        "Ana",
        "Mirza",
        "Jelena",
        "Tarik",
        "Marija",
        "Stefan",
        "Emina",
        "Ђорђе",
        "Милена",
        "Haris",
        "Ružica",
        "Damir",
    ]
    lasts = [
        "Hodžić",
        "Kovač",
        "Jurić",
        "Petrović",
        "Begović",
        "Šimić",
        "Alić",
        "Јовић",
        "Marić",
        "Čolić",
    ]
    return [(firsts[n % 20], lasts[(3 * n + n // 20) % 10]) for n in range(40)]


def ascii_slug(text):
    return re.sub(r"[^a-z]", "", strip_diacritics(cyrillic_to_latin(text)).lower())


def take_quiz(*, learner, quiz, skill, rng):
    """An attempt where each answer is right with probability `skill` (open answers wait for
    the trainer's grading)."""
    if QuizAttempt.objects.filter(learner=learner, quiz=quiz).exists():
        return
    attempt = attempt_start(learner=learner, quiz=quiz)
    answers = {
        a.position: correct_answer(a.snapshot) if rng.random() < skill else wrong_answer(a.snapshot)
        for a in attempt.answers.all()
    }
    attempt_submit(attempt=attempt, raw_answers=answers)


def wrong_answer(snapshot):
    kind = snapshot["kind"]
    if kind == "single":
        return next(c["id"] for c in snapshot["choices"] if not c["correct"])
    if kind == "multiple":
        return [c["id"] for c in snapshot["choices"]][:1]
    if kind == "true_false":
        return "true" if snapshot["answer"] == "false" else "false"
    if kind == "short":
        return "Mostar"
    if kind == "numeric":
        return "1999"
    if kind == "matching":
        rights = [pair["right_id"] for pair in snapshot["pairs"]]
        return {pair["id"]: rights[i - 1] for i, pair in enumerate(snapshot["pairs"])}
    return "We would set up a complaints box."


def ensure_child(parent, model, slug, build):
    """The child page with this slug, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = build()
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def principles(numbers):
    return list(Principle.objects.filter(number__in=numbers, locale__language_code="en"))


def new_course(trainer):
    data = content.COURSE
    course = CoursePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        audience=data["audience"],
        estimated_hours=data["estimated_hours"],
        learning_outcomes="<ul>"
        + "".join(f"<li>{outcome}</li>" for outcome in data["learning_outcomes"])
        + "</ul>",
    )
    course.principles = principles(data["principles"])
    course.trainers = [trainer]
    course.tags.add(*data["tags"])
    return course


def new_lesson(data):
    lesson = LessonPage(
        title=data["title"],
        slug=data["slug"],
        estimated_minutes=data["minutes"],
        body=data["body"],
    )
    lesson.principles = principles(data["principles"])
    lesson.tags.add(*data["tags"])
    return lesson


def new_quiz(data):
    quiz = QuizPage(title=data["title"], slug=data["slug"], intro=data["intro"], **data["settings"])
    for order, (prompt, points, numbers, key, explanation) in enumerate(data["questions"]):
        question = Question(
            sort_order=order,
            prompt=f"<p>{prompt}</p>",
            points=points,
            answer_key=[key],
            explanation=explanation,
        )
        question.principles = principles(numbers)
        quiz.questions.add(question)
    return quiz


def pass_quiz(*, learner, quiz, grader):
    """Answer every question correctly (the demo's learners studied well)."""
    if QuizAttempt.objects.filter(learner=learner, quiz=quiz, passed=True).exists():
        return
    attempt = attempt_start(learner=learner, quiz=quiz)
    answers = {a.position: correct_answer(a.snapshot) for a in attempt.answers.all()}
    attempt = attempt_submit(attempt=attempt, raw_answers=answers)
    for answer in attempt.answers.filter(needs_grading=True):
        answer_grade(
            answer=answer,
            score=answer.snapshot["points"],
            comment="A concrete, well-argued answer.",
            grader=grader,
        )


def correct_answer(snapshot):
    kind = snapshot["kind"]
    if kind == "single":
        return next(c["id"] for c in snapshot["choices"] if c["correct"])
    if kind == "multiple":
        return [c["id"] for c in snapshot["choices"] if c["correct"]]
    if kind == "true_false":
        return snapshot["answer"]
    if kind == "short":
        return snapshot["accepted"][0]
    if kind == "numeric":
        return snapshot["value"]
    if kind == "matching":
        return {pair["id"]: pair["right_id"] for pair in snapshot["pairs"]}
    return "We answer every complaint within 15 days and publish the answers each month."

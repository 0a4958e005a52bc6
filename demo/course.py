"""The demo course and its people: organisations, one user per role, the LAP Stage 1 course with a
quiz per module in every demo language, learners at different points, certificates in every state
and the "Hercegovina 2026" cohort. Idempotent: running it again changes nothing."""

import random
import re
from functools import cache

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.color import color_style
from django.db import transaction

from academy.accounts.models import Organisation, User
from academy.accounts.roles import CERTIFICATE_ADMINISTRATORS, LEARNERS, TRAINERS
from academy.core.text import cyrillic_to_latin, strip_diacritics
from academy.governance.models import Principle
from certificates.models import Certificate, CertificateTemplate, CourseCertificateRule
from certificates.services import certificate_issue, certificate_request, certificate_revoke
from courses.models import Cohort, CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.outline import course_outline_for
from courses.services import cohort_join, enrollment_create, step_complete
from demo import content
from demo.translations import load_translations
from quizzes.models import Question, QuizAttempt, QuizPage
from quizzes.services import answer_grade, attempt_start, attempt_submit

DEMO_PASSWORD = "lap-demo-2026"  # printed by `make run`; demo accounts only
GROUPS = {"learner": LEARNERS, "trainer": TRAINERS, "certificate_admin": CERTIFICATE_ADMINISTRATORS}


def load(*, stdout=None) -> None:
    # One transaction per part: tasks queued on commit (certificate requests after course
    # completion) run before the next part looks at their results.
    with transaction.atomic():
        organisations = load_organisations()
        people = load_people(organisations)
        trainer = people["trainer@lap.example"]
        course = load_course(trainer=trainer)
        load_translations(course)
        CourseCertificateRule.objects.get_or_create(
            course=course,
            defaults={
                "template": CertificateTemplate.objects.order_by("pk").first(),
                "issuance": CourseCertificateRule.Issuance.MANUAL,
            },
        )
    with transaction.atomic():
        load_progress(course, people, trainer)
    with transaction.atomic():
        load_certificates(course, people)
    with transaction.atomic():
        load_cohort(course, organisations, trainer, people)
    if stdout is not None:
        stdout.write(color_style().SUCCESS(f"Demo loaded: {course.title} ({course.url})"))


def load_organisations():
    return {
        row["name"]: Organisation.objects.get_or_create(
            name=row["name"], defaults={"kind": row["kind"], "place": row["place"]}
        )[0]
        for row in content.structure()["organisations"]
    }


def load_people(organisations):
    people = {}
    for row in content.structure()["people"]:
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


def load_course(trainer):
    """The English course with its modules, lessons and quizzes, each created if missing."""
    structure = content.structure()["course"]
    pages = content.pages("en")
    catalogue = CourseIndexPage.objects.order_by("path").first()
    course = ensure_child(
        catalogue,
        CoursePage,
        structure["slug"],
        lambda: new_course(pages[structure["slug"]], trainer),
    )
    for module_structure in structure["modules"]:
        data = pages[module_structure["slug"]]
        module = ensure_child(
            course,
            ModulePage,
            data["slug"],
            lambda d=data: ModulePage(title=d["title"], slug=d["slug"], intro=d["intro"]),
        )
        for lesson in module_structure["lessons"]:
            data = pages[lesson["slug"]]
            ensure_child(module, LessonPage, data["slug"], lambda d=data: new_lesson(d))
        data = pages[module_structure["quiz"]["slug"]]
        ensure_child(module, QuizPage, data["slug"], lambda d=data: new_quiz(d))
    return course


def lessons_and_quizzes(course) -> list:
    """The steps the demo's progress counts (structure.toml [progress]), in course order; other
    steps (the assignment) are done through their own demo part, never marked complete."""
    steps = [entry.page for entry in course_outline_for(course=course, learner=None).steps]
    return [step for step in steps if isinstance(step, (LessonPage, QuizPage))]


def load_progress(course, people, trainer):
    steps = lessons_and_quizzes(course)
    for email, done in content.structure()["progress"].items():
        learner = people[email]
        enrollment_create(learner=learner, course=course)
        for step in steps[:done]:
            if isinstance(step, QuizPage):
                pass_quiz(learner=learner, quiz=step, grader=trainer)
            else:
                step_complete(learner=learner, course=course, step=step)


def load_certificates(course, people):
    """The demo course's rule is manual approval: completion created requests; the
    certificate administrator approved two and revoked one of them."""
    admin = people["certificates@lap.example"]
    for email, state in content.structure()["certificates"].items():
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


def load_cohort(course, organisations, trainer, people):
    """The cohort: four municipalities and about 40 learners at varied progress and scores, so
    every report and the mastery map show real variety, and the demo's own learner."""
    data = content.structure()["cohort"]
    cohort, created = Cohort.objects.get_or_create(
        course=course,
        name=data["name"],
        defaults={"starts_on": data["starts_on"], "ends_on": data["ends_on"]},
    )
    if not created:
        return
    municipalities = [organisations[name] for name in data["municipalities"]]
    cohort.organisations.set(municipalities)
    cohort.trainers.add(trainer)
    for email in data["members"]:
        cohort_join(cohort=cohort, learner=people[email])
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data
    steps = lessons_and_quizzes(course)
    for n, (first, last) in enumerate(cohort_names(data["first_names"], data["last_names"])):
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


def cohort_names(firsts, lasts):
    """40 (first, last) names mixed from the two lists."""
    return [(firsts[n % len(firsts)], lasts[(3 * n + n // 20) % len(lasts)]) for n in range(40)]


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


def new_course(data, trainer):
    course = CoursePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        audience=data["audience"],
        estimated_hours=data["estimated_hours"],
        learning_outcomes=data["learning_outcomes"],
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
    for order, row in enumerate(data["questions"]):
        question = Question(
            sort_order=order,
            prompt=f"<p>{row['prompt']}</p>",
            points=row["points"],
            answer_key=[row["key"]],
            explanation=row["explanation"],
        )
        question.principles = principles(row["principles"])
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

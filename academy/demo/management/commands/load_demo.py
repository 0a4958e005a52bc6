"""Load the demo: organisations, one user per role and the LAP Stage 1 course, with a learner
halfway through. Idempotent: running it again changes nothing."""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from academy.accounts.models import Organisation, User
from academy.accounts.roles import CERTIFICATE_ADMINISTRATORS, LEARNERS, TRAINERS
from academy.demo import content
from academy.governance.models import Principle
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.selectors import course_outline_for
from courses.services import enrollment_create, step_complete

DEMO_PASSWORD = "lap-demo-2026"  # printed by `make run`; demo accounts only
GROUPS = {"learner": LEARNERS, "trainer": TRAINERS, "certificate_admin": CERTIFICATE_ADMINISTRATORS}
# How many lessons each demo learner has completed (the main demo learner is halfway).
DEMO_PROGRESS = {
    "learner@lap.example": 6,
    "ivana.saric@lap.example": 12,
    "nedzad.causevic@lap.example": 2,
}


class Command(BaseCommand):
    help = "Load the LAP Stage 1 demo course, organisations and demo users (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        organisations = self.load_organisations()
        people = self.load_people(organisations)
        course = self.load_course(trainer=people["trainer@lap.example"])
        self.load_progress(course, people)
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
                    password=DEMO_PASSWORD,
                    full_name=row["full_name"],
                    role=row["role"],
                    organisation=organisations[row["organisation"]],
                    is_staff=is_admin,
                    is_superuser=is_admin,
                )
                if not is_admin:
                    user.groups.add(Group.objects.get(name=GROUPS[row["group"]]))
            people[row["email"]] = user
        return people

    def load_course(self, trainer):
        catalogue = CourseIndexPage.objects.order_by("path").first()
        data = content.COURSE
        course = CoursePage.objects.child_of(catalogue).filter(slug=data["slug"]).first()
        if course is not None:
            return course
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
        catalogue.add_child(instance=course)
        course.save_revision().publish()
        for module_data in data["modules"]:
            module = ModulePage(
                title=module_data["title"], slug=module_data["slug"], intro=module_data["intro"]
            )
            course.add_child(instance=module)
            module.save_revision().publish()
            for lesson_data in module_data["lessons"]:
                lesson = LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    estimated_minutes=lesson_data["minutes"],
                    body=lesson_data["body"],
                )
                lesson.principles = principles(lesson_data["principles"])
                lesson.tags.add(*lesson_data["tags"])
                module.add_child(instance=lesson)
                lesson.save_revision().publish()
        return course

    def load_progress(self, course, people):
        steps = [entry.page for entry in course_outline_for(course=course, learner=None).steps]
        for email, done in DEMO_PROGRESS.items():
            learner = people[email]
            enrollment_create(learner=learner, course=course)
            for step in steps[:done]:
                step_complete(learner=learner, course=course, step=step)


def principles(numbers):
    return list(Principle.objects.filter(number__in=numbers, locale__language_code="en"))

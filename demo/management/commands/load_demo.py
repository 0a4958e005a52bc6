"""Load the demo: each part is a module with `load(*, stdout=None)`, idempotent and committed in
its own transactions, loaded in this order (later parts may use what earlier ones made)."""

from importlib import import_module

from django.core.management.base import BaseCommand

PARTS = [
    "demo.course",  # organisations, people, the LAP course in every language, progress, cohort
    "demo.workshops",  # the Hercegovina 2026 cohort's three workshop sessions and attendance
    "demo.assignments",  # an assignment with a rubric; two learners' work, one graded
    "demo.assessments",  # ELoGE 2026: twelve municipalities' self-assessments and surveys
]


class Command(BaseCommand):
    help = "Load the LAP Stage 1 demo course, quizzes, organisations and users (idempotent)."

    def handle(self, *args, **options):
        for part in PARTS:
            import_module(part).load(stdout=self.stdout)

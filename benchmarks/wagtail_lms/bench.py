"""Set up wagtail-lms 0.11 for `benchmarks/run_vs_wagtail_lms.sh`: a course of 50 H5P lesson
pages with our benchmark's lesson body, a learner enrolled in it, and their session cookie.
Run with this folder's own virtual environment (it cannot import our code, only the body).

    python bench.py setup      # prints the path of the middle lesson
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent))  # benchmarks/lesson_body.py: plain Python, no Django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")

LESSONS = 50
LEARNER = "bench-learner"
SESSION_FILE = HERE / ".session"
LESSON_PATH_FILE = HERE / ".lesson-path"


def setup():
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.test import Client
    from lesson_body import paragraphs
    from wagtail.models import Page, Site
    from wagtail_lms.models import CourseEnrollment, CoursePage, H5PLessonPage

    root = Site.objects.get(is_default_site=True).root_page
    course = CoursePage.objects.filter(slug="bench-course").first()
    if course is None:
        course = CoursePage(title="Bench course", slug="bench-course")
        root.add_child(instance=course)
        course.save_revision().publish()
        for n in range(LESSONS):
            lesson = H5PLessonPage(
                title=f"Lesson {n + 1}",
                slug=f"lesson-{n + 1}",
                body=[{"type": "paragraph", "value": text} for text in paragraphs()],
            )
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
    learner, _ = User.objects.get_or_create(username=LEARNER)
    CourseEnrollment.objects.get_or_create(user=learner, course=course)
    lessons = Page.objects.child_of(course).live().order_by("path")
    client = Client()
    client.force_login(learner)
    path = lessons[LESSONS // 2].url
    assert client.get(path, HTTP_HOST="localhost").status_code == 200, (
        "the enrolled learner's lesson does not open"
    )
    SESSION_FILE.write_text(client.cookies["sessionid"].value)
    LESSON_PATH_FILE.write_text(path)
    print(f"wagtail-lms set up: {path}")


if __name__ == "__main__":
    {"setup": setup}[sys.argv[1]]()

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from academy.core.documents import pdf_response
from academy.home.models import BrandingSettings

from .catalogue import my_learning_for, search_lessons
from .dashboard import learning_panels
from .journal import ReflectionRefused, journal_of, reflection_prompt, reflection_save
from .mastery import mastery_for_learners
from .models import Cohort, CoursePage, LessonPage, Reflection
from .outline import course_of_step, course_outline_for
from .portfolio import portfolio_of
from .services import (
    EnrollmentNotAllowed,
    InvalidUnsubscribeLink,
    InvitationClosed,
    cohort_join,
    enrollment_create,
    reminders_learner_for_token,
    reminders_unsubscribe,
    step_complete,
)
from .steps import step_models
from .translations import canonical_pk, version_for


@require_POST
@login_required
def enroll(request, course_id):
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    try:
        _enrollment, created = enrollment_create(learner=request.user, course=course)
    except EnrollmentNotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect(course.url)
    if created:
        messages.success(request, _("You are enrolled. Welcome to the course!"))
    else:
        messages.info(request, _("You are already enrolled in this course."))
    outline = course_outline_for(course=course, learner=request.user)
    target = outline.resume_step.page.url if outline.resume_step else course.url
    return redirect(target)


@require_POST
@login_required
def complete_step(request, step_id):
    step = get_object_or_404(Page.objects.live().type(*step_models()), pk=step_id).specific
    if not step.completes_on_mark():
        raise Http404
    course = course_of_step(step)
    if step_complete(learner=request.user, course=course, step=step):
        messages.success(
            request,
            _("Congratulations! You have completed %(course)s.") % {"course": course.title},
        )
        return redirect(course.url)
    outline = course_outline_for(course=course, learner=request.user)
    _previous, following = outline.neighbours(step)
    return redirect(following.page.url if following else course.url)


@require_GET
def search(request):
    """Lessons in the reader's language matching the query, diacritics and script ignored."""
    query = request.GET.get("q", "").strip()[:200]
    lessons = search_lessons(query=query) if query else []
    return TemplateResponse(request, "courses/search.html", {"query": query, "lessons": lessons})


def _portfolio(request):
    programme = BrandingSettings.for_request(request).programme_name
    return portfolio_of(learner=request.user, programme=programme)


@require_GET
@login_required
def portfolio(request):
    """My portfolio: certificates, passed assignments, action plans and shared reflections."""
    return TemplateResponse(request, "courses/portfolio.html", {"document": _portfolio(request)})


@require_GET
@login_required
def portfolio_pdf(request):
    """The portfolio as one PDF, in the language the learner reads the site in."""
    return pdf_response(_portfolio(request), request=request, filename="portfolio.pdf")


@require_GET
@login_required
def my_learning(request):
    outlines = my_learning_for(learner=request.user)
    courses = [outline.course for outline in outlines]
    mastery = mastery_for_learners([request.user.pk], courses)[request.user.pk] if courses else []
    context = {
        "outlines": outlines,
        "in_progress": [o for o in outlines if not o.enrollment.is_completed],
        "completed": [o for o in outlines if o.enrollment.is_completed],
        "mastery": mastery,
        "panels": learning_panels(
            learner=request.user, enrollments=[outline.enrollment for outline in outlines]
        ),
    }
    return TemplateResponse(request, "courses/my_learning.html", context)


def join_cohort(request, token):
    """An invitation link: shows the cohort and, after login, joins it with one click. The
    course is shown, and opened after joining, in the language of the link."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), invitation_token=token)
    course = version_for(cohort.course, get_language())
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            cohort_join(cohort=cohort, learner=request.user)
        except InvitationClosed as refusal:
            messages.error(request, str(refusal))
            return redirect(request.get_full_path())
        messages.success(request, _("Welcome to %(cohort)s!") % {"cohort": cohort.name})
        return redirect(course.url)
    return TemplateResponse(
        request, "courses/join_cohort.html", {"cohort": cohort, "course": course}
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_reminders(request, token):
    """The link in reminder emails: works without logging in. GET only asks (mail scanners
    open links); the button's POST unsubscribes, and so does the mail program's one-click
    POST (List-Unsubscribe-Post, RFC 8058), which carries no CSRF token. The signed token in
    the URL is the only credential, so a forged cross-site POST could do nothing its holder
    cannot do directly."""
    template = "courses/unsubscribe.html"
    try:
        if request.method == "POST":
            reminders_unsubscribe(token=token)
            return TemplateResponse(request, template, {"unsubscribed": True})
        reminders_learner_for_token(token=token)
    except InvalidUnsubscribeLink as refusal:
        return TemplateResponse(request, template, {"error": str(refusal)}, status=400)
    return TemplateResponse(request, template, {})


@login_required
@require_http_methods(["GET", "POST"])
def reflect(request, lesson_id, block_id):
    """One reflection prompt of a lesson, with the learner's answer: write, change, share with
    the trainers. A refused save shows the form again with what was written."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    prompt = reflection_prompt(lesson, block_id)
    if prompt is None:
        raise Http404
    saved = Reflection.objects.filter(
        learner=request.user, lesson_id=canonical_pk(lesson), block_id=block_id
    ).first()
    context = {
        "lesson": lesson,
        "prompt": prompt,
        "saved": saved,
        "text": saved.text if saved else "",
        "shared": saved.shared if saved else False,
    }
    if request.method == "POST":
        text, shared = request.POST.get("text", ""), request.POST.get("shared") == "on"
        try:
            reflection_save(
                learner=request.user, lesson=lesson, block_id=block_id, text=text, shared=shared
            )
        except ReflectionRefused as refusal:
            context.update(error=str(refusal), text=text, shared=shared)
            return TemplateResponse(request, "courses/reflect.html", context, status=400)
        messages.success(request, _("Saved in your journal."))
        return redirect(lesson.url)
    return TemplateResponse(request, "courses/reflect.html", context)


@login_required
@require_GET
def journal(request):
    """My journal: the learner's reflections by course and lesson."""
    return TemplateResponse(
        request, "courses/journal.html", {"journal": journal_of(learner=request.user)}
    )

"""The action plan step's page (served by ActionPlanPage behind courses' enrollment gate): the
plan of the learner's organisation, its forms, and its history."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from academy.core.documents import pdf_response
from courses.outline import step_context

from .blocks import principle_choices, with_principle_labels
from .documents import plan_document
from .models import ActionPlan, PlanAction
from .plans import (
    PlanRefused,
    may_edit,
    plan_action_add,
    plan_action_status,
    plan_for,
    plan_goal_add,
    plan_members,
    plan_start,
    plan_submit,
)


class GoalForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Goal"), max_length=300)
    principles = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Principles it serves"),
        choices=principle_choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    indicators = forms.CharField(
        label=gettext_lazy("How you will know (indicators)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ActionForm(forms.Form):
    goal = forms.TypedChoiceField(label=gettext_lazy("Goal"), coerce=int)
    text = forms.CharField(label=gettext_lazy("Action"), max_length=300)
    owner = forms.CharField(label=gettext_lazy("Who"), max_length=150)
    due_on = forms.DateField(
        label=gettext_lazy("By when"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [(goal.pk, goal.text) for goal in goals]


FORMS = {"goal": GoalForm, "action": ActionForm}


def _page(request, step, outline, plan, *, goal_form=None, action_form=None, error="", status=200):
    goals = with_principle_labels(list(plan.goals.prefetch_related("actions")) if plan else [])
    context = {
        "page": step,
        "self": step,
        **step_context(step=step, learner=request.user, outline=outline),
        "plan": plan,
        "goals": goals,
        "members": plan_members(plan) if plan else [],
        "changes": list(plan.changes.select_related("author")[:50]) if plan else [],
        "goal_form": goal_form or GoalForm(auto_id="goal_%s"),
        "action_form": action_form or ActionForm(goals=goals, auto_id="action_%s"),
        "statuses": PlanAction.Status.choices,
        "error": error,
        "can_submit": plan is not None
        and plan.status in (ActionPlan.Status.DRAFT, ActionPlan.Status.RETURNED),
    }
    return TemplateResponse(request, "assignments/action_plan_page.html", context, status=status)


def action_plan_view(request, step, outline):
    """GET: the plan and its forms. POST `do`: goal, action, status or submit; a refused post
    shows the page again with the error and what was typed, and changes nothing."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    plan = plan_for(step=step, learner=request.user)
    if request.method == "GET":
        return _page(request, step, outline, plan)
    if plan is not None and not may_edit(plan, request.user):  # never true through the page
        return _page(
            request,
            step,
            outline,
            plan,
            error=_("Only the plan's members can change it."),
            status=403,
        )
    action = request.POST.get("do")
    goals = list(plan.goals.all()) if plan else []
    goal_form = GoalForm(request.POST if action == "goal" else None, auto_id="goal_%s")
    action_form = ActionForm(
        request.POST if action == "action" else None, goals=goals, auto_id="action_%s"
    )
    try:
        if action == "goal":
            if not goal_form.is_valid():
                raise PlanRefused(_("Check the goal's fields."))
            plan = plan or plan_start(step=step, learner=request.user)
            plan_goal_add(plan=plan, user=request.user, **goal_form.cleaned_data)
            messages.success(request, _("Goal added."))
        elif plan is None:
            raise PlanRefused(_("Start the plan with a goal."))
        elif action == "action":
            if not action_form.is_valid():
                raise PlanRefused(_("Check the action's fields."))
            data = action_form.cleaned_data
            plan_action_add(
                plan=plan,
                user=request.user,
                goal_id=data["goal"],
                text=data["text"],
                owner=data["owner"],
                due_on=data["due_on"],
            )
            messages.success(request, _("Action added."))
        elif action == "status":
            plan_action_status(
                plan=plan,
                user=request.user,
                action_id=request.POST.get("action_id", ""),
                status=request.POST.get("status", ""),
            )
            messages.success(request, _("Status saved."))
        elif action == "submit":
            plan_submit(plan=plan, user=request.user)
            messages.success(request, _("The plan is sent to your trainers for review."))
        else:
            raise PlanRefused(_("Choose what to change."))
    except PlanRefused as refusal:
        return _page(
            request,
            step,
            outline,
            plan,
            goal_form=goal_form,
            action_form=action_form,
            error=str(refusal),
            status=400,
        )
    return redirect(step.url)


@require_GET
def action_plan_pdf(request, step):
    """The learner's plan as a PDF in the language they read it in; 404 without one."""
    plan = plan_for(step=step, learner=request.user)
    if plan is None:
        raise Http404
    return plan_pdf(request, plan, step)


def plan_pdf(request, plan, step):
    filename = f"action-plan-{plan.pk}.pdf"
    return pdf_response(plan_document(plan, step), request=request, filename=filename)


def action_plan_preview(request, step):
    context = {"page": step, "self": step, "preview": True, "goal_form": GoalForm(), "goals": []}
    return TemplateResponse(request, "assignments/action_plan_page.html", context)

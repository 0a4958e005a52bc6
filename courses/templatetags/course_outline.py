import html

from django import template
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from academy.core import formatting

register = template.Library()

# Every value these tags write is escaped with `html.escape`, as Django's `escape` does,
# without its checks for lazy text (their texts are translated already).


@register.simple_tag(takes_context=True)
def outline_steps(context, steps, current_id=None):
    """A module's steps in an outline, as list items (templates/courses/includes/outline.html).

    Written here rather than as a template loop: beside a lesson of a long module, that loop
    was the largest part of the page's rendering time."""
    request = context.get("request")
    states = {  # tick, and the state in words for screen readers
        "completed": ("\u2713", html.escape(gettext("(completed)"))),
        "started": ("\u25cf", html.escape(gettext("(started)"))),
        "": ("\u25cb", ""),
    }
    optional = f' <span class="badge">{html.escape(gettext("optional"))}</span>'
    is_current = ' aria-current="page"'
    rows = []
    for step in steps:
        tick, state = states["completed" if step.completed else "started" if step.started else ""]
        current = step.page.pk == current_id
        rows.append(
            f'<li class="outline__step{" is-complete" if step.completed else ""}'
            f'{" is-current" if current else ""}"><span class="tick" aria-hidden="true">{tick}'
            f'</span> <a href="{html.escape(step.page.get_url(request) or "")}"'
            f"{is_current if current else ''}>{html.escape(step.page.title)}</a>"
            f' <span class="visually-hidden">{state}</span>'
            f"{'' if step.page.is_required else optional}</li>"
        )
    return mark_safe("\n".join(rows))  # every value above is escaped


@register.simple_tag
def progress_bar(progress, label):
    """A progress bar with its label and figures in words (the lesson page shows two; as an
    included template they cost more than the rest of its outline)."""
    percent = html.escape(formatting.percent(progress.percent))
    figures = gettext("%(percent)s (%(completed)s of %(total)s steps)") % {
        "percent": percent,
        "completed": formats.localize(progress.completed),
        "total": formats.localize(progress.total),
    }
    label = html.escape(str(label))
    return mark_safe(  # every value above is escaped
        f'<div class="progress">\n  <span class="progress__label">{label}: {figures}</span>\n'
        f'  <progress max="100" value="{progress.percent}" aria-label="{label}">{percent}'
        "</progress>\n</div>"
    )

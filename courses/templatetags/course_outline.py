from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag(takes_context=True)
def outline_steps(context, steps, current_id=None):
    """A module's steps in an outline, as list items (templates/courses/includes/outline.html).

    Written here rather than as a template loop: beside a lesson of a long module, that loop
    was the largest part of the page's rendering time."""
    request = context.get("request")
    ticks = {"completed": "\u2713", "started": "\u25cf", "": "\u25cb"}
    states = {"completed": gettext("(completed)"), "started": gettext("(started)"), "": ""}
    is_current = mark_safe(' aria-current="page"')
    optional = format_html(' <span class="badge">{}</span>', gettext("optional"))

    def row(step):
        state = "completed" if step.completed else "started" if step.started else ""
        current = step.page.pk == current_id
        return (
            "outline__step"
            + (" is-complete" if step.completed else "")
            + (" is-current" if current else ""),
            ticks[state],
            step.page.get_url(request),
            is_current if current else "",
            step.page.title,
            states[state],
            "" if step.page.is_required else optional,
        )

    return format_html_join(
        "\n",
        '<li class="{}"><span class="tick" aria-hidden="true">{}</span> <a href="{}"{}>{}</a>'
        ' <span class="visually-hidden">{}</span>{}</li>',
        (row(step) for step in steps),
    )

from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from academy.accounts.selectors import may_use_admin

register = template.Library()


@register.simple_tag(takes_context=True)
def editing_bar(context):
    """Wagtail's user bar for people who may edit; learners' pages skip its permission queries."""
    request = context.get("request")
    if request is None or not may_use_admin(request):
        return ""
    return wagtailuserbar(context)

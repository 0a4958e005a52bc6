from django import template

from academy.core import formatting

register = template.Library()


@register.filter
def percent(value, decimal_pos=0):
    """`{{ attempt.percent|percent }}` -> "87 %" in Serbian; `|percent:"-1"` keeps one decimal."""
    return formatting.percent(value, decimal_pos)

from typing import NamedTuple

from django import template

from academy.governance.selectors import principle_names

register = template.Library()


class NamedPrinciple(NamedTuple):
    number: int
    name: str


@register.simple_tag
def principles_named(principles) -> list[NamedPrinciple]:
    """`{% principles_named principles as named %}`: the principles (any of their language
    versions), each once, by number, named in the reader's language. Usually without a query
    (`principle_names`)."""
    names = principle_names()
    by_number = {principle.number: principle for principle in principles}
    return [
        NamedPrinciple(number, names.get(number, by_number[number].name))
        for number in sorted(by_number)
    ]

"""The rubric an assignment is graded with: criteria in order, each with its levels."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from academy.governance.selectors import principle_names


def principle_choices():
    """Each principle once, by number, named in the editor's language (or its fallback, as
    everywhere: `principle_names`)."""
    return [(number, f"{number}. {name}") for number, name in sorted(principle_names().items())]


def with_principle_labels(goals):
    """`goals` (anything with `principles`, a list of numbers), each given `principle_labels`:
    "6. Openness and Transparency", in the reader's language. At most one query for all."""
    names = dict(principle_choices())
    for goal in goals:
        goal.principle_labels = [names[n] for n in goal.principles if n in names]
    return goals


class PrinciplesBlock(blocks.FieldBlock):
    """Principles chosen by number (what mastery counts). Stored and read as numbers without
    a query: the names are looked up only when an editor's form shows them."""

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = forms.TypedMultipleChoiceField(
            choices=principle_choices,
            coerce=int,
            required=required,
            help_text=help_text,
            widget=forms.CheckboxSelectMultiple,
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        return sorted(int(number) for number in value or [])

    def get_prep_value(self, value):
        return sorted(int(number) for number in value or [])

    def value_for_form(self, value):
        return [str(number) for number in value or []]

    def value_from_form(self, value):
        return sorted(int(number) for number in value or [])

    class Meta:
        icon = "tag"
        default = []


class RubricLevelBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("level"), max_length=100)
    description = blocks.TextBlock(label=_("what work at this level shows"), required=False)
    points = blocks.IntegerBlock(label=_("points"), min_value=0, max_value=100)

    class Meta:
        icon = "list-ol"
        label = _("Level")


class RubricCriterionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("criterion"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)
    principles = PrinciplesBlock(
        label=_("principles"),
        help_text=_("Points on this criterion count towards these principles' mastery."),
    )
    levels = blocks.ListBlock(RubricLevelBlock(), label=_("levels"), min_num=2, max_num=6)

    class Meta:
        icon = "tasks"
        label = _("Criterion")
        description = _("One thing the work is judged on, with its levels from weakest to best.")
        preview_value = {
            "title": "Uses evidence from the municipality",
            "levels": [
                {"name": "Beginning", "points": 0},
                {"name": "Developing", "points": 2},
                {"name": "Accomplished", "points": 4},
            ],
        }


class RubricBlock(blocks.StreamBlock):
    criterion = RubricCriterionBlock()

    class Meta:
        min_num = 1
        max_num = 12

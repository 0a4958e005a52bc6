"""Answer keys: one block per question type, so the editor shows only the fields that type needs.

List items (choices, pairs) carry Wagtail's stable block ids; attempts snapshot them, and learners
answer with those ids."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("choice"), max_length=500)
    is_correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("feedback"), required=False, max_length=500, help_text=_("Shown when chosen.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Choice")


class SingleChoiceBlock(blocks.StructBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, label=_("choices"))

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        help_text = _("Mark exactly one choice as correct.")


class MultipleChoiceBlock(blocks.StructBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, label=_("choices"))
    partial_credit = blocks.BooleanBlock(
        label=_("partial credit"),
        required=False,
        help_text=_(
            "Give credit for each correct choice, minus wrong ones; otherwise all or nothing. "
            "Ticking every choice never earns credit."
        ),
    )

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class TrueFalseBlock(blocks.StructBlock):
    answer = blocks.ChoiceBlock(
        label=_("correct answer"), choices=[("true", _("True")), ("false", _("False"))]
    )
    feedback_true = blocks.CharBlock(label=_("feedback for True"), required=False)
    feedback_false = blocks.CharBlock(label=_("feedback for False"), required=False)

    class Meta:
        icon = "check"
        label = _("True or false")


class ShortAnswerBlock(blocks.StructBlock):
    accepted = blocks.ListBlock(
        blocks.CharBlock(max_length=200), min_num=1, label=_("accepted answers")
    )
    ignore_diacritics = blocks.BooleanBlock(
        label=_("ignore diacritics"), required=False, help_text=_('"zepce" matches "Žepče".')
    )
    ignore_script = blocks.BooleanBlock(
        label=_("ignore Latin/Cyrillic script"),
        required=False,
        help_text=_('"Жепче" matches "Žepče".'),
    )

    class Meta:
        icon = "edit"
        label = _("Short answer")
        help_text = _("Case and surrounding spaces never matter.")


class NumericBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("correct value"))
    tolerance = blocks.DecimalBlock(
        label=_("tolerance"), default=0, min_value=0, help_text=_("Accept value ± tolerance.")
    )

    class Meta:
        icon = "order"
        label = _("Number")


class MatchingPairBlock(blocks.StructBlock):
    left = blocks.CharBlock(label=_("item"), max_length=300)
    right = blocks.CharBlock(label=_("matches"), max_length=300)

    class Meta:
        icon = "link"
        label = _("Pair")


class MatchingBlock(blocks.StructBlock):
    pairs = blocks.ListBlock(MatchingPairBlock(), min_num=2, label=_("pairs"))

    class Meta:
        icon = "link"
        label = _("Matching")
        help_text = _("Learners match each item with one of the shuffled answers.")


class OpenAnswerBlock(blocks.StructBlock):
    guidance = blocks.TextBlock(
        label=_("guidance for graders"),
        required=False,
        help_text=_("Never shown to learners before grading."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Open answer (graded by a trainer)")


class AnswerKeyBlock(blocks.StreamBlock):
    single = SingleChoiceBlock()
    multiple = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    short = ShortAnswerBlock()
    numeric = NumericBlock()
    matching = MatchingBlock()
    open = OpenAnswerBlock()

    class Meta:
        min_num = 1
        max_num = 1
        label = _("Question type and answer")

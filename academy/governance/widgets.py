"""The principles picker of the admin forms:
`FieldPanel("principles", widget=PrincipleCheckboxes)`."""

from django import forms

from .selectors import original_pks, principles_as_shown


class PrincipleCheckboxes(forms.CheckboxSelectMultiple):
    """Twelve checkboxes, one per principle, labelled "6. <name>" in the editor's language; each
    stands for the principle as written (`Principle.objects.originals()`), which is what is
    stored. A translated row that a page already points at shows as its original, checked, and
    is replaced by it on saving; so is one sent by a form drawn before this picker.

    The form field still takes any principle (the widget is all a panel can change, in inline
    panels too); the names are read when the form is drawn, in the language of that request."""

    def get_context(self, name, value, attrs):
        # Replaces the form field's choices: every row in every language.
        self.choices = [(original.pk, str(shown)) for original, shown in principles_as_shown()]
        return super().get_context(name, value, attrs)

    def format_value(self, value):
        offered = {str(pk) for pk, _label in self.choices}
        values = super().format_value(value)
        if set(values) <= offered:
            return values
        return _as_originals(values)

    def value_from_datadict(self, data, files, name):
        values = super().value_from_datadict(data, files, name)
        return _as_originals(values) if values else values


def _as_originals(values) -> list[str]:
    """Form values with each principle's id replaced by its original's, once each; values
    that are no principle's id are kept for the form field to refuse."""
    ids = {int(value) for value in values if str(value).isdigit()}
    originals = original_pks(ids) if ids else {}
    return list(
        dict.fromkeys(
            str(originals.get(int(value), value)) if str(value).isdigit() else value
            for value in values
        )
    )

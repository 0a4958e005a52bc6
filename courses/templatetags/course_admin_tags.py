from django import template

register = template.Library()


@register.filter
def matrix_values(row, matrix):
    """The module and extra cells of a cohort matrix row, in column order."""
    exported = matrix.export_row(row)
    keys = [key for key, _title in matrix.module_columns + matrix.extra_columns]
    return [exported[key] for key in keys]


@register.filter
def get_item_or_zero(mapping, key):
    return mapping.get(key, 0)

from django import template

register = template.Library()


@register.inclusion_tag("courses/includes/progress_bar.html")
def progress_bar(progress, label):
    """A progress bar with its label and its figures in words."""
    return {"progress": progress, "label": label}

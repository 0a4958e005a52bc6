from wagtail.models import Page


class BasePage(Page):
    """Abstract base for the platform's pages: no admin-only page types reach learners."""

    show_in_menus_default = False

    class Meta:
        abstract = True

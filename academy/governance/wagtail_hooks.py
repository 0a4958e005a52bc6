from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Principle


class PrincipleViewSet(SnippetViewSet):
    model = Principle
    icon = "list-ol"
    menu_label = _("Principles")
    list_display = ["number", "name", "number_2008"]
    search_fields = ["name", "summary"]
    # Search the twelve rows in the database: the seeding migration cannot add them to the
    # search index, and editors type parts of words.
    search_backend_name = None
    ordering = ["number"]


register_snippet(PrincipleViewSet)

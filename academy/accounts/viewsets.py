from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from academy.core.spreadsheets import FormulaSafeExportMixin

from .models import Organisation

PROFILE_FIELDS = ["full_name", "organisation", "role", "preferred_language", "reminders_opt_out"]


class UserCreationForm(WagtailUserCreationForm):
    # Our User has one full name (as printed on certificates) instead of first and last name.
    first_name = None
    last_name = None

    class Meta(WagtailUserCreationForm.Meta):
        fields = [
            *WagtailUserCreationForm.Meta.fields - {"first_name", "last_name"},
            *PROFILE_FIELDS,
        ]


class UserEditForm(WagtailUserEditForm):
    first_name = None
    last_name = None

    class Meta(WagtailUserEditForm.Meta):
        fields = [*WagtailUserEditForm.Meta.fields - {"first_name", "last_name"}, *PROFILE_FIELDS]


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class OrganisationIndexView(FormulaSafeExportMixin, IndexView):
    pass


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    index_view_class = OrganisationIndexView
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "place"]
    list_filter = ["kind"]
    search_fields = ["name", "place"]
    list_export = ["name", "kind", "place"]

import django_filters
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserFilterSet as WagtailUserFilterSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from academy.core.spreadsheets import FormulaSafeExportMixin

from .models import LearnerRole, Organisation, User

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


class UserFilterSet(WagtailUserFilterSet):
    """Wagtail's (active, administrator, last login, group) and who the person is."""

    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.order_by("name"), label=_("Organisation")
    )
    role = django_filters.ChoiceFilter(choices=LearnerRole.choices, label=_("Role"))
    preferred_language = django_filters.ChoiceFilter(
        choices=settings.LANGUAGES, label=_("Language")
    )

    class Meta(WagtailUserFilterSet.Meta):
        model = User


class UserIndexView(FormulaSafeExportMixin, WagtailUserIndexView):
    @cached_property
    def columns(self):
        # Checkboxes, name, username (the email), the organisation, then Wagtail's others.
        columns = super().columns
        organisation = Column(
            "organisation", label=_("Organisation"), sort_key="organisation__name"
        )
        return [*columns[:3], organisation, *columns[3:]]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("organisation")


class UserViewSet(WagtailUserViewSet):
    # Wagtail searches first and last names, which our User replaces with one full name.
    search_fields = ["full_name", "email", "organisation__name"]
    search_backend_name = None
    filterset_class = UserFilterSet
    index_view_class = UserIndexView
    list_export = [
        "full_name",
        "email",
        "organisation",
        "get_role_display",
        "get_preferred_language_display",
        "is_active",
        "date_joined",
        "last_login",
    ]
    export_headings = {
        "get_role_display": _("Role"),
        "get_preferred_language_display": _("Preferred language"),
    }
    export_filename = "users"

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

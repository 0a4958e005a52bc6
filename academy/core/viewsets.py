"""Admin viewsets that show each user only what they may see, and admin actions a model never
offers.

A `ScopedModelViewSet` states one rule, `visible_to(user)`: a queryset of its model. Its listing
shows that queryset, and every view of it that opens one object (edit, delete, inspect, history,
usage, copy, and a snippet's previews, revisions and locks) finds the object there only: for
anyone else it does not exist (404). The model's permissions still decide who may do what with
what they see; choice fields are narrowed by the viewset's forms, to which Wagtail gives the
user (`WagtailAdminModelForm.for_user`)."""

from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


class _VisibleListing:
    visible_to = None  # the viewset's rule, given by ScopedModelViewSet.construct_view

    def get_base_queryset(self):
        visible = self.visible_to(self.request.user).values("pk")
        return super().get_base_queryset().filter(pk__in=visible)


class _VisibleObject:
    visible_to = None

    def get_object(self, *args, **kwargs):
        found = super().get_object(*args, **kwargs)
        if not self.visible_to(self.request.user).filter(pk=found.pk).exists():
            raise Http404
        return found


class ScopedModelViewSet(ModelViewSet):
    def visible_to(self, user):
        """The objects `user` may see in this viewset: all of them unless a viewset says less
        (the model's permissions then decide alone)."""
        return self.model._default_manager.all()

    def construct_view(self, view_class, **kwargs):
        # Every view passes through here, those a subclass or a later Wagtail adds included.
        return super().construct_view(self._scoped(view_class), **kwargs)

    @cached_property
    def _scoped_views(self):
        return {}

    def _scoped(self, view_class):
        """`view_class` finding only what the user may see: one class per view class (a
        listing and its results share it), keeping its name and module as Wagtail's own
        subclasses do."""
        if issubclass(view_class, IndexView):
            scope = _VisibleListing
        elif hasattr(view_class, "get_object"):
            scope = _VisibleObject
        else:
            return view_class
        scoped = self._scoped_views
        if view_class not in scoped:
            scoped[view_class] = type(
                view_class.__name__,
                (scope, view_class),
                {"__module__": view_class.__module__, "visible_to": staticmethod(self.visible_to)},
            )
        return scoped[view_class]


class LimitedActionsPolicy(ModelPermissionPolicy):
    """A model's permissions less the `refused` actions, for everyone (superusers too): for the
    admin views of actions a model never takes there, which Wagtail's ModelViewSet has no switch
    to turn off. Refused, their buttons and links are not shown either."""

    def __init__(self, model, *, refused, **kwargs):
        super().__init__(model, **kwargs)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

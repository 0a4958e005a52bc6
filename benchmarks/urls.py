from django.http import HttpResponse
from django.urls import path

from academy.urls import urlpatterns as academy_urlpatterns


def minimal(request):
    """The cheapest Django response: the whole middleware stack, no template, no query."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal), *academy_urlpatterns]

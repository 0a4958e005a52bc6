"""The server error page, and the 503 page when the database cannot be reached.

Django calls `server_error` for any exception no view handled, inside the `except` that caught
it. A lost database (PostgreSQL down or unreachable) is not a bug but an outage: it gets a 503
in the reader's language with Retry-After, which load balancers and browsers understand as
"come back soon". Both pages are rendered without the request, so they need neither the database
nor the session.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request, template_name="500.html"):
    _type, error, _traceback = sys.exc_info()
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return django_server_error(request, template_name)

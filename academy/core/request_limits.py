"""Refuse a request body that is too large before anything reads it.

Django limits form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams any size of uploaded file to
a temporary file. A body over MAX_REQUEST_SIZE is answered 400 here, by the same
RequestDataTooBig that Django raises for oversized forms, so it gets the same page
(templates/400.html) and no view runs: nothing is half-written.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0  # Django's parser refuses a malformed length itself
        if declared > settings.MAX_REQUEST_SIZE:
            raise RequestDataTooBig(f"Request body of {declared} bytes exceeds MAX_REQUEST_SIZE.")
        return self.get_response(request)

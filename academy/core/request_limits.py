"""Refuse a request body that is too large before anything reads it, or that arrived broken.

Django limits form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams any size of uploaded file to
a temporary file. A body over MAX_REQUEST_SIZE is answered 400 here, by the same
RequestDataTooBig that Django raises for oversized forms, so it gets the same page
(templates/400.html) and no view runs: nothing is half-written.

Django's multipart parser takes a body cut short (a dropped connection, a proxy that gave up, a
Content-Length larger than what came) as the fields it got before the cut, or as an empty form,
so a view would save half a form. Multipart posts are therefore parsed here, before any view, and
a body that is not whole is refused with MultiPartParserError: the same 400 page.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http.multipartparser import MultiPartParser, MultiPartParserError


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = _declared_length(request)
        if declared > settings.MAX_REQUEST_SIZE:
            raise RequestDataTooBig(f"Request body of {declared} bytes exceeds MAX_REQUEST_SIZE.")
        if _is_multipart_post(request):
            # First, before anything reads the body: it then parses every multipart post.
            request.upload_handlers.insert(0, WholeMultipartHandler(request))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Parse a multipart post now, with the language active for the 400 page and before
        the CSRF check or the view reads a field: a broken body raises here."""
        if _is_multipart_post(request):
            if _declared_length(request) <= 0:
                # Not even the closing delimiter (Django would parse an empty form).
                raise MultiPartParserError("Empty multipart body.")
            request.POST  # noqa: B018 (parsing is the point)
        return None


def _declared_length(request) -> int:
    """Content-Length as a number; 0 when missing or malformed, as Django reads it."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _is_multipart_post(request) -> bool:
    return request.method == "POST" and request.content_type.startswith("multipart/")


class WholeMultipartHandler(FileUploadHandler):
    """Parses a multipart body with Django's parser and the request's other upload handlers,
    then refuses it unless it came whole: as many bytes as Content-Length declared, and the
    closing delimiter (`--boundary--`) among them."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        others = [handler for handler in self.request.upload_handlers if handler is not self]
        body = _WatchedBody(input_data, boundary)
        post, files = MultiPartParser(META, body, others, encoding).parse()
        if body.size != content_length or not body.closed:
            for _name, uploads in files.lists():
                for upload in uploads:
                    upload.close()  # a temporary file is deleted when closed
            raise MultiPartParserError(
                f"Multipart body cut short: {body.size} of {content_length} bytes"
                f"{'' if body.closed else ', no closing boundary'}."
            )
        return post, files

    # Never called: handle_raw_input hands the parts to the other handlers.
    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None


class _WatchedBody:
    """The request body as the parser reads it, counting its bytes and watching for the
    closing delimiter (the parser reads it to the end whatever the parts say)."""

    def __init__(self, body, boundary: bytes):
        self._body = body
        self._closing = b"--" + boundary + b"--"
        self._tail = b""  # the last bytes read, in case the delimiter spans two reads
        self.size = 0
        self.closed = False

    def read(self, size=-1):
        chunk = self._body.read(size)
        self.size += len(chunk)
        if chunk and not self.closed:
            seen = self._tail + chunk
            self.closed = self._closing in seen
            self._tail = seen[-len(self._closing) :]
        return chunk

"""Requests whose text the server would have to guess are refused before any view runs."""

from urllib.parse import unquote_to_bytes

from django.core.exceptions import BadRequest

FORM_URLENCODED = "application/x-www-form-urlencoded"


def _query_bytes(query: str) -> bytes:
    """The query string as sent: WSGI servers give it as Latin-1, Django's ASGI handler has
    already read it as UTF-8 (and answers 400 itself when it is not)."""
    try:
        return query.encode("latin-1")
    except UnicodeEncodeError:
        return query.encode("utf-8")


def _is_utf8(encoded: bytes) -> bool:
    try:
        unquote_to_bytes(encoded).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class MalformedRequestMiddleware:
    """A query string or a form post that is not UTF-8 is answered with the 400 page.

    Django reads such text with replacement characters (or as Latin-1), so a title posted
    that way would be saved garbled. Browsers always send the site's forms in UTF-8: only
    a broken or hostile client sends anything else, and nothing it sent is used. The body
    is read within ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (a larger one is a 400 too); uploads
    (multipart) are left to the upload checks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_utf8(_query_bytes(request.META.get("QUERY_STRING", ""))):
            raise BadRequest("The query string is not UTF-8.")
        if request.content_type == FORM_URLENCODED and not _is_utf8(request.body):
            raise BadRequest("The form data is not UTF-8.")
        return self.get_response(request)

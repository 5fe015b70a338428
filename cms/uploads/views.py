"""The document download view: Wagtail's, with the headers of a safe download.

Wagtail's view finds the document, runs the ``before_serve_document`` hooks (this app's
refuses a document no live page uses, ``wagtail_hooks.py``) and streams the file. Every
file then leaves as an attachment, never displayed in the site's origin:

* ``Content-Disposition: attachment`` whatever the type;
* ``Content-Type`` from the extension, which the upload check made sure matches the
  content (``WAGTAILDOCS_CONTENT_TYPES``), and ``X-Content-Type-Options: nosniff`` so
  the browser believes it;
* ``Content-Security-Policy: default-src 'none'; sandbox``: if a browser ever renders it,
  nothing in it runs, loads or reaches the site;
* ``Cache-Control``: a public document is revalidated on every request (``no-cache``,
  with its ETag), so a document stops being served as soon as its page is taken down;
  one only an editor may fetch is never stored (``private, no-store``).
"""

from django.http import HttpResponseNotModified, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from wagtail.documents.views import serve as wagtail_serve

#: The request attribute the ``before_serve_document`` hook sets: is the document public?
PUBLIC_MARK = "_document_is_public"

DOCUMENT_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"


@require_safe
def serve(request, document_id, document_filename):
    response = wagtail_serve.serve(request, document_id, document_filename)
    if isinstance(response, StreamingHttpResponse):
        disposition = response.get("Content-Disposition", "")
        if not disposition.startswith("attachment"):
            response["Content-Disposition"] = content_disposition_header(True, document_filename)
        if response.get("Content-Encoding") in {"None", ""}:
            del response["Content-Encoding"]
    elif not isinstance(response, HttpResponseNotModified):
        return response  # a redirect, or the password form of a restricted collection
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOCUMENT_CSP
    response["Cache-Control"] = (
        "no-cache" if getattr(request, PUBLIC_MARK, False) else "private, no-store"
    )
    return response

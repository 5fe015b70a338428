from django.http import Http404
from wagtail import hooks

from .publication import can_fetch_unpublished, is_public
from .views import PUBLIC_MARK


@hooks.register("before_serve_document")
def serve_only_documents_of_live_pages(document, request):
    """A document no live page uses is a 404 (not a 403: its existence stays unknown),
    except for the editors who may choose or change it."""
    public = is_public(document)
    setattr(request, PUBLIC_MARK, public)
    if not public and not can_fetch_unpublished(request.user, document):
        raise Http404

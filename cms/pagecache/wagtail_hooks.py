from wagtail import hooks

from . import store
from .middleware import MARK


@hooks.register("on_serve_page")
def mark_cacheable_page(serve_page):
    """Marks a live page being served to a visitor who may get a cached copy.

    ``on_serve_page`` runs after every ``before_serve_page`` hook has let the
    visitor through (view restrictions included) and never for previews. The
    page's tokens are read now, before rendering: a publication during the
    rendering makes the stored copy invalid at once.
    """

    def serve(page, request, args, kwargs):
        if (
            store.enabled()
            and not getattr(request, "is_preview", False)
            and store.request_key(request.META, request.scheme) is not None
        ):
            setattr(request, MARK, (page.pk, *store.current_tokens(page.pk)))
        return serve_page(page, request, args, kwargs)

    return serve

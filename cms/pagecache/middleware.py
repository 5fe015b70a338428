"""Stores the pages served to anonymous visitors in the page cache.

The outermost middleware: it sees the response exactly as the visitor gets it,
security headers included. Hits never reach it; they are answered before
Django by ``cms.pagecache.wsgi``.
"""

from . import store

#: The request attribute set while serving a live page (``wagtail_hooks``):
#: ``(page_id, site_token, page_token)``, the tokens read before rendering.
MARK = "_page_cache_mark"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        mark = getattr(request, MARK, None)
        if mark is None or request.method != "GET" or getattr(request, "is_preview", False):
            return response
        key = store.request_key(request.META, request.scheme)
        user = getattr(request, "user", None)
        if key is None or (user is not None and user.is_authenticated):
            return response
        if store.response_is_cacheable(response):
            page_id, site_token, page_token = mark
            status = f"{response.status_code} {response.reason_phrase}"
            entry = store.new_entry(
                page_id, site_token, page_token, status, list(response.items()), response.content
            )
            store.store(key, entry)
        return response

"""Answers cached pages before Django: the cheap path of the page cache.

``PageCacheApplication`` wraps Django's WSGI application (``cms/wsgi.py``). A
GET or HEAD that may use the cache (``store.request_key``) and finds a valid
entry is answered from it without URL routing, middleware, sessions or the
database; everything else goes to Django unchanged.
"""

from . import store

HIT_HEADER = ("X-Page-Cache", "hit")


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if store.enabled():
            key = store.request_key(environ)
            if key is not None:
                entry = store.lookup(key)
                if entry is not None:
                    start_response(entry.status, [*entry.headers, HIT_HEADER])
                    if environ["REQUEST_METHOD"] == "HEAD":
                        return [b""]
                    return [entry.body]
        return self.application(environ, start_response)

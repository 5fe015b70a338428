"""Requests through the project's WSGI application (``cms.wsgi``), page cache included.

Django's test client calls Django's handler directly and would never meet the
cache's lookup, which answers before Django; these fixtures call the real WSGI
entry point with a WSGI environ, as gunicorn does.
"""

from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from cms.wsgi import application


@dataclass
class WsgiResponse:
    status: int
    headers: dict
    body: bytes

    @property
    def from_cache(self) -> bool:
        return self.headers.get("X-Page-Cache") == "hit"

    @property
    def text(self) -> str:
        return self.body.decode()


def call_wsgi(path: str, method: str = "GET", **extra) -> WsgiResponse:
    """``method path`` through ``cms.wsgi.application``; ``extra``: WSGI environ entries."""
    environ = RequestFactory().generic(method, path, **extra).environ
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"] = int(status.split()[0])
        started["headers"] = dict(headers)

    # As Django's test client does: the request signals must not close the connection
    # that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return WsgiResponse(started["status"], started["headers"], body)


@pytest.fixture
def wsgi_get():
    return call_wsgi


@pytest.fixture(autouse=True)
def _empty_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True  # a server error fails the test with its traceback
    caches["pages"].clear()
    yield
    caches["pages"].clear()

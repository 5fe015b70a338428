"""Requests through the project's entry points (``cms.wsgi``, ``cms.asgi``), page cache
included.

Django's test client calls Django's handler directly and would never meet the
cache's lookup, which answers before Django; these fixtures call the real WSGI
entry point with a WSGI environ, and the real ASGI entry point with an ASGI
scope, as gunicorn's workers do. ``wsgi_get`` runs each test through both.
"""

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from asgiref.sync import async_to_sync
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.utils.datastructures import CaseInsensitiveMapping

from cms.asgi import application as asgi_application
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


def call_asgi(path: str, method: str = "GET", **extra) -> WsgiResponse:
    """``method path`` through ``cms.asgi.application``; ``extra``: WSGI-style headers
    (``HTTP_COOKIE=…``) and ``REMOTE_ADDR``, turned into the ASGI scope.

    The application runs under ``async_to_sync`` from the test's thread, so Django's
    synchronous code runs in this thread, on the connection that holds the test's
    transaction (as Django's own ``AsyncClient`` does).
    """
    url = urlsplit(path)
    headers = [(b"host", b"testserver")]
    for name, value in extra.items():
        if name.startswith("HTTP_"):
            header = name[5:].lower().replace("_", "-").encode("latin-1")
            headers.append((header, str(value).encode("latin-1")))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": url.path,
        "raw_path": url.path.encode(),
        "query_string": url.query.encode("latin-1"),
        "root_path": "",
        "headers": headers,
        "client": (extra.get("REMOTE_ADDR", "127.0.0.1"), 50000),
        "server": ("testserver", 80),
    }
    sent = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if requests:
            return requests.pop()
        # The client stays connected: Django stops listening once it has answered.
        await asyncio.Event().wait()

    async def send(message):
        sent.append(message)

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        async_to_sync(asgi_application)(scope, receive, send)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    start = next(message for message in sent if message["type"] == "http.response.start")
    found = {}
    for name, value in start["headers"]:
        name, value = name.decode("latin-1"), value.decode("latin-1")
        found[name] = f"{found[name]}, {value}" if name in found else value
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return WsgiResponse(start["status"], CaseInsensitiveMapping(found), body)


@pytest.fixture(params=["wsgi", "asgi"])
def wsgi_get(request):
    """A request through the WSGI entry point, then (second run) the ASGI one."""
    return call_wsgi if request.param == "wsgi" else call_asgi


@pytest.fixture(autouse=True)
def _empty_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True  # a server error fails the test with its traceback
    caches["pages"].clear()
    yield
    caches["pages"].clear()

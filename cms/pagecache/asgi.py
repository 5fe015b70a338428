"""The page cache's cheap path for the ASGI server, and the trusted proxy's scheme.

``PageCacheASGI`` answers an anonymous visitor's GET or HEAD for a cached page
straight from the cache, on the event loop, without Django; everything else goes
to Django's ASGI handler unchanged. It is the ASGI twin of ``cms.pagecache.wsgi``
and shares its rules (``store.request_key``), so the key a hit looks up is the key
the middleware stored.

``TrustedProxy`` makes a request https when the TLS-terminating proxy says so
(``X-Forwarded-Proto: https``), and only when the request comes from one of the
proxy's addresses (``FORWARDED_ALLOW_IPS``): Django itself trusts no proxy header
(``SECURE_PROXY_SSL_HEADER`` is not set), so a client that reaches the server
directly cannot claim https.
"""

from __future__ import annotations

import os

from . import store

HIT_HEADER = (b"x-page-cache", b"hit")
DEFAULT_PROXY_ADDRESSES = "127.0.0.1,::1"


def _environ(scope) -> dict:
    """The parts of a WSGI environ that ``store.request_key`` reads, from an ASGI scope."""
    environ = {
        "REQUEST_METHOD": scope["method"],
        "PATH_INFO": scope["path"],
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "wsgi.url_scheme": scope.get("scheme", "http"),
    }
    for name, value in scope.get("headers", ()):
        if name == b"host":
            environ["HTTP_HOST"] = value.decode("latin-1")
        elif name == b"cookie":
            environ["HTTP_COOKIE"] = value.decode("latin-1")
        elif name == b"authorization":
            environ["HTTP_AUTHORIZATION"] = value.decode("latin-1")
    return environ


class PageCacheASGI:
    def __init__(self, application):
        self.application = application
        #: Encoded headers of the entries served lately, by entry identity.
        self._encoded: dict[int, tuple[object, list]] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and store.enabled():
            key = store.request_key(_environ(scope))
            if key is not None:
                entry = store.lookup(key)
                if entry is not None:
                    await send(
                        {
                            "type": "http.response.start",
                            "status": int(entry.status[:3]),
                            "headers": self._headers(entry),
                        }
                    )
                    body = b"" if scope["method"] == "HEAD" else entry.body
                    await send({"type": "http.response.body", "body": body})
                    return
        await self.application(scope, receive, send)

    def _headers(self, entry) -> list:
        known = self._encoded.get(id(entry.body))
        if known is not None and known[0] is entry.body:
            return known[1]
        headers = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in entry.headers
        ]
        headers.append(HIT_HEADER)
        if len(self._encoded) >= 500:
            self._encoded.clear()
        self._encoded[id(entry.body)] = (entry.body, headers)
        return headers


class TrustedProxy:
    def __init__(self, application, addresses: str | None = None):
        self.application = application
        if addresses is None:
            addresses = os.environ.get("FORWARDED_ALLOW_IPS", DEFAULT_PROXY_ADDRESSES)
        self.addresses = {item.strip() for item in addresses.split(",") if item.strip()}

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            scope = self._with_scheme(scope)
        await self.application(scope, receive, send)

    def _with_scheme(self, scope):
        client = scope.get("client")
        trusted = "*" in self.addresses or (client is not None and client[0] in self.addresses)
        if not trusted:
            return scope
        for name, value in scope.get("headers", ()):
            if name == b"x-forwarded-proto":
                proto = value.decode("latin-1").split(",", 1)[0].strip().lower()
                if proto in ("http", "https"):
                    return {**scope, "scheme": proto}
                break
        return scope


class Lifespan:
    """Answers the server's lifespan messages (Django's handler only takes HTTP)."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        await self.application(scope, receive, send)

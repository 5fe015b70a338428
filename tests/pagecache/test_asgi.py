"""The ASGI entry point's own parts: the trusted proxy's scheme and the lifespan."""

import asyncio

import pytest

from cms.pagecache.asgi import Lifespan, TrustedProxy


def scheme_seen(client: str, headers: list, addresses: str = "127.0.0.1,::1") -> str:
    seen = {}

    async def inner(scope, receive, send):
        seen["scheme"] = scope["scheme"]

    scope = {"type": "http", "scheme": "http", "client": (client, 40000), "headers": headers}
    asyncio.run(TrustedProxy(inner, addresses)(scope, None, None))
    return seen["scheme"]


class TestTrustedProxy:
    def test_the_proxy_on_loopback_makes_the_request_https(self):
        assert scheme_seen("127.0.0.1", [(b"x-forwarded-proto", b"https")]) == "https"

    def test_a_client_from_elsewhere_cannot_claim_https(self):
        assert scheme_seen("203.0.113.9", [(b"x-forwarded-proto", b"https")]) == "http"

    def test_without_the_header_the_scheme_is_unchanged(self):
        assert scheme_seen("127.0.0.1", []) == "http"

    @pytest.mark.parametrize("value", [b"javascript", b"", b"ftp"])
    def test_an_unknown_value_is_ignored(self, value):
        assert scheme_seen("127.0.0.1", [(b"x-forwarded-proto", value)]) == "http"

    def test_the_first_of_several_proxies_counts(self):
        assert scheme_seen("::1", [(b"x-forwarded-proto", b"https, http")]) == "https"

    def test_the_addresses_come_from_the_setting(self):
        headers = [(b"x-forwarded-proto", b"https")]
        assert scheme_seen("10.0.0.5", headers, addresses="10.0.0.5") == "https"
        assert scheme_seen("127.0.0.1", headers, addresses="10.0.0.5") == "http"


def test_the_server_lifespan_is_answered_without_django():
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent = []

    async def receive():
        return next(messages)

    async def send(message):
        sent.append(message["type"])

    async def django(scope, receive, send):
        raise AssertionError("Django's handler only takes HTTP")

    asyncio.run(Lifespan(django)({"type": "lifespan"}, receive, send))

    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]

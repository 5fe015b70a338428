"""Which Wagtail ``Site`` answers a request, remembered per process.

Wagtail looks the site up with one query per request (a ``CASE`` over hostname
and port, among the costliest of an uncached page). Sites change rarely, and
every change of a site or a locale replaces the page tree's token
(``store.tree_token``, shared by every worker through the page cache's store), so
each process remembers its answer per host and port for as long as that token
stands. Each request gets its own copy of the ``Site``.
"""

from __future__ import annotations

import copy
import threading

from django.http.request import split_domain_port
from wagtail.models import Site

from . import store

_lock = threading.Lock()
_known: dict[tuple[str, int | str], tuple[str, Site | None]] = {}
#: Requests can name any host: what is remembered stays small.
MAX_HOSTS = 64


def find_site(request) -> Site | None:
    """The site for ``request``, as ``Site.find_for_request`` finds it."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = (hostname, request.get_port())
    token = store.tree_token()
    known = _known.get(key)
    if known is not None and known[0] == token:
        site = known[1]
    else:
        site = Site._find_for_request(request)
        with _lock:
            if len(_known) >= MAX_HOSTS:
                _known.clear()
            _known[key] = (token, site)
    return copy.copy(site) if site is not None else None


def forget() -> None:
    with _lock:
        _known.clear()


class SiteMiddleware:
    """Sets the request's site (Wagtail reads ``request._wagtail_site``) from memory."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = find_site(request)
        return self.get_response(request)

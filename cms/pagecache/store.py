"""The full-page cache for anonymous visitors: keys, entries and invalidation.

A cached page is the complete HTTP response (status, headers, body) of a live
Wagtail page served to an anonymous visitor, stored in the ``pages`` cache
(``settings.PAGE_CACHE_ALIAS``) under a key made of the scheme, the host and the
path, plus the listing's ``page=N`` when there is one. Any other query string
is never cached (so ``?x=random`` cannot fill the cache or bypass it).

Invalidation uses generation tokens rather than lists of URLs: every entry
records the token of the page it shows and the site-wide token current when it
was rendered; a hit is valid only while both tokens are unchanged. Replacing a
page's token (publish, unpublish, delete of that page or of a page it lists)
drops every URL of that page at once, ``?page=N`` variants included, without
knowing them, and without a race between workers that store and a worker that
invalidates. Replacing the site-wide token drops everything (a menu page, a
topic or the spokesperson register changed: every page shows them).

Entries expire at the next local midnight at the latest: campaign status and
the occasion calendar are computed from today's date.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import time
import uuid
import zoneinfo
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches

GLOBAL_TOKEN_KEY = "pagecache:token:site"  # noqa: S105 - a cache key, not a secret
PAGE_TOKEN_KEY = "pagecache:token:page:{}"  # noqa: S105 - a cache key, not a secret
#: Changes with the page tree only (menus, ancestors), for ``fragments``.
TREE_TOKEN_KEY = "pagecache:token:tree"  # noqa: S105 - a cache key, not a secret
ENTRY_KEY = "pagecache:entry:{}"

#: The only query string that may be cached: a listing's page number.
PAGE_QUERY = re.compile(r"page=[1-9][0-9]{0,4}")

#: Cookies that make a request personal (the session, Django's message cookie).
PERSONAL_COOKIES = ("messages",)

#: ``Vary`` values the cache may ignore: the page is the same whatever they are
#: for the requests it serves (no session cookie; no compression in Django).
HARMLESS_VARY = {"cookie", "accept-encoding"}


#: Values read from a file-based cache, kept in this process while their file is
#: unchanged: ``{file: ((inode, mtime, size), value)}``. Emptied when full.
_file_memo: dict[str, tuple[tuple[int, int, int], object]] = {}
FILE_MEMO_SIZE = 2000
#: The file of each key of a file-based cache (hashing and validating a key costs more
#: than the ``os.stat``).
_file_paths: dict[tuple[str, str], str] = {}


class Entry(NamedTuple):
    page_id: int
    site_token: str
    page_token: str
    expires_at: float
    status: str
    headers: list[tuple[str, str]]
    body: bytes


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def get_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "pages")]


def request_key(environ, scheme: str | None = None) -> str | None:
    """The cache key of a WSGI request, or ``None`` when it must not use the cache.

    Only GET and HEAD, without an ``Authorization`` header, without a session
    cookie, and with no query string other than ``page=N``. Works on a WSGI
    environ and on ``request.META`` alike, so the lookup (``cms.pagecache.wsgi``,
    ``cms.pagecache.asgi``) and the store (``cms.pagecache.middleware``) always
    agree. ``scheme`` is the request's scheme when the caller knows it
    (``request.scheme``: under ASGI, ``request.META`` has no ``wsgi.url_scheme``).
    """
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    if environ.get("HTTP_AUTHORIZATION"):
        return None
    cookies = environ.get("HTTP_COOKIE")
    if cookies:
        for name in (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES):
            if name + "=" in cookies:
                return None
    query = environ.get("QUERY_STRING", "")
    if query and not PAGE_QUERY.fullmatch(query):
        return None
    host = (environ.get("HTTP_HOST") or environ.get("SERVER_NAME") or "").lower()
    url = f"{scheme or request_scheme(environ)}://{host}{environ.get('PATH_INFO', '/')}?{query}"
    digest = hashlib.md5(url.encode("utf-8", "surrogateescape"), usedforsecurity=False)
    return ENTRY_KEY.format(digest.hexdigest())


def request_scheme(environ) -> str:
    """The scheme as Django's ``HttpRequest.scheme`` decides it (proxy header setting first)."""
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header:
        header, secure_value = proxy_header
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def seconds_until_midnight(now: datetime.datetime | None = None) -> int:
    """Seconds until the next midnight in the site's time zone (at least 1)."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(zone)
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
    )
    return max(1, int((midnight - now).total_seconds()))


def entry_timeout(now: datetime.datetime | None = None) -> int:
    """How long an entry may live: ``PAGE_CACHE_TIMEOUT``, but never past midnight."""
    limit = int(getattr(settings, "PAGE_CACHE_TIMEOUT", 24 * 3600))
    return max(1, min(limit, seconds_until_midnight(now)))


# Tokens


def _new_token() -> str:
    return uuid.uuid4().hex


def tree_token() -> str:
    """The token of the page tree (titles, URLs and order of the pages), created when
    missing."""
    cache = get_cache()
    token = _read(cache, TREE_TOKEN_KEY)
    if token is None:
        cache.add(TREE_TOKEN_KEY, _new_token(), timeout=None)
        token = cache.get(TREE_TOKEN_KEY)
    return token


def current_tokens(page_id: int) -> tuple[str, str]:
    """The site-wide token and the token of ``page_id``, created when missing."""
    cache = get_cache()
    page_key = PAGE_TOKEN_KEY.format(page_id)
    found = cache.get_many([GLOBAL_TOKEN_KEY, page_key])
    tokens = []
    for key in (GLOBAL_TOKEN_KEY, page_key):
        token = found.get(key)
        if token is None:
            cache.add(key, _new_token(), timeout=None)
            token = cache.get(key)
        tokens.append(token)
    return tokens[0], tokens[1]


def invalidate_pages(page_ids) -> None:
    """Drop every cached URL of these pages (all their query-string variants)."""
    ids = {int(page_id) for page_id in page_ids if page_id}
    if ids:
        get_cache().set_many({PAGE_TOKEN_KEY.format(i): _new_token() for i in ids}, timeout=None)


def invalidate_all(*, tree: bool = True) -> None:
    """Drop every cached page of the site, and the cached navigation unless ``tree`` is
    false (the change was not to the pages: a topic, an image, the register)."""
    tokens = {GLOBAL_TOKEN_KEY: _new_token()}
    if tree:
        tokens[TREE_TOKEN_KEY] = _new_token()
    get_cache().set_many(tokens, timeout=None)


# Entries


def lookup(key: str) -> Entry | None:
    """The entry stored under ``key`` if it is still valid, else ``None``."""
    cache = get_cache()
    entry = _read(cache, key)
    if entry is None:
        return None
    entry = Entry(*entry)
    if entry.expires_at <= time.time():
        return None
    if _read(cache, GLOBAL_TOKEN_KEY) != entry.site_token:
        return None
    if _read(cache, PAGE_TOKEN_KEY.format(entry.page_id)) != entry.page_token:
        return None
    return entry


def new_entry(page_id, site_token, page_token, status, headers, body) -> Entry:
    return Entry(
        page_id, site_token, page_token, time.time() + entry_timeout(), status, headers, body
    )


def store(key: str, entry: Entry) -> None:
    get_cache().set(key, tuple(entry), timeout=max(1, int(entry.expires_at - time.time())))


def _read(cache, key: str):
    """``cache.get(key)``; from a file-based cache, answered from this process's memory
    while the file is unchanged.

    Reading, decompressing and unpickling a cache file costs about 40 µs for a token
    and 100 µs for a page, most of a hit's time; an ``os.stat`` costs 2 µs. A new
    value is always a new file (``FileBasedCache`` writes a temporary file and renames
    it), so a changed inode, time or size means a changed value; a removed file
    (culled, cleared, expired) is a miss. Other backends are read as they are.
    """
    folder = getattr(cache, "_dir", None)
    if folder is None:
        return cache.get(key)
    memo_key = (folder, key)
    path = _file_paths.get(memo_key)
    if path is None:
        if len(_file_paths) >= FILE_MEMO_SIZE:
            _file_paths.clear()
        path = _file_paths[memo_key] = cache._key_to_file(key)
    try:
        stat = os.stat(path)
    except OSError:
        return None
    identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    known = _file_memo.get(path)
    if known is not None and known[0] == identity:
        return known[1]
    value = cache.get(key)
    if value is not None:
        if len(_file_memo) >= FILE_MEMO_SIZE:
            _file_memo.clear()
        _file_memo[path] = (identity, value)
    return value


def response_is_cacheable(response) -> bool:
    """A complete, public 200 response that sets no cookie and depends on no header."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {item.strip().lower() for item in response.get("Vary", "").split(",") if item.strip()}
    return vary <= HARMLESS_VARY

"""Parts of a page that many pages share (the menu, the breadcrumbs), computed once.

The uncached path renders every page's navigation again; its queries and URL
building are a large share of the time of a page. ``remembered`` keeps such a
part in the ``default`` cache under a key that contains the page cache's tree
token, so it changes exactly when a menu page or an ancestor is published,
unpublished, moved or deleted, and at the next midnight at the latest. Previews
always compute afresh.
"""

import hashlib

from django.core.cache import cache

from . import store


def remembered(request, name: str, compute, *, page_id: int | None = None):
    """``compute()``, or the value it gave for ``name`` since the page tree (and, with
    ``page_id``, that page or one of its translations) last changed."""
    if request is None or getattr(request, "is_preview", False):
        return compute()
    tokens = store.tree_token()
    if page_id is not None:
        tokens += ":" + store.current_tokens(page_id)[1]
    raw = f"{name}:{request.get_host()}:{tokens}"
    key = "pagecache:fragment:" + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=store.entry_timeout())
    return value

"""``{% page_fragment page "name" %}…{% end_page_fragment %}``: a part of a page rendered once
per version of that page.

The body of an article (its images in several sizes and formats, its blocks, references and
tags) is most of the time of rendering it. Logged-in users, who never get the full-page cache,
and the first visitor after a change would render it again and again. The fragment is kept in
the ``default`` cache under the page cache's own tokens (``cms.pagecache.store``): the
site-wide token and the page's token, which change exactly when the page, a page it shows
(its campaign), an image, a topic or the register changes, and at the next local midnight
at the latest. Previews, drafts and development (``DEBUG``, where templates change) always
render afresh. The full-page cache's switch (``PAGE_CACHE``) does not turn this off.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from .. import store

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, page, name, nodelist):
        self.page = page
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        page = self.page.resolve(context)
        request = context.get("request")
        if (
            request is None
            or settings.DEBUG
            or getattr(request, "is_preview", False)
            or page is None
            or not getattr(page, "pk", None)
            or not page.live
        ):
            return self.nodelist.render(context)
        site_token, page_token = store.current_tokens(page.pk)
        raw = ":".join(
            (
                self.name.resolve(context),
                request.get_host(),
                request.scheme,
                request.path,
                # a listing's page number (its canonical address); no other query string
                _page_number(request),
                str(page.pk),
                str(page.live_revision_id),
                get_language() or "",
                site_token,
                page_token,
            )
        )
        key = (
            "pagecache:page-fragment:"
            + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
        )
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, timeout=store.entry_timeout())
        return html


def _page_number(request) -> str:
    number = request.GET.get("page") or ""
    return number if number.isdigit() and len(number) <= 5 else ""


@register.tag("page_fragment")
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(
            '{% page_fragment page "name" %} takes a page and a fragment name.'
        )
    nodelist = parser.parse(("end_page_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(
        parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), nodelist
    )

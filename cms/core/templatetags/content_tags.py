"""Small helpers for listing and content templates."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Site

register = template.Library()


@register.simple_tag
def page_range(page_obj, on_each_side=2, on_ends=1):
    """``{% page_range articles as numbers %}``: page numbers with gaps elided.

    Items are ints, or ``None`` where numbers are left out (render an ellipsis).
    """
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]


@register.filter
def groups_have_items(groups):
    """``{% if campaign_groups|groups_have_items %}``: any (key, items) pair has items."""
    return any(items for _key, items in groups or ())


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``{% absolute_url rendition.url %}``: ``url`` made absolute with the current site's root.

    For Open Graph images, so they share the host of the page's canonical URL.
    """
    if not url or "://" in url:
        return url or ""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return site.root_url.rstrip("/") + url
    if request is not None:
        return request.build_absolute_uri(url)
    return url


_IFRAME_TAG = re.compile(r"<iframe\b[^>]*>", re.IGNORECASE)
_OBSOLETE_IFRAME_ATTRIBUTES = re.compile(
    r"""\s(?:frameborder|scrolling|marginwidth|marginheight)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""",
    re.IGNORECASE,
)
_HAS_TITLE = re.compile(r"""\stitle\s*=""", re.IGNORECASE)


@register.filter
def accessible_iframes(html, title=""):
    """``{{ embed.html|accessible_iframes:embed.title }}``: give every iframe of an embed provider's
    markup a title (screen readers announce frames by it; WCAG 4.1.2) and drop the attributes
    HTML5 made obsolete (``frameborder``, ``scrolling``...), which the Nu checker reports."""
    if not html:
        return ""
    label = escape(title or gettext("Embedded content"))

    def fix(match):
        tag = _OBSOLETE_IFRAME_ATTRIBUTES.sub("", match.group())
        if not _HAS_TITLE.search(tag):
            tag = f'{tag[:7]} title="{label}"{tag[7:]}'
        return tag

    return mark_safe(_IFRAME_TAG.sub(fix, str(html)))  # noqa: S308 - provider markup, attributes escaped

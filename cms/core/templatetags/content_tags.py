"""Small helpers for listing and content templates."""

from django import template
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

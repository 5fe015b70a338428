"""Template tags for the site header, main menu, breadcrumbs and footer.

The menu and the breadcrumbs are the same on many pages: they are computed once
per site state (``cms.pagecache.fragments``) and then cost no query.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from wagtail.models import Site

from cms.pagecache.fragments import remembered

register = template.Library()


@dataclass(frozen=True)
class NavPage:
    """What the menu and the breadcrumbs show of a page."""

    pk: int
    path: str
    title: str
    url: str


def get_localized_home(context, page=None):
    """The home page in the language of ``page`` (else the active language), or ``None``.

    Returns the site's root page translated into the page's locale when that
    translation is live; otherwise the root page itself. Cached on the request.
    """
    request = context.get("request")
    if request is None:
        return None
    page = page if page is not None else context.get("page")
    cache_key = f"_cms_home_{getattr(page, 'locale_id', 'active')}"
    if hasattr(request, cache_key):
        return getattr(request, cache_key)

    site = Site.find_for_request(request)
    home = None
    if site is not None:
        root = site.root_page
        if page is not None and getattr(page, "translation_key", None) == root.translation_key:
            home = page
        elif page is not None and getattr(page, "locale_id", None):
            if page.locale_id == root.locale_id:
                home = root
            else:
                home = (
                    root.get_translations().filter(locale_id=page.locale_id).live().first()
                ) or root
        else:
            home = root.localized
    setattr(request, cache_key, home)
    return home


@register.simple_tag(takes_context=True)
def localized_home(context, page=None):
    """``{% localized_home page as home %}``: the home page in the page's language."""
    return get_localized_home(context, page)


@register.simple_tag
def site_name():
    """``{% site_name %}``: the portal's name (``settings.SITE_NAME``) in the active language."""
    name = getattr(settings, "SITE_NAME", None)
    if name:
        return str(name)
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


def get_menu_items(context, page=None):
    """The localized home page and its live, public children shown in menus.

    Each item is a dict with ``page``, ``url``, ``is_home`` and ``current``
    (``"page"`` for the page being viewed, ``"section"`` for an ancestor of it,
    else ``""``). Cached on the request, so the header and the footer share it.
    """
    page = page if page is not None else context.get("page")
    request = context.get("request")
    home = get_localized_home(context, page)
    if home is None:
        return []
    cache_key = f"_cms_menu_{home.pk}_{getattr(page, 'pk', None)}"
    if hasattr(request, cache_key):
        return getattr(request, cache_key)

    def menu_pages():
        pages = []
        for child in [home, *home.get_children().live().public().in_menu()]:
            url = child.get_url(request=request)
            if url:
                pages.append(NavPage(child.pk, child.path, child.title, url))
        return pages

    current_path = getattr(page, "path", None)
    items = []
    for child in remembered(request, f"menu:{home.pk}", menu_pages):
        is_home = child.pk == home.pk
        current = ""
        if current_path:
            if child.path == current_path:
                current = "page"
            elif not is_home and current_path.startswith(child.path):
                current = "section"
        items.append({"page": child, "url": child.url, "is_home": is_home, "current": current})
    setattr(request, cache_key, items)
    return items


@register.simple_tag(takes_context=True)
def menu_items(context, page=None):
    """``{% menu_items page as items %}``: see ``get_menu_items``."""
    return get_menu_items(context, page)


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context, page=None):
    """``{% main_menu page %}``: the main navigation (home and its children in menus)."""
    return {"items": get_menu_items(context, page)}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """``{% breadcrumbs page %}``: ancestors from the home page down to ``page``.

    Renders nothing on the home page itself (or above it).
    """
    page = page if page is not None else context.get("page")
    request = context.get("request")
    if page is None or not getattr(page, "path", None) or (page.depth or 0) <= 2:
        return {"ancestors": [], "page": page}

    def ancestor_pages():
        return [
            NavPage(ancestor.pk, ancestor.path, ancestor.title, ancestor.get_url(request=request))
            for ancestor in page.get_ancestors().filter(depth__gte=2)
        ]

    parent_path = page.path[: -page.steplen]
    ancestors = [
        {"page": ancestor, "url": ancestor.url}
        for ancestor in remembered(request, f"ancestors:{parent_path}", ancestor_pages)
    ]
    return {"ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def section_pages(context, page=None):
    """``{% section_pages page as sections %}``: the home page's live children by page type.

    A dict keyed by model name, e.g. ``sections.articleindexpage``,
    ``sections.sovereigntyindexpage``, ``sections.campaignindexpage`` (the first
    live, public child of each type, menu or not). One query, cached on the request.
    """
    request = context.get("request")
    home = get_localized_home(context, page)
    if home is None:
        return {}
    cache_key = f"_cms_sections_{home.pk}"
    if hasattr(request, cache_key):
        return getattr(request, cache_key)
    sections = {}
    for child in home.get_children().live().public():
        model = child.specific_class
        if model is not None:
            sections.setdefault(model._meta.model_name, child)
    setattr(request, cache_key, sections)
    return sections

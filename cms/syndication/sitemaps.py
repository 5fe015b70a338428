"""sitemap.xml of the default site, both languages, with ``hreflang`` alternates.

Wagtail's sitemap (``wagtail.contrib.sitemaps``) lists one tree and knows nothing of
translations; this one lists every live, public page of the site root and of its
translations, and links each page to its translations (``x-default``: the Vietnamese
one), as the pages' own ``<link rel="alternate" hreflang>`` do. Three queries in all.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from wagtail.models import Page, Site

from cms.core.templatetags.i18n_tags import IN_OWN_LANGUAGE


@dataclass
class SitemapEntry:
    page: Page
    location: str
    language_code: str
    lastmod: object
    alternates: list = field(default_factory=list)


def site_pages(site: Site):
    """Live, public pages of ``site``'s tree and of its translations, in their own language."""
    roots = list(
        Page.objects.filter(translation_key=site.root_page.translation_key).values_list(
            "path", flat=True
        )
    )
    in_site = Q()
    for path in roots:
        in_site |= Q(path__startswith=path)
    return (
        Page.objects.live()
        .public()
        .filter(in_site)
        .filter(IN_OWN_LANGUAGE)
        .select_related("locale")
        .order_by("path", "locale__language_code")
    )


def sitemap_entries(site: Site, request=None) -> list[SitemapEntry]:
    """One entry per routable page, each with its alternates when it has a translation."""
    entries = []
    for page in site_pages(site):
        location = page.get_full_url(request=request)
        if not location:
            continue
        entries.append(
            SitemapEntry(
                page=page,
                location=location,
                language_code=page.locale.language_code,
                lastmod=page.last_published_at,
            )
        )

    by_key: dict = {}
    for entry in entries:
        by_key.setdefault(entry.page.translation_key, []).append(entry)
    for group in by_key.values():
        languages = {entry.language_code for entry in group}
        if len(languages) < 2:
            continue
        alternates = []
        seen = set()
        for entry in sorted(group, key=lambda item: item.language_code != settings.LANGUAGE_CODE):
            if entry.language_code in seen:
                continue  # an alias in the same language: the original speaks for it
            seen.add(entry.language_code)
            alternates.append({"lang_code": entry.language_code, "location": entry.location})
        default = next(
            (item for item in alternates if item["lang_code"] == settings.LANGUAGE_CODE), None
        )
        if default is not None:
            alternates.append({"lang_code": "x-default", "location": default["location"]})
        for entry in group:
            entry.alternates = alternates
    return entries


class PageSitemap(Sitemap):
    """Django's sitemap protocol over ``sitemap_entries`` (locations are the canonical URLs)."""

    def __init__(self, request=None):
        self.request = request
        self._entries = None

    def items(self):
        if self._entries is None:
            site = None
            if self.request is not None:
                site = Site.find_for_request(self.request)
            if site is None:
                site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            self._entries = sitemap_entries(site, self.request) if site is not None else []
        return self._entries

    def location(self, entry):
        return entry.location

    def lastmod(self, entry):
        return entry.lastmod

    def get_urls(self, page=1, site=None, protocol=None):
        urls = []
        latest = None
        for entry in self.paginator.page(page).object_list:
            urls.append(
                {
                    "item": entry.page,
                    "location": entry.location,
                    "lastmod": entry.lastmod,
                    "changefreq": None,
                    "priority": None,
                    "alternates": entry.alternates,
                }
            )
            if entry.lastmod and (latest is None or entry.lastmod > latest):
                latest = entry.lastmod
        self.latest_lastmod = latest
        return urls

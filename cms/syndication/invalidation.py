"""Which syndication URLs change when a page is published or unpublished.

For a full-page cache that stores the feeds and the sitemap: on publish, unpublish,
move or delete of ``page``, drop the paths returned here along with the page's own.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import override

FORMATS = ("rss", "atom")


def syndication_paths(page) -> list[str]:
    """Paths (without host) of the sitemap and the feeds that list ``page``.

    The sitemap always; for an article or a sovereignty feature, the feeds of its
    language, of its topic and of its campaign; for a campaign, its own feeds.
    """
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    paths = [reverse("sitemap")]
    locale = getattr(page, "locale", None)
    if locale is None:
        return paths
    with override(locale.language_code):
        try:
            if hasattr(page, "publication_date") and hasattr(page, "summary"):
                paths.extend(reverse(f"syndication:{kind}") for kind in FORMATS)
                topic = _in_locale(getattr(page, "topic", None), locale)
                if topic is not None:
                    paths.extend(
                        reverse(f"syndication:topic_{kind}", kwargs={"slug": topic.slug})
                        for kind in FORMATS
                    )
                campaign = _in_locale(getattr(page, "related_campaign", None), locale)
                if campaign is not None:
                    paths.extend(_campaign_paths(campaign.slug))
            elif page._meta.model_name == "campaignpage":
                paths.extend(_campaign_paths(page.slug))
        except NoReverseMatch:
            pass
    return paths


def _campaign_paths(slug: str) -> list[str]:
    return [reverse(f"syndication:campaign_{kind}", kwargs={"slug": slug}) for kind in FORMATS]


def _in_locale(obj, locale):
    if obj is None:
        return None
    if obj.locale_id == locale.pk:
        return obj
    return obj.get_translation_or_none(locale)

"""What the feeds, the sharing tags and the structured data say about a page.

Plain functions of a page (and the request, for absolute URLs), so the templates,
the feeds and the tests read the same values: the publication time, the share
image, the Open Graph locale and the schema.org ``NewsArticle`` and ``Event``.
"""

import datetime
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Site

DESCRIPTION_MAX = 300
HEADLINE_MAX = 110
SHARE_IMAGE_FILTER = "fill-1200x630"
DEFAULT_SHARE_IMAGE = "img/share-default.png"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)
PUBLISHER_LOGO = "img/publisher-logo.png"
PUBLISHER_LOGO_SIZE = (512, 512)

# Open Graph wants language_TERRITORY.
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}

_IMAGE_CACHE_ATTR = "_syndication_share_image"

# The characters that could end a <script> element or start markup inside it, written as
# JSON escapes: the JSON means the same, and "</script>" can never appear in the output.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str
    mime_type: str = "image/png"


def absolute_url(request, url: str) -> str:
    """``url`` made absolute with the root URL of the request's site (as canonical links are)."""
    if not url or "://" in url:
        return url or ""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url.rstrip("/") + url
    if request is not None:
        return request.build_absolute_uri(url)
    return url


def plain_text(value, limit: int = DESCRIPTION_MAX) -> str:
    """Text without markup or runs of whitespace, cut to ``limit`` characters (with "…")."""
    text = " ".join(strip_tags(str(value or "")).split())
    return Truncator(text).chars(limit)


def page_description(page) -> str:
    """The description shown when the page is shared: search description, summary or intro."""
    for name in ("search_description", "summary", "intro"):
        value = getattr(page, name, "")
        if value and str(value).strip():
            return plain_text(value)
    return ""


def language_of(page) -> str:
    locale = getattr(page, "locale", None)
    if locale is not None:
        return locale.language_code
    return settings.LANGUAGE_CODE


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code.replace("-", "_"))


def site_name(language_code: str | None = None) -> str:
    name = getattr(settings, "SITE_NAME", None) or getattr(settings, "WAGTAIL_SITE_NAME", "")
    if language_code:
        with override(language_code):
            return str(name)
    return str(name)


def publisher_name(language_code: str) -> str:
    with override(language_code):
        return _("People's Committee of Xuan Truong Commune")


def publication_datetime(page) -> datetime.datetime | None:
    """When the article appeared: its publication date, at the time of its first publication
    when that happened on the same day, else at the start of the day (local time)."""
    day = getattr(page, "publication_date", None)
    first = page.first_published_at
    if day is None:
        return timezone.localtime(first) if first else None
    if first is not None and timezone.localtime(first).date() == day:
        return timezone.localtime(first)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def modification_datetime(page) -> datetime.datetime | None:
    """When the article last changed (its last publication), never before its publication."""
    published = publication_datetime(page)
    changed = page.last_published_at
    if changed is None:
        return published
    changed = timezone.localtime(changed)
    if published is not None and changed < published:
        return published
    return changed


def page_image(page):
    """The page's own picture for sharing: the feed image of an article, a campaign's banner."""
    for name in ("feed_image", "banner"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    return None


def share_image(page, request=None) -> ShareImage:
    """The 1200x630 picture shown when the page is shared, else the portal's default image.

    Cached on the page instance: the Open Graph tags and the structured data share it.
    """
    cached = getattr(page, _IMAGE_CACHE_ATTR, None) if page is not None else None
    if cached is not None:
        return cached
    image = page_image(page) if page is not None else None
    result = None
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_IMAGE_FILTER)
        except Exception:  # a missing or unreadable original: fall back to the default
            rendition = None
        if rendition is not None:
            alt = getattr(image, "default_alt_text", "") or getattr(image, "alt_text", "")
            result = ShareImage(
                url=absolute_url(request, rendition.url),
                width=rendition.width,
                height=rendition.height,
                alt=plain_text(alt or image.title, 420),
                mime_type=_mime_type(rendition.file.name),
            )
    if result is None:
        width, height = DEFAULT_SHARE_IMAGE_SIZE
        result = ShareImage(
            url=absolute_url(request, static(DEFAULT_SHARE_IMAGE)),
            width=width,
            height=height,
            alt=_("People's Committee of Xuan Truong Commune, Ninh Binh Province"),
        )
    if page is not None:
        setattr(page, _IMAGE_CACHE_ATTR, result)
    return result


def _mime_type(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return {
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
    }.get(extension, "application/octet-stream")


def _topic_name(page) -> str:
    topic = getattr(page, "topic", None)
    return topic.name if topic is not None else ""


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _organization(request, language_code: str, *, with_logo: bool = False) -> dict:
    data = {"@type": "Organization", "name": publisher_name(language_code)}
    home = absolute_url(request, "/")
    if home and "://" in home:
        data["url"] = home
    if with_logo:
        width, height = PUBLISHER_LOGO_SIZE
        data["logo"] = {
            "@type": "ImageObject",
            "url": absolute_url(request, static(PUBLISHER_LOGO)),
            "width": width,
            "height": height,
        }
    return data


def _image_object(image: ShareImage) -> dict:
    return {
        "@type": "ImageObject",
        "url": image.url,
        "width": image.width,
        "height": image.height,
    }


def news_article_data(page, request=None) -> dict:
    """schema.org ``NewsArticle`` for an article or a sovereignty feature."""
    language_code = language_of(page)
    url = page.get_full_url(request=request)
    author_name = (getattr(page, "author_name", "") or "").strip()
    if author_name:
        author = {"@type": "Person", "name": author_name}
    else:
        author = _organization(request, language_code)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(" ".join(page.title.split())).chars(HEADLINE_MAX),
        "description": page_description(page),
        "datePublished": _iso(publication_datetime(page)),
        "dateModified": _iso(modification_datetime(page)),
        "inLanguage": language_code,
        "image": [_image_object(share_image(page, request))],
        "author": author,
        "publisher": _organization(request, language_code, with_logo=True),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    section = _topic_name(page)
    if section:
        data["articleSection"] = section
    return {key: value for key, value in data.items() if value not in (None, "")}


def event_data(page, request=None) -> dict:
    """schema.org ``Event`` for a campaign, held in Xuân Trường commune."""
    language_code = language_of(page)
    with override(language_code):
        place = {
            "@type": "Place",
            "name": _("Xuan Truong Commune"),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": _("Xuan Truong Commune"),
                "addressRegion": _("Ninh Binh Province"),
                "addressCountry": "VN",
            },
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page_description(page) or plain_text(getattr(page, "slogan", "")),
        "startDate": _iso(page.start_date),
        "endDate": _iso(page.end_date),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "organizer": _organization(request, language_code),
        "image": [share_image(page, request).url],
        "inLanguage": language_code,
        "url": page.get_full_url(request=request),
    }
    return {key: value for key, value in data.items() if value not in (None, "")}


def json_ld_script(data: dict) -> SafeString:
    """``<script type="application/ld+json">`` holding ``data``, safe inside HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=False)
    return mark_safe(  # noqa: S308 - <, > and & are escaped above, nothing can end the script
        f'<script type="application/ld+json">{text.translate(_SCRIPT_ESCAPES)}</script>'
    )

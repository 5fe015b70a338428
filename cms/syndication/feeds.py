"""RSS 2.0 and Atom feeds of the latest articles: per language, per topic, per campaign.

The language is the active one (the URL's /vi/ or /en/ prefix): a feed lists the
live, public articles and sovereignty features written in that language, newest
first. Items are read with a fixed number of queries, however many there are.
"""

import mimetypes
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from articles.models import ArticlePage, SovereigntyFeaturePage
from campaigns.models import CampaignPage
from cms.core.models import Topic
from cms.core.templatetags.i18n_tags import IN_OWN_LANGUAGE

from .metadata import (
    absolute_url,
    modification_datetime,
    plain_text,
    publication_datetime,
    publisher_name,
    site_name,
)

FEED_LENGTH = 20
ARTICLE_MODELS = (ArticlePage, SovereigntyFeaturePage)


@dataclass
class FeedSource:
    """What one request's feed is about; built per request, so the feed object stays shared."""

    request: object
    locale: Locale
    title: str
    description: str
    link: str
    filters: Q = field(default_factory=Q)


def latest_articles(locale, filters=None, limit: int = FEED_LENGTH) -> list:
    """The newest live, public articles and features of ``locale``, in their own language.

    Two queries per page type (pages with their topic, image and locale; their tags).
    """
    items = []
    for model in ARTICLE_MODELS:
        queryset = (
            model.objects.live()
            .public()
            .filter(locale=locale)
            .filter(IN_OWN_LANGUAGE)
            .select_related("topic", "feed_image", "locale")
            .prefetch_related("tags")
            .order_by("-publication_date", "-first_published_at", "-pk")
        )
        if filters is not None:
            queryset = queryset.filter(filters)
        items.extend(queryset[:limit])
    items.sort(
        key=lambda page: (page.publication_date, page.first_published_at, page.pk), reverse=True
    )
    return items[:limit]


def item_tag_uri(page, url: str) -> str:
    """A unique id that survives a change of slug (RFC 4151 tag URI): host, date, page id."""
    host = urlsplit(url).hostname or "localhost"
    first = page.first_published_at or page.last_published_at
    day = timezone.localtime(first).date().isoformat() if first else "2025-01-01"
    return f"tag:{host},{day}:page-{page.pk}"


def home_url(request, locale) -> str:
    """The full URL of the home page in ``locale`` (the Vietnamese one when it has none)."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return request.build_absolute_uri("/")
    root = site.root_page
    home = root if root.locale_id == locale.pk else None
    if home is None:
        home = root.get_translations().filter(locale=locale).live().first() or root
    return home.get_full_url(request=request) or request.build_absolute_uri("/")


class LatestArticlesFeed(Feed):
    """RSS 2.0: the latest articles and sovereignty features of the active language."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        locale = Locale.get_active()
        return FeedSource(
            request=request,
            locale=locale,
            title=_("%(site)s – Latest news") % {"site": site_name()},
            description=_(
                "News, press releases and sovereignty features from the People's Committee "
                "of Xuan Truong Commune."
            ),
            link=home_url(request, locale),
        )

    # Channel.

    def title(self, source):
        return source.title

    def description(self, source):
        return source.description

    def subtitle(self, source):
        return source.description

    def link(self, source):
        return source.link

    def feed_url(self, source):
        return source.request.build_absolute_uri(source.request.path)

    def author_name(self, source):
        return publisher_name(source.locale.language_code)

    def feed_copyright(self, source):
        return publisher_name(source.locale.language_code)

    def items(self, source):
        pages = latest_articles(source.locale, source.filters)
        for page in pages:
            # Items only see themselves: give each its absolute URLs now, with the request.
            page.feed_link = page.get_full_url(request=source.request)
            page.feed_guid = item_tag_uri(page, page.feed_link)
            image = page.feed_image
            page.feed_image_url = (
                absolute_url(source.request, image.file.url) if image and image.file else ""
            )
        return pages

    # Items.

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        # RSS descriptions and Atom summaries are HTML to feed readers: the summary is
        # plain text, escaped so that none of it (an unclosed "<img ...") becomes markup.
        return escape(plain_text(page.summary, 1000))

    def item_link(self, page):
        return page.feed_link

    def item_guid(self, page):
        return page.feed_guid

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return publication_datetime(page)

    def item_updateddate(self, page):
        return modification_datetime(page)

    def item_author_name(self, page):
        return (page.author_name or "").strip() or publisher_name(page.locale.language_code)

    def item_categories(self, page):
        categories = [page.topic.name] if page.topic_id else []
        categories.extend(tag.name for tag in page.tags.all() if tag.name not in categories)
        return categories

    def item_enclosures(self, page):
        """The article's picture (its original, already stripped of location data on upload)."""
        image = page.feed_image
        if not page.feed_image_url or not image.file_size:
            return []
        mime_type = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
        return [Enclosure(page.feed_image_url, str(image.file_size), mime_type)]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed


class TopicFeed(LatestArticlesFeed):
    """RSS 2.0: the latest articles of one topic (by its slug in the active language)."""

    def get_object(self, request, slug):
        locale = Locale.get_active()
        topic = Topic.objects.filter(slug=slug, locale=locale).first()
        if topic is None:
            raise Http404(_("No such topic."))
        return FeedSource(
            request=request,
            locale=locale,
            title=_("%(site)s – %(topic)s") % {"site": site_name(), "topic": topic.name},
            description=topic.description
            or _("The latest articles on %(topic)s.") % {"topic": topic.name},
            link=home_url(request, locale),
            # Articles may still point at the topic of another language: match by key.
            filters=Q(topic__translation_key=topic.translation_key),
        )


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed


class CampaignFeed(LatestArticlesFeed):
    """RSS 2.0: the articles of one campaign (by its slug in the active language)."""

    def get_object(self, request, slug):
        locale = Locale.get_active()
        campaign = (
            CampaignPage.objects.live()
            .public()
            .filter(slug=slug, locale=locale)
            .filter(IN_OWN_LANGUAGE)
            .order_by("pk")
            .first()
        )
        if campaign is None:
            raise Http404(_("No such campaign."))
        return FeedSource(
            request=request,
            locale=locale,
            title=_("%(site)s – %(campaign)s") % {"site": site_name(), "campaign": campaign.title},
            description=plain_text(campaign.summary or campaign.slogan or campaign.title),
            link=campaign.get_full_url(request=request),
            filters=Q(related_campaign__translation_key=campaign.translation_key),
        )


class CampaignAtomFeed(CampaignFeed):
    feed_type = Atom1Feed

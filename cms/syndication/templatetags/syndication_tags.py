"""Template tags for the page head: feed links, sharing tags and structured data."""

from django import template
from django.db.models import prefetch_related_objects
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from cms.core.templatetags.i18n_tags import get_live_translations

from .. import metadata

register = template.Library()


def _feed(kind: str, title: str, url: str) -> dict:
    content_type = "application/atom+xml" if kind == "atom" else "application/rss+xml"
    return {"type": content_type, "title": title, "href": url}


@register.simple_tag(takes_context=True)
def page_feeds(context, page=None):
    """``{% page_feeds page as feeds %}``: the feeds to announce in ``<head>``.

    The latest articles in the page's language (else the active one), RSS and Atom; on a
    campaign, the campaign's feeds; on an article with a topic, the topic's feeds.
    """
    page = page or context.get("page") or None  # a template without `page` passes ""
    language_code = metadata.language_of(page) if page is not None else get_language()
    feeds = []
    with override(language_code):
        try:
            feeds.append(_feed("rss", _("Latest news (RSS)"), reverse("syndication:rss")))
            feeds.append(_feed("atom", _("Latest news (Atom)"), reverse("syndication:atom")))
        except NoReverseMatch:
            return []
        model_name = page._meta.model_name if page is not None else ""
        if model_name == "campaignpage" and page.live and not page.alias_of_id:
            for kind in ("rss", "atom"):
                title = _("%(campaign)s (%(format)s)") % {
                    "campaign": page.title,
                    "format": kind.upper() if kind == "rss" else "Atom",
                }
                url = reverse(f"syndication:campaign_{kind}", kwargs={"slug": page.slug})
                feeds.append(_feed(kind, title, url))
        topic = _topic_in_language(page)
        if topic is not None:
            for kind in ("rss", "atom"):
                title = _("Topic: %(topic)s (%(format)s)") % {
                    "topic": topic.name,
                    "format": kind.upper() if kind == "rss" else "Atom",
                }
                url = reverse(f"syndication:topic_{kind}", kwargs={"slug": topic.slug})
                feeds.append(_feed(kind, title, url))
    return feeds


def _topic_in_language(page):
    """The topic of an article when it is in the article's own language, else ``None``.

    Translations made in the admin point at the topic's translation; no query is spent
    on looking for one.
    """
    topic = getattr(page, "topic", None) if page is not None else None
    if topic is None or topic.locale_id != page.locale_id:
        return None
    return topic


@register.inclusion_tag("syndication/share_meta.html", takes_context=True)
def share_meta(context, page=None, description=""):
    """``{% share_meta page description %}``: Open Graph extras and the Twitter card.

    Adds to the Open Graph tags of ``base.html``: the locale and the locales of the live
    translations, the ``article:*`` tags of an article, and the ``twitter:*`` tags (the
    image tags come from ``share_image_meta``).
    """
    page = page if page is not None else context.get("page")
    request = context.get("request")
    if page is None:
        return {"page": None}
    language_code = metadata.language_of(page)
    translations = get_live_translations(page, request)
    alternates = sorted(
        {
            metadata.og_locale(item["language_code"])
            for item in translations
            if item["language_code"] != language_code
        }
    )
    article = None
    if hasattr(page, "publication_date") and hasattr(page, "summary"):
        published = metadata.publication_datetime(page)
        modified = metadata.modification_datetime(page)
        topic = getattr(page, "topic", None)
        tags = _tags(page)
        article = {
            "published_time": published.isoformat() if published else "",
            "modified_time": modified.isoformat() if modified else "",
            "section": topic.name if topic is not None else "",
            "tags": [tag.name for tag in tags],
        }
    description = metadata.plain_text(description) if description else ""
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": description or metadata.page_description(page),
        "locale": metadata.og_locale(language_code),
        "alternate_locales": alternates,
        "article": article,
    }


@register.inclusion_tag("syndication/share_image_meta.html", takes_context=True)
def share_image_meta(context, page=None):
    """``{% share_image_meta page %}``: ``og:image`` (with its size and alt text) and
    ``twitter:image``: the page's picture cut to 1200x630, else the portal's default image."""
    page = page if page is not None else context.get("page")
    return {"image": metadata.share_image(page, context.get("request"))}


def _tags(page) -> list:
    """The page's tags, prefetched onto the page: the tag list in the body reads them again."""
    if not hasattr(page, "tags"):
        return []
    tagged_items = getattr(page, "tagged_items", None)
    in_memory = getattr(tagged_items, "is_deferring", False)  # a preview's unsaved tags
    if page.pk and not in_memory:
        prefetch_related_objects([page], "tags")
    return list(page.tags.all())


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, page=None):
    """``{% news_article_json_ld page %}``: schema.org ``NewsArticle`` as JSON-LD."""
    page = page if page is not None else context.get("page")
    return metadata.json_ld_script(metadata.news_article_data(page, context.get("request")))


@register.simple_tag(takes_context=True)
def event_json_ld(context, page=None):
    """``{% event_json_ld page %}``: schema.org ``Event`` (a campaign) as JSON-LD."""
    page = page if page is not None else context.get("page")
    return metadata.json_ld_script(metadata.event_data(page, context.get("request")))

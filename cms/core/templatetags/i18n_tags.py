"""Template tags for the language switcher and the ``hreflang`` alternate links.

Both tags share one lookup of the page's live, public translations per page
instance (cached on the instance), so a page that renders the alternate links
in ``<head>`` and the switcher in the header asks the database once.
"""

from django import template
from django.conf import settings
from django.db.models import F, Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_info

from cms.pagecache.fragments import remembered

register = template.Library()

_CACHE_ATTR = "_cms_live_translations"

# A translation is a page whose text is in its locale's language: not an alias of a
# page in another locale (Wagtail and wagtail-localize put aliases of untranslated
# Vietnamese pages in the English tree; their text is Vietnamese).
IN_OWN_LANGUAGE = Q(alias_of__isnull=True) | Q(alias_of__locale=F("locale"))


def language_name(language_code: str) -> str:
    """The language's name in that language ("Tiếng Việt", "English")."""
    try:
        return get_language_info(language_code)["name_local"]
    except KeyError:
        return dict(settings.LANGUAGES).get(language_code, language_code)


def get_live_translations(page, request=None) -> list[dict]:
    """Live, public translations of ``page``, itself included, with their URLs.

    Each item is a dict: ``page``, ``language_code``, ``language_name``, ``url``
    (relative to the current site when possible), ``full_url`` and ``is_current``.
    Translations without a routable URL are left out. The result is cached on
    the page instance for the rest of the request, and across requests until the
    page or one of its translations changes (``cms.pagecache.fragments``; the other
    translations' ``page`` is then loaded only if used).
    """
    if page is None or not getattr(page, "translation_key", None):
        return []
    cached = getattr(page, _CACHE_ATTR, None)
    if cached is not None:
        return cached

    def translation_rows():
        if hasattr(page, "get_live_translations"):
            queryset = page.get_live_translations()
        else:
            queryset = (
                page.get_translations(inclusive=True)
                .live()
                .public()
                .select_related("locale")
                .order_by("locale__language_code")
            )
        rows = []
        for translation in queryset.filter(IN_OWN_LANGUAGE | Q(pk=page.pk)):
            # Reuse the instance being rendered: it may carry preview changes.
            target = page if translation.pk == page.pk else translation
            url = target.get_url(request=request)
            if url:
                full_url = target.get_full_url(request=request)
                rows.append((translation.pk, translation.locale.language_code, url, full_url))
        return rows

    items = []
    for pk, code, url, full_url in remembered(
        request, "translations", translation_rows, page_id=page.pk
    ):
        is_current = pk == page.pk
        items.append(
            {
                "page": page if is_current else SimpleLazyObject(lambda pk=pk: _specific(pk)),
                "language_code": code,
                "language_name": language_name(code),
                "url": url,
                "full_url": full_url,
                "is_current": is_current,
            }
        )
    setattr(page, _CACHE_ATTR, items)
    return items


def _specific(pk):
    from wagtail.models import Page

    return Page.objects.get(pk=pk).specific


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """``{% page_translations page as translations %}``: see ``get_live_translations``."""
    page = page if page is not None else context.get("page")
    return get_live_translations(page, context.get("request"))


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """``{% language_switcher page %}``: links to the other live translations of the page.

    Renders nothing when the page has no other live, public translation.
    """
    page = page if page is not None else context.get("page")
    translations = get_live_translations(page, context.get("request"))
    return {"translations": [item for item in translations if not item["is_current"]]}


@register.inclusion_tag("navigation/alternate_links.html", takes_context=True)
def alternate_links(context, page=None):
    """``{% alternate_links page %}``: ``<link rel="alternate" hreflang>`` for every translation.

    Adds ``hreflang="x-default"`` pointing to the version in the default
    language (Vietnamese) when that version is live. Renders nothing for a
    page that exists in one language only.
    """
    page = page if page is not None else context.get("page")
    translations = get_live_translations(page, context.get("request"))
    if len(translations) < 2:
        # A page in one language only needs no alternates.
        return {"translations": [], "default": None}
    default = next(
        (item for item in translations if item["language_code"] == settings.LANGUAGE_CODE),
        None,
    )
    return {"translations": translations, "default": default}


@register.filter
def language_local_name(language_code):
    """``{{ "en"|language_local_name }}`` → "English"."""
    return language_name(str(language_code))


@register.simple_tag
def translated_page(target, page=None):
    """``{% translated_page page.investment_page page as investment_page %}``.

    ``target``'s live translation in the language of ``page`` (else the active
    language), or ``None`` when there is none: unlike Wagtail's ``localized``, never
    the Vietnamese page on an English page.
    """
    if target is None or not getattr(target, "translation_key", None):
        return None
    if page is not None and getattr(page, "locale_id", None):
        locale_id = page.locale_id
    else:
        from wagtail.models import Locale

        try:
            locale_id = Locale.get_active().pk
        except Locale.DoesNotExist:
            return None
    if target.locale_id == locale_id and target.live and target.alias_of_id is None:
        return target
    found = (
        type(target)
        .objects.live()
        .filter(translation_key=target.translation_key, locale_id=locale_id)
        .filter(IN_OWN_LANGUAGE)
        .first()
    )
    return found


@register.simple_tag
def library_language():
    """``{% library_language as library_lang %}``: the language of the texts stored once
    for every language (an image's alt text and credit, tags), which editors write in
    the portal's language (``settings.LANGUAGE_CODE``); ``None`` when the page being
    shown is in that language. Templates put it in a ``lang`` attribute, so that on an
    English page the Vietnamese alt text or credit is announced as Vietnamese.
    """
    from django.utils.translation import get_language

    if (get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE:
        return None
    return settings.LANGUAGE_CODE

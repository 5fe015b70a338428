"""Visitors in a second language (English) and pages that are not translated yet.

The portal is written in Vietnamese (``settings.LANGUAGE_CODE``); English pages are
translations managed by wagtail-localize, in an English tree that mirrors the
Vietnamese one (a translation shares its source's ``translation_key``). An English
visitor may reach the English address of a page that has no English version: a
link in an English text (see :class:`LocalizedPageLinkHandler`), the language
prefix of a Vietnamese address changed by hand, or an English page that was
unpublished. Wagtail would answer a plain "page not found", or, worse, serve
Vietnamese text under ``/en/``: the Vietnamese tree itself when the English home
page is not live (Wagtail's ``Page.localized`` falls back to the source), or an
*alias* of a Vietnamese page, which Wagtail creates in the English tree for the
untranslated parents of a translated page.

Here such a request is answered with an English notice, "This page is not yet
available in English", linking to the Vietnamese page, with HTTP status 404: the
English document does not exist, so crawlers, link checkers and the site's own
monitoring must not record the notice as the page's English content (a soft 200
would be indexed as a thin duplicate at that address, and a redirect to the
Vietnamese page would be the silent fallback the notice exists to avoid). When the
address corresponds to no live, public Vietnamese page either, the usual bilingual
404 answers.

``home.models.HomePage.route`` calls :func:`route_result` for every request in a
second language; ``HomePage.serve`` renders the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail.url_routing import RouteResult

#: The keyword argument of ``HomePage.serve`` that carries the outcome.
OUTCOME_KWARG = "untranslated_outcome"

NOTICE_TEMPLATE = "pages/untranslated_notice.html"


def in_own_language_q(prefix: str = "") -> Q:
    """Pages whose text is in their own locale's language.

    Excludes an alias of a page in another locale: wagtail-localize and Wagtail's
    ``copy_for_translation(copy_parents=True)`` put such aliases in the English tree
    for untranslated parents, and locale synchronisation does so for every page;
    their text is the Vietnamese source's. An alias within one locale is kept.
    """
    return Q(**{f"{prefix}alias_of__isnull": True}) | Q(
        **{f"{prefix}alias_of__locale": F(f"{prefix}locale")}
    )


def is_in_own_language(page) -> bool:
    """``in_own_language_q`` for one page (a query only for an alias)."""
    if page.alias_of_id is None:
        return True
    return Page.objects.filter(pk=page.alias_of_id, locale_id=page.locale_id).exists()


def is_default_language(language_code: str | None) -> bool:
    return not language_code or language_code == settings.LANGUAGE_CODE


# Language code → locale id. Locales are created by migrations and rarely changed in the
# admin; the cache is emptied whenever one is saved or deleted, so that routing every
# request in English costs no query for them.
_locale_ids: dict[str, int] | None = None


def _forget_locales(**kwargs) -> None:
    global _locale_ids
    _locale_ids = None


post_save.connect(_forget_locales, sender=Locale, dispatch_uid="home_untranslated_locale_saved")
post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="home_untranslated_locale_deleted")


def locale_id_for(language_code: str | None) -> int | None:
    """The id of the locale of ``language_code`` (a supported variant of it), or ``None``."""
    global _locale_ids
    try:
        code = get_supported_content_language_variant(language_code or settings.LANGUAGE_CODE)
    except LookupError:
        return None
    if _locale_ids is None or code not in _locale_ids:
        _locale_ids = dict(Locale.objects.values_list("language_code", "id"))
    return _locale_ids.get(code)


@dataclass(frozen=True)
class Locales:
    """The ids of the active (visitor's) and the default (source) locales."""

    active_id: int | None
    default_id: int | None


def current_locales() -> Locales:
    return Locales(
        active_id=locale_id_for(translation.get_language()),
        default_id=locale_id_for(settings.LANGUAGE_CODE),
    )


def language_label(language_code: str) -> str:
    """The language's name in the active language ("Vietnamese", "English")."""
    try:
        return str(get_language_info(language_code)["name_translated"])
    except KeyError:
        return dict(settings.LANGUAGES).get(language_code, language_code)


def live_translation(page, locale_id):
    """The live translation of ``page`` in ``locale_id`` whose text is in that language."""
    return (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale_id=locale_id)
        .filter(in_own_language_q())
        .first()
    )


@dataclass(frozen=True)
class NotYetTranslated:
    """The page exists, live and public, in the default language only."""

    source: Page
    language_code: str

    def respond(self, request):
        source = self.source
        source_code = source.locale.language_code
        home = _home_in(request, self.language_code)
        source_url = source.get_url(request=request)
        context = {
            "request": request,
            "source_page": source,
            "source_url": source_url,
            "source_language": source_code,
            "source_language_name": language_label(source_code),
            "language_name": language_label(self.language_code),
            "home_url": home.get_url(request=request) if home is not None else "",
            # The header's language switcher: the page in the language it exists in.
            "notice_translations": [
                {
                    "url": source_url,
                    "language_code": source_code,
                    "language_name": _local_name(source_code),
                }
            ],
        }
        return TemplateResponse(request, NOTICE_TEMPLATE, context, status=404)


@dataclass(frozen=True)
class TranslatedElsewhere:
    """The address names the source page by its own slugs, and the translation lives at
    another address (``/en/tin-tuc/`` is the news section, at ``/en/news/`` in
    English): send the visitor there."""

    url: str

    def respond(self, request):
        # Temporary: the translation's slug may still change.
        return HttpResponseRedirect(self.url)


def _local_name(language_code: str) -> str:
    try:
        return str(get_language_info(language_code)["name_local"])
    except KeyError:
        return language_code


def _home_in(request, language_code: str):
    """The live home page of ``language_code`` (a translation of the site root), if any."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale.language_code == language_code:
        return root
    return (
        Page.objects.live()
        .filter(translation_key=root.translation_key, locale__language_code=language_code)
        .filter(in_own_language_q())
        .first()
    )


def _source_outcome(page, language_code: str, default_locale_id: int):
    """The notice for ``page`` (served in the wrong language), or ``None`` for a 404."""
    if page.locale_id == default_locale_id:
        source = page
        if not Page.objects.filter(pk=page.pk).live().public().exists():
            return None
    else:
        source = (
            Page.objects.live()
            .public()
            .filter(translation_key=page.translation_key, locale_id=default_locale_id)
            .filter(in_own_language_q())
            .select_related("locale")
            .first()
        )
        if source is None:
            return None
    return NotYetTranslated(source=source, language_code=language_code)


def _slug_path(components) -> str:
    return "".join(f"{component}/" for component in components)


def find_source(home, path_components, default_locale_id: int):
    """The live, public page of the default language that ``path_components`` names
    under ``home`` (a home page in another language), or ``None``.

    The address may mix the two trees: English slugs down to the deepest English
    page that exists (translated or not yet published), then the source's slugs
    (``/en/news/<Vietnamese slug>/``), or the source's slugs only
    (``/en/tin-tuc/<Vietnamese slug>/``, the language prefix changed by hand). Each
    prefix of the address that names a page of ``home``'s tree is mapped to the
    default-language page with the same ``translation_key``, the rest of the address
    is appended to that page's path, and the deepest prefix whose result is a live,
    public page wins. Three queries, whatever the depth.
    """
    prefixes = {
        home.url_path + _slug_path(path_components[:k]): k for k in range(len(path_components) + 1)
    }
    matched = list(
        Page.objects.filter(url_path__in=list(prefixes), path__startswith=home.path).values_list(
            "url_path", "translation_key"
        )
    )
    if not matched:
        return None
    bases = dict(
        Page.objects.filter(
            translation_key__in=[key for _url_path, key in matched], locale_id=default_locale_id
        ).values_list("translation_key", "url_path")
    )
    candidates = {}
    for url_path, key in matched:
        base = bases.get(key)
        if base is not None:
            k = prefixes[url_path]
            candidates[base + _slug_path(path_components[k:])] = k
    if not candidates:
        return None
    found = (
        Page.objects.live()
        .public()
        .filter(url_path__in=list(candidates), locale_id=default_locale_id)
        .filter(in_own_language_q())
        .select_related("locale")
    )
    return max(found, key=lambda page: candidates[page.url_path], default=None)


def route_result(home, request, path_components, route):
    """Route a request in a second language; ``route`` is Wagtail's own routing.

    Returns Wagtail's result when the page found is in the visitor's language;
    otherwise a ``RouteResult`` to ``home`` whose ``OUTCOME_KWARG`` is a
    :class:`NotYetTranslated` notice or a :class:`TranslatedElsewhere` redirect.
    Raises ``Http404`` when neither applies.
    """
    language_code = translation.get_language()
    locales = current_locales()
    try:
        result = route(request, path_components)
    except Http404:
        if home.locale_id == locales.default_id or locales.default_id is None:
            # Wagtail fell back to the Vietnamese tree (no live English home page):
            # it has just failed to find the page there.
            raise
        source = find_source(home, path_components, locales.default_id)
        if source is None:
            raise
        translated = live_translation(source, locales.active_id)
        if translated is not None:
            url = translated.get_url(request=request)
            requested = home.url_path + _slug_path(path_components)
            if not url or translated.url_path == requested:
                raise  # the English page is there; something else failed on it
            outcome = TranslatedElsewhere(url)
        else:
            outcome = NotYetTranslated(source=source, language_code=language_code)
        return RouteResult(home, kwargs={OUTCOME_KWARG: outcome})

    page = result[0]
    if page.locale_id == locales.active_id and is_in_own_language(page):
        return result
    # A Vietnamese page (reached through the Vietnamese tree) or an alias of one.
    outcome = _source_outcome(page, language_code, locales.default_id)
    if outcome is None:
        raise Http404
    return RouteResult(home, kwargs={OUTCOME_KWARG: outcome})


def notice_url(
    page, language_code: str, page_language_code: str | None = None, request=None
) -> str | None:
    """The ``language_code`` address of ``page`` while it has no translation there:
    its own address with the language prefix changed (``/vi/tin-tuc/x/`` →
    ``/en/tin-tuc/x/``), which answers with the notice (see :func:`find_source`)."""
    url = page.get_url(request=request)
    if not url:
        return None
    parts = urlsplit(url)
    prefix = f"/{page_language_code or page.locale.language_code}/"
    if not parts.path.startswith(prefix):
        return None
    path = f"/{language_code}/" + parts.path[len(prefix) :]
    return urlunsplit(parts._replace(path=path))

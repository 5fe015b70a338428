from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

#: The search page of each language, while ``sitesearch:search`` cannot be reversed.
SEARCH_PATHS = {"vi": "/vi/tim-kiem/", "en": "/en/search/"}


@require_safe
def root_redirect(request):
    """Send ``/`` to the visitor's language (Vietnamese unless the browser prefers English)."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in {"vi", "en"}:
        language = "vi"
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def _path_language(request) -> str:
    """The language of the address (``/en/...`` is English); Vietnamese for any other path.

    Read from the path alone, never from a cookie or the database, so that the error
    pages answer in the language of the page the visitor asked for.
    """
    language = translation.get_language_from_path(request.path_info)
    return language if language in SEARCH_PATHS else settings.LANGUAGE_CODE


def _other_language(language: str) -> str:
    return "en" if language == "vi" else "vi"


def _search_url(language: str) -> str:
    with translation.override(language):
        try:
            return reverse("sitesearch:search")
        except NoReverseMatch:
            return SEARCH_PATHS[language]


def _error_context(language: str, title: str, home: str) -> dict:
    """The home address, and the title and home link in the other language for a visitor
    who reads it (``title`` and ``home`` are msgids)."""
    other = _other_language(language)
    with translation.override(other):
        other_title, other_home = _(title), _(home)
    return {
        "language": language,
        "home_url": f"/{language}/",
        "other_language": other,
        "other_title": other_title,
        "other_home": other_home,
        "other_home_url": f"/{other}/",
    }


def page_not_found(request, exception=None):
    """The 404 page in the language of the address, with the site's header and footer.

    Django calls it for every ``Http404`` when ``DEBUG`` is off, Wagtail's page
    routing included.
    """
    language = _path_language(request)
    context = _error_context(language, "Page not found", "Go to the home page")
    # No page: the header, footer and head tags fall back to the language's home page.
    context.update(page=None, search_url=_search_url(language))
    with translation.override(language):
        response = render(request, "404.html", context, status=404)
    response["Content-Language"] = language
    return response


def bad_request(request, exception=None):
    """The 400 page in the language of the address: a request the server cannot read (a
    body over ``DATA_UPLOAD_MAX_MEMORY_SIZE``, more than ``DATA_UPLOAD_MAX_NUMBER_FIELDS``
    fields, form data that is not UTF-8, a host not allowed).

    Rendered as the 500 page is, without context processors or the database: they would
    read the same unreadable request (the host, the session) again.
    """
    language = _path_language(request)
    context = _error_context(language, "Bad request", "Go to the home page")
    with translation.override(language):
        body = loader.get_template("400.html").render(context)
    response = HttpResponseBadRequest(body)
    response["Content-Language"] = language
    return response


def server_error(request):
    """The 500 page in the language of the address.

    No context processors and no database: the database may be what failed.
    """
    language = _path_language(request)
    context = _error_context(language, "Server error", "Go to the home page")
    with translation.override(language):
        body = loader.get_template("500.html").render(context)
    response = HttpResponseServerError(body)
    response["Content-Language"] = language
    return response

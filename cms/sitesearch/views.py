"""The public search page, under each language prefix (/vi/tim-kiem/, /en/search/)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from cms.core.models import Topic
from cms.core.templatetags.i18n_tags import language_name

from .folding import query_terms
from .forms import SearchForm
from .models import SearchKind
from .search import Filters, highlight_title, search_entries, snippet

RESULTS_PER_PAGE = 10


def active_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def other_languages(request, query: str) -> list[dict]:
    """The search page in the other languages, with the same words (topics differ by
    language, so only the query is kept)."""
    current = translation.get_language()
    items = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        with translation.override(code):
            url = reverse("sitesearch:search")
        if query:
            url = f"{url}?{urlencode({'q': query})}"
        items.append({"url": url, "language_code": code, "language_name": language_name(code)})
    return items


def paginate(request, queryset):
    paginator = Paginator(queryset, RESULTS_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


@require_safe
def search(request):
    locale = active_locale()
    topics = list(Topic.objects.filter(locale=locale).only("pk", "name", "slug"))
    form = SearchForm(request.GET, topics=topics)
    form.is_valid()
    query = form.value("q") or ""
    terms = query_terms(query)
    results = None
    items = []
    if terms:
        topic = form.topic
        filters = Filters(
            topic_id=topic.pk if topic else None,
            kind=form.value("type"),
            date_from=form.value("from"),
            date_to=form.value("to"),
        )
        entries = search_entries(locale, terms, filters).select_related("page", "topic")
        results = paginate(request, entries)
        kinds = dict(SearchKind.choices)
        items = [
            {
                "entry": entry,
                "url": entry.page.get_url(request=request),
                "title": highlight_title(entry, terms),
                "snippet": snippet(entry, terms),
                "kind": kinds.get(entry.kind, ""),
            }
            for entry in results.object_list
        ]
    context = {
        "page": None,
        "form": form,
        "query": query,
        "results": results,
        "items": items,
        "date_from": form.date_value("from"),
        "date_to": form.date_value("to"),
        "filtered": any(form.value(name) for name in ("topic", "type", "from", "to")),
        "other_languages": other_languages(request, query),
    }
    return render(request, "pages/search.html", context)

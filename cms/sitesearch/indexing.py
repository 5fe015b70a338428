"""Keeping the search index in step with the live site.

``index_page(page)`` writes (or removes) the row of one page from its live
version; ``reindex_subtree(page)`` does so for a page and its descendants (after
a move or a change of view restrictions); ``rebuild_index()`` does it for the
whole site (``manage.py rebuild_search_index``). Only live, public pages of the
content types below are indexed, and never an alias (wagtail-localize puts
aliases of untranslated Vietnamese pages in the English tree: their text is not
in English).

The text is what each page type declares searchable in its ``search_fields``
(summary or introduction first, then the body and the other fields), taken
through Wagtail's ``get_searchable_content``, so rich text and StreamField
blocks give plain text without markup. Choice blocks are left out: Wagtail
would index their labels ("Heading level 2"), which are not the page's text.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils import timezone
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .folding import index_form, normalise
from .models import SearchEntry, SearchKind

# The page types visitors search, by model label, with the kind of each page.
# The home page and the section index pages only list other pages: not indexed.
KIND_BY_MODEL: dict[str, Callable[[Page], str]] = {
    "articles.articlepage": lambda page: page.kind or SearchKind.NEWS,
    "articles.sovereigntyfeaturepage": lambda page: SearchKind.SOVEREIGNTY,
    "campaigns.campaignpage": lambda page: SearchKind.CAMPAIGN,
    "home.contentpage": lambda page: SearchKind.PAGE,
    "home.spokespersonpage": lambda page: SearchKind.PAGE,
    "home.investorpage": lambda page: SearchKind.PAGE,
}

# The field that holds a page's lead, shown first in its text.
LEAD_FIELDS = ("summary", "intro")


def searchable_models() -> list[type[Page]]:
    from django.apps import apps

    return [apps.get_model(label) for label in KIND_BY_MODEL]


def page_kind(page) -> str | None:
    kind = KIND_BY_MODEL.get(page._meta.label_lower)
    return str(kind(page)) if kind else None


def is_searchable(page) -> bool:
    """Whether ``page`` (a specific instance) belongs in the index."""
    return (
        page_kind(page) is not None
        and page.live
        and not page.expired
        and page.alias_of_id is None
        and not page.get_view_restrictions().exists()
    )


def page_date(page) -> datetime.date:
    """The date a reader sees: publication date, campaign start, else first publication."""
    for name in ("publication_date", "start_date"):
        value = getattr(page, name, None)
        if isinstance(value, datetime.date):
            return value
    for name in ("first_published_at", "last_published_at"):
        value = getattr(page, name, None)
        if value is not None:
            return timezone.localtime(value).date()
    return timezone.localdate()


def _as_texts(value) -> Iterable[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def block_texts(block, value) -> list[str]:
    """The searchable text of a StreamField value (or of one block's value)."""
    if value is None or isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock)):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_texts(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child_block in block.child_blocks.items()
            for text in block_texts(child_block, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_texts(block.child_block, item)]
    return [str(text) for text in block.get_searchable_content(value) if text]


def field_texts(page, search_field: index.SearchField) -> list[str]:
    try:
        model_field = page._meta.get_field(search_field.field_name)
    except FieldDoesNotExist:
        model_field = None
    if isinstance(model_field, StreamField):
        return block_texts(model_field.stream_block, getattr(page, model_field.name))
    return list(_as_texts(search_field.get_value(page)))


def page_text(page) -> str:
    """The page's searchable text, lead first, as plain text on one line."""
    fields = [
        field
        for field in page.get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name != "title"
    ]
    fields.sort(key=lambda field: field.field_name not in LEAD_FIELDS)
    seen: set[str] = set()
    texts: list[str] = []
    for field in fields:
        if field.field_name in seen:
            continue
        seen.add(field.field_name)
        texts.extend(normalise(text) for text in field_texts(page, field))
    return " ".join(text for text in texts if text)


def index_page(page) -> SearchEntry | None:
    """Write the index row of ``page`` from its live version; remove it if the page
    is not (or no longer) searchable. Returns the row, or ``None``."""
    page = page.specific_deferred if type(page) is Page else page
    if page is None or not is_searchable(page):
        remove_page(page)
        return None
    title = normalise(page.title)
    text = page_text(page)
    entry, _created = SearchEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "locale_id": page.locale_id,
            "kind": page_kind(page),
            "topic_id": getattr(page, "topic_id", None),
            "date": page_date(page),
            "title": title,
            "text": text,
            "title_folded": index_form(title),
            "text_folded": index_form(text),
        },
    )
    return entry


def remove_page(page) -> None:
    if page is not None and page.pk:
        SearchEntry.objects.filter(page_id=page.pk).delete()


def reindex_subtree(page) -> int:
    """Index ``page`` and its descendants again; returns how many are in the index."""
    count = 0
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific().iterator():
        if index_page(descendant) is not None:
            count += 1
    return count


def reindex_subtree_later(page_id: int) -> None:
    """Reindex the subtree of a page once the transaction commits (if it still exists)."""

    def run():
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            reindex_subtree(page)

    transaction.on_commit(run)


def rebuild_index(progress: Callable[[int, int], None] | None = None) -> int:
    """Index every live page of a searchable type and drop every other row.

    ``progress(done, total)`` is called after each page. Returns the number of rows.
    """
    pages = []
    for model in searchable_models():
        pages.extend(model.objects.live().order_by("path"))
    kept: set[int] = set()
    total = len(pages)
    for done, page in enumerate(pages, start=1):
        if index_page(page) is not None:
            kept.add(page.pk)
        if progress is not None:
            progress(done, total)
    stale = sorted(set(SearchEntry.objects.values_list("page_id", flat=True)) - kept)
    for start in range(0, len(stale), 500):
        SearchEntry.objects.filter(page_id__in=stale[start : start + 500]).delete()
    return len(kept)

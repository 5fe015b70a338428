"""Finding index rows: every folded query term at the start of a word of the title or
text; title matches first, then the newest."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchEntry

SNIPPET_LENGTH = 240


@dataclass
class Filters:
    topic_id: int | None = None
    kind: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def search_entries(locale, terms: list[str], filters: Filters | None = None) -> QuerySet:
    """Rows of ``locale`` matching every term, best first (``terms`` as from ``query_terms``)."""
    filters = filters or Filters()
    entries = SearchEntry.objects.filter(locale=locale, page__live=True)
    for term in terms:
        needle = " " + term
        entries = entries.filter(Q(title_folded__contains=needle) | Q(text_folded__contains=needle))
    if filters.topic_id is not None:
        entries = entries.filter(topic_id=filters.topic_id)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.date_from is not None:
        entries = entries.filter(date__gte=filters.date_from)
    if filters.date_to is not None:
        entries = entries.filter(date__lte=filters.date_to)
    if terms:
        entries = entries.annotate(rank=rank(terms)).order_by("-rank", "-date", "-pk")
    else:
        entries = entries.order_by("-date", "-pk")
    return entries


def rank(terms: list[str]):
    """4 for the words as a phrase in the title, 2 for all of them in the title, plus 1
    for the phrase in the text: "bien dong" puts "Biển Đông" before "biển ... đồng"."""
    phrase = " " + " ".join(terms)
    all_in_title = Q()
    for term in terms:
        all_in_title &= Q(title_folded__contains=" " + term)

    def points(condition: Q, value: int):
        return Case(
            When(condition, then=Value(value)), default=Value(0), output_field=IntegerField()
        )

    return (
        points(Q(title_folded__contains=phrase), 4)
        + points(all_in_title, 2)
        + points(Q(text_folded__contains=phrase), 1)
    )


# ------------------------------------------------------------------ highlighting


def match_spans(folded: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the terms occur at the start of a word of ``folded``, each span widened to
    the end of its word, sorted and merged."""
    spans = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            if start == 0 or folded[start - 1] == " ":
                end = folded.find(" ", start + len(term))
                spans.append((start, len(folded) if end < 0 else end))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, spans: list[tuple[int, int]], offset: int = 0) -> SafeString:
    """``text`` escaped, with the stretches in ``spans`` (shifted by ``offset``) in <mark>."""
    pieces = []
    position = 0
    for start, end in spans:
        start, end = max(start - offset, 0), min(end - offset, len(text))
        if end <= start or start < position:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


def highlight_title(entry: SearchEntry, terms: list[str]) -> SafeString:
    return highlight(entry.title, match_spans(entry.title_folded[1:], terms))


def snippet(entry: SearchEntry, terms: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """A stretch of the text around the first match, cut at word boundaries, highlighted.

    When only the title matches, the beginning of the text (the page's lead)."""
    text = entry.text
    spans = match_spans(entry.text_folded[1:], terms)
    if len(text) <= length:
        return highlight(text, spans)
    start = 0
    if spans:
        # Around the words as a phrase if they occur so, else around the first match.
        folded = entry.text_folded
        phrase = folded.find(" " + " ".join(terms)) if len(terms) > 1 else -1
        first = phrase if phrase >= 0 else spans[0][0]
        start = max(0, first - length // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else first
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    window = [(s, e) for s, e in spans if s < end and e > start]
    html = highlight(text[start:end], window, offset=start)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - built from escaped pieces

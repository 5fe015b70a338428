"""The radio bulletin: published articles of a day or a week as a script to read aloud.

The commune's loudspeaker station (Đài truyền thanh xã) reads the news that the portal
has published. ``build_bulletin`` gathers the live, public news items
(``articles.ArticlePage``) and sovereignty features (``articles.SovereigntyFeaturePage``)
of one language whose publication date falls in the period, oldest first, and writes
them out as plain text: heading lines, a greeting, then for each item its number,
title, summary and body, and a closing line. The fixed lines are in the bulletin's
language (English msgids, Vietnamese in the catalogue), whatever the admin's language.

Only text is read: paragraphs, headings, quotes and tables (as "header: cell" lines)
are kept; images, embedded videos, documents and maps are left out. The body is read
from the stored stream data, so that no image or document is fetched: a bulletin costs
the same few queries whatever the number of articles.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.models import ArticlePage, SovereigntyFeaturePage

DAY = "day"
WEEK = "week"

#: Reading speed of the station's announcers, in words per minute.
WORDS_PER_MINUTE = 120

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "ul", "ol"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Period:
    """One day, or the week (Monday to Sunday) that contains a day."""

    kind: str
    start: datetime.date
    end: datetime.date

    @classmethod
    def containing(cls, day: datetime.date, kind: str) -> Period:
        if kind == WEEK:
            monday = day - datetime.timedelta(days=day.weekday())
            return cls(WEEK, monday, monday + datetime.timedelta(days=6))
        return cls(DAY, day, day)

    @property
    def slug(self) -> str:
        if self.kind == WEEK:
            return f"tuan-{self.start.isoformat()}-den-{self.end.isoformat()}"
        return self.start.isoformat()


@dataclass
class BulletinItem:
    title: str
    summary: str
    publication_date: datetime.date
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class BulletinScript:
    language_code: str
    period: Period
    items: list[BulletinItem]
    text: str

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def reading_minutes(self) -> int:
        """Minutes needed to read the script aloud, rounded up."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def filename(self) -> str:
        suffix = "" if self.language_code == "vi" else f"-{self.language_code}"
        return f"ban-tin-{self.period.slug}{suffix}.txt"


# ------------------------------------------------------------------ rich text to plain text


class _PlainTextParser(HTMLParser):
    """Rich text (Wagtail's stored HTML) as lines: one per paragraph, heading or list item."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._lists: list[list] = []  # [tag, counter] for each open list

    def _flush(self):
        text = _SPACES.sub(" ", "".join(self._current)).strip()
        if text:
            self.lines.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self._flush()
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag in {"ul", "ol"}:
                self._lists.append([tag, 0])
            elif tag == "li" and self._lists:
                current = self._lists[-1]
                current[1] += 1
                self._current.append(f"{current[1]}. " if current[0] == "ol" else "- ")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in {"ul", "ol"} and self._lists:
                self._lists.pop()

    def handle_data(self, data):
        self._current.append(data)

    def close(self):
        super().close()
        self._flush()


def rich_text_lines(html: str) -> list[str]:
    """The text of a rich text value, one line per paragraph, heading or list item."""
    parser = _PlainTextParser()
    parser.feed(html or "")
    parser.close()
    return parser.lines


def _clean(text) -> str:
    return _SPACES.sub(" ", str(text or "")).strip()


def _quote_text(value: dict) -> str:
    text = "\n".join(line.strip() for line in str(value.get("text") or "").splitlines())
    text = text.strip()
    if not text:
        return ""
    attribution = _clean(value.get("attribution"))
    quoted = f"“{text}”"
    return f"{quoted} – {attribution}" if attribution else quoted


def _table_text(value: dict) -> str:
    """A table as lines a reader can say: "header: cell; header: cell" for each row."""
    table = value.get("table") or {}
    rows = [[_clean(cell) for cell in row or []] for row in table.get("data") or []]
    rows = [row for row in rows if any(row)]
    lines = []
    caption = _clean(value.get("caption") or table.get("table_caption"))
    if caption:
        lines.append(caption)
    if rows and table.get("first_row_is_table_header"):
        header, *rows = rows
        for row in rows:
            pairs = [
                f"{name}: {cell}" if name else cell
                for name, cell in zip(header, row, strict=False)
                if cell
            ]
            lines.append("; ".join(pairs))
    else:
        lines.extend(" – ".join(cell for cell in row if cell) for row in rows)
    return "\n".join(lines)


def body_paragraphs(raw_blocks) -> list[str]:
    """The readable blocks of a body stream (its raw data) as paragraphs of plain text.

    Paragraphs and headings give their text (a list gives one line per item), a quote
    its words and speaker, a table "header: cell" lines; images, embeds and documents
    are skipped.
    """
    paragraphs = []
    for block in raw_blocks or []:
        kind, value = block.get("type"), block.get("value")
        if kind == "paragraph":
            text = "\n".join(rich_text_lines(value))
        elif kind == "heading":
            text = _clean((value or {}).get("text"))
        elif kind == "quote":
            text = _quote_text(value or {})
        elif kind == "table":
            text = _table_text(value or {})
        else:
            continue
        if text:
            paragraphs.append(text)
    return paragraphs


# ------------------------------------------------------------------ the articles


def published_items(language_code: str, period: Period) -> list[BulletinItem]:
    """Live, public articles and features of a language published in ``period``, oldest first.

    Aliases are left out (an alias repeats another page's text). Two queries for the
    pages and two for the view restrictions that ``public()`` reads.
    """
    pages = []
    for model in (ArticlePage, SovereigntyFeaturePage):
        pages.extend(
            model.objects.live()
            .public()
            .filter(
                locale__language_code=language_code,
                alias_of__isnull=True,
                publication_date__range=(period.start, period.end),
            )
        )
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    pages.sort(key=lambda page: (page.publication_date, page.first_published_at or oldest, page.pk))
    return [
        BulletinItem(
            title=_clean(page.title),
            summary=page.summary.strip(),
            publication_date=page.publication_date,
            paragraphs=body_paragraphs(page.body.raw_data),
        )
        for page in pages
    ]


# ------------------------------------------------------------------ the script


def _date(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _weekday(day: datetime.date) -> str:
    names = (
        _("Monday, %(date)s"),
        _("Tuesday, %(date)s"),
        _("Wednesday, %(date)s"),
        _("Thursday, %(date)s"),
        _("Friday, %(date)s"),
        _("Saturday, %(date)s"),
        _("Sunday, %(date)s"),
    )
    return names[day.weekday()] % {"date": _date(day)}


def heading_lines(period: Period) -> list[str]:
    """The station's name and what the bulletin covers, in the active language."""
    if period.kind == WEEK:
        covers = _("Bulletin for the week from %(start)s to %(end)s") % {
            "start": _date(period.start),
            "end": _date(period.end),
        }
    else:
        covers = _("Bulletin of %(date)s") % {"date": _date(period.start)}
    return [_("Xuan Truong Commune Radio Station"), covers]


def compose(language_code: str, period: Period, items: list[BulletinItem]) -> str:
    """The script of the bulletin, in ``language_code``."""
    with translation.override(language_code):
        blocks = ["\n".join(heading_lines(period))]
        blocks.append(
            _("Dear listeners, this is the Xuan Truong Commune Radio Station. Here is the news.")
        )
        blocks.append(
            ngettext(
                "This bulletin has %(count)d item.",
                "This bulletin has %(count)d items.",
                len(items),
            )
            % {"count": len(items)}
        )
        day = None
        for number, item in enumerate(items, start=1):
            if period.kind == WEEK and item.publication_date != day:
                day = item.publication_date
                blocks.append(_weekday(day))
            blocks.append(f"{number}. {item.title}")
            if item.summary:
                blocks.append(item.summary)
            blocks.extend(item.paragraphs)
        blocks.append(
            _(
                "This is the end of the bulletin of the Xuan Truong Commune Radio Station. "
                "Thank you for listening."
            )
        )
    return "\n\n".join(blocks) + "\n"


def build_bulletin(language_code: str, day: datetime.date, kind: str = DAY) -> BulletinScript:
    """The bulletin of ``day`` (or of its week) in ``language_code``; no text if it is empty."""
    period = Period.containing(day, kind)
    items = published_items(language_code, period)
    text = compose(language_code, period, items) if items else ""
    return BulletinScript(language_code=language_code, period=period, items=items, text=text)

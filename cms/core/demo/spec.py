"""Small declarative vocabulary for the demo content.

Content modules describe pages as :class:`PageSpec` objects whose text values are
either a plain Vietnamese string or a :class:`T` pair (Vietnamese source, English
translation). The builder writes the Vietnamese side into the database; the
translation step feeds the English side to wagtail-localize.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class T(NamedTuple):
    """A Vietnamese text with its English translation."""

    vi: str
    en: str


Text = str | T


def vi(value: Text) -> str:
    """The Vietnamese side of a text."""
    return value.vi if isinstance(value, T) else value


# References to other demo objects, resolved by the builder.


@dataclass(frozen=True)
class TopicRef:
    slug: str


@dataclass(frozen=True)
class ImageRef:
    key: str


@dataclass(frozen=True)
class PageRef:
    key: str


@dataclass(frozen=True)
class OccasionRef:
    key: str


@dataclass(frozen=True)
class PlanTaskRef:
    """A task of the commune's plan by its code, e.g. ``"II.5"`` (``reporting.PlanTask``,
    which a migration creates): the task an article, feature or campaign carries out."""

    code: str


# StreamField blocks.


@dataclass(frozen=True)
class Para:
    """A rich-text paragraph block.

    Plain text is escaped and wrapped in ``<p>``; text that starts with ``<`` is
    taken as ready-made HTML (a list, or inline ``<b>``/``<a>`` markup).
    """

    text: Text


@dataclass(frozen=True)
class Heading:
    text: Text
    level: str = "h2"


@dataclass(frozen=True)
class Img:
    image: str
    caption: Text = ""
    credit: Text = ""


@dataclass(frozen=True)
class Quote:
    text: Text
    attribution: Text = ""


@dataclass(frozen=True)
class Table:
    """A table block. Cells are Vietnamese only: wagtail-localize does not
    segment TableBlock cells, so tables are used on Vietnamese-only pages."""

    caption: str
    rows: tuple[tuple[str, ...], ...]
    first_row_is_header: bool = True


@dataclass(frozen=True)
class Doc:
    document: str
    title: Text = ""


@dataclass(frozen=True)
class Ref:
    """A legal or historical reference (SourceReferenceBlock)."""

    symbol: Text
    title: Text
    issuer: Text = ""
    issued_on: datetime.date | None = None
    url: str = ""


@dataclass(frozen=True)
class KeyMessage:
    message: Text


@dataclass
class PageSpec:
    """One demo page.

    ``parent`` is the key of the parent spec (``"home"`` for the home page).
    ``fields`` maps model field names to values: texts, dates, references, or
    lists of blocks for StreamFields. ``translate`` asks for an English
    translation managed by wagtail-localize.
    """

    key: str
    model: str
    parent: str
    slug: Text
    title: Text
    fields: dict[str, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    translate: bool = False


@dataclass(frozen=True)
class TopicSpec:
    slug: Text
    name: Text
    description: Text


@dataclass(frozen=True)
class OccasionSpec:
    key: str
    name: Text
    day: int
    month: int
    calendar: str = "solar"
    founding_year: int | None = None
    description: Text = ""
    translate: bool = False
    duration_days: int = 1


@dataclass(frozen=True)
class ImageSpec:
    key: str
    title: str
    alt: str
    motif: str
    palette: tuple[str, str]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentSpec:
    key: str
    title: str
    filename: str
    text: str


@dataclass(frozen=True)
class IncidentSpec:
    """An item of false information seen on a social network (``reporting.Incident``).

    ``seen_at`` is the commune's local time. A rebutted item names the demo page that
    rebuts it (``rebuttal``, a page key): it was answered when that page went live. A
    closed item was closed ``closed_at``. Addresses are made up, and say so.
    """

    seen_at: datetime.datetime
    platform: str
    address: str
    summary: str
    category: str
    severity: str
    status: str
    rebuttal: str = ""
    closed_at: datetime.datetime | None = None


@dataclass(frozen=True)
class UserSpec:
    role_key: str
    first_name: str
    last_name: str
    job_title: str

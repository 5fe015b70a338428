"""What the scanner reports. Pure Python: no Django imports in ``cms.security.scanner``."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any


class Severity(enum.StrEnum):
    """How a finding affects publication, from the strongest."""

    BLOCK = "block"  # publication refused until the text changes
    ATTEST = "attest"  # a named reviewer must confirm a statement (recorded)
    WARN = "warn"  # advice to the writer

    @property
    def rank(self) -> int:
        return {"block": 3, "attest": 2, "warn": 1}[self.value]


class Verdict(enum.StrEnum):
    BLOCK = "block"
    ATTEST = "attest"
    WARN = "warn"
    CLEAN = "clean"


@dataclass(frozen=True)
class Finding:
    """One match of one rule.

    ``start`` and ``end`` are character offsets into the text that was scanned
    (after NFC normalisation, which the scanner applies to its input first), so
    ``text[start:end] == excerpt``. ``field`` is filled in by the page adapter
    (e.g. ``"body.3.caption"``); ``message`` and ``suggestion`` are in the
    language of the scanned text (Vietnamese for ``vi``, English for ``en``).
    """

    rule: str
    severity: Severity
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str | None = None
    field: str | None = None
    attestation: str | None = None  # the statement a reviewer confirms, for ATTEST

    def with_field(self, field_path: str) -> Finding:
        return replace(self, field=field_path)

    def as_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.field is not None:
            data["field"] = self.field
        if self.attestation is not None:
            data["attestation"] = self.attestation
        return data


def verdict(findings: Iterable[Finding]) -> Verdict:
    """The strongest severity among the findings, or ``clean``."""
    best = 0
    for finding in findings:
        best = max(best, finding.severity.rank)
    return {3: Verdict.BLOCK, 2: Verdict.ATTEST, 1: Verdict.WARN, 0: Verdict.CLEAN}[best]


@dataclass(frozen=True)
class KnownOccasion:
    """A holiday the HOL-01 rule knows: names it is called by, its day and founding year.

    ``rule`` is the occasion's date rule when the office's records provide it (the
    adapter passes ``campaigns.calendar.DateRule``, the code the campaign calendar uses):
    an object with ``occurrence_in(year)`` (``None`` or an object with ``start``, ``end``
    and ``anniversary``) and ``year_of(day)`` (the solar year, or the lunar year of a
    lunar occasion). Without it a solar occasion falls on its day and month of the year,
    and a lunar one has no known solar date.
    """

    names: tuple[str, ...]
    day: int
    month: int
    founding_year: int | None = None
    lunar: bool = False
    rule: Any = field(default=None, compare=False)

    def start_in(self, year: int) -> dt.date | None:
        """The solar day the occasion begins in ``year`` (the lunar year if it is lunar)."""
        if self.rule is not None:
            occurrence = self.rule.occurrence_in(year)
            return None if occurrence is None else occurrence.start
        if self.lunar:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:  # 29/2 in a common year
            return None

    def year_of(self, day: dt.date) -> int:
        """The year whose anniversary ``day`` counts in (the lunar year if it is lunar)."""
        if self.rule is not None:
            return self.rule.year_of(day)
        return day.year


@dataclass(frozen=True)
class KnownDocument:
    """A legal document in the registry used by CITE-01 (symbol → date of issue)."""

    symbol: str  # e.g. "09/2017/NĐ-CP"
    issued_on: tuple[int, int, int]  # (year, month, day)


@dataclass(frozen=True)
class ScanConfig:
    """The office-editable data the scanner runs with.

    The Django adapter (``cms.security.services``) builds it from the database;
    tests and the command line can build it directly. Values are normalised by the
    adapter: phone numbers and bank accounts as digits only, domains lower-case.
    """

    disabled_rules: frozenset[str] = frozenset()
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    allowed_phones: frozenset[str] = frozenset()  # digits, e.g. "02293888999"
    allowed_email_domains: frozenset[str] = frozenset()  # e.g. "ninhbinh.gov.vn"
    allowed_emails: frozenset[str] = frozenset()
    allowed_bank_accounts: frozenset[str] = frozenset()  # digits
    extra_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # rule → terms
    occasions: tuple[KnownOccasion, ...] = ()
    documents: tuple[KnownDocument, ...] = ()
    # rule → {term: the right word}: the office's glossary. A term listed here is looked
    # for whether or not it is also in ``extra_terms``; its finding suggests the right
    # word. For EN-01 the pairs add to the built-in glossary of official English names
    # (``data.ENGLISH_GLOSSARY``); where both give the same term, the office's wins.
    term_replacements: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ScanContext:
    """Where the text comes from, for rules that apply only to some parts.

    ``part`` is one of: ``text`` (body, title, summary...), ``alt`` (image alt
    text), ``caption``, ``credit``, ``filename``, ``document`` (text of an
    attachment), ``ocr`` (text read from an image). ``page_kind`` is the page's
    kind (``news``, ``press_release``, ``rebuttal``, ``sovereignty``,
    ``campaign``, ``content``) or ``None``. ``published_on`` is the page's
    publication date as (year, month, day), for date-aware rules (CITE-02).
    """

    part: str = "text"
    page_kind: str | None = None
    published_on: tuple[int, int, int] | None = None

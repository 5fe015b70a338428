"""The scanner: one pass for keywords, one for numbers, a few cheap special passes.

How a text is scanned
---------------------
1. The text is normalised to NFC. Every offset the scanner reports refers to that form
   (``Scanner.normalise(text)[f.start:f.end] == f.excerpt``).
2. A folded copy is made: same length, no diacritics, lower case (``fold_lower``).
3. **Keyword pass.** Every rule that starts from a word or phrase registers *triggers*
   (folded keywords such as ``toi mat``, ``south china sea``, ``dieu tra``...). All
   triggers of the language and part are compiled into one prefix-tree regular
   expression, run once over the folded copy. (One named group per rule,
   ``(?P<r0>...)|(?P<r1>...)``, measured 150 times slower: Python's ``re`` then tries
   every branch at every position; the prefix tree tries one per distinct first
   letter.) A hit is looked up in a dictionary (trigger → detectors)
   and each detector checks the original text at that place: diacritics (``tối mật``
   but not ``tôi mất``), case (``SECRET`` but not ``secret``), what follows (``mật
   ong``), the sentence (qualifiers, quotes, attribution).
   Triggers never hide each other: after a hit the search resumes after the hit's first
   word, not after the whole hit, so a trigger that starts inside a longer one is still
   found; a trigger that is a prefix of another (``kho``, ``kho dan``) is registered
   once and runs the detectors of both; different rules on the same words each get
   their own finding.
4. **Number pass.** One regular expression finds runs of digits (``0912 345 678``,
   ``036.085.001.234``); each run is classified in Python (phone, citizen ID, bank
   account, document reference, statistic, anniversary).
5. **Special passes**, each only when a cheap test shows it can match: e-mail addresses
   (only if the text contains ``@`` or ``(at)``), stamp lines (only if it contains
   ``MẬT``, ``MAT``, ``DỰ THẢO`` or ``DRAFT``), Chinese characters, diacritics in
   English text.

The cost is linear in the length of the text and does not grow with the number of
rules: adding keywords makes the prefix tree wider, not the scan longer.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from . import data
from .findings import (
    Finding,
    KnownDocument,
    KnownOccasion,
    ScanConfig,
    ScanContext,
    Severity,
    Verdict,
    verdict,
)
from .rules import ALL_PARTS, LOCKED_RULES, RULES, message, suggestion
from .text import fold, fold_lower, nfc, sentence_bounds, sentence_ends
from .trie import normalise_keyword, trie_pattern

__all__ = ["Scanner", "Verdict", "scan_text", "verdict"]

_GENERIC_ATTESTATION = (
    "Người duyệt xác nhận nội dung này chính xác và được phép công bố.",
    "The reviewer confirms this content is accurate and may be published.",
)
_EXCERPT_IN_MESSAGE = 80


def _digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


def normalise_phone(number: str) -> str:
    """Digits of a Vietnamese phone number, +84/84 written as a leading 0."""
    digits = _digits(number)
    if digits.startswith("84") and len(digits) in (11, 12) and not digits.startswith("840"):
        digits = "0" + digits[2:]
    return digits


def document_key(symbol: str) -> str:
    """Comparison key of a document symbol: no spaces, no diacritics, upper case, the
    number without leading zeros (``09/2017/NĐ-CP`` → ``9/2017/ND-CP``)."""
    compact = re.sub(r"\s+", "", fold(symbol)).upper()
    m = re.match(r"0*([0-9]+)(.*)", compact)
    if m:
        compact = (m.group(1) or "0") + m.group(2)
    return compact


class Scan:
    """The state of one scan of one text; detectors read it and call :meth:`emit`."""

    def __init__(self, scanner: Scanner, text: str, lang: str, context: ScanContext) -> None:
        self.scanner = scanner
        self.config = scanner.config
        self.text = text
        self.low = fold_lower(text)
        self.lang = lang
        self.context = context
        self.part = context.part if context.part in ALL_PARTS else "text"
        self.findings: list[Finding] = []
        self.flagged_sentences: set[tuple[str, int]] = set()
        self._ends: list[int] | None = None
        # per-detector positions (e.g. the end of the last link reported), so that a
        # detector triggered many times inside one match does its work once
        self.marks: dict[str, int] = {}

    # -- helpers for detectors --------------------------------------------------------

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The sentence around ``text[start:end]`` (see ``text.sentence_bounds``)."""
        if self._ends is None:
            self._ends = sentence_ends(self.text)
        return sentence_bounds(self.text, start, start if end is None else end, ends=self._ends)

    def published_on(self) -> dt.date:
        if self.context.published_on:
            try:
                return dt.date(*self.context.published_on)
            except ValueError:
                pass
        return dt.date.today()

    def enabled(self, rule: str) -> bool:
        return rule in LOCKED_RULES or rule not in self.config.disabled_rules

    # -- reporting --------------------------------------------------------------------

    def emit(
        self,
        rule_id: str,
        start: int,
        end: int,
        key: str = "default",
        severity: Severity | None = None,
        fix: tuple[str, str] | str | None = None,
        hint: str | None = None,
        **values: object,
    ) -> None:
        """Record a finding of ``rule_id`` for ``text[start:end]``.

        ``key`` selects a variant message; ``severity`` a variant severity (an office's
        override still wins); ``fix`` a suggestion (one string, or Vietnamese and
        English) filling the rule's suggestion template; ``hint`` a suggestion shown
        instead of the rule's own (the office's replacement for its term); ``values``
        fill the message's placeholders.
        """
        if self.part not in RULES[rule_id].parts:
            return
        finding = build_finding(
            self.config,
            rule_id,
            self.lang,
            start,
            end,
            self.text[start:end],
            key,
            severity,
            fix,
            values,
            hint=hint,
        )
        if finding is not None:
            self.findings.append(finding)


def build_finding(
    config: ScanConfig,
    rule_id: str,
    lang: str,
    start: int,
    end: int,
    excerpt: str,
    key: str = "default",
    severity: Severity | None = None,
    fix: tuple[str, str] | str | None = None,
    values: dict | None = None,
    field: str | None = None,
    hint: str | None = None,
) -> Finding | None:
    """A finding of ``rule_id`` with its message in ``lang``, the office's configuration
    applied (None when the rule is disabled)."""
    if rule_id not in LOCKED_RULES and rule_id in config.disabled_rules:
        return None
    rule = RULES[rule_id]
    severity = severity or rule.severity
    override = config.severity_overrides.get(rule_id)
    if override is not None and rule_id not in LOCKED_RULES:
        severity = Severity(override)
    values = dict(values or {})
    shown = excerpt if len(excerpt) <= _EXCERPT_IN_MESSAGE else excerpt[:77] + "…"
    values.setdefault("excerpt", " ".join(shown.split()))
    if isinstance(fix, tuple):
        fix = fix[1] if lang == "en" else fix[0]
    if fix is not None:
        values.setdefault("fix", fix)
    text = message(rule, key, lang, **values)
    if hint is None:
        try:
            hint = suggestion(rule, key, lang, **values)
        except (KeyError, IndexError):
            hint = fix  # the template needs a value this finding does not have
    attestation = None
    if severity is Severity.ATTEST:
        attestation = rule.attestation(lang) or (
            _GENERIC_ATTESTATION[1] if lang == "en" else _GENERIC_ATTESTATION[0]
        )
    return Finding(
        rule=rule_id,
        severity=severity,
        start=start,
        end=end,
        excerpt=excerpt,
        message=text,
        suggestion=hint,
        field=field,
        attestation=attestation,
    )


def _merge(findings: list[Finding], text: str) -> list[Finding]:
    """One finding per rule and place: overlapping findings of one rule become one."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    merged: list[Finding] = []
    for items in by_rule.values():
        items.sort(key=lambda f: (f.start, -f.end))
        current = items[0]
        for item in items[1:]:
            overlaps = item.start < current.end or (
                item.start == current.start and item.end == current.end
            )
            if not overlaps:
                merged.append(current)
                current = item
                continue
            strongest = item if item.severity.rank > current.severity.rank else current
            start, end = current.start, max(current.end, item.end)
            current = Finding(
                rule=strongest.rule,
                severity=strongest.severity,
                start=start,
                end=end,
                excerpt=text[start:end],
                message=strongest.message,
                suggestion=strongest.suggestion,
                field=strongest.field,
                attestation=strongest.attestation,
            )
        merged.append(current)
    merged.sort(key=lambda f: (f.start, f.end, f.rule))
    return merged


@lru_cache(maxsize=64)
def _tables(lang: str, part: str, extra: tuple) -> tuple[re.Pattern, dict]:
    """The keyword regular expression and trigger table for a language, part and the
    office's extra keywords (``extra`` is a hashable description, see Scanner)."""
    from .detectors import DETECTORS, extra_detectors

    table: dict[str, list] = {}
    for det in (*DETECTORS, *extra_detectors(extra)):
        if lang not in det.langs:
            continue
        parts = det.parts if det.parts is not None else RULES[det.rule].parts
        if part not in parts:
            continue
        for trigger in det.triggers:
            table.setdefault(trigger, [])
            if det not in table[trigger]:
                table[trigger].append(det)
    # A trigger that extends another one ("kho dan" after "kho") would never be seen:
    # the regex stops at the shorter; its detectors run from the shorter one instead.
    keys = sorted(table, key=lambda k: (k.count(" "), k))
    merged: dict[str, list] = {}
    for key in keys:
        words = key.split(" ")
        home = next(
            (" ".join(words[:n]) for n in range(1, len(words)) if " ".join(words[:n]) in merged),
            key,
        )
        bucket = merged.setdefault(home, [])
        for det in table[key]:
            if det not in bucket:
                bucket.append(det)
    pattern = re.compile(r"\b(?:" + trie_pattern(merged) + r")(?!\w)")
    return pattern, {k: tuple(v) for k, v in merged.items()}


_FIRST_WORD = re.compile(r"\w+")


class Scanner:
    """Scans texts with the rules catalogue and an office's configuration.

    A scanner is cheap to make; the compiled rules are shared by all scanners with the
    same extra keywords and holidays.
    """

    def __init__(self, config: ScanConfig | None = None) -> None:
        self.config = config or ScanConfig()
        cfg = self.config
        self.allowed_phones = frozenset(normalise_phone(p) for p in cfg.allowed_phones)
        self.allowed_accounts = frozenset(_digits(a) for a in cfg.allowed_bank_accounts)
        self.allowed_domains = frozenset(
            d.lower().strip().lstrip("@") for d in cfg.allowed_email_domains
        )
        self.allowed_emails = frozenset(e.lower().strip() for e in cfg.allowed_emails)
        registry: dict[str, KnownDocument] = {document_key(d.symbol): d for d in data.DOCUMENTS}
        registry.update({document_key(d.symbol): d for d in cfg.documents})
        self.documents = registry
        occasions: dict[str, list[KnownOccasion]] = {}
        for occasion in data.OCCASIONS:
            for name in occasion.names:
                occasions.setdefault(normalise_keyword(fold_lower(nfc(name))), []).append(occasion)
        replaced: set[str] = set()
        for occasion in cfg.occasions:  # the office's entry replaces a built-in one
            for name in occasion.names:
                key = normalise_keyword(fold_lower(nfc(name)))
                if not key:
                    continue
                if key not in replaced:
                    occasions[key] = []
                    replaced.add(key)
                occasions[key].append(occasion)
        self.occasions = occasions
        self.occasion_keys = tuple(sorted(occasions))
        # The office's terms, with the right word where the office gave one:
        # (rule, keyword, term, replacement or "").
        office: dict[tuple[str, str], tuple[str, str]] = {}
        for rule, terms in cfg.extra_terms.items():
            for term in terms:
                office.setdefault((rule, nfc(term).strip()), (nfc(term).strip(), ""))
        for rule, pairs in cfg.term_replacements.items():
            for term, replacement in pairs.items():
                term = nfc(term).strip()
                office[(rule, term)] = (term, nfc(replacement or "").strip())
        extra_terms = tuple(
            sorted(
                (rule, normalise_keyword(fold_lower(term)), term, replacement)
                for (rule, _), (term, replacement) in office.items()
                if rule in RULES and normalise_keyword(fold_lower(term))
            )
        )
        # Keywords of the built-in glossary the office gave another right word for.
        self.replaced_keywords = frozenset(
            (rule, keyword) for rule, keyword, _term, replacement in extra_terms if replacement
        )
        builtin = {normalise_keyword(fold_lower(n)) for o in data.OCCASIONS for n in o.names}
        extra_occasions = tuple(sorted(set(occasions) - builtin))
        self._extra = (extra_terms, extra_occasions)

    @staticmethod
    def normalise(text: str) -> str:
        """The form of ``text`` the scanner reports offsets into (Unicode NFC)."""
        return nfc(text)

    def scan(
        self, text: str, lang: str = "vi", context: ScanContext | None = None
    ) -> list[Finding]:
        """Findings in ``text``, sorted by position.

        ``text`` is normalised to NFC first; ``start``/``end`` of each finding are
        offsets into ``Scanner.normalise(text)``. ``lang`` is ``"vi"`` or ``"en"``
        (the page's language; rules for the other language do not run, except the
        sovereignty, secrecy and personal-data rules that matter in any language).
        """
        from .detectors import special_passes

        lang = "en" if lang == "en" else "vi"
        context = context or ScanContext()
        text = nfc(text)
        if not text.strip():
            return []
        scan = Scan(self, text, lang, context)
        pattern, table = _tables(lang, scan.part, self._extra)
        low = scan.low
        search = pattern.search
        pos = 0
        length = len(low)
        while pos < length:
            m = search(low, pos)
            if m is None:
                break
            start = m.start()
            key = normalise_keyword(m.group())
            for det in table.get(key, ()):
                if scan.enabled(det.rule):
                    det.run(scan, start, m.end())
            # resume after the first word so triggers inside this one are found too
            pos = _FIRST_WORD.match(low, start).end() if low[start].isalnum() else start + 1
        special_passes(scan)
        return _merge(scan.findings, text)

    # The checks of structured data live in checks.py; bound here for one entry point.
    def check_parity(self, vi_text: str, en_text: str) -> list[Finding]:
        """EN-02: figures, dates, document references and "Viet Nam's" that the
        Vietnamese source has and the English translation lacks (ATTEST findings with
        offsets 0..0 into ``en_text``)."""
        from .checks import check_parity

        return check_parity(self, vi_text, en_text)

    def check_press_release(self, fields: dict[str, str], lang: str = "vi") -> list[Finding]:
        """SPK-01: the spokesperson details a press release must carry; see
        :func:`cms.security.scanner.checks.check_press_release` for the keys."""
        from .checks import check_press_release

        return check_press_release(self, fields, lang)

    def check_registered_speaker(
        self, name: str, registered: list[str] | tuple[str, ...], lang: str = "vi"
    ) -> list[Finding]:
        """SPK-02: the press release's spokesperson has a current register entry."""
        from .checks import check_registered_speaker

        return check_registered_speaker(self, name, registered, lang)

    def check_image(self, alt: str, credit: str, lang: str = "vi") -> list[Finding]:
        """IMG-02 (alt text) and IMG-03 (credit) of one image."""
        from .checks import check_image

        return check_image(self, alt, credit, lang)

    def check_plan_reference(self, plan_ref: str, lang: str = "vi") -> list[Finding]:
        """RPT-01: an item names the task of the plan it carries out (``plan_ref``: the
        task's code, e.g. "II.5"; empty when none is chosen)."""
        from .checks import check_plan_reference

        return check_plan_reference(self, plan_ref, lang)

    def check_map(self, lang: str = "vi", excerpt: str = "") -> list[Finding]:
        """SOV-05 for a part known to be a map (a map block, a document tagged map)."""
        from .checks import check_map

        return check_map(self, lang, excerpt)


def scan_text(
    text: str,
    lang: str = "vi",
    config: ScanConfig | None = None,
    context: ScanContext | None = None,
) -> list[Finding]:
    """Scan one text with a fresh :class:`Scanner`."""
    return Scanner(config).scan(text, lang, context)

"""Passes that are not keyword lookups: numbers, e-mail addresses, stamp lines, Chinese
characters, diacritics in English text; and the holiday-name detector (HOL-01).

Numbers
-------
One regular expression finds runs of digits joined by single separators (``0912 345
678``, ``036.085.001.234``, ``0229.3871.234``, ``(0229) 3871 234``). Each run is then
classified:

- followed by ``/`` or ``-X``: a document reference (CITE-01, CITE-02, EN-01);
- 6 digits or more: personal numbers. The words just before the run decide what it is
  (``CCCD``, ``số tài khoản``, ``mã số thuế``...); without them, its shape does (a
  mobile or landline number, a 12-digit ID starting with a province code, a 16-digit card
  number passing the Luhn check). A run that holds two numbers (``năm 2025 0912 345
  678``) is split at its separators;
- followed by a unit (``%``, ``tỷ đồng``, ``ha``...): a statistic (CITE-03);
- followed by ``năm``/``th anniversary``: an anniversary (HOL-01).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from . import data
from .detectors import (
    DETECTORS,
    Detector,
    _low_regex,
    _quoted_and_qualified,
    _sov01,
    _sov04,
)
from .findings import Severity
from .rules import (
    CITE_01,
    CITE_02,
    CITE_03,
    EN_01,
    HOL_01,
    PII_01,
    PII_02,
    PII_03,
    PII_04,
    SEC_01,
    SEC_02,
    SOV_01,
    SOV_02,
    SOV_04,
)
from .text import fold, syllable_key
from .trie import normalise_keyword, trie_pattern

if TYPE_CHECKING:
    from .engine import Scan

# --- numbers ---------------------------------------------------------------------------

_RUN = re.compile(r"[0-9](?:(?:[ .,\-\u00a0]|\)[ \u00a0]?)?[0-9])*")
_GROUP = re.compile(r"[0-9]+")
_MOBILE_PREFIX = re.compile(r"3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-9]")

_TAX_CONTEXT = _low_regex(
    [
        "mã số thuế",
        "MST",
        "tax code",
        "tax id",
        "mã số doanh nghiệp",
        "mã doanh nghiệp",
        "mã số hộ kinh doanh",
        "mã số BHXH",
        "mã hồ sơ",
        "mã số hồ sơ",
    ]
)
_ID_CONTEXT = re.compile(
    r"\b(?:cccd|cmnd|cmtnd|cmt|can\s+cuoc(?:\s+cong\s+dan)?|chung\s+minh\s+(?:nhan\s+dan|thu)"
    r"|(?:so|ma)\s+dinh\s+danh|dinh\s+danh\s+ca\s+nhan|id\s*(?:card\s*)?(?:no|number|#)"
    r"|identity\s+card|citizen\s+id|personal\s+id|passport|ho\s+chieu)\b"
)
_BANK_CONTEXT = re.compile(
    r"(?:\bstk\b|\bso\s+(?:tai\s+khoan|tk)\b|\btai\s+khoan\b|\btk\s+so\b|\btk\s*:"
    r"|\baccount\s+(?:no|number|#)|\ba/c\b|\bacct\b|\bbank\s+account\b|\bso\s+the\b"
    r"|\bcard\s+(?:no|number)\b|\biban\b)"
)
_QUANTITY_AFTER = _low_regex(
    [
        "đồng",
        "vnđ",
        "vnd",
        "usd",
        "nghìn",
        "ngàn",
        "triệu",
        "tỷ",
        "người",
        "hộ",
        "ha",
        "tấn",
        "kg",
        "km",
        "m2",
        "lượt",
        "%",
    ],
    before=r"\s*",
    after=r"(?!\w)",
)


def _luhn(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char)
        if i % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _shape(digits: str, plus: bool, grouped_in_fours: bool) -> tuple[str, str] | None:
    """What a run of digits looks like: ("phone", normalised), ("id", digits),
    ("card", digits), or None."""
    phone = digits
    if (
        (plus or len(digits) in (11, 12))
        and digits.startswith("84")
        and not digits.startswith("840")
    ):
        phone = "0" + digits[2:]
    if phone[:1] == "0":
        if len(phone) == 10 and _MOBILE_PREFIX.fullmatch(phone[1:3]):
            return "phone", phone
        if len(phone) == 11 and phone.startswith("02"):
            return "phone", phone
    if plus:
        return None
    if len(digits) == 12 and digits[:3] in data.PROVINCE_CODES:
        return "id", digits
    if len(digits) == 16 and grouped_in_fours and _luhn(digits):
        return "card", digits
    return None


def _mask(digits: str) -> str:
    return digits[:3] + "*" * max(0, len(digits) - 5) + digits[-2:]


def _personal_numbers(scan: Scan, start: int, end: int, previous_end: int) -> None:
    low = scan.low
    line_start = low.rfind("\n", 0, start) + 1
    window = low[max(previous_end, line_start, start - 48) : start]
    if _TAX_CONTEXT.search(window):
        return
    begin = start
    plus = False
    if low[start - 2 : start] == "(+":
        begin, plus = start - 2, True
    elif low[start - 1 : start] == "+":
        begin, plus = start - 1, True
    elif low[start - 1 : start] == "(":
        begin = start - 1
    groups = [m.span() for m in _GROUP.finditer(scan.text, start, end)]
    digits = "".join(scan.text[a:b] for a, b in groups)
    count = len(digits)
    config = scan.scanner
    if _BANK_CONTEXT.search(window) and 6 <= count <= 19:
        if digits not in config.allowed_accounts:
            scan.emit(PII_04, begin, end)
        return
    if _ID_CONTEXT.search(window) and count in (9, 12):
        scan.emit(PII_01, begin, end, masked=_mask(digits))
        return
    quantity = _QUANTITY_AFTER.match(low, end) is not None
    pieces = [scan.text[a:b] for a, b in groups]
    separators = {scan.text[b] for _, b in groups[:-1]}
    if (
        len(pieces) > 1
        and pieces[0][0] != "0"
        and separators <= {".", ","}
        and all(len(p) == 3 for p in pieces[1:])
    ):
        return  # "1.036.085.001.234": an amount written with thousands separators
    i = 0
    while i < len(groups):
        first = pieces[i]
        if first[0] not in "08" and len(first) != 4 and not (plus and i == 0):
            i += 1
            continue  # no phone, ID or card number starts like this
        # the spans of groups starting at i long enough for a personal number, longest
        # first (at most 16 digits: a run of thousands of digits costs no more)
        ends = []
        size = 0
        for j in range(i, len(groups)):
            size += len(pieces[j])
            if size > 16:
                break
            if size >= 9:
                ends.append(j + 1)
        for j in reversed(ends):
            part = "".join(pieces[i:j])
            fours = j - i == 4 and all(len(p) == 4 for p in pieces[i:j])
            shape = _shape(part, plus and i == 0, fours)
            if shape is None:
                continue
            kind, value = shape
            a = begin if i == 0 else groups[i][0]
            b = groups[j - 1][1]
            if kind == "phone" and not quantity:
                if value not in config.allowed_phones:
                    scan.emit(PII_02, a, b)
            elif kind == "id" and not (quantity and j == len(groups)):
                scan.emit(
                    PII_01,
                    a,
                    b,
                    key="bare",
                    severity=Severity.WARN,
                    code=value[:3],
                    masked=_mask(value),
                )
            elif kind == "card" and value not in config.allowed_accounts:
                scan.emit(PII_04, a, b)
            i = j - 1
            break
        i += 1


# --- document references ---------------------------------------------------------------------

_DOCUMENT = re.compile(
    r"(?P<num>[0-9]{1,5})/(?:(?P<yr>(?:19|20)[0-9]{2})/)?"
    r"(?P<sym>UBTVQH1[0-5]|QH1[0-5]|[A-ZĐ][A-Za-zĐđ&]{0,9}"
    r"(?:\s{0,2}-\s{0,2}[A-ZĐ][A-Za-zĐđ0-9&]{0,12}){0,3})(?![\w&])"
)
_PARTY_DOCUMENT = re.compile(
    r"(?P<num>[0-9]{1,5})-(?P<sym>(?:NQ|CT|KL|QĐ|QD|HD|TB|KH|BC|CTr|QyĐ)/[A-ZĐ]{2,10})(?![\w&])"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_AFTER_REFERENCE = re.compile(
    r"\s*,?\s*(?:ngay|dated|of|on|issued\s+on)\s+(?:"
    r"(?P<d>[0-9]{1,2})\s*[/.\-]\s*(?P<m>[0-9]{1,2})\s*[/.\-]\s*(?P<y>[0-9]{4})"
    r"|(?P<d2>[0-9]{1,2})\s+thang\s+(?P<m2>[0-9]{1,2})\s*,?\s+nam\s+(?P<y2>[0-9]{4})"
    rf"|(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn3>{_MONTH})\s*,?\s+(?P<y3>[0-9]{{4}})"
    rf"|(?P<mn4>{_MONTH})\s+(?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y4>[0-9]{{4}})"
    r")(?![0-9])"
)
_SPACES = re.compile(r"\s+")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_PROSE_SEGMENT = re.compile(r"\s+-\s*[A-ZĐ][a-zđà-ỹ]{2,}|\s*-\s+[A-ZĐ][a-zđà-ỹ]{2,}")
_KINDS = sorted({fold(k).upper() for k in data.DOCUMENT_KINDS}, key=len, reverse=True)
_ISSUERS = {fold(i).upper() for i in data.ISSUERS}


def _date_parts(m: re.Match) -> tuple[int, int, int]:
    if m.group("d"):
        return int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if m.group("d2"):
        return int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    if m.group("d3"):
        return int(m.group("d3")), _MONTHS[m.group("mn3").rstrip(".")], int(m.group("y3"))
    return int(m.group("d4")), _MONTHS[m.group("mn4").rstrip(".")], int(m.group("y4"))


def _missing_hyphen(symbol: str) -> str | None:
    """``TTBTTTT`` → ``TT-BTTTT``; None when the symbol is not a kind glued to an issuer."""
    plain = fold(symbol).upper()
    for kind in _KINDS:
        if plain.startswith(kind) and len(plain) > len(kind):
            rest = plain[len(kind) :]
            if rest in _ISSUERS or (len(rest) >= 3 and rest.isalpha() and symbol.isupper()):
                return symbol[: len(kind)] + "-" + symbol[len(kind) :]
    return None


def _superseded() -> dict[str, tuple[tuple[int, int, int], str, str]]:
    from .engine import document_key

    return {document_key(k): v for k, v in data.SUPERSEDED.items()}


_SUPERSEDED: dict | None = None


def _document_reference(scan: Scan, start: int, party: bool) -> None:
    global _SUPERSEDED
    from .engine import document_key

    m = (_PARTY_DOCUMENT if party else _DOCUMENT).match(scan.text, start)
    if m is None:
        return
    symbol = m.group("sym")
    symbol_end = m.end("sym")
    prose = _PROSE_SEGMENT.search(symbol)
    if prose:  # "12/CV-BCH - Ban Chỉ huy": the reference ends before the prose
        symbol = symbol[: prose.start()]
        symbol_end = m.start("sym") + prose.start()
    reference = scan.text[start:symbol_end]
    compact = _SPACES.sub("", reference)
    if not party:
        if re.search(r"\s", symbol):
            if "\n" not in symbol:  # a line break is a layout artefact of the source
                scan.emit(
                    CITE_01,
                    start,
                    symbol_end,
                    key="space",
                    severity=Severity.WARN,
                    fix=_SPACED_HYPHEN.sub("-", reference),
                )
        elif "-" not in symbol and not symbol.startswith(("QH", "UBTVQH")):
            fixed = _missing_hyphen(symbol)
            if fixed:
                scan.emit(
                    CITE_01,
                    start,
                    symbol_end,
                    key="hyphen",
                    severity=Severity.WARN,
                    fix=reference[: len(reference) - len(symbol)] + fixed,
                )
    if scan.lang == "en" and ("Đ" in symbol or "đ" in symbol):
        scan.emit(EN_01, start, symbol_end, key="symbol", fix=fold(compact))
    key = document_key(compact)
    date_match = _DATE_AFTER_REFERENCE.match(scan.low, symbol_end)
    if date_match is not None:
        day, month, year = _date_parts(date_match)
        written = f"{day:02d}/{month:02d}/{year}"
        try:
            dt.date(year, month, day)
        except ValueError:
            scan.emit(CITE_01, start, date_match.end(), date=written, doc=compact)
        else:
            number_year = m.groupdict().get("yr")
            if number_year and int(number_year) != year:
                scan.emit(
                    CITE_01,
                    start,
                    date_match.end(),
                    key="year",
                    date=written,
                    doc=compact,
                    year=number_year,
                )
            else:
                known = scan.scanner.documents.get(key)
                if known is not None:
                    ky, km, kd = known.issued_on
                    if (number_year or year == ky) and (year, month, day) != (ky, km, kd):
                        expected = f"{kd:02d}/{km:02d}/{ky}"
                        scan.emit(
                            CITE_01,
                            start,
                            date_match.end(),
                            key="registry",
                            severity=Severity.WARN,
                            date=written,
                            doc=compact,
                            expected=expected,
                        )
    if _SUPERSEDED is None:
        _SUPERSEDED = _superseded()
    replaced = _SUPERSEDED.get(key)
    if replaced is not None:
        effective, by_vi, by_en = replaced
        if scan.published_on() >= dt.date(*effective):
            scan.emit(
                CITE_02,
                start,
                symbol_end,
                doc=compact,
                by=by_en if scan.lang == "en" else by_vi,
            )


# --- statistics (CITE-03) and anniversaries (HOL-01) -------------------------------------

_AFTER_NUMBER = re.compile(
    r"(?P<unit>\s*(?:%|phan\s+tram|nghin\s+ty|ty\s+dong|trieu\s+dong|nghin\s+dong|ngan\s+dong"
    r"|ty\s+usd|trieu\s+usd|usd|ha|hecta|hec\s+ta|tan|percent|per\s+cent|billion|million"
    r"|vnd|hectares?|tonnes?|tons?)(?!\w))"
    r"|(?P<nam>\s+nam(?!\w))"
    r"|(?P<ord>(?:st|nd|rd|th)\s+anniversary(?!\w))"
    r"|(?P<years>\s+years?\s+(?:of|since)(?!\w))"
)
_ATTRIBUTION = _low_regex(
    [
        "theo",
        "nguồn",
        "số liệu của",
        "thống kê của",
        "báo cáo của",
        "cho biết",
        "according to",
        "source",
        "sources",
        "data from",
        "figures from",
        "reported by",
        "said",
        "says",
    ]
)
_UNIT_WORDS = {"tan": "tấn", "ty": "tỷ", "ha": "ha"}


_WORD = re.compile(r"\w+")


def _statistic(scan: Scan, start: int, unit: re.Match) -> None:
    first = _WORD.search(scan.text, unit.start(), unit.end())
    if first is not None:
        word = first.group()
        if fold(word) != word:  # written with diacritics: must be a Vietnamese unit word
            expected = _UNIT_WORDS.get(fold(word).lower())
            if expected is None or syllable_key(word) != syllable_key(expected):
                return  # "5 tân", "3 tý", "2016 tôn tạo": not a unit
    a, b = scan.sentence(start, unit.end())
    if ("cite", a) in scan.flagged_sentences:
        return  # one finding per sentence is enough
    if _ATTRIBUTION.search(scan.low, a, b):
        return
    scan.flagged_sentences.add(("cite", a))
    scan.emit(CITE_03, start, unit.end())


_YEAR_PAIR = (
    r"\(\s*(?:(?P<d1>[0-9]{1,2})\s*[/.\-]\s*(?P<m1>[0-9]{1,2})\s*[/.\-]\s*)?(?P<y1>[0-9]{4})"
    r"\s*(?:-|–|—|den|to)\s*"
    r"(?:(?P<d2>[0-9]{1,2})\s*[/.\-]\s*(?P<m2>[0-9]{1,2})\s*[/.\-]\s*)?(?P<y2>[0-9]{4})\s*\)"
)
_BETWEEN = r"(?P<between>(?:[^().!?;\n]|\.(?!\s)){0,160}?)"
_ANNIVERSARY = {
    "nam": re.compile(r"(?P<n>[0-9]{1,4})\s+(?P<nam>nam)\s+" + _BETWEEN + _YEAR_PAIR),
    "ord": re.compile(r"(?P<n>[0-9]{1,3})(?:st|nd|rd|th)\s+anniversary\b" + _BETWEEN + _YEAR_PAIR),
    "years": re.compile(r"(?P<n>[0-9]{1,3})\s+years?\s+(?:of|since)\b" + _BETWEEN + _YEAR_PAIR),
}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _is_nam(scan: Scan, start: int) -> bool:
    word = re.compile(r"\w+").match(scan.text, start)
    return word is not None and (
        syllable_key(word.group()) == syllable_key("năm") or word.group().lower() == "nam"
    )


def _anniversary(scan: Scan, start: int, kind: str) -> None:
    m = _ANNIVERSARY[kind].match(scan.low, start)
    if m is None:
        return
    if kind == "nam" and not _is_nam(scan, m.start("nam")):
        return  # "30 nam, 20 nữ": men, not years
    n, first, last = int(m.group("n")), int(m.group("y1")), int(m.group("y2"))
    expected = last - first
    if n != expected and expected > 0:
        fix = (f"{expected} năm", _ordinal(expected) if kind == "ord" else f"{expected} years")
        scan.emit(HOL_01, start, m.end(), first=first, last=last, expected=expected, fix=fix)
    occasion_match = _occasion_pattern(scan).search(scan.low, m.start("between"), m.end("between"))
    if occasion_match is None:
        return
    occasion = _pick(scan, occasion_match.group())
    if occasion is None:
        return
    name = scan.text[occasion_match.start() : occasion_match.end()]
    written = (int(m.group("d1")), int(m.group("m1"))) if m.group("d1") else None
    wrong_year = bool(occasion.founding_year) and first != occasion.founding_year
    wrong_day = (
        written is not None and not occasion.lunar and written != (occasion.day, occasion.month)
    )
    if wrong_year and wrong_day and n == expected:
        # Neither the year nor the day is the occasion's, and the arithmetic holds: the
        # text names another event that begins with the same words ("Ngày Liên hợp quốc
        # thông qua Tuyên ngôn ... (10/12/1948 – 10/12/2025)" is not United Nations Day).
        return
    if wrong_year:
        scan.emit(
            HOL_01,
            start,
            m.end(),
            key="founding",
            name=name,
            founded=occasion.founding_year,
            year=first,
            fix=str(occasion.founding_year),
        )
    if wrong_day:
        scan.emit(
            HOL_01,
            start,
            m.end(),
            key="date",
            name=name,
            expected=f"{occasion.day}/{occasion.month}",
            date=f"{written[0]}/{written[1]}",
            fix=f"{occasion.day}/{occasion.month}",
        )
    if occasion.lunar and occasion.rule is not None and m.group("d2"):
        written_last = (last, int(m.group("m2")), int(m.group("d2")))
        _check_lunar_solar_date(scan, occasion, name, start, m.end(), written_last)


def numbers(scan: Scan) -> None:
    low = scan.low
    previous_end = 0
    for m in _RUN.finditer(low):
        start, end = m.span()
        before = low[start - 1] if start else " "
        if before.isalnum() or before == "/":
            previous_end = end
            continue  # part of a code, a date or a reference
        after = low[end : end + 1]
        if after == "/" or (after == "-" and low[end + 1 : end + 2].isalpha()):
            if after == "/" or scan.text[end + 1 : end + 2].isupper():
                _document_reference(scan, start, party=after == "-")
            previous_end = end
            continue
        if end - start >= 6:
            _personal_numbers(scan, start, end, previous_end)
        if after in " %thnrsuv\u00a0":
            tail = _AFTER_NUMBER.match(low, end)
            if tail is not None:
                kind = tail.lastgroup
                if kind == "unit":
                    number_start = start
                    space = low.rfind(" ", start, end)
                    if space >= 0:
                        number_start = space + 1
                    _statistic(scan, number_start, tail)
                else:
                    _anniversary(scan, start, kind)
        previous_end = end


# --- holidays (HOL-01) ---------------------------------------------------------------------


@lru_cache(maxsize=32)
def _names_pattern(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + trie_pattern(keys) + r")(?!\w)")


def _occasion_pattern(scan: Scan) -> re.Pattern:
    return _names_pattern(scan.scanner.occasion_keys)


def _pick(scan: Scan, matched: str):
    candidates = scan.scanner.occasions.get(normalise_keyword(matched), ())
    solar = [o for o in candidates if not o.lunar]
    return (solar or list(candidates) or [None])[0]


_ORGANISATION_FIRST_WORDS = frozenset({"hoi", "mat", "mttq", "quan", "qdnd", "cong", "bo", "doan"})
_ORGANISATION_LAST_WORDS = frozenset({"union", "front", "army", "party"})
_FOUNDING_CONTEXT = _low_regex(
    ["thành lập", "truyền thống", "kỷ niệm", "founding", "anniversary", "founded"]
)
# "2/9", "2-9" and "2.9" are all written; "1-4/11" is a range of days, not a date
_DAY_MONTH = (
    r"(?P<d>[0-9]{1,2})\s*[/.\-]\s*(?P<m>[0-9]{1,2})(?![0-9])"
    r"(?!\s*[/.\-]\s*[0-9]{1,2}(?![0-9]))"
)
_DATE_AFTER_NAME = re.compile(
    r"\s*(?:viet\s+nam\s*)?(?:[(\-–—:,]\s*)?(?:ngay\s+|on\s+|le\s+)?(?:"
    + _DAY_MONTH
    + r"|(?P<d2>[0-9]{1,2})\s+thang\s+(?P<m2>[0-9]{1,2})(?![0-9])"
    rf"|(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn3>{_MONTH})(?!\w)"
    rf"|(?P<mn4>{_MONTH})\s+(?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])"
    r")"
)
_DATE_BEFORE_NAME = re.compile(
    r"(?<![0-9/.\-])(?P<d>[0-9]{1,2})\s*[/.\-]\s*(?P<m>[0-9]{1,2})(?:\s*[/.\-]\s*[0-9]{4})?"
    r"\s*[-–—:]\s*$"
)
_COUNT_BEFORE = re.compile(
    r"(?P<n>[0-9]{1,4})\s+(?P<nam>nam)\s+(?:(?:ngay|hoi|thanh|lap|truyen|thong|ky|niem|chien|thang|le"
    r"|cua)\s+){0,5}$"
    r"|(?P<o>[0-9]{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?"
    r"(?:founding\s+of\s+(?:the\s+)?)?$"
)
_YEARS_FOLLOW = re.compile(r"[^().!?;\n]{0,60}\(\s*(?:[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*)?[0-9]{4}")


def _day_month(m: re.Match) -> tuple[int, int]:
    if m.group("d"):
        return int(m.group("d")), int(m.group("m"))
    if m.group("d2"):
        return int(m.group("d2")), int(m.group("m2"))
    if m.group("d3"):
        return int(m.group("d3")), _MONTHS[m.group("mn3").rstrip(".")]
    return int(m.group("d4")), _MONTHS[m.group("mn4").rstrip(".")]


def _occasion_date(year: int, occasion) -> dt.date | None:
    """The day the occasion begins in ``year``: its date rule (``KnownOccasion.rule``, the
    code the campaign calendar uses) converts a lunar day to the solar calendar."""
    return occasion.start_in(year)


def _expected_counts(scan: Scan, occasion) -> tuple[int, set[int]]:
    """The anniversary number in the year of publication (the lunar year for a lunar
    occasion), and the numbers accepted: a few weeks after last year's occasion an
    article may still report on it, and a few weeks before next year's (once this
    year's has passed) announce it."""
    published = scan.published_on()
    year = occasion.year_of(published)
    allowed = {year - occasion.founding_year}
    last = _occasion_date(year - 1, occasion)
    this_year = _occasion_date(year, occasion)
    following = _occasion_date(year + 1, occasion)
    if (
        last is not None
        and this_year is not None
        and published < this_year
        and (published - last).days <= 60
    ):
        allowed.add(year - 1 - occasion.founding_year)
    if (
        this_year is not None
        and following is not None
        and published > this_year
        and (following - published).days <= 60
    ):
        allowed.add(year + 1 - occasion.founding_year)
    return year - occasion.founding_year, allowed


def _occasion_run(scan: Scan, start: int, _end: int) -> None:
    m = _occasion_pattern(scan).match(scan.low, start)
    if m is None:
        return
    key = normalise_keyword(m.group())
    occasion = _pick(scan, m.group())
    if occasion is None:
        return
    end = m.end()
    name = scan.text[start:end]
    a, b = scan.sentence(start, end)
    # How many years: "Kỷ niệm 90 năm Ngày thành lập Hội LHPN Việt Nam" in 2025 is 95.
    if (
        scan.context.published_on
        and occasion.founding_year
        and not _YEARS_FOLLOW.match(scan.low, end)
    ):
        count = _COUNT_BEFORE.search(scan.low, max(a, start - 60), start)
        if count is not None:
            n = int(count.group("n") or count.group("o"))
            if count.group("n") is None or _is_nam(scan, count.start("nam")):
                expected, allowed = _expected_counts(scan, occasion)
                if n not in allowed and expected > 0:
                    scan.emit(
                        HOL_01,
                        count.start(),
                        end,
                        key="count",
                        n=n,
                        expected=expected,
                        year=occasion.year_of(scan.published_on()),
                        name=name,
                        founded=occasion.founding_year,
                        fix=(f"{expected} năm", _ordinal(expected)),
                    )
    if occasion.lunar:
        if occasion.rule is not None:
            _lunar_occasion_dates(scan, occasion, name, start, end, b)
        return
    words = key.split()
    organisation = words[0] in _ORGANISATION_FIRST_WORDS or words[-1] in _ORGANISATION_LAST_WORDS
    if organisation and not _FOUNDING_CONTEXT.search(scan.low, max(a, start - 50), start):
        return  # "ngày 5/11, Hội Nông dân xã họp": a meeting, not the founding day
    expected = f"{occasion.day}/{occasion.month}"
    after = _DATE_AFTER_NAME.match(scan.low, end, b)
    if after is not None:
        written = _day_month(after)
        if written != (occasion.day, occasion.month):
            scan.emit(
                HOL_01,
                start,
                after.end(),
                key="date",
                name=name,
                expected=expected,
                date=f"{written[0]}/{written[1]}",
                fix=expected,
            )
        return
    before = _DATE_BEFORE_NAME.search(scan.low, max(a, start - 24), start)
    if before is not None:
        written = (int(before.group("d")), int(before.group("m")))
        if written != (occasion.day, occasion.month):
            scan.emit(
                HOL_01,
                before.start(),
                end,
                key="date",
                name=name,
                expected=expected,
                date=f"{written[0]}/{written[1]}",
                fix=expected,
            )


# A solar date with its year after a lunar occasion's name: "Tết Trung thu năm 2025 (6/10/2025)",
# "Lễ hội chùa Keo diễn ra từ ngày 11/10/2027"; not one followed by "âm lịch".
_SOLAR_DATE_AFTER_LUNAR_NAME = re.compile(
    r"\s*(?:viet\s+nam\s*)?(?:(?:nam\s+)?[0-9]{4}\s*)?(?:[(\-–—:,]\s*)?"
    r"(?:(?:dien\s+ra|to\s+chuc|roi\s+vao|khai\s+mac|falls|held|is)\s+)?"
    r"(?:(?:tu|vao|on|from)\s+)?(?:ngay\s+)?"
    r"(?P<d>[0-9]{1,2})\s*[/.\-]\s*(?P<m>[0-9]{1,2})\s*[/.\-]\s*(?P<y>[0-9]{4})(?![0-9])"
    r"(?!\s*\(?\s*(?:am\s+lich|al|a\.l|lunar)(?![a-z]))"
)
# A lunar date after the name: "Tết Trung thu 15/8 âm lịch", "Giỗ Tổ Hùng Vương (10/3 ÂL)".
_LUNAR_DATE_AFTER_NAME = re.compile(
    r"\s*(?:[(\-–—:,]\s*)?(?:ngay\s+)?(?P<d>[0-9]{1,2})\s*[/.\-]\s*(?P<m>[0-9]{1,2})(?![0-9])"
    r"(?:\s*[/.\-]\s*[0-9]{4})?\s*\(?\s*(?:am\s+lich|al|a\.l)(?![a-z])"
)


def _solar(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def _lunar_occurrence_near(occasion, written: dt.date):
    """The occurrence a solar date written for a lunar occasion must belong to: the one of
    the lunar year the date falls in, or else the one held in the same solar year."""
    rule = occasion.rule
    year = rule.year_of(written)
    candidates = [rule.occurrence_in(y) for y in (year, year - 1, year + 1)]
    candidates = [o for o in candidates if o is not None]
    for occurrence in candidates:
        if occurrence.start <= written <= occurrence.end:
            return occurrence, True
    same_year = [o for o in candidates if o.start.year == written.year]
    return (same_year or candidates or [None])[0], False


def _check_lunar_solar_date(scan: Scan, occasion, name: str, a: int, b: int, written) -> None:
    """Flag a solar date that is not the day the lunar occasion falls on that year."""
    try:
        day = dt.date(*written)
    except ValueError:
        return  # an impossible date is another matter
    occurrence, covered = _lunar_occurrence_near(occasion, day)
    if covered or occurrence is None:
        return
    expected = _solar(occurrence.start)
    if occurrence.end != occurrence.start:
        expected = f"{expected}–{_solar(occurrence.end)}"
    scan.emit(
        HOL_01,
        a,
        b,
        key="date",
        name=name,
        expected=expected,
        date=_solar(day),
        fix=_solar(occurrence.start),
    )


def _lunar_occasion_dates(scan: Scan, occasion, name: str, start: int, end: int, b: int) -> None:
    """A lunar occasion's dates: a lunar day must be its day, a solar day with its year the
    day its date rule gives for that year (the conversion the campaign calendar uses)."""
    lunar = _LUNAR_DATE_AFTER_NAME.match(scan.low, end, b)
    if lunar is not None:
        day, month = int(lunar.group("d")), int(lunar.group("m"))
        length = max(getattr(occasion.rule, "duration_days", 1), 1)
        if month != occasion.month or not occasion.day <= day < occasion.day + length:
            scan.emit(
                HOL_01,
                start,
                lunar.end(),
                key="date",
                name=name,
                expected=f"{occasion.day}/{occasion.month}",
                date=f"{day}/{month}",
                fix=f"{occasion.day}/{occasion.month}",
            )
        return
    solar = _SOLAR_DATE_AFTER_LUNAR_NAME.match(scan.low, end, b)
    if solar is not None:
        written = (int(solar.group("y")), int(solar.group("m")), int(solar.group("d")))
        _check_lunar_solar_date(scan, occasion, name, start, solar.end(), written)


def occasion_detector(keys: tuple[str, ...]) -> Detector:
    return Detector(HOL_01, tuple(keys), _occasion_run)


DETECTORS.append(
    occasion_detector(
        tuple(sorted({normalise_keyword(fold(n).lower()) for o in data.OCCASIONS for n in o.names}))
    )
)


# --- e-mail addresses, stamp lines, Chinese characters, diacritics in English ---------------

_EMAIL = re.compile(
    r"(?i)(?<![\w.%+-])(?P<local>[a-z0-9][a-z0-9._%+-]{0,63})\s?"
    r"(?:@|\[at\]|\(at\)|\(a\)|\{at\}|\s\[at\]\s|\s\(at\)\s)\s?"
    r"(?P<domain>(?:[a-z0-9-]+(?:\.|\s?(?:\[dot\]|\(dot\)|\{dot\})\s?))+[a-z]{2,})(?![\w-])"
)
_OBFUSCATED_AT = ("(at)", "[at]", "(a)", "{at}")


def _emails(scan: Scan) -> None:
    text = scan.text
    positions = []
    at = text.find("@")
    while at >= 0:
        positions.append(at)
        at = text.find("@", at + 1)
    for token in _OBFUSCATED_AT:
        at = scan.low.find(token)
        while at >= 0:
            positions.append(at)
            at = scan.low.find(token, at + 1)
    # look around each "@" once: overlapping windows are merged
    windows: list[list[int]] = []
    for position in sorted(positions):
        lo, hi = max(0, position - 70), min(len(text), position + 130)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        for m in _EMAIL.finditer(text, lo, hi):
            domain = re.sub(r"\s?(?:\[dot\]|\(dot\)|\{dot\})\s?", ".", m.group("domain").lower())
            address = f"{m.group('local').lower()}@{domain}"
            if domain == "gov.vn" or domain.endswith(".gov.vn"):
                continue
            config = scan.scanner
            if address in config.allowed_emails or any(
                domain == d or domain.endswith("." + d) for d in config.allowed_domains
            ):
                continue
            if domain in data.FREE_MAIL_DOMAINS:
                scan.emit(PII_03, m.start(), m.end(), domain=domain)
            else:
                scan.emit(
                    PII_03, m.start(), m.end(), key="other", severity=Severity.WARN, domain=domain
                )


_STAMP_LINE = re.compile(
    r"(?m)^[ \t\"“”'(\[|*]*(?:(?P<mark>(?:ĐỘ[ \t]+MẬT[ \t]*:?[ \t]*)?(?:TUYỆT[ \t]+MẬT|TỐI[ \t]+MẬT"
    r"|MẬT)|(?:DO[ \t]+MAT[ \t]*:?[ \t]*)?(?:TUYET[ \t]+MAT|TOI[ \t]+MAT|MAT)"
    r"|TOP[ \t]+SECRET|SECRET|CONFIDENTIAL)"
    r"|(?P<draft>DỰ[ \t]+THẢO|DU[ \t]+THAO|DRAFT|BẢN[ \t]+NHÁP))[ \t\"“”')\].|*\r]*$"
)
_STAMP_TOKENS = ("MẬT", "MAT", "THẢO", "THAO", "DRAFT", "SECRET", "CONFIDENTIAL", "NHÁP")

_CJK_ANY = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_TERMS = re.compile(
    r"(?P<sov01>南中国海|南中國海|南海)|(?P<sov04>九段线|十段线|九段線|十段線)"
    r"|(?P<sov02>西沙|南沙|中沙|三沙|永兴|永興|永暑|美济|美濟|赤瓜|渚碧)"
)
_CJK_RULES = {
    "sov01": (SOV_01, _sov01),
    "sov02": (SOV_02, _quoted_and_qualified),
    "sov04": (SOV_04, _sov04),
}

_VIETNAMESE_WORD = re.compile(r"\b[^\W\d_]*[À-ỹ][^\W\d_]*")
_CAPITALISED_NEIGHBOUR_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")


def _english_diacritics(scan: Scan) -> None:
    text = scan.text
    covered_until = -1
    for m in _VIETNAMESE_WORD.finditer(text):
        if m.start() < covered_until or not m.group()[0].isupper() or fold(m.group()) == m.group():
            continue
        a, b = scan.sentence(m.start(), m.end())
        lower_vietnamese = sum(
            1 for w in _VIETNAMESE_WORD.findall(text, a, b) if w[0].islower() and fold(w) != w
        )
        if lower_vietnamese >= 3:
            continue  # a Vietnamese quotation, not a name in English prose
        start, end = m.start(), m.end()
        # extend over the neighbouring capitalised words of the same name
        while True:
            before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 30) : start])
            if before and before.group(1)[0].isupper():
                start -= len(before.group())
            else:
                break
        while True:
            after = _CAPITALISED_NEIGHBOUR_AFTER.match(text, end)
            if after and after.group(1)[0].isupper():
                end = after.end()
            else:
                break
        covered_until = end
        name = text[start:end]
        scan.emit(EN_01, start, end, key="diacritics", fix=fold(name))


def special(scan: Scan) -> None:
    text = scan.text
    if "@" in text or any(token in scan.low for token in _OBFUSCATED_AT):
        _emails(scan)
    if any(token in text for token in _STAMP_TOKENS):
        for m in _STAMP_LINE.finditer(text):
            if m.group("mark"):
                scan.emit(SEC_01, m.start("mark"), m.end("mark"))
            else:
                scan.emit(SEC_02, m.start("draft"), m.end("draft"))
    if _CJK_ANY.search(text):
        for m in _CJK_TERMS.finditer(text):
            rule, check = _CJK_RULES[m.lastgroup]
            result = check(scan, m.start(), m.end())
            if result:
                options = result if isinstance(result, dict) else {}
                scan.emit(rule, m.start(), m.end(), **options)
    if scan.lang == "en" and not text.isascii():
        _english_diacritics(scan)


__all__ = ["numbers", "occasion_detector", "special"]

"""Checks of structured data rather than running text.

- :func:`check_parity` (EN-02): an English translation against its Vietnamese source.
- :func:`check_press_release` (SPK-01): the spokesperson details of a press release.
- :func:`check_plan_reference` (RPT-01): an item names the task of the plan it serves.
- :func:`check_image` (IMG-02, IMG-03): an image's alt text and credit.
- :func:`check_map` (SOV-05): a part known to be a map.

They return :class:`Finding` objects like the text scan. A finding about something
missing has ``start == end == 0`` and an empty excerpt; ``field`` names the input it is
about (``"alt"``, ``"credit"``, a press-release key).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .findings import Finding, Severity
from .passes import (
    _DOCUMENT,
    _MONTH,
    _MONTHS,
    _PARTY_DOCUMENT,
    _RUN,
    _shape,
)
from .rules import EN_02, IMG_02, IMG_03, RPT_01, SOV_05, SPK_01, SPK_02
from .text import fold, nfc

if TYPE_CHECKING:
    from .engine import Scanner


def _finding(scanner: Scanner, rule: str, lang: str, **kwargs) -> Finding | None:
    from .engine import build_finding

    kwargs.setdefault("start", 0)
    kwargs.setdefault("end", 0)
    kwargs.setdefault("excerpt", "")
    return build_finding(scanner.config, rule, lang, **kwargs)


def _keep(findings: list[Finding | None]) -> list[Finding]:
    return [f for f in findings if f is not None]


# --- EN-02: translation parity --------------------------------------------------------------

_VI_DATES = re.compile(
    r"(?<![0-9/])(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})(?:\s*/\s*(?P<y>[0-9]{4}))?(?![0-9/])"
    r"|ngày\s+(?P<d2>[0-9]{1,2})\s+tháng\s+(?P<m2>[0-9]{1,2})(?:\s+năm\s+(?P<y2>[0-9]{4}))?",
    re.IGNORECASE,
)
_EN_DATES = re.compile(
    r"(?<![0-9/])(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})(?:\s*/\s*(?P<y>[0-9]{4}))?(?![0-9/])"
    rf"|(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn3>{_MONTH})(?:\s*,?\s+(?P<y3>[0-9]{{4}}))?"
    rf"|(?P<mn4>{_MONTH})\s+(?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*(?P<y4>[0-9]{{4}}))?"
    r"|(?P<y5>[0-9]{4})-(?P<m5>[0-9]{2})-(?P<d5>[0-9]{2})",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?:[.,][0-9]+)*")
_SOVEREIGN_VI = re.compile(
    r"(?i)(?:hoàng\s+sa|trường\s+sa)[^.!?\n]{0,80}?của\s+việt\s+nam"
    r"|(?:chủ\s+quyền\s+(?:của\s+)?việt\s+nam)[^.!?\n]{0,60}?(?:hoàng\s+sa|trường\s+sa)"
)
_SOVEREIGN_EN = re.compile(
    r"(?i)viet\s*nam['’]s|of\s+viet\s*nam|vietnamese\s+(?:sovereignty|archipelagos?)"
)


def _vi_number(raw: str) -> str:
    """ "1.850" → "1850", "3,5" → "3.5" (Vietnamese separators)."""
    if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?", raw):
        raw = raw.replace(".", "")
    return raw.replace(",", ".") if raw.count(",") == 1 else raw.replace(",", "")


def _en_number(raw: str) -> str:
    """ "1,850" → "1850" (English separators)."""
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", raw):
        raw = raw.replace(",", "")
    return raw


_UNIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9,
}  # fmt: skip
_TEEN_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
_SPELLED = re.compile(
    r"\b(?:(?P<tens>"
    + "|".join(_TENS_WORDS)
    + r")(?:[\s-]+(?P<unit>"
    + "|".join(_UNIT_WORDS)
    + r"))?|(?P<teen>"
    + "|".join(_TEEN_WORDS)
    + r"))\b",
    re.IGNORECASE,
)


def _spelled_numbers(text: str) -> set[str]:
    """Numbers from 10 to 99 written in English words: "eighty", "ninety-fifth"."""
    found = set()
    for m in _SPELLED.finditer(text):
        if m.group("teen"):
            found.add(str(_TEEN_WORDS[m.group("teen").lower()]))
        else:
            value = _TENS_WORDS[m.group("tens").lower()]
            if m.group("unit"):
                value += _UNIT_WORDS[m.group("unit").lower()]
            found.add(str(value))
    return found


def _dates(pattern: re.Pattern, text: str) -> tuple[set, list[tuple[int, int]]]:
    found: set[tuple[int, int, int | None]] = set()
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        groups = m.groupdict()
        if groups.get("d"):
            d, mo, y = groups["d"], groups["m"], groups["y"]
        elif groups.get("d2"):
            d, mo, y = groups["d2"], groups["m2"], groups["y2"]
        elif groups.get("d3"):
            d, mo, y = groups["d3"], _MONTHS[groups["mn3"].lower().rstrip(".")], groups["y3"]
        elif groups.get("d4"):
            d, mo, y = groups["d4"], _MONTHS[groups["mn4"].lower().rstrip(".")], groups["y4"]
        else:
            d, mo, y = groups["d5"], groups["m5"], groups["y5"]
        day, month = int(d), int(mo)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        found.add((day, month, int(y) if y else None))
        spans.append(m.span())
    return found, spans


def _documents(text: str) -> tuple[dict[str, str], list[tuple[int, int]]]:
    from .engine import document_key

    found: dict[str, str] = {}
    spans = []
    for pattern in (_DOCUMENT, _PARTY_DOCUMENT):
        for m in pattern.finditer(text):
            if m.start() and text[m.start() - 1].isalnum():
                continue
            written = re.sub(r"\s+", "", text[m.start() : m.end("sym")])
            found.setdefault(document_key(written), written)
            spans.append(m.span())
    return found, spans


def _numbers(text: str, spans: list[tuple[int, int]], reader) -> dict[str, str]:
    blank = list(text)
    for a, b in spans:
        blank[a:b] = " " * (b - a)
    plain = "".join(blank)
    found: dict[str, str] = {}
    for m in _NUMBER.finditer(plain):
        raw = m.group().rstrip(".,")
        value = reader(raw)
        if "." not in value and len(value.lstrip("0")) <= 1:
            continue  # "3 thôn" may be "three villages"
        found.setdefault(value, raw)
    return found


def check_parity(scanner: Scanner, vi_text: str, en_text: str, lang: str = "en") -> list[Finding]:
    vi_text, en_text = nfc(vi_text), nfc(en_text)
    if not vi_text.strip() or not en_text.strip():
        return []
    out: list[Finding | None] = []

    def missing(key: str, value: str) -> None:
        out.append(_finding(scanner, EN_02, lang, key=key, values={"value": value}))

    vi_docs, vi_doc_spans = _documents(vi_text)
    en_docs, en_doc_spans = _documents(en_text)
    for key, written in vi_docs.items():
        if key not in en_docs:
            missing("document", fold(written) if lang == "en" else written)
    vi_dates, vi_date_spans = _dates(_VI_DATES, vi_text)
    en_dates, en_date_spans = _dates(_EN_DATES, en_text)
    en_day_months = {(d, m) for d, m, _ in en_dates}
    for d, m, y in sorted(vi_dates, key=lambda t: (t[2] or 0, t[1], t[0])):
        present = (d, m, y) in en_dates if y else (d, m) in en_day_months
        if not present and y is not None and (d, m, None) in en_dates and str(y) in en_text:
            present = True  # "2 September ... 2025" written apart
        if not present:
            missing("date", f"{d}/{m}/{y}" if y else f"{d}/{m}")
    vi_numbers = _numbers(vi_text, vi_doc_spans + vi_date_spans, _vi_number)
    en_numbers = _numbers(en_text, en_doc_spans + en_date_spans, _en_number)
    en_all = set(en_numbers) | {str(y) for _, _, y in en_dates if y} | _spelled_numbers(en_text)
    for value, raw in vi_numbers.items():
        if value not in en_all:
            missing("number", raw)
    claim = _SOVEREIGN_VI.search(vi_text)
    if claim is not None and not _SOVEREIGN_EN.search(en_text):
        out.append(
            _finding(
                scanner,
                EN_02,
                lang,
                key="sovereignty",
                values={"value": "Hoàng Sa, Trường Sa" if lang != "en" else "Hoang Sa, Truong Sa"},
            )
        )
    return _keep(out)


# --- SPK-01: press releases --------------------------------------------------------------------

_GENERIC_SPEAKER = re.compile(
    r"(?i)^\W*(?:office\s+staff|staff|office|admin(?:istrator)?|editor(?:ial\s+(?:board|team))?"
    r"|press\s+office|spokesperson|the\s+commune|people's\s+committee|văn\s+phòng.*|cán\s+bộ.*"
    r"|ban\s+biên\s+tập|bộ\s+phận.*|phòng\s+.*|người\s+phát\s+ngôn|ubnd\s+xã.*|ủy\s+ban.*"
    r"|uỷ\s+ban.*|quản\s+trị(?:\s+viên)?|biên\s+tập\s+viên|phóng\s+viên)\W*$"
)
_VICE = re.compile(r"(?i)\bvice[\s_-]*chair|\bphó\s+chủ\s+tịch|\bpho\s+chu\s+tich|deputy")
_CHAIR = re.compile(r"(?i)\bchair(?:man|woman|person)?\b|\bchủ\s+tịch|\bchu\s+tich")
_AUTHORISATION_REFERENCE = re.compile(r"[0-9]{1,5}\s*/\s*(?:[0-9]{4}\s*/\s*)?[A-ZĐ]")
_SPEAKER_IN_TEXT = re.compile(
    r"(?i)(?:người\s+phát\s+ngôn|spokes(?:person|man|woman)|signed(?:\s+by)?)\s*[:\-–]?\s*"
    r"[\"“]?(?P<name>[^,;\n\"”]{2,80})[\"”]?(?P<rest>[^\n]*)"
)
_EMAIL_IN_TEXT = re.compile(r"(?i)[a-z0-9._%+-]+@(?P<domain>[a-z0-9.-]+\.[a-z]{2,})")


def _phones(scanner: Scanner, text: str) -> list[str]:
    phones = []
    for m in _RUN.finditer(text):
        digits = "".join(c for c in m.group() if c.isdigit())
        plus = text[m.start() - 1 : m.start()] == "+"
        shape = _shape(digits, plus, False)
        if shape and shape[0] == "phone":
            phones.append(shape[1])
    return phones


def _official_domain(scanner: Scanner, domain: str) -> bool:
    domain = domain.lower()
    return (
        domain == "gov.vn"
        or domain.endswith(".gov.vn")
        or any(domain == d or domain.endswith("." + d) for d in scanner.allowed_domains)
    )


def check_press_release(
    scanner: Scanner, fields: dict[str, str], lang: str = "vi"
) -> list[Finding]:
    """SPK-01. Keys of ``fields`` (all optional strings):

    ``spokesperson_name``, ``spokesperson_position`` (``chairman``/``vice_chairman`` or a
    label such as "Phó Chủ tịch UBND xã"), ``spokesperson_position_label``,
    ``spokesperson_authorisation`` (required for a Vice Chairman: the number and symbol of
    the Chairman's authorisation), ``spokesperson_phone``, ``spokesperson_email``, and
    ``text`` (the release itself; details missing from the other keys are looked for in
    it, e.g. "Người phát ngôn: Nguyễn Văn X, Chủ tịch UBND xã; ĐT ...").

    Phone and e-mail are checked when their keys are given or a ``text`` is: a page type
    whose template prints the office's official contacts passes neither. The phone must
    be on the allowlist (when the office keeps one), the e-mail at ``.gov.vn`` or an
    allowed domain.
    """
    values = {k: nfc(str(v or "")).strip() for k, v in fields.items()}
    text = values.get("text", "")
    name = values.get("spokesperson_name", "")
    position = " ".join(
        filter(
            None,
            (
                values.get("spokesperson_position", ""),
                values.get("spokesperson_position_label", ""),
            ),
        )
    )
    in_text = _SPEAKER_IN_TEXT.search(text) if text else None
    if in_text is not None:
        name = name or in_text.group("name").strip()
        position = position or in_text.group("rest")
    out: list[Finding | None] = []

    def block(key: str, field: str, **extra) -> None:
        out.append(_finding(scanner, SPK_01, lang, key=key, field=field, values=extra))

    if not name:
        block("name", "spokesperson_name")
    elif _GENERIC_SPEAKER.match(name):
        block("generic_name", "spokesperson_name", value=name)
    vice = bool(_VICE.search(position)) or "vice" in position.lower()
    chair = not vice and bool(_CHAIR.search(position))
    if not (vice or chair):
        block("position", "spokesperson_position")
    if vice:
        authorisation = values.get("spokesperson_authorisation", "")
        if not authorisation and text:
            found = re.search(r"(?i)(?:ủy|uỷ)\s+quyền[^\n]{0,80}", text)
            authorisation = found.group() if found else ""
        if not _AUTHORISATION_REFERENCE.search(authorisation):
            block("authorisation", "spokesperson_authorisation")
    if "spokesperson_phone" in values or text:
        phone_text = values.get("spokesperson_phone") or text
        phones = _phones(scanner, phone_text)
        if not phones:
            block("phone", "spokesperson_phone")
        elif scanner.allowed_phones and not any(p in scanner.allowed_phones for p in phones):
            block("phone_unofficial", "spokesperson_phone", value=phones[0])
    if "spokesperson_email" in values or text:
        email_text = values.get("spokesperson_email") or text
        emails = list(_EMAIL_IN_TEXT.finditer(email_text))
        if not emails:
            block("email", "spokesperson_email")
        elif not any(_official_domain(scanner, m.group("domain")) for m in emails):
            block("email_unofficial", "spokesperson_email", value=emails[0].group())
    return _keep(out)


# --- IMG-02, IMG-03: alt text and credit ---------------------------------------------------------

_FILE_NAME = re.compile(
    r"(?i)^\S+\.(?:jpe?g|png|gif|webp|heic|heif|tiff?|bmp|svg|avif)$"
    r"|^(?:IMG|DSC|DSCN|DCIM|PXL|FB_IMG|MVIMG|Screenshot|Screen\s+Shot|Ảnh\s+chụp\s+màn\s+hình|z|P|VID)"
    r"[\s_\-]*[0-9][\w\-\s]*(?:\.\w{3,4})?$"
)
_GENERIC_ALT = re.compile(
    r"(?i)^(?:ảnh|anh|hình|hinh|hình\s+ảnh|hinh\s+anh|image|photo|picture|pic|img|graphic"
    r"|ảnh\s+minh\s+(?:họa|hoạ)|hình\s+minh\s+(?:họa|hoạ)|anh\s+minh\s+hoa|minh\s+(?:họa|hoạ)"
    r"|illustration|untitled|no\s+title|không\s+có\s+tiêu\s+đề|alt|alt\s+text|ảnh\s+đại\s+diện"
    r"|thumbnail|banner)\s*[0-9]*\W*$"
)
_NO_WORDS = re.compile(r"^[\W0-9_]*$")
_CREDIT_LABEL_ONLY = re.compile(r"(?i)^(?:ảnh|photo|nguồn(?:\s+ảnh)?|source|hình|credit)\s*:?\s*$")
_WEAK_CREDIT = re.compile(
    r"(?i)^(?:(?:ảnh|anh|photo|nguồn(?:\s+ảnh)?|nguon(?:\s+anh)?|source|hình|credit)\s*:\s*)?"
    r"(?:internet|nguồn\s+internet|sưu\s+tầm|suu\s+tam|st|google|google\s+images|facebook|zalo"
    r"|mạng|mạng\s+xã\s+hội|tư\s+liệu|tư\s+liệu\s+internet|pinterest)(?!\w)"
)


def check_image(scanner: Scanner, alt: str, credit: str, lang: str = "vi") -> list[Finding]:
    alt = nfc(alt or "")
    credit = nfc(credit or "")
    out: list[Finding | None] = []
    plain_alt = alt.strip()
    if not plain_alt:
        out.append(_finding(scanner, IMG_02, lang, field="alt"))
    elif _FILE_NAME.match(plain_alt) or _GENERIC_ALT.match(plain_alt) or _NO_WORDS.match(plain_alt):
        out.append(_finding(scanner, IMG_02, lang, start=0, end=len(alt), excerpt=alt, field="alt"))
    plain_credit = credit.strip()
    if not plain_credit or _CREDIT_LABEL_ONLY.match(plain_credit):
        out.append(_finding(scanner, IMG_03, lang, end=len(credit), excerpt=credit, field="credit"))
    elif _WEAK_CREDIT.match(plain_credit):
        out.append(
            _finding(
                scanner,
                IMG_03,
                lang,
                start=0,
                end=len(credit),
                excerpt=credit,
                key="weak",
                severity=Severity.WARN,
                field="credit",
            )
        )
    return _keep(out)


def check_map(scanner: Scanner, lang: str = "vi", excerpt: str = "") -> list[Finding]:
    excerpt = nfc(excerpt or "")
    return _keep([_finding(scanner, SOV_05, lang, end=len(excerpt), excerpt=excerpt)])


# --- SPK-02: the speaker of a press release is in the spokesperson register -----------------


def _person_key(name: str) -> str:
    return " ".join(fold(nfc(name)).casefold().split())


def check_registered_speaker(
    scanner: Scanner, name: str, registered: list[str] | tuple[str, ...], lang: str = "vi"
) -> list[Finding]:
    """SPK-02 (block): a press release speaks through a person with a current entry in the
    spokesperson register. ``registered`` holds the names of the current entries; with no
    current entry nothing can be compared and the check says nothing. Names are compared
    without diacritics, case or extra spaces ("Phạm Quang Hưng" = "PHAM QUANG HUNG")."""
    name = nfc(name or "").strip()
    if not name or not registered:
        return []
    if _person_key(name) in {_person_key(entry) for entry in registered}:
        return []
    shown = ", ".join(registered)
    return _keep(
        [
            _finding(
                scanner,
                SPK_02,
                lang,
                end=len(name),
                excerpt=name,
                key="unregistered",
                severity=Severity.BLOCK,
                fix=(shown, shown),
            )
        ]
    )


# --- RPT-01: the item names the task of the plan it carries out --------------------------------


def check_plan_reference(scanner: Scanner, plan_ref: str, lang: str = "vi") -> list[Finding]:
    """RPT-01 (warn): the periodic report counts articles, features and campaigns by the
    task of the plan they carry out, so an item with no task (``plan_ref`` empty) is left
    out of it. The finding is about the missing field ``plan_task``, with no excerpt."""
    if (plan_ref or "").strip():
        return []
    return _keep([_finding(scanner, RPT_01, lang, field="plan_task")])

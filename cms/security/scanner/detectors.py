"""What each rule looks for, and how a hit is confirmed before it becomes a finding.

A :class:`Detector` has triggers (folded keywords, see ``engine``) and a ``run`` function
called with the scan and the trigger's position. Most rules are lists of phrases
(:func:`phrases`): the phrase is confirmed against the original text (diacritics must
agree where the text has them; ``policy="upper"`` accepts text without diacritics only in
capitals), then an optional ``check`` looks at the sentence. Numbers, e-mail addresses,
stamp lines, Chinese characters and diacritics in English text have their own passes
(:func:`special_passes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import data
from .findings import Severity
from .rules import (
    EN_01,
    HR_01,
    IMG_01,
    LAW_01,
    LAW_02,
    LAW_03,
    MON_01,
    PII_05,
    PII_06,
    RULES,
    SEC_01,
    SEC_02,
    SEC_03,
    SOV_01,
    SOV_02,
    SOV_03,
    SOV_04,
    SOV_05,
    SOV_06,
    SPK_02,
    SPK_03,
)
from .text import fold, fold_lower, nfc, syllable_key
from .trie import normalise_keyword, trie_pattern

if TYPE_CHECKING:
    from .engine import Scan

VI = ("vi",)
EN = ("en",)
BOTH = ("vi", "en")


@dataclass(frozen=True, eq=False)
class Detector:
    rule: str
    triggers: tuple[str, ...]
    run: Callable[[Scan, int, int], None]
    langs: tuple[str, ...] = BOTH
    parts: tuple[str, ...] | None = None  # None: where the rule applies


DETECTORS: list[Detector] = []


def _key(text: str) -> str:
    return normalise_keyword(fold_lower(nfc(text)))


def _low_regex(phrases: Iterable[str], before: str = r"\b", after: str = r"(?!\w)") -> re.Pattern:
    """A regex over the folded text matching any of ``phrases`` (written with diacritics
    or without; matched without)."""
    return re.compile(before + "(?:" + trie_pattern({_key(p) for p in phrases}) + ")" + after)


_WORDS = re.compile(r"[^\W_]+")


class Phrases:
    """Phrases confirmed against the original text.

    ``policy``: ``"any"`` accepts a word written without diacritics; ``"upper"`` only if
    it is in capitals (``TOI MAT`` yes, ``toi mat`` no: it reads as ``tôi mất``);
    ``"exact"`` never; ``"fold"`` ignores diacritics altogether (English names, which a
    writer may have typed with Vietnamese letters).
    """

    def __init__(self, phrases: Iterable[str], policy: str = "any") -> None:
        self.policy = policy
        self.keys: dict[str, list[list[str]]] = {}
        for phrase in phrases:
            words = [syllable_key(w) for w in _WORDS.findall(nfc(phrase))]
            self.keys.setdefault(_key(phrase), []).append(words)
        self.triggers = tuple(self.keys)
        self.regex = re.compile("(?:" + trie_pattern(self.keys) + r")(?!\w)")

    def at(self, scan: Scan, start: int) -> int | None:
        """The end of a confirmed phrase starting at ``start``, or None."""
        m = self.regex.match(scan.low, start)
        if m is None:
            return None
        if self.policy == "fold":
            return m.end()  # the folded text matched: nothing more to confirm
        words = _WORDS.findall(scan.text[start : m.end()])
        for expected in self.keys.get(normalise_keyword(m.group()), ()):
            if self._agree(words, expected):
                return m.end()
        return None

    def _agree(self, words: list[str], expected: list[str]) -> bool:
        if len(words) != len(expected):
            return False
        for word, key in zip(words, expected, strict=True):
            if syllable_key(word) == key:
                continue
            if self.policy == "exact" or fold(word) != word:
                return False  # written with other diacritics: another word
            if self.policy == "upper" and not (word.isupper() or word.isdigit()):
                return False
        return True


class Vocabulary:
    """Words and phrases looked for anywhere in a stretch of text (a sentence), confirmed
    like :class:`Phrases`: ``loose`` ones may be written without diacritics, ``exact``
    ones (single syllables such as "cấm") must carry theirs."""

    def __init__(self, loose: Iterable[str] = (), exact: Iterable[str] = ()) -> None:
        self.checks = [Phrases(loose, "any"), Phrases(exact, "exact")]
        keys = {k for check in self.checks for k in check.keys}
        self.regex = re.compile(r"\b(?:" + trie_pattern(keys) + r")(?!\w)")

    def search(self, scan: Scan, start: int, end: int) -> bool:
        for m in self.regex.finditer(scan.low, start, end):
            if any(check.at(scan, m.start()) for check in self.checks if check.keys):
                return True
        return False


Check = Callable[["Scan", int, int], "bool | dict | None"]


def phrases(
    rule: str,
    items: Iterable[str],
    *,
    langs: tuple[str, ...] = BOTH,
    parts: tuple[str, ...] | None = None,
    policy: str = "any",
    check: Check | None = None,
    key: str = "default",
    severity: Severity | None = None,
    fix: tuple[str, str] | str | None = None,
) -> Phrases:
    """Register a detector reporting ``rule`` where one of ``items`` occurs.

    ``check(scan, start, end)`` may veto (falsy), accept (True) or adjust the finding
    (a dict of ``emit`` arguments, and ``start``/``end``).
    """
    found = Phrases(items, policy)

    def run(scan: Scan, start: int, _end: int) -> None:
        end = found.at(scan, start)
        if end is None:
            return
        options: dict = {"key": key, "severity": severity, "fix": fix}
        if check is not None:
            result = check(scan, start, end)
            if not result:
                return
            if isinstance(result, dict):
                options.update(result)
        begin = options.pop("start", start)
        finish = options.pop("end", end)
        scan.emit(rule, begin, finish, **options)

    DETECTORS.append(Detector(rule, found.triggers, run, langs, parts))
    return found


def detector(rule: str, triggers: Iterable[str], langs=BOTH, parts=None):
    """Register a hand-written detector."""

    def register(fn: Callable[[Scan, int, int], None]):
        DETECTORS.append(Detector(rule, tuple(_key(t) for t in triggers), fn, langs, parts))
        return fn

    return register


# --- shared context tests ----------------------------------------------------------------

_OPEN_QUOTES = "\"“«‘'„"
_CLOSE_QUOTES = "\"”»’'“"


def quoted(scan: Scan, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands between quotation marks in its sentence."""
    a, b = scan.sentence(start, end)
    before, after = scan.text[a:start], scan.text[end:b]
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    for left, right in (("“", "”"), ("«", "»"), ("‘", "’"), ("„", "“")):
        if before.rfind(left) > before.rfind(right) and right in after:
            return True
    return False


def stamp_like(scan: Scan, start: int, end: int) -> bool:
    """Written like a stamp: in capitals, or in quotes or brackets of its own."""
    raw = scan.text[start:end]
    if raw.isupper():
        return True
    before = scan.text[max(0, start - 3) : start].rstrip()
    after = scan.text[end : end + 3].lstrip()
    return bool(before) and before[-1] in "([" + _OPEN_QUOTES and after[:1] in ")]" + _CLOSE_QUOTES


def alone_on_line(scan: Scan, start: int, end: int) -> bool:
    line_start = scan.text.rfind("\n", 0, start) + 1
    line_end = scan.text.find("\n", end)
    if line_end < 0:
        line_end = len(scan.text)
    rest = scan.text[line_start:start] + scan.text[end:line_end]
    return not any(c.isalnum() for c in rest)


_QUALIFIER = _low_regex(
    [
        "phi pháp",
        "phi lý",
        "trái luật pháp quốc tế",
        "trái với luật pháp quốc tế",
        "trái công ước",
        "unclos",
        "cái gọi là",
        "vô giá trị",
        "không có cơ sở pháp lý",
        "không có giá trị pháp lý",
        "bác bỏ",
        "phản đối",
        "ngang ngược",
        "xuyên tạc",
        "illegal",
        "illegally",
        "unlawful",
        "so called",
        "no legal basis",
        "invalid",
        "baseless",
        "groundless",
        "reject",
        "rejects",
        "rejected",
    ]
)


def qualified(scan: Scan, start: int, end: int) -> bool:
    """Whether the sentence qualifies the term ("phi pháp", "so-called", "UNCLOS"...)."""
    a, b = scan.sentence(start, end)
    return _QUALIFIER.search(scan.low, a, b) is not None


_PROTECTIVE = Vocabulary(
    loose=[
        "nghiêm cấm",
        "không được",
        "không để",
        "bảo vệ",
        "bảo mật",
        "phòng ngừa",
        "phòng chống",
        "làm lộ",
        "để lộ",
        "lộ lọt",
        "tập huấn",
        "hướng dẫn",
        "quy định",
        "must not",
        "do not",
        "never",
        "protect",
        "protecting",
        "protection",
        "safeguard",
        "safeguarding",
        "training",
        "handling",
    ],
    exact=["cấm", "tránh"],
)
_PROTECTIVE_WITH_COMMA = re.compile(r"\b(?:phong,\s*chong|lo,\s*lot)\b")


def protective(scan: Scan, start: int, end: int) -> bool:
    """Whether the sentence talks about protecting secrets (forbids, trains, guides)."""
    a, _ = scan.sentence(start, end)
    return _PROTECTIVE.search(scan, a, start) or bool(
        _PROTECTIVE_WITH_COMMA.search(scan.low, a, start)
    )


# --- SEC-01: classification marks -------------------------------------------------------

_TUYET_MAT = Phrases(["tuyệt mật"], "any")
_TOI_MAT = Phrases(["tối mật"], "upper")
# "mật ong" (honey), "mật độ" (density), "mật thiết" (close)...: "tối mật ong" is honey
# in the evening, not a classification.
_NOT_A_MARK_NEXT = re.compile(
    r"(?i)[\s-]*(?:ong|độ|mía|gấu|rỉ|khẩu|mã|thiết|thám|ngọt|báo(?!\s+cáo)|lệnh|ngào|đắng)(?!\w)"
)
_TUYET_MAT_FOLDED = re.compile(r"\btuyet\s+mat\b")
_TOI_MAT_FOLDED = re.compile(r"\btoi\s+mat\b")
_LAST_LEVEL = re.compile(r"\s*(?:,|\bva\b|\bhoac\b)\s*(?:do\s+)?mat\b")


def _classification(scan: Scan, start: int, end: int) -> None:
    if _NOT_A_MARK_NEXT.match(scan.text, end):
        return
    a, b = scan.sentence(start, end)
    # another level in the same sentence: the levels are being listed
    other = _TOI_MAT_FOLDED if "tuyet" in scan.low[start:end] else _TUYET_MAT_FOLDED
    listing = other.search(scan.low, a, b) or _LAST_LEVEL.match(scan.low, end)
    if listing or (protective(scan, start, end) and not stamp_like(scan, start, end)):
        # "ba độ mật: Tuyệt mật, Tối mật và Mật" explains the levels; "nghiêm cấm đưa tài
        # liệu Tối mật lên mạng" forbids: talk about secrets, not a marked document.
        scan.emit(SEC_03, start, end, key="mention", severity=Severity.WARN)
        return
    scan.emit(SEC_01, start, end)


@detector(SEC_01, ["tuyệt mật", "tối mật"])
def _sec01_levels(scan: Scan, start: int, _end: int) -> None:
    end = _TUYET_MAT.at(scan, start) or _TOI_MAT.at(scan, start)
    if end is not None:
        _classification(scan, start, end)


_DO_MAT = Phrases(["độ mật"], "any")
_LEVEL_AFTER_COLON = re.compile(r"\s*:\s*(tuyet\s+mat|toi\s+mat|mat)(?!\w)")
_LEVEL_KEYS = ({"tuyệt", "mật"}, {"tối", "mật"}, {"mật"})


@detector(SEC_01, ["độ mật"])
def _sec01_degree(scan: Scan, start: int, _end: int) -> None:
    end = _DO_MAT.at(scan, start)
    if end is None:
        return
    m = _LEVEL_AFTER_COLON.match(scan.low, end)
    if m is None:
        return
    level = scan.text[m.start(1) : m.end(1)]
    words = _WORDS.findall(level)
    exact = {syllable_key(w) for w in words} in [{syllable_key(w) for w in k} for k in _LEVEL_KEYS]
    if exact or (fold(level) == level and level.isupper()):
        _classification(scan, start, m.end())


_EN_MARKS = Phrases(["top secret", "secret", "confidential", "classified"])
_ARTICLE_BEFORE = re.compile(r"(?:THE|A|AN|OUR|ITS|MY|NO|YOUR|THEIR|BIG|LITTLE)\s+$")
_NOT_A_MARK_AFTER = re.compile(r"\s+(?:OF|ADS|SANTA|GARDEN|RECIPE|INGREDIENT)\b")


@detector(SEC_01, ["top secret", "secret", "confidential", "classified"])
def _sec01_english(scan: Scan, start: int, _end: int) -> None:
    end = _EN_MARKS.at(scan, start)
    if end is None:
        return
    raw = scan.text[start:end]
    if not raw.isupper():
        return  # "the secret of bánh nhãn": an ordinary word
    if _ARTICLE_BEFORE.search(scan.text, max(0, start - 8), start):
        return
    if _NOT_A_MARK_AFTER.match(scan.text, end):
        return
    scan.emit(SEC_01, start, end)


phrases(SEC_01, ["for official use only", "for internal use only"])


# --- SEC-02: restricted circulation ------------------------------------------------------

_RESTRICTED_ON_LINE = _low_regex(
    ["lưu hành nội bộ", "tài liệu nội bộ", "tài liệu thu hồi", "tuyệt mật", "tối mật", "mật"]
)


def _restricted_document(scan: Scan, start: int, end: int):
    if protective(scan, start, end) and not stamp_like(scan, start, end):
        return {"key": "mention", "severity": Severity.WARN}
    return True


def _marker_only(scan: Scan, start: int, end: int):
    """ "không phổ biến", "không đăng tải" are ordinary words ("loài cây không phổ biến";
    "đề nghị không đăng tải tin sai"); they mark a document only as a stamp."""
    if stamp_like(scan, start, end) or alone_on_line(scan, start, end):
        return True
    line_start = scan.low.rfind("\n", 0, start) + 1
    line_end = scan.low.find("\n", end)
    line_end = len(scan.low) if line_end < 0 else line_end
    other = scan.low[line_start:start] + " " * (end - start) + scan.low[end:line_end]
    return _RESTRICTED_ON_LINE.search(other) is not None


phrases(
    SEC_02,
    ["lưu hành nội bộ", "tài liệu nội bộ", "tài liệu thu hồi", "văn bản thu hồi"],
    check=_restricted_document,
)
phrases(SEC_02, ["chỉ người có tên mới được bóc bì"])
phrases(SEC_02, ["không phổ biến", "không đăng tải", "không công bố"], check=_marker_only)

_DRAFT_VI = Phrases(["dự thảo"])
_DRAFT_ROUND = re.compile(
    r"\s+lan\s+(?:thu\s+)?(?:[0-9]{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)(?!\w)"
)
_DRAFT_EN_ROUND = re.compile(r"\s*(?:v|ver\.?|version|no\.?|#)\s*[0-9]+(?:\.[0-9]+)?(?!\w)")


@detector(SEC_02, ["dự thảo", "draft"])
def _sec02_draft(scan: Scan, start: int, _end: int) -> None:
    end = _DRAFT_VI.at(scan, start)
    if end is not None:
        m = _DRAFT_ROUND.match(scan.low, end)
        if m is not None:
            scan.emit(SEC_02, start, m.end())
        return
    if scan.low.startswith("draft", start):
        end = start + 5
        m = _DRAFT_EN_ROUND.match(scan.low, end)
        if m is not None:
            scan.emit(SEC_02, start, m.end())


phrases(
    SEC_02,
    [
        "internal circulation",
        "for internal circulation",
        "not for distribution",
        "not for public distribution",
        "not for release",
        "not for public release",
        "do not distribute",
        "restricted distribution",
    ],
)


# --- SEC-03: state secrets, defence detail -------------------------------------------------

phrases(
    SEC_03,
    [
        "quân số",
        "phương án tác chiến",
        "kế hoạch tác chiến",
        "kế hoạch phòng thủ",
        "trực sẵn sàng chiến đấu",
        "kho vũ khí",
        "kho đạn",
        "kho đạn dược",
        "kho quân khí",
        "kho vật liệu nổ",
        "vị trí trận địa",
        "vị trí đóng quân",
        "sơ đồ bố phòng",
        "tọa độ",
        "troop strength",
        "troop numbers",
        "deployment plan",
        "deployment plans",
        "combat plan",
        "weapons depot",
        "weapon depot",
        "arms depot",
        "ammunition store",
        "ammunition depot",
        "grid coordinates",
        "grid coordinate",
    ],
)
phrases(
    SEC_03,
    [
        "bí mật nhà nước",
        "bí mật quân sự",
        "tài liệu mật",
        "văn bản mật",
        "state secret",
        "state secrets",
        "military secret",
        "military secrets",
        "classified information",
    ],
    key="mention",
    severity=Severity.WARN,
)


# --- PII-05: sensitive data tied to a named person ----------------------------------------

_HONORIFIC = re.compile(r"(?i)(?<!\w)(?:ông|bà|anh|chị|em|cháu|cụ|mr|mrs|ms|miss)\.?\s+(\w)")


def _named_person_before(scan: Scan, start: int, end: int):
    a, _ = scan.sentence(start, end)
    a = max(a, start - 120)
    for m in _HONORIFIC.finditer(scan.text, a, start):
        if m.group(1).isupper():
            return {"start": m.start()}
    return None


phrases(
    PII_05,
    [
        "HIV",
        "AIDS",
        "ung thư",
        "tâm thần",
        "trầm cảm",
        "lao phổi",
        "bệnh án",
        "nghiện",
        "nghiện ma túy",
        "cai nghiện",
        "vô sinh",
        "tiền án",
        "tiền sự",
        "khuyết tật",
        "bệnh hiểm nghèo",
        "cancer",
        "mental illness",
        "criminal record",
        "depression",
        "tuberculosis",
        "drug addiction",
        "drug addict",
        "addicted",
    ],
    check=_named_person_before,
)


# --- PII-06, IMG-01, SOV-05: what an image shows (alt, caption, file name, OCR) ------------

phrases(
    PII_06,
    [
        "học sinh",
        "trẻ em",
        "cháu bé",
        "em nhỏ",
        "em bé",
        "thiếu nhi",
        "trẻ mầm non",
        "bệnh nhân",
        "người bệnh",
        "children",
        "child",
        "pupil",
        "pupils",
        "schoolchildren",
        "kids",
        "patient",
        "patients",
    ],
    parts=("alt", "caption", "filename"),
)
phrases(
    IMG_01,
    [
        "đồn biên phòng",
        "trạm biên phòng",
        "trạm ra đa",
        "trạm rada",
        "trạm radar",
        "doanh trại",
        "sở chỉ huy",
        "trận địa",
        "khu quân sự",
        "căn cứ quân sự",
        "công trình quốc phòng",
        "thao trường",
        "kho vũ khí",
        "khu vực cấm",
        "border post",
        "border guard station",
        "border station",
        "barracks",
        "military base",
        "military zone",
        "military site",
        "military installation",
        "army base",
        "radar station",
    ],
)


def _not_road_map(scan: Scan, start: int, end: int):
    return not scan.low[max(0, start - 5) : start].endswith(("road ", "road-"))


phrases(
    SOV_05,
    check=_not_road_map,
    items=[
        "bản đồ",
        "lược đồ",
        "quả địa cầu",
        "địa cầu",
        "hải đồ",
        "map",
        "maps",
        "atlas",
        "globe",
    ],
)


# --- SOV-01..06: sovereignty -----------------------------------------------------------------

_GLOSS_BEFORE = _low_regex(
    ["east sea", "bien dong", "internationally known as", "known internationally as"],
    after=r"(?!\w)[^.!?\n]{0,40}$",
)


def _sov01(scan: Scan, start: int, end: int):
    a, _ = scan.sentence(start, end)
    if _GLOSS_BEFORE.search(scan.low, max(a, start - 80), start):
        return {"key": "gloss", "severity": Severity.WARN}
    if quoted(scan, start, end):
        return {"key": "quoted", "severity": Severity.ATTEST}
    return True


phrases(
    SOV_01,
    [
        "South China Sea",
        "South China Seas",
        "biển Nam Trung Hoa",
        "biển Nam Trung Quốc",
        "biển Hoa Nam",
        "Nam Trung Hoa hải",
    ],
    check=_sov01,
)


def _quoted_and_qualified(scan: Scan, start: int, end: int):
    if quoted(scan, start, end) and qualified(scan, start, end):
        return {"key": "quoted", "severity": Severity.ATTEST}
    return True


_NOT_THE_ISLANDS = re.compile(
    r"(?i)\s+(?:restoration|era|period|shrine|jingu|university|emperor|new\s+area|port"
    r"|district\s+of\s+guangzhou|guangzhou)\b"
)


_ARCHIPELAGO_OF = {"xisha": "paracel", "nansha": "spratly"}


def _sov02_english(scan: Scan, start: int, end: int):
    if not scan.text[start].isupper():
        return None
    if _NOT_THE_ISLANDS.match(scan.text, end):
        return None  # the Meiji era; Nansha New Area of Guangzhou
    result = _quoted_and_qualified(scan, start, end)
    archipelago = _ARCHIPELAGO_OF.get(scan.low[start:end])
    if result is True and archipelago:
        return {"key": archipelago}  # suggests "Hoang Sa (Paracel)" / "Truong Sa (Spratly)"
    return result


phrases(
    SOV_02,
    [
        "Xisha",
        "Nansha",
        "Zhongsha",
        "Sansha",
        "Yongxing",
        "Yongshu",
        "Meiji",
        "Chigua",
        "Zhubi",
        "Four Sha",
        "Four-Sha",
    ],
    check=_sov02_english,
)
phrases(
    SOV_02,
    [
        f"{unit} {name}"
        for unit in ("quần đảo", "huyện", "quận", "thành phố", "thị xã", "khu")
        for name in ("Tây Sa", "Nam Sa", "Trung Sa", "Tam Sa")
    ]
    + ["Tứ Sa"],
    check=_quoted_and_qualified,
)

_VN_NAME_BEFORE = re.compile(r"(?i)(?:hoang|hoàng|truong|trường)\s+sa\s*\(\s*$")
_GLOSSED_NAME = re.compile(r"(paracel|spratly)s?(?!\w)")
# "Paracel Islands", "Spratly archipelago", "Paracel (Hoang Sa)": the whole name is replaced.
_AFTER_GLOSSED_NAME = re.compile(
    r"(?:\s+(?P<islands>islands?|archipelago(?P<plural>s)?)(?!\w))?"
    r"(?:\s*\(\s*(?:hoang|truong)\s+sa(?:\s+(?:islands?|archipelagos?))?\s*\))?"
)


@detector(SOV_03, ["paracel", "paracels", "spratly", "spratlys"], langs=EN)
def _sov03(scan: Scan, start: int, _end: int) -> None:
    m = _GLOSSED_NAME.match(scan.low, start)
    if m is None or _VN_NAME_BEFORE.search(scan.text, max(0, start - 16), start):
        return
    fix = "Hoang Sa (Paracel)" if m.group(1) == "paracel" else "Truong Sa (Spratly)"
    after = _AFTER_GLOSSED_NAME.match(scan.low, m.end())
    if after.group("islands"):
        fix += " archipelagos" if after.group("plural") else " archipelago"
    scan.emit(SOV_03, start, after.end(), fix=fix)


_SOV_CONTEXT = _low_regex(
    [
        "biển đông",
        "bản đồ",
        "hải đồ",
        "trung quốc",
        "chủ quyền",
        "yêu sách",
        "hoàng sa",
        "trường sa",
        "unclos",
        "lãnh hải",
        "east sea",
        "china",
        "sovereignty",
    ]
)


def _sov04(scan: Scan, start: int, end: int):
    if qualified(scan, start, end):
        return {"key": "qualified", "severity": Severity.WARN}
    return True


def _sov04_needs_context(scan: Scan, start: int, end: int):
    # "đường đứt đoạn" and "đường chữ U" are also road markings and bends
    a, b = scan.sentence(start, end)
    if _SOV_CONTEXT.search(scan.low, a, b) is None:
        return None
    return _sov04(scan, start, end)


phrases(
    SOV_04,
    [
        "nine dash line",
        "nine dashed line",
        "9 dash line",
        "9 dashed line",
        "ten dash line",
        "ten dashed line",
        "10 dash line",
        "10 dashed line",
        "eleven dash line",
        "11 dash line",
        "u shaped line",
        "cow tongue",
        "cows tongue",
        "cow's tongue",
        "cow tongue line",
        "đường lưỡi bò",
        "đường chín đoạn",
        "đường 9 đoạn",
        "đường mười đoạn",
        "đường 10 đoạn",
        "đường mười một đoạn",
        "đường 11 đoạn",
        "yêu sách lưỡi bò",
    ],
    check=_sov04,
)
phrases(SOV_04, ["đường đứt đoạn", "đường chữ U"], check=_sov04_needs_context)

_FRAMING_AFTER = re.compile(
    r"[^.!?\n;]{0,60}?\b(?P<word>tranh\s+chap|disputed|contested|claimed\s+by|in\s+dispute)\b"
)
_NOT_DISPUTED = re.compile(r"(?:khong\s+(?:con\s+)?(?:co\s+)?|not\s+|no\s+)$")
_ARCHIPELAGO = re.compile(r"(?:hoang\s+sa|truong\s+sa|paracel|spratly)s?(?!\w)")


@detector(SOV_06, ["hoàng sa", "trường sa", "paracel", "paracels", "spratly", "spratlys"])
def _sov06_framing(scan: Scan, start: int, _end: int) -> None:
    name = _ARCHIPELAGO.match(scan.low, start)
    if name is None:
        return
    m = _FRAMING_AFTER.match(scan.low, name.end())
    if m is None:
        return
    word = m.start("word")
    if _NOT_DISPUTED.search(scan.low, max(start, word - 12), word):
        return  # "không tranh chấp", "not disputed"
    scan.emit(SOV_06, start, m.end())


_DISPUTED_BEFORE_NAME = re.compile(
    r"(?:disputed|contested)\s+(?:the\s+)?(?:hoang\s+sa|truong\s+sa|paracel|spratly)s?(?!\w)"
)


@detector(SOV_06, ["disputed", "contested"], langs=EN)
def _sov06_disputed(scan: Scan, start: int, _end: int) -> None:
    m = _DISPUTED_BEFORE_NAME.match(scan.low, start)
    if m is not None and not _NOT_DISPUTED.search(scan.low[max(0, start - 6) : start]):
        scan.emit(SOV_06, start, m.end())


def _outdated(scan: Scan, start: int, end: int):
    published = scan.context.published_on
    if published is not None and tuple(published) < (2025, 7, 1):
        return None  # correct when written
    name = "Trường Sa" if "truong" in scan.low[start:end] else "Hoàng Sa"
    if scan.lang == "en":
        name = fold(name)
    return {"key": "outdated", "name": name}


phrases(
    SOV_06,
    [
        "huyện đảo Hoàng Sa",
        "huyện đảo Trường Sa",
        "huyện Hoàng Sa",
        "huyện Trường Sa",
        "Hoang Sa district",
        "Truong Sa district",
        "Hoang Sa island district",
        "Truong Sa island district",
    ],
    check=_outdated,
)


# --- SPK-02: anonymous official voice -----------------------------------------------------

_ANONYMOUS_SPEAKER = re.compile(
    r"(?i)\b(?:một|1|mot)\s+(?:vị\s+|vi\s+)?(?:cán\s+bộ|lãnh\s+đạo|công\s+chức|nguồn\s+tin"
    r"|người|can\s+bo|lanh\s+dao|cong\s+chuc|nguon\s+tin)\b"
)


def _anonymous_vi(scan: Scan, start: int, end: int):
    a, _ = scan.sentence(start, end)
    found = None
    for m in _ANONYMOUS_SPEAKER.finditer(scan.text, max(a, start - 80), start):
        found = m
    return {"start": found.start()} if found else None


phrases(
    SPK_02,
    ["giấu tên", "xin giấu tên", "tiết lộ", "không muốn nêu tên", "đề nghị không nêu tên"],
    langs=VI,
    check=_anonymous_vi,
)
phrases(SPK_02, ["theo nguồn tin riêng", "nguồn tin riêng", "nguồn tin giấu tên"], langs=VI)

_OFFICIAL_BEFORE = re.compile(r"(?i)\b(?:official|officer|source|staff|employee)s?\b")


def _anonymous_en(scan: Scan, start: int, end: int):
    a, _ = scan.sentence(start, end)
    found = None
    for m in _OFFICIAL_BEFORE.finditer(scan.text, max(a, start - 60), start):
        found = m
    return {"start": found.start()} if found else None


phrases(
    SPK_02,
    ["anonymity", "not to be named", "not be named", "declined to be named"],
    langs=EN,
    check=_anonymous_en,
)
phrases(
    SPK_02,
    [
        "sources said",
        "sources say",
        "a source said",
        "source said",
        "unnamed official",
        "unnamed source",
        "anonymous official",
        "anonymous source",
    ],
    langs=EN,
)


# --- SPK-03: investigations, inspections, complaints ----------------------------------------

_DANG_BEFORE = re.compile(r"(?i)\b(?:đang|dang)\b(?:\s+\S+){0,8}?\s*$")
_SURVEY_AFTER = _low_regex(
    [
        "dân số",
        "hộ nghèo",
        "khảo sát",
        "thống kê",
        "xã hội học",
        "cơ bản",
        "nông nghiệp",
        "doanh nghiệp",
        "lao động",
        "việc làm",
        "dư luận",
        "viên",
        "thực địa",
    ],
    before=r"\s+",
)
_CLOSED_BETWEEN = re.compile(r"(?i)\b(?:đã|xong|kết\s+thúc)\b")


def _under_way(scan: Scan, start: int, end: int):
    if _SURVEY_AFTER.match(scan.low, end):
        return None
    a, _ = scan.sentence(start, end)
    window_start = max(a, start - 70)
    m = _DANG_BEFORE.search(scan.text, window_start, start)
    if m is None:
        return None
    word = scan.text[m.start() : m.start() + 4]
    if word.lower() != "đang" and word != "dang":
        return None  # "dáng", "dạng"
    if _CLOSED_BETWEEN.search(scan.text, m.start(), start):
        return None
    return {"start": m.start()}


phrases(
    SPK_03,
    [
        "điều tra",
        "truy tố",
        "xét xử",
        "thanh tra",
        "xác minh",
        "tạm giam",
        "tạm giữ",
    ],
    langs=VI,
    check=_under_way,
)

_HANDLING_BEFORE = re.compile(
    r"(?i)\b(?:đang|dang)\s+(?:được\s+|duoc\s+)?(?:giải\s+quyết|xem\s+xét|xử\s+lý|thụ\s+lý"
    r"|giai\s+quyet|xem\s+xet|xu\s+ly|thu\s+ly)(?:\s+\S+){0,3}?\s*$"
)


def _complaint_pending(scan: Scan, start: int, end: int):
    a, _ = scan.sentence(start, end)
    m = _HANDLING_BEFORE.search(scan.text, max(a, start - 60), start)
    return {"start": m.start()} if m else None


phrases(SPK_03, ["khiếu nại", "tố cáo"], langs=VI, check=_complaint_pending)

_COMPLAINT_EARLIER = _low_regex(["khiếu nại", "tố cáo"])
_DANG_JUST_BEFORE = re.compile(r"(?i)\b(?:đang|dang)\s+(?:được\s+|duoc\s+)?(?:\S+\s+){0,3}$")


def _complaint_under_review(scan: Scan, start: int, end: int):
    """ "Đơn khiếu nại của bà C đang được UBND xã xem xét": the complaint comes first."""
    a, _ = scan.sentence(start, end)
    if _COMPLAINT_EARLIER.search(scan.low, a, start) is None:
        return None
    m = _DANG_JUST_BEFORE.search(scan.text, max(a, start - 40), start)
    if m is None or scan.text[m.start() : m.start() + 4].lower() not in ("đang", "dang"):
        return None
    return {"start": m.start()}


phrases(
    SPK_03,
    ["xem xét", "giải quyết", "thụ lý", "xử lý", "xác minh"],
    langs=VI,
    check=_complaint_under_review,
)
phrases(
    SPK_03,
    ["chưa có kết luận", "chưa kết luận", "bị can", "nghi phạm", "khởi tố", "bị tạm giam"],
    langs=VI,
)

_INVESTIGATING_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|still|currently)\s+$")


def _investigating(scan: Scan, start: int, end: int):
    return _INVESTIGATING_BEFORE.search(scan.text, max(0, start - 12), start) is not None


phrases(
    SPK_03,
    [
        "under investigation",
        "being investigated",
        "pending trial",
        "pending inspection",
        "under inspection",
        "suspect",
        "suspects",
        "prosecuted",
        "indicted",
        "on trial",
    ],
    langs=EN,
)
phrases(SPK_03, ["investigating"], langs=EN, check=_investigating)


# --- LAW-01..03, HR-01 --------------------------------------------------------------------

phrases(
    LAW_01,
    [
        "ngày quốc hận",
        "tháng tư đen",
        "nội chiến Nam Bắc",
        "nội chiến Việt Nam",
        "Bắc Việt xâm lược",
        "cưỡng chiếm miền Nam",
        "Black April",
        "fall of Saigon",
        "fall of South Vietnam",
        "North Vietnamese invasion",
        "Vietnamese civil war",
        "Vietnam civil war",
    ],
)
phrases(
    LAW_01,
    ["communist regime", "Hanoi regime", "Vietnamese regime"],
    langs=EN,
    fix=("Nhà nước Việt Nam", "the Government of Viet Nam"),
)

_REBUTTAL = _low_regex(
    [
        "sai sự thật",
        "không đúng sự thật",
        "bịa đặt",
        "không có cơ sở",
        "xuyên tạc",
        "bác bỏ",
        "phản bác",
        "false",
        "untrue",
        "baseless",
        "fake",
        "debunk",
        "debunked",
        "denied",
    ]
)


def _not_rebutted(scan: Scan, start: int, end: int):
    a, b = scan.sentence(start, end)
    return _REBUTTAL.search(scan.low, a, b) is None


phrases(
    LAW_02,
    [
        "nghe nói",
        "nghe đồn",
        "tin đồn",
        "chưa kiểm chứng",
        "chưa được kiểm chứng",
        "chưa được xác thực",
        "chưa xác thực",
        "theo mạng xã hội",
        "theo một số trang mạng",
        "thông tin trôi nổi",
    ],
    langs=VI,
    check=_not_rebutted,
)
phrases(
    LAW_02,
    [
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "unconfirmed",
        "unverified",
        "reportedly",
        "went viral",
        "it is said",
    ],
    langs=EN,
    check=_not_rebutted,
)

_NOT_SHIPS = re.compile(
    r"(?i)\s+(?:thuyền|cá|hỏa|hoả|bay|biển|hàng|chiến|ngầm|hải|vỏ|lạ|thuyen|ca|hoa|bien)\b"
)


def _law03(scan: Scan, start: int, end: int):
    raw = scan.text[start:end]
    if raw.lower().endswith(("tàu", "tau")) and _NOT_SHIPS.match(scan.text, end):
        return None  # "lũ tàu thuyền": boats
    if raw.split()[-1] in ("Mọi", "Moi") or raw.split()[-1] in ("Mán", "Man"):
        return True
    if raw.split()[0].lower() in ("dân", "người", "dan", "nguoi"):
        return None  # "người mọi nhà": lower-case "mọi" is "every"
    return True


phrases(
    LAW_03,
    [
        f"{who} {whom}"
        for who in ("bọn", "lũ", "tụi", "bầy")
        for whom in ("đạo", "bên đạo", "người đạo", "Tàu", "Mán", "Mọi", "khựa")
    ]
    + ["dân Mọi", "người Mọi", "Tàu khựa", "khựa"],
    langs=VI,
    check=_law03,
)
phrases(LAW_03, ["chink", "chinks", "gook", "gooks", "papist", "papists"], langs=EN)

_HISTORY = Vocabulary(
    loose=[
        "thực dân",
        "đế quốc",
        "phát xít",
        "chế độ cũ",
        "colonial",
        "colonialists",
        "fascist",
        "fascists",
        "imperialist",
        "imperialists",
    ]
)
_HISTORIC_YEAR = re.compile(r"\b1[89][0-9]{2}\b")


def _not_history(scan: Scan, start: int, end: int):
    """ "Thực dân Pháp đàn áp phong trào năm 1930" is history, not a human-rights claim."""
    a, b = scan.sentence(start, end)
    return not (_HISTORY.search(scan, a, b) or _HISTORIC_YEAR.search(scan.low, a, b))


phrases(
    HR_01,
    [
        "tù nhân lương tâm",
        "tù chính trị",
        "tù nhân chính trị",
        "prisoner of conscience",
        "prisoners of conscience",
        "political prisoner",
        "political prisoners",
    ],
)
phrases(
    HR_01,
    ["đàn áp", "đàn áp tôn giáo", "crackdown", "persecution", "religious persecution"],
    check=_not_history,
)


# --- MON-01: links to the post being rebutted -----------------------------------------------

_SOCIAL_URL = re.compile(
    r"(?:https?://)?(?:www\.|m\.|web\.|mobile\.|vt\.)?"
    r"(?:facebook\.com|fb\.com|fb\.watch|zalo\.me|tiktok\.com|youtube\.com|youtu\.be)"
    r"/[^\s<>\"”)\]]{1,2000}"
)
_URL_START = re.compile(r"[^\s(<\"“'\[]{0,200}$")


@detector(MON_01, ["http", "https", "www", "facebook", "fb", "zalo", "tiktok", "youtube", "youtu"])
def _mon01(scan: Scan, start: int, _end: int) -> None:
    if scan.context.page_kind not in (None, "rebuttal"):
        return
    if start < scan.marks.get(MON_01, -1):
        return  # inside a link already reported
    begin = _URL_START.search(scan.low, max(0, start - 200), start)
    m = _SOCIAL_URL.match(scan.low, begin.start() if begin else start)
    if m is None:
        m = _SOCIAL_URL.match(scan.low, start)
    if m is None:
        return
    end = m.end()
    while end > m.start() and scan.text[end - 1] in ".,;:!?":
        end -= 1
    scan.marks[MON_01] = m.end()
    scan.emit(MON_01, m.start(), end)


# --- EN-01: official names in English ---------------------------------------------------------

_ORGANISATION_AFTER = re.compile(
    r"(?i)\s+(?:airlines?|news\s+agency|television|fatherland|women|farmers|people's\s+army"
    r"|national\s+university|academy|chamber|general\s+confederation|red\s+cross|post"
    r"|railways?|electricity|bank|association|youth|union|veterans|plus|express|news)\b"
)


_VIETNAM = re.compile(r"vietnam(?:'s|’s|s)?(?!\w)")


def _in_address(scan: Scan, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of an address, a handle or a file name."""
    before = scan.text[start - 1 : start] if start else ""
    after = scan.text[end : end + 2]
    return before in ("@", "/", ".", "#", "-", "_") or (
        after[:1] in (".", "/", "@", "_") and after[1:2].isalnum()
    )


@detector(EN_01, ["vietnam", "vietnams"], langs=EN)
def _en01_country(scan: Scan, start: int, _end: int) -> None:
    m = _VIETNAM.match(scan.low, start)
    if m is None or _ORGANISATION_AFTER.match(scan.text, m.end()):
        return
    if _in_address(scan, start, m.end()):
        return
    raw = scan.text[start : m.end()]
    scan.emit(EN_01, start, m.end(), fix="Viet Nam" + raw[7:])


_CANON = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")


def _canon(text: str) -> str:
    """``text`` without diacritics, with one kind of apostrophe and dash and single spaces."""
    return _SPACES.sub(" ", fold(nfc(text)).translate(_CANON)).strip()


_COVER_CHARS = {" ": r"\s+", "'": "['’‘]", "-": "[-–—]"}
_COVER_CACHE: dict[str, re.Pattern] = {}


def _cover_regex(right: str) -> re.Pattern:
    """A regex over the folded text finding ``right`` written in full, in any case."""
    pattern = _COVER_CACHE.get(right)
    if pattern is None:
        pattern = re.compile(
            "".join(_COVER_CHARS.get(c, re.escape(c)) for c in _canon(right).lower())
        )
        _COVER_CACHE[right] = pattern
    return pattern


@dataclass(frozen=True)
class GlossaryEntry:
    right: str | None  # the word to write instead, or None (the term is to be avoided)
    kind: str  # message key of the finding
    capitals: bool  # a wrong form differs from ``right`` only in its capitals
    # where the wrong forms stand inside ``right`` (0 for a difference in capitals): a
    # hit at one of these offsets into ``right`` written exactly is not reported
    inside: tuple[int, ...] = ()


class Glossary:
    """Wrong → right pairs: a wrong form found in the text is reported with the right one.

    Matching ignores case (and, with ``policy="fold"``, diacritics) and respects word
    boundaries (see :class:`Phrases`). A hit that is the right form itself, or part of the
    right form written in full ("People's Committee of Xuan Truong" inside "People's
    Committee of Xuan Truong Commune"), is not reported; a hit that is the right form in
    other capitals is reported only for pairs that differ just in their capitals.
    """

    def __init__(self, pairs: Iterable[tuple[str, str | None, str]], policy: str = "fold"):
        self.entries: dict[str, GlossaryEntry] = {}
        wrong_forms: list[str] = []
        for wrong, right, kind in pairs:
            keyword = _key(wrong)
            if not keyword:
                continue
            capitals = right is not None and _canon(wrong).lower() == _canon(right).lower()
            inside: set[int] = set()
            if right is not None:
                at = right.lower().find(wrong.lower())
                while at >= 0:
                    inside.add(at)
                    at = right.lower().find(wrong.lower(), at + 1)
            known = self.entries.get(keyword)
            if known is not None and known.right == right:
                capitals = capitals or known.capitals
                inside |= set(known.inside)
            self.entries[keyword] = GlossaryEntry(right, kind, capitals, tuple(sorted(inside)))
            wrong_forms.append(wrong)
        self.phrases = Phrases(wrong_forms, policy)
        self.triggers = self.phrases.triggers

    def find(self, scan: Scan, start: int) -> tuple[int, str, GlossaryEntry] | None:
        """(end, keyword, entry) of a wrong form starting at ``start`` that is to be
        reported, or None."""
        end = self.phrases.at(scan, start)
        if end is None:
            return None
        keyword = normalise_keyword(scan.low[start:end])
        entry = self.entries.get(keyword)
        if entry is None:
            return None
        right = entry.right
        if right is not None:
            # the common case first: the right form, written exactly, around the hit
            text = scan.text
            for offset in entry.inside:
                begin = start - offset
                if begin >= 0 and text.startswith(right, begin) and end <= begin + len(right):
                    return None
        if _in_address(scan, start, end) or _slug_like(scan.text[start:end]):
            return None
        if right is None:
            return end, keyword, entry
        raw = _canon(scan.text[start:end])
        right = _canon(entry.right)
        if raw.lower() == right.lower():
            if not entry.capitals or raw == right or raw.isupper():
                return None  # the right form (a heading in capitals keeps its capitals)
            return end, keyword, GlossaryEntry(entry.right, "case", True, entry.inside)
        if _covered(scan, start, end, entry.right):
            return None
        return end, keyword, entry


def _slug_like(raw: str) -> bool:
    """Words joined by hyphens in lower case, as in a page's slug (``viet-nam-east-sea``)."""
    return "-" in raw and raw == raw.lower() and not any(c.isspace() for c in raw)


def _covered(scan: Scan, start: int, end: int, right: str) -> bool:
    """Whether ``text[start:end]`` is part of ``right`` written in full around it."""
    span = len(right) + 4
    for m in _cover_regex(right).finditer(scan.low, max(0, end - span), start + span):
        if m.start() <= start and m.end() >= end:
            return True
    return False


def _glossary_pairs(terms) -> list[tuple[str, str, str]]:
    return [(wrong, term.right, term.kind) for term in terms for wrong in term.wrong]


ENGLISH_GLOSSARY = Glossary(_glossary_pairs(data.ENGLISH_GLOSSARY))


def _en01_glossary(scan: Scan, start: int, _end: int) -> None:
    found = ENGLISH_GLOSSARY.find(scan, start)
    if found is None:
        return
    end, keyword, entry = found
    if (EN_01, keyword) in scan.scanner.replaced_keywords:
        return  # the office gave another right word for this term
    scan.emit(EN_01, start, end, key=entry.kind, fix=entry.right)


DETECTORS.append(Detector(EN_01, ENGLISH_GLOSSARY.triggers, _en01_glossary, EN, None))


def special_passes(scan: Scan) -> None:
    """The passes that are not keyword lookups (numbers, e-mails, stamps, scripts)."""

    passes.numbers(scan)
    passes.special(scan)


def extra_detectors(extra: tuple) -> list[Detector]:
    """Detectors for the office's extra keywords and holidays (see ``Scanner._extra``)."""
    from .passes import occasion_detector

    extra_terms, extra_occasions = extra
    result: list[Detector] = []
    by_rule: dict[str, list[tuple[str, str | None, str]]] = {}
    for rule, keyword, term, replacement in extra_terms:
        right: str | None = replacement or None
        kind = "default"
        if rule == EN_01:
            # a term without a right word of its own keeps the built-in one, if any
            builtin = ENGLISH_GLOSSARY.entries.get(keyword)
            right = right or (builtin.right if builtin else None)
            kind = "term" if right else "avoid"
        by_rule.setdefault(rule, []).append((term, right, kind))
    for rule, pairs in by_rule.items():
        # English names ignore diacritics; other rules confirm them like built-in phrases
        glossary = Glossary(pairs, "fold" if rule == EN_01 else "any")

        def run(scan: Scan, start: int, _end: int, glossary=glossary, rule=rule) -> None:
            found = glossary.find(scan, start)
            if found is None:
                return
            end, _keyword, entry = found
            if rule == EN_01:
                scan.emit(rule, start, end, key=entry.kind, fix=entry.right)
            else:
                scan.emit(rule, start, end, hint=entry.right)

        result.append(Detector(rule, glossary.triggers, run, RULES[rule].langs, None))
    if extra_occasions:
        result.append(occasion_detector(extra_occasions))
    return result


__all__ = [
    "DETECTORS",
    "ENGLISH_GLOSSARY",
    "Detector",
    "Glossary",
    "Phrases",
    "extra_detectors",
    "phrases",
    "special_passes",
]

# The number, e-mail, stamp and holiday detectors live in passes.py; importing it
# registers them.
from . import passes  # noqa: E402

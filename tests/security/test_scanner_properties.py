"""Properties of the scanner over generated input (hypothesis).

Whatever the text — any Unicode, combining marks, emoji, right-to-left scripts, control
characters, fragments of the patterns the rules look for — scanning never fails, and
every finding points at its own excerpt in the NFC form of the input.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.security.scanner import (
    ScanContext,
    Scanner,
    Severity,
    Verdict,
    fold,
    fold_lower,
    html_to_text,
    verdict,
)

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,  # no example database in the working tree
    suppress_health_check=[HealthCheck.too_slow],
)
SCANNER = Scanner()

# Pieces of what the rules look for, so that generated texts reach the detectors.
FRAGMENTS = [
    "tối mật",
    "TỐI MẬT",
    "Tuyệt mật",
    "ĐỘ MẬT:",
    "MẬT\n",
    "mật ong",
    "lưu hành nội bộ",
    "đang được",
    "Công an xã",
    "điều tra",
    "0912 345 678",
    "0229.3871.234",
    "+84",
    "036085001234",
    "CCCD số ",
    "STK ",
    "@gmail.com",
    "(at)",
    "hoa.tran",
    "09/2017/NĐ-CP",
    " ngày ",
    "31/11/2025",
    "1191/QĐ- TTg",
    "57-KL/TW",
    "80 năm",
    "Quốc khánh",
    "(1945 - 2025)",
    "Ngày Nhà giáo Việt Nam",
    "20/10",
    "Biển Nam Trung Hoa",
    "South China Sea",
    "đường lưỡi bò",
    "phi pháp",
    '"',
    "“",
    "”",
    "Hoàng Sa",
    "tranh chấp",
    "Paracel",
    "ông Nguyễn",
    "HIV",
    "tăng 8%",
    "theo",
    "https://facebook.com/x/1",
    "南海",
    "bản đồ",
    "Vietnam",
    "Xuân Trường",
    ". ",
    "\n",
    "\u0301",
    "\u0323",
    "\u200b",
    "\x00",
    "\U0001f600",
    "שלום",
    "مرحبا",
    "ǅ",
    "İ",
    "ß",
    "ﬁ",
]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=25).map("".join),
)
contexts = st.builds(
    ScanContext,
    part=st.sampled_from(["text", "alt", "caption", "credit", "filename", "document", "ocr", "x"]),
    page_kind=st.sampled_from([None, "news", "rebuttal", "press_release"]),
    published_on=st.sampled_from([None, (2025, 10, 1), (2026, 2, 29), (2026, 3, 1)]),
)


@SETTINGS
@given(text=texts, lang=st.sampled_from(["vi", "en"]), context=contexts)
def test_scanning_never_fails_and_offsets_point_at_the_excerpt(text, lang, context):
    findings = SCANNER.scan(text, lang, context)
    normalised = Scanner.normalise(text)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(normalised)
        assert normalised[finding.start : finding.end] == finding.excerpt
        assert finding.severity in tuple(Severity)
        assert finding.message
        assert (finding.attestation is not None) == (finding.severity is Severity.ATTEST)
    starts = [(f.start, f.end) for f in findings]
    assert starts == sorted(starts)


@SETTINGS
@given(prefix=st.text(max_size=60), lang=st.sampled_from(["vi", "en"]))
def test_a_finding_moves_with_the_text_before_it(prefix, lang):
    body = "Liên hệ 0912 345 678 hoặc TỐI MẬT"
    text = prefix + "\n\n" + body
    shift = len(Scanner.normalise(prefix + "\n\n"))
    findings = {(f.rule, f.start - shift, f.end - shift) for f in SCANNER.scan(text, lang)}
    assert ("PII-02", 8, 20) in findings
    assert ("SEC-01", 26, 33) in findings


@SETTINGS
@given(text=st.text(max_size=300))
def test_folding_keeps_one_character_for_one(text):
    normalised = unicodedata.normalize("NFC", text)
    folded, lowered = fold(normalised), fold_lower(normalised)
    assert len(folded) == len(normalised) == len(lowered)
    for original, plain, low in zip(normalised, folded, lowered, strict=True):
        assert fold(original) == plain and fold_lower(original) == low


@SETTINGS
@given(
    word=st.text(alphabet="aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ\u0300\u0301\u0303\u0309\u0323", max_size=20)
)
def test_folding_vietnamese_letters_leaves_ascii(word):
    normalised = unicodedata.normalize("NFC", word)
    if not any(unicodedata.combining(c) for c in normalised):
        assert fold(normalised).isascii()


@SETTINGS
@given(
    markup=st.text(max_size=200)
    | st.lists(
        st.sampled_from(["<p>", "</p>", "<td>", "</td>", "&amp;", "&nbsp;", "<br>", "x", " ", "ố"]),
        max_size=30,
    ).map("".join)
)
def test_html_to_text_maps_every_character_back_to_its_source(markup):
    plain = html_to_text(markup)
    assert len(plain.source) == len(plain.text)
    assert list(plain.source) == sorted(plain.source)
    for char, at in zip(plain.text, plain.source, strict=True):
        assert 0 <= at < len(markup)
        if char not in " \n\t" and markup[at] != "&":
            assert markup[at] == char


@SETTINGS
@given(a=texts, b=texts)
def test_structured_checks_never_fail(a, b):
    for finding in (
        *SCANNER.check_image(a, b),
        *SCANNER.check_parity(a, b),
        *SCANNER.check_press_release({"text": a, "spokesperson_position": b}),
        *SCANNER.check_map("vi", a),
    ):
        assert finding.rule in {"IMG-02", "IMG-03", "EN-02", "SPK-01", "SOV-05"}


@SETTINGS
@given(text=texts)
def test_verdict_is_the_strongest_finding(text):
    findings = SCANNER.scan(text)
    ranks = [f.severity.rank for f in findings]
    expected = {0: Verdict.CLEAN, 1: Verdict.WARN, 2: Verdict.ATTEST, 3: Verdict.BLOCK}[
        max(ranks, default=0)
    ]
    assert verdict(findings) is expected

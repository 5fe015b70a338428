"""The information-security checker under hostile input (hypothesis).

Whatever an editor pastes — Vietnamese written with combining marks (NFD, as macOS and
some keyboards produce it), zero-width characters copied from web pages and chat apps,
any script, very long texts — the checker answers, answers the same every time, and a
known blocking example from the rules catalogue (RULES.md) stays blocking wherever it is
put, in whatever Unicode form and case. ``tests/security/test_scanner_properties.py``
covers offsets over generated fragments; this file covers the hostile forms.
"""

from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cms.security.scanner import ScanConfig, ScanContext, Scanner, Severity, Verdict, verdict

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no example database in the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SCANNER = Scanner()

TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
VOWEL_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ĐỘMẬTỐỆƯỜ"
)
PUNCTUATION = " \n\t\u00a0\u2009.,;:!?\"'“”‘’()[]-–—/@+%&<>#*"

#: Generated text that looks like what editors paste: Vietnamese letters, loose tone and
#: vowel marks, zero-width characters, digits and punctuation — and, for the rest, any
#: Unicode at all (surrogates excluded: a Python str from a form never holds them).
hostile_text = st.one_of(
    st.text(
        alphabet=st.sampled_from(VIETNAMESE + TONES + VOWEL_MARKS + ZERO_WIDTH + "0123456789")
        | st.sampled_from(PUNCTUATION),
        max_size=300,
    ),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300),
)
languages = st.sampled_from(["vi", "en"])
forms = st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"])


def signature(findings) -> list[tuple]:
    return [(f.rule, f.severity, f.start, f.end, f.excerpt, f.message) for f in findings]


def assert_offsets_inside(text: str, findings) -> None:
    normalised = Scanner.normalise(text)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(normalised), finding
        assert normalised[finding.start : finding.end] == finding.excerpt


@SETTINGS
@given(text=hostile_text, lang=languages, form=forms)
@example(text="T\u0302\u0301i ma\u0323\u0302t", lang="vi", form="NFD")
@example(text="\u0301\u0301\u0301", lang="vi", form="NFC")  # lone marks, no base letter
@example(text="\u200b" * 50, lang="en", form="NFC")
def test_never_fails_and_every_offset_lies_inside_the_text(text, lang, form):
    text = unicodedata.normalize(form, text)
    findings = SCANNER.scan(text, lang)
    assert_offsets_inside(text, findings)
    assert verdict(findings) in tuple(Verdict)


@SETTINGS
@given(text=hostile_text, lang=languages)
def test_the_same_text_gets_the_same_findings(text, lang):
    first = SCANNER.scan(text, lang)
    assert signature(SCANNER.scan(text, lang)) == signature(first)
    assert signature(Scanner().scan(text, lang)) == signature(first)  # no state kept


@SETTINGS
@given(text=hostile_text, lang=languages)
def test_composed_and_decomposed_vietnamese_get_the_same_findings(text, lang):
    """ "Tối mật" typed as NFD (o + circumflex + acute) is the same text to the checker."""
    composed = unicodedata.normalize("NFC", text)
    decomposed = unicodedata.normalize("NFD", text)
    assert signature(SCANNER.scan(decomposed, lang)) == signature(SCANNER.scan(composed, lang))


@settings(SETTINGS, max_examples=8)
@given(chunk=hostile_text.filter(lambda t: len(t) >= 20), lang=languages)
def test_a_long_text_is_scanned_in_bounded_time(chunk, lang):
    """A pasted document of 200,000 characters (about 40,000 words) is checked within a
    few seconds, whatever it repeats: no rule backtracks without bound."""
    text = (chunk * (200_000 // len(chunk) + 1))[:200_000]
    started = time.perf_counter()
    findings = SCANNER.scan(text, lang)
    elapsed = time.perf_counter() - started
    assert_offsets_inside(text, findings)
    assert elapsed < 10, f"{elapsed:.1f} s for 200,000 characters"


@pytest.mark.parametrize(
    "piece",
    ["ông Nguyễn ", "0912 345 678 ", "MẬT\n", "a@", "1/", "“Hoàng Sa ", "80 năm (", "\u0301"],
)
def test_long_runs_of_rule_fragments_are_scanned_in_bounded_time(piece):
    text = (piece * (200_000 // len(piece) + 1))[:200_000]
    started = time.perf_counter()
    findings = SCANNER.scan(text, "vi")
    assert time.perf_counter() - started < 10
    assert_offsets_inside(text, findings)


# --- a known blocking example stays blocking --------------------------------------------

#: (rule, example from RULES.md's "Flag" column, languages it blocks in). Each one is
#: case-insensitive in the catalogue, so upper or mixed case must not let it through.
BLOCKING_EXAMPLES = [
    ("SEC-01", "Văn bản đóng dấu Tuyệt mật của Ban Chỉ huy Quân sự xã.", ("vi", "en")),
    ("SEC-02", "Tài liệu lưu hành nội bộ - không phổ biến.", ("vi",)),
    ("PII-01", "Ông Nguyễn Văn A, CCCD số 036085001234, trú tại thôn 3.", ("vi", "en")),
    ("PII-02", "Liên hệ anh Hùng: 0912 345 678.", ("vi", "en")),
    ("PII-02", "Call +84 38 123 4567 for details", ("vi", "en")),
    ("PII-03", "Email của chị Mai: mai.nguyen1985@gmail.com", ("vi", "en")),
    ("PII-04", "Ủng hộ gia đình bà B vào STK 0451000123456 Vietcombank", ("vi", "en")),
    ("SOV-01", "Ngư dân ra khơi trên Biển Nam Trung Hoa.", ("vi", "en")),
    ("SOV-01", "Fishermen from Ninh Binh sail to the South China Sea.", ("vi", "en")),
]

#: What may stand around the example: a whole paragraph of anything, kept apart from it
#: by a paragraph break (a sentence of its own cannot change what the example says).
paragraphs = hostile_text.map(lambda t: t.replace('"', "").replace("“", "").replace("”", ""))
breaks = st.sampled_from(["\n\n", "\r\n\r\n", "\n\u200b\n", "\n\u00a0\n", "\n\ufeff\n"])


def mixed_case(text: str, flips: list[bool]) -> str:
    return "".join(
        char.swapcase() if flip and len(char.swapcase()) == 1 else char
        for char, flip in zip(text, flips + [False] * len(text), strict=False)
    )


def blocking(findings, rule: str) -> list:
    return [f for f in findings if f.rule == rule and f.severity is Severity.BLOCK]


@SETTINGS
@given(
    case=st.sampled_from(BLOCKING_EXAMPLES),
    lang=languages,
    before=paragraphs,
    after=paragraphs,
    gap_before=breaks,
    gap_after=breaks,
    form=forms,
    upper=st.booleans(),
    flips=st.lists(st.booleans(), max_size=80),
)
def test_a_blocking_example_blocks_wherever_it_is_and_however_it_is_written(
    case, lang, before, after, gap_before, gap_after, form, upper, flips
):
    rule, sentence, langs = case
    assume(lang in langs)
    written = sentence.upper() if upper else mixed_case(sentence, flips)
    text = unicodedata.normalize(form, before + gap_before + written + gap_after + after)

    findings = SCANNER.scan(text, lang)

    assert blocking(findings, rule), f"{rule} not found in {text!r}"
    assert verdict(findings) is Verdict.BLOCK
    assert_offsets_inside(text, findings)

    # The finding points into the example, not into the text around it.
    def scanned_form(piece: str) -> str:
        return Scanner.normalise(unicodedata.normalize(form, piece))

    example_start = len(scanned_form(before + gap_before))
    example_end = example_start + len(scanned_form(written))
    assert Scanner.normalise(text)[example_start:example_end] == scanned_form(written)
    assert any(example_start <= f.start < f.end <= example_end for f in blocking(findings, rule))


WORD_GAP = re.compile(r"(?<=[^\W\d_]) (?=[^\W\d_])")  # a space between two letters


@SETTINGS
@given(case=st.sampled_from(BLOCKING_EXAMPLES), data=st.data())
def test_invisible_characters_between_words_do_not_hide_an_example(case, data):
    """Text copied from a web page or a chat app carries zero-width spaces, joiners and
    soft hyphens between words, beside or instead of the space."""
    rule, sentence, langs = case
    gaps = st.sampled_from(
        [" ", *ZERO_WIDTH, *(" " + z for z in ZERO_WIDTH), *(z + " " for z in ZERO_WIDTH)]
    )
    written = WORD_GAP.sub(lambda _: data.draw(gaps), sentence)
    for lang in langs:
        assert blocking(SCANNER.scan(written, lang), rule), written


@SETTINGS
@given(
    stamp=st.sampled_from(["ĐỘ MẬT: TỐI MẬT", "TUYỆT MẬT", "TỐI MẬT", "độ mật: tuyệt mật"]),
    before=paragraphs,
    after=paragraphs,
    form=forms,
    spaces=st.sampled_from([" ", "  ", "\u00a0", "\t", " \u200b", "\u200c", "\u200d "]),
)
def test_a_classification_stamp_on_its_own_line_blocks(stamp, before, after, form, spaces):
    """SEC-01 can never be exempted or disabled: a stamp line is found whatever spacing,
    Unicode form or text around it."""
    written = stamp.replace(" ", spaces)
    text = unicodedata.normalize(form, f"{before}\n{written}\n{after}")
    findings = SCANNER.scan(text, "vi")
    assert blocking(findings, "SEC-01"), text


@SETTINGS
@given(
    terms=st.lists(hostile_text, max_size=5),
    replacements=st.dictionaries(hostile_text, hostile_text, max_size=3),
    phones=st.lists(st.text(alphabet="0123456789 +.-", max_size=16), max_size=3),
    domains=st.lists(hostile_text, max_size=3),
    text=hostile_text,
    lang=languages,
)
def test_any_office_configuration_is_usable(terms, replacements, phones, domains, text, lang):
    """Term lists and allowlists are typed by the office in the admin: whatever they hold
    (empty terms, marks only, emoji, markup), the checker is built and scans."""
    config = ScanConfig(
        extra_terms={"SEC-03": tuple(terms), "LAW-03": tuple(terms)},
        term_replacements={"EN-01": replacements},
        allowed_phones=frozenset(phones),
        allowed_email_domains=frozenset(domains),
    )
    scanner = Scanner(config)
    findings = scanner.scan(text, lang, ScanContext(part="caption"))
    assert_offsets_inside(text, findings)
    # The office's data never weakens SEC-01.
    assert blocking(scanner.scan(f"{text}\n\nĐỘ MẬT: TỐI MẬT\n", lang), "SEC-01")

"""Folding and highlighting: diacritics and case ignored, positions kept for <mark>."""

import pytest

from cms.sitesearch.folding import MAX_TERMS, fold, index_form, normalise, query_terms
from cms.sitesearch.search import highlight, match_spans


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Biển Đông", "bien dong"),
        ("XUÂN TRƯỜNG", "xuan truong"),
        ("Hoàng Sa, Trường Sa", "hoang sa  truong sa"),
        ("đường Đê – Quốc lộ 21", "duong de   quoc lo 21"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("ỹ Ỵ ơ ư ă â ê ô", "y y o u a a e o"),
    ],
)
def test_fold_strips_diacritics_and_case(text, folded):
    assert fold(text) == folded


def test_fold_keeps_one_character_for_each_character():
    text = normalise("Chủ quyền của Việt Nam ở Biển Đông: căn cứ lịch sử (UNCLOS 1982).")

    assert len(fold(text)) == len(text)
    start = fold(text).index("bien dong")
    assert text[start : start + len("bien dong")] == "Biển Đông"


def test_normalise_composes_decomposed_text_and_joins_white_space():
    decomposed = "Bie\u0302\u0309n  \n Đông"  # "Biển" typed with combining marks

    assert normalise(decomposed) == "Biển Đông"


def test_query_terms_are_folded_distinct_and_bounded():
    assert query_terms("  Biển ĐÔNG, biển đông! ") == ["bien", "dong"]
    assert query_terms("<script>") == ["script"]
    assert query_terms("...") == []
    assert len(query_terms(" ".join(f"từ{number}" for number in range(50)))) == MAX_TERMS
    assert query_terms("a" * 5000) == ["a" * 200]


def test_index_form_lets_terms_match_at_the_start_of_a_word():
    stored = index_form("Xuân Trường")

    assert " xuan" in stored
    assert " truong" in stored
    assert " uan" not in stored


def test_highlight_marks_whole_words_and_escapes_the_rest():
    text = "<b>Biển</b> & Đông"
    spans = match_spans(fold(text), ["bien", "don"])

    html = highlight(text, spans)

    assert html == "&lt;b&gt;<mark>Biển</mark>&lt;/b&gt; &amp; <mark>Đông</mark>"


def test_match_spans_ignore_matches_inside_words():
    assert match_spans(fold("khoảng không"), ["ong"]) == []
    assert match_spans(fold("cộng đồng Đông"), ["dong"]) == [(5, 9), (10, 14)]

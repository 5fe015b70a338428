"""Text preparation for the scanner: NFC, diacritic folding with exact offsets, HTML to text.

Everything the scanner reports is an offset into the NFC form of its input. Folding keeps
one character for one character (``đ`` → ``d``, ``ố`` → ``o``, ``Ư`` → ``U``), so a match
found in the folded copy has the same offsets in the NFC text; no offset map is needed
and none can drift. Characters whose folded form would not be a single character (rare
ligatures, lone combining marks) are left as they are.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

__all__ = [
    "PlainText",
    "fold",
    "fold_lower",
    "has_diacritics",
    "html_to_text",
    "nfc",
    "sentence_bounds",
    "sentence_ends",
    "syllable_key",
    "word_keys",
]

# Tone marks (the five Vietnamese tones besides the level tone). Vowel marks (circumflex,
# breve, horn) are part of the letter, tones are not, so "tọa" and "toạ" (two accepted
# spellings) have the same key while "tối" and "tôi" do not.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def nfc(text: str) -> str:
    """The NFC form of ``text``; the scanner's offsets always refer to this form."""
    return unicodedata.normalize("NFC", text)


def _fold_char(char: str, lower: bool) -> str:
    if char in "đĐ":
        folded = "d" if char == "đ" or lower else "D"
    elif char == "_":
        # File names use the underscore between words ("ban_do_xa.png"); for matching it
        # separates words, and the folded copy must keep word boundaries visible.
        folded = " " if lower else char
    elif char in "\u200b\u200c\u200d\u00ad\u2060\u2063\ufeff":
        # Invisible separators and joiners (pasted from web pages and chat apps) would
        # split a keyword.
        folded = " " if lower else char
    else:
        decomposed = unicodedata.normalize("NFD", char)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)) or char
        if lower:
            folded = folded.lower()
    return folded if len(folded) == 1 else char


def _build_table(lower: bool) -> dict[int, str]:
    # Every character that commonly occurs must be in the table: str.translate handles a
    # missing key through an exception, which is slow, so the table also holds the
    # characters that map to themselves.
    table: dict[int, str] = {}
    for start, end in (
        (0x0000, 0x0250),  # ASCII, Latin-1, Latin Extended-A and -B
        (0x0300, 0x0370),  # combining marks (lone marks stay as they are)
        (0x1E00, 0x1F00),  # Latin Extended Additional: the Vietnamese letters
        (0x2000, 0x2070),  # general punctuation: dashes, quotes, spaces
        (0x00A0, 0x00B0),
        (0xFEFF, 0xFF00),
    ):
        for code in range(start, end):
            table[code] = _fold_char(chr(code), lower)
    return table


_FOLD = _build_table(lower=False)
_FOLD_LOWER = _build_table(lower=True)


def fold(text: str) -> str:
    """``text`` without diacritics, same length, case kept (``Tối Mật`` → ``Toi Mat``)."""
    return text.translate(_FOLD)


def fold_lower(text: str) -> str:
    """``text`` without diacritics, in lower case, with ``_`` as a space; same length.

    Letters of other scripts are left as they are (their lower-case forms may differ in
    length); only the Latin letters the rules look for are folded.
    """
    return text.translate(_FOLD_LOWER)


def has_diacritics(text: str) -> bool:
    """Whether ``text`` contains a letter that folding changes (a Vietnamese diacritic)."""
    return fold(text) != text


_WORD_SPLIT = re.compile(r"[\W_]+")


def syllable_key(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = "".join(c for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base + tones


def word_keys(text: str) -> list[str]:
    """The words of ``text`` as comparison keys: lower case, tone marks placed last.

    ``word_keys("Tọa độ") == word_keys("toạ độ")`` while ``word_keys("tôi mất")`` differs
    from ``word_keys("tối mật")``.
    """
    return [syllable_key(w) for w in _WORD_SPLIT.split(text) if w]


# --- sentences -------------------------------------------------------------------------

# A full stop ends a sentence unless it belongs to a number ("1.850"), an initial
# ("Văn T."), or a common abbreviation ("TP.", "Mr.", "No.").
_ABBREVIATIONS = frozenset(
    [
        "tp",
        "tt",
        "q",
        "p",
        "mr",
        "mrs",
        "ms",
        "dr",
        "no",
        "st",
        "ths",
        "ts",
        "pgs",
        "gs",
        "vs",
        "ubnd",
        "đ/c",
    ]  # lower case
)
_BOUNDARY = re.compile(r"[.!?;\n\u2026]")


def _is_sentence_end(text: str, i: int) -> bool:
    char = text[i]
    if char != ".":
        return True
    after = text[i + 1 : i + 2]
    if after and not after.isspace() and after not in '"”’)»':
        return False  # "1.850", "gov.vn", "..."
    j = i
    while j > 0 and (text[j - 1].isalnum()):
        j -= 1
    word = text[j:i]
    if len(word) == 1 and word.isupper():
        return False  # an initial
    return word.lower() not in _ABBREVIATIONS


def sentence_ends(text: str) -> list[int]:
    """Offsets of the characters that end a sentence, a line or a clause, in order."""
    return [m.start() for m in _BOUNDARY.finditer(text) if _is_sentence_end(text, m.start())]


def sentence_bounds(
    text: str, start: int, end: int, limit: int = 400, ends: list[int] | None = None
) -> tuple[int, int]:
    """The sentence (or line, or clause ended by ``;``) around ``text[start:end]``.

    Looks at most ``limit`` characters to either side. ``ends`` is
    ``sentence_ends(text)`` when the caller keeps it for many lookups.
    """
    if ends is None:
        ends = sentence_ends(text[max(0, start - limit) : end + limit])
        offset = max(0, start - limit)
        ends = [e + offset for e in ends]
    i = bisect_left(ends, start)
    begin = ends[i - 1] + 1 if i else 0
    j = bisect_left(ends, end, lo=i)
    finish = ends[j] if j < len(ends) else len(text)
    return max(begin, start - limit, 0), min(finish, end + limit, len(text))


# --- HTML ------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
    ]
)
_CELL_TAGS = frozenset({"td", "th"})
_SKIP_CONTENT = frozenset({"script", "style", "template", "noscript"})
_TAG_NAME = re.compile(r"(/?)([A-Za-z][A-Za-z0-9:-]*)")
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_SPACE = frozenset(" \t\r\n\f")


@dataclass(frozen=True)
class PlainText:
    """Text extracted from HTML, with the source offset of each character.

    ``source[i]`` is the offset in the HTML of the character that produced
    ``text[i]`` (for an entity, the offset of its ``&``; for a line break made from a
    tag, the offset of the tag).
    """

    text: str
    source: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The HTML span that produced ``text[start:end]``."""
        if not self.source or start >= len(self.source):
            return (self.source[-1] + 1, self.source[-1] + 1) if self.source else (0, 0)
        last = self.source[max(start, end - 1)] + 1
        return self.source[start], last


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.source: list[int] = []

    def space(self, at: int) -> None:
        if self.chars and self.chars[-1] not in " \n\t":
            self.chars.append(" ")
            self.source.append(at)

    def char(self, char: str, at: int) -> None:
        self.chars.append(char)
        self.source.append(at)

    def newline(self, at: int) -> None:
        while self.chars and self.chars[-1] in " \t":
            self.chars.pop()
            self.source.pop()
        if self.chars and self.chars[-1] != "\n":
            self.chars.append("\n")
            self.source.append(at)

    def cell(self, at: int) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.source.pop()
        if self.chars and self.chars[-1] not in "\n\t":
            self.chars.append("\t")
            self.source.append(at)

    def data(self, raw: str, offset: int) -> None:
        pos = 0
        for m in _ENTITY.finditer(raw):
            self._plain(raw[pos : m.start()], offset + pos)
            decoded = html.unescape(m.group())
            for char in decoded:
                if char in _SPACE or char == "\xa0":
                    self.space(offset + m.start())
                else:
                    self.char(char, offset + m.start())
            pos = m.end()
        self._plain(raw[pos:], offset + pos)

    def _plain(self, raw: str, offset: int) -> None:
        for i, char in enumerate(raw):
            if char in _SPACE:
                self.space(offset + i)
            else:
                self.char(char, offset + i)


def html_to_text(markup: str) -> PlainText:
    """Visible text of an HTML fragment (Wagtail rich text, a table, an uploaded page).

    Tags are removed, entities decoded, runs of white space collapsed to one space; block
    elements (paragraphs, headings, list items, table rows, captions) and ``<br>`` end a
    line, table cells are separated by a tab; the ``alt`` text of an ``<img>`` is kept.
    The content of ``script`` and ``style`` is dropped. The result is NFC-normalised only
    if the input was; call :func:`nfc` on the markup first when in doubt.
    """
    out = _Builder()
    length = len(markup)
    pos = 0  # start of the text not yet emitted
    skip_until: str | None = None
    next_close = -2  # the next ">" (kept, so that many "<" never rescan the rest)
    i = markup.find("<")
    while i != -1:
        name = None
        closing = False
        if markup.startswith("<!--", i):
            close = markup.find("-->", i + 4)
            token_end = length if close < 0 else close + 3  # unclosed: runs to the end
        elif markup.startswith("<![CDATA[", i):
            close = markup.find("]]>", i + 9)
            token_end = length if close < 0 else close + 3
        else:
            m = _TAG_NAME.match(markup, i + 1)
            if m is None and not markup.startswith(("<!", "<?"), i):
                i = markup.find("<", i + 1)  # "a < b": text
                continue
            if next_close < i:
                next_close = markup.find(">", i)
            if next_close == -1:
                break  # no tag can end any more: the rest is text
            token_end = next_close + 1
            if m is not None:
                name, closing = m.group(2).lower(), bool(m.group(1))
        if skip_until is None:
            out.data(markup[pos:i], pos)
        tag_start, pos = i, token_end
        i = markup.find("<", token_end)
        if name is None:
            continue  # comment, doctype, processing instruction
        if skip_until is not None:
            if closing and name == skip_until:
                skip_until = None
            continue
        tag = markup[tag_start:token_end]
        if name in _SKIP_CONTENT and not closing and not tag.endswith("/>"):
            skip_until = name
        elif name in _BLOCK_TAGS:
            out.newline(tag_start)
        elif name in _CELL_TAGS and closing:
            out.cell(tag_start)
        elif name == "img" and not closing:
            alt = _ALT.search(tag)
            if alt:
                group = 1 if alt.group(1) is not None else 2
                out.space(tag_start)
                out.data(alt.group(group), tag_start + alt.start(group))
                out.space(token_end - 1)
    if skip_until is None:
        out.data(markup[pos:], pos)
    while out.chars and out.chars[-1] in " \n\t":
        out.chars.pop()
        out.source.pop()
    return PlainText("".join(out.chars), tuple(out.source))

"""Folding text for search: no diacritics, no case, one character for one character.

``fold("Biển Đông")`` is ``"bien dong"``. Every character of the text becomes
exactly one character of the folded text, so a match found at positions
``i:j`` of the folded text is the same stretch ``i:j`` of the original, which is
what the highlighting relies on. Letters and digits lose their diacritics
(Unicode NFD, then the combining marks dropped; "đ" and "Đ" have no
decomposition and become "d") and are lower-cased; every other character
(spaces, punctuation, symbols) becomes a space, so that search terms match at
the start of words.
"""

from __future__ import annotations

import functools
import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_EXTRA = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o"}

#: Longest query kept (characters) and most terms used from it.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10


@functools.lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: a lower-case base letter or digit, or a space."""
    if char in _EXTRA:
        return _EXTRA[char]
    if not char.isalnum():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    base = base.lower()
    if len(base) == 1:
        return base
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def normalise(text: str) -> str:
    """The text as stored and shown: Unicode NFC, runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def fold(text: str) -> str:
    """``text`` folded character by character (same length as ``text``)."""
    return "".join(fold_char(char) for char in text)


def query_terms(query: str) -> list[str]:
    """The distinct folded words of a visitor's query, in order (at most ``MAX_TERMS``)."""
    terms: list[str] = []
    for term in fold(normalise(query)[:MAX_QUERY_LENGTH]).split():
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def index_form(text: str) -> str:
    """What the index stores for matching: the folded text after one space, so that
    ``" " + term`` finds a term at the start of any word, the first one included."""
    return " " + fold(text)

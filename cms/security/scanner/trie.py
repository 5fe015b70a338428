"""Many keywords, one regular expression.

Python's ``re`` tries the branches of an alternation one after the other at every
position, so a pattern with hundreds of keyword branches costs hundreds of attempts per
word. Written as a prefix tree (``t(?:oi mat|uyet mat)|...``) the same set costs one
attempt per distinct first letter, and the scan time stops depending on how many
keywords there are.

Keywords are written folded and in lower case, words separated by one space; in the
text, words may be separated by any run of spaces, hyphens, apostrophes or quotes
(``nine-dash line``, ``cow's tongue``, ``đường "lưỡi bò"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SEPARATOR = r"[\s\-–—'’\"“”]+"
_SEPARATOR_SPLIT = re.compile(SEPARATOR)


def normalise_keyword(text: str) -> str:
    """``text`` (already folded to lower case) with its separators reduced to one space."""
    return " ".join(w for w in _SEPARATOR_SPLIT.split(text) if w)


def trie_pattern(keywords: Iterable[str]) -> str:
    """A regular expression (without anchors) matching any of ``keywords``.

    Longer keywords are preferred where one is a prefix of another.
    """
    root: dict = {}
    for keyword in keywords:
        node = root
        for char in keyword:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root) or "(?!)"


def _emit(node: dict) -> str:
    branches = []
    ends_here = "" in node
    for char in sorted(k for k in node if k):
        atom = SEPARATOR if char == " " else re.escape(char)
        branches.append(atom + _emit(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Greedy optional: the longer keyword wins, the shorter one still matches.
        return "(?:" + body + ")?"
    return body

"""Text of an HTML document as a visitor (and a crawler) can get it.

Visible text goes to ``body`` with block elements on their own lines and table
cells separated by tabs; ``alt`` and ``title`` attributes to ``image text``;
HTML comments, which are served to every visitor though not displayed, to
``comments``; ``mailto:`` and ``tel:`` links to ``links``; the ``<title>`` and
``<meta>`` descriptions to ``metadata: …`` parts. Scripts and styles are skipped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

from .base import ExtractedDocument, PartsBuilder

BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
    "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "tfoot", "thead", "tr", "ul",
    "text", "desc",  # SVG
}  # fmt: skip
CELLS = {"td", "th"}
SKIPPED = {"script", "style", "template", "noscript"}
META_NAMES = {
    "description": "description",
    "keywords": "keywords",
    "author": "author",
    "og:title": "title",
    "og:description": "description",
    "twitter:title": "title",
    "twitter:description": "description",
}
_SPACES = re.compile(r"[ \t\u00a0]+")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.attributes: list[str] = []
        self.comments: list[str] = []
        self.links: list[str] = []
        self.title: list[str] = []
        self.meta: list[tuple[str, str]] = []
        self.skipping = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)

    def _start(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag in SKIPPED:
            self.skipping += 1
            return
        if tag == "title":
            self.in_title = True
        if tag in BLOCKS:
            self.body.append("\n")
        elif tag in CELLS:
            self.body.append("\t")
        for name in ("alt", "title", "aria-label", "placeholder"):
            if values.get(name, "").strip():
                self.attributes.append(values[name].strip())
        href = values.get("href", "").strip()
        if href.lower().startswith(("mailto:", "tel:", "sms:", "callto:")):
            self.links.append(unquote(href))
        if tag == "meta":
            key = (values.get("name") or values.get("property") or "").lower()
            if key in META_NAMES and values.get("content", "").strip():
                self.meta.append((META_NAMES[key], values["content"].strip()))

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag == "title":
            self.in_title = False
        if tag in BLOCKS:
            self.body.append("\n")

    def handle_data(self, data):
        if self.skipping:
            return
        if self.in_title:
            self.title.append(data)
            return
        self.body.append(data)

    def handle_comment(self, data):
        if data.strip():
            self.comments.append(data.strip())


def _tidy(chunks: list[str]) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment or document, one block per line."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return _tidy(collector.body)


def extract_html(html: str) -> ExtractedDocument:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    parts = PartsBuilder("html")
    parts.add("metadata: title", _tidy(collector.title))
    for name, value in collector.meta:
        parts.add(f"metadata: {name}", value)
    parts.add("body", _tidy(collector.body))
    parts.add_lines("image text", collector.attributes)
    parts.add_lines("comments", collector.comments)
    parts.add_lines("links", collector.links)
    return parts.document

"""Text of OpenDocument files (ODT, ODS, ODP), as LibreOffice writes them.

Parts: ``body`` (paragraphs, headings, table cells, frames and speaker notes),
``headers and footers`` (from the styles), ``footnotes``, ``comments``
(annotations), ``tracked deletions``, ``metadata: …`` and pictures.
"""

from __future__ import annotations

import posixpath

from PIL import Image

from .archive import SafeZip, local
from .base import ExtractedDocument, Limits, PartsBuilder, UnreadableDocument
from .images import ImageReader
from .ocr import open_image

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
META_FIELDS = {
    "title": "title",
    "description": "comments",
    "subject": "subject",
    "keyword": "keywords",
    "initial-creator": "author",
    "creator": "last modified by",
}
_SKIPPED = {"annotation-end", "bookmark", "bookmark-start", "bookmark-end", "soft-page-break",
            "change-start", "change-end", "change", "sequence-decls", "variable-decls"}  # fmt: skip


class _Collector:
    def __init__(self):
        self.footnotes: list[str] = []
        self.comments: list[str] = []
        self.deleted: list[str] = []

    def blocks(self, element, out: list[str]) -> None:
        for child in element:
            name = local(child.tag)
            if name in ("p", "h"):
                out.append(self.paragraph(child))
            elif name == "tracked-changes":
                for deletion in (e for e in child.iter() if local(e.tag) == "deletion"):
                    self.blocks(deletion, self.deleted)
            elif name == "annotation":
                self.comments.append(self._inner(child))
            elif name == "note":
                self.footnotes.append(self._inner(child))
            else:
                self.blocks(child, out)

    def _inner(self, element) -> str:
        lines: list[str] = []
        self.blocks(element, lines)
        return "\n".join(line for line in lines if line.strip())

    def paragraph(self, element) -> str:
        pieces: list[str] = []
        self._inline(element, pieces)
        return "".join(pieces)

    def _inline(self, element, pieces: list[str]) -> None:
        if element.text:
            pieces.append(element.text)
        for child in element:
            name = local(child.tag)
            if name == "s":
                try:
                    count = int(child.get(f"{{{TEXT_NS}}}c", "1"))
                except ValueError:
                    count = 1
                pieces.append(" " * max(1, min(count, 100)))
            elif name == "tab":
                pieces.append("\t")
            elif name == "line-break":
                pieces.append("\n")
            elif name == "note":
                self.footnotes.append(
                    self._inner(next((e for e in child if local(e.tag) == "note-body"), child))
                )
            elif name == "annotation":
                self.comments.append(self._inner(child))
            elif name not in _SKIPPED:
                self._inline(child, pieces)
            if child.tail:
                pieces.append(child.tail)


def extract_odf(data: bytes, limits: Limits, images: ImageReader, kind: str) -> ExtractedDocument:
    archive = SafeZip(data, limits, f"OpenDocument ({kind.upper()})")
    manifest = archive.read("META-INF/manifest.xml") or b""
    if b"encryption-data" in manifest:
        raise UnreadableDocument(
            f"tệp {kind.upper()} được bảo vệ bằng mật khẩu "
            f"(the {kind.upper()} file is password-protected)"
        )
    content = archive.xml("content.xml")
    if content is None:
        raise UnreadableDocument(archive.damaged)
    parts = PartsBuilder(kind)
    collector = _Collector()
    body: list[str] = []
    for element in content:
        if local(element.tag) == "body":
            collector.blocks(element, body)
    parts.add_lines("body", body)
    styles = archive.xml("styles.xml")
    if styles is not None:
        lines: list[str] = []
        for element in styles.iter():
            if local(element.tag) in ("header", "footer", "header-left", "footer-left",
                                      "header-first", "footer-first"):  # fmt: skip
                collector.blocks(element, lines)
        parts.add_lines("headers and footers", lines)
    parts.add_lines("footnotes", collector.footnotes)
    parts.add_lines("comments", collector.comments)
    parts.add_lines("tracked deletions", collector.deleted)
    meta = archive.xml("meta.xml")
    if meta is not None:
        for element in meta.iter():
            name = local(element.tag)
            if name in META_FIELDS:
                parts.add(f"metadata: {META_FIELDS[name]}", element.text or "")
            elif name == "user-defined":
                label = next((v for k, v in element.attrib.items() if local(k) == "name"), "")
                parts.add(f"metadata: {label or 'property'}", element.text or "")
    number = 0
    for name in archive.names(r"Pictures/[^/]+"):
        picture = archive.read(name) or b""
        base = posixpath.basename(name)
        try:
            with open_image(picture) as image:
                size = image.size
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            continue
        number += 1
        images.metadata(picture, base, parts)
        if images.worth_reading(*size):
            parts.add(f"ocr image {number} ({base})", images.read(picture, parts))
    return parts.document

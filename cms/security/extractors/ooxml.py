"""Text of Office Open XML documents: Word (DOCX), Excel (XLSX), PowerPoint (PPTX).

The XML parts are read directly (defusedxml on the members of the ZIP), so that
what a writer does not see on screen is read too.

DOCX parts: ``body`` (paragraphs, tables, text boxes, in reading order; text
being inserted by tracked changes included, text being deleted not),
``headers``, ``footers``, ``footnotes``, ``endnotes``, ``comments``, ``tracked
insertions``, ``tracked deletions`` (deleted text is still in the file: a leak
risk), ``hidden text`` (formatted as hidden), ``document variables``,
``building blocks``, ``charts and diagrams``, ``links`` (external hyperlink
targets), ``metadata: …`` (core, extended and custom properties) and
``ocr image N (name)`` / ``image metadata (name)`` for pictures.

XLSX parts: ``sheet <name>`` (every cell, hidden rows, columns and sheets
included, cells separated by tabs; `` (hidden)`` marks hidden sheets),
``headers and footers``, ``comments``, plus charts, pictures and properties.

PPTX parts: ``slide N`` (`` (hidden)`` for hidden slides), ``notes N``,
``comments``, plus charts, diagrams, pictures and properties.
"""

from __future__ import annotations

import posixpath
import re
from typing import NoReturn

from PIL import Image

from .archive import RELATIONSHIP_ID, SafeZip, local
from .base import ExtractedDocument, Limits, PartsBuilder, UnreadableDocument
from .images import ImageReader
from .ocr import open_image

CORE_PROPERTIES = {
    "title": "title",
    "subject": "subject",
    "creator": "author",
    "keywords": "keywords",
    "description": "comments",
    "lastModifiedBy": "last modified by",
    "category": "category",
    "contentStatus": "status",
    "identifier": "identifier",
    "version": "version",
}
APP_PROPERTIES = {
    "Company": "company",
    "Manager": "manager",
    "Template": "template",
    "HyperlinkBase": "hyperlink base",
}
_FALSE = {"0", "false", "off"}
_SKIPPED_INLINE = {
    "pPr", "rPr", "Fallback", "commentReference", "footnoteReference", "endnoteReference",
    "instrText", "delInstrText", "fldData", "annotationRef", "sectPr", "tblPr", "trPr",
    "tcPr", "tblGrid",
}  # fmt: skip
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"RIFF")
_HEADER_CODES = re.compile(r'&(?:"[^"]*"|\d+|[A-Za-z])')


class _Paragraph:
    def __init__(self):
        self.body: list[str] = []
        self.inserted: list[str] = []
        self.deleted: list[str] = []
        self.hidden: list[str] = []
        self.nested: list[str] = []

    def add(self, mode: str, text: str) -> None:
        if mode == "deleted":
            self.deleted.append(text)
        elif mode == "hidden":
            self.hidden.append(text)
        else:
            self.body.append(text)
            if mode == "inserted":
                self.inserted.append(text)


class WordText:
    """Paragraph text of WordprocessingML, with the tracked and hidden text apart."""

    def __init__(self):
        self.inserted: list[str] = []
        self.deleted: list[str] = []
        self.hidden: list[str] = []

    def paragraphs(self, root) -> list[str]:
        out: list[str] = []
        self._blocks(root, out)
        return out

    def _blocks(self, element, out: list[str]) -> None:
        for child in element:
            name = local(child.tag)
            if name == "p":
                self._paragraph(child, out)
            elif name != "Fallback":
                self._blocks(child, out)

    def _paragraph(self, element, out: list[str]) -> None:
        paragraph = _Paragraph()
        self._inline(element, paragraph, "normal")
        out.append("".join(paragraph.body))
        for pieces, target in (
            (paragraph.inserted, self.inserted),
            (paragraph.deleted, self.deleted),
            (paragraph.hidden, self.hidden),
        ):
            text = "".join(pieces)
            if text.strip():
                target.append(text)
        out.extend(paragraph.nested)

    def _inline(self, element, paragraph: _Paragraph, mode: str) -> None:
        for child in element:
            name = local(child.tag)
            if name in _SKIPPED_INLINE:
                continue
            if name == "txbxContent":
                self._blocks(child, paragraph.nested)
            elif name in ("ins", "moveTo"):
                self._inline(child, paragraph, "inserted" if mode == "normal" else mode)
            elif name in ("del", "moveFrom"):
                self._inline(child, paragraph, "deleted")
            elif name == "r":
                run_mode = "hidden" if mode == "normal" and _hidden(child) else mode
                self._run(child, paragraph, run_mode)
            elif name == "p":
                self._paragraph(child, paragraph.nested)
            else:
                self._inline(child, paragraph, mode)

    def _run(self, run, paragraph: _Paragraph, mode: str) -> None:
        for child in run:
            name = local(child.tag)
            if name in ("t", "delText"):
                paragraph.add(mode, child.text or "")
            elif name in ("tab", "ptab"):
                paragraph.add(mode, "\t")
            elif name in ("br", "cr"):
                paragraph.add(mode, "\n")
            elif name == "noBreakHyphen":
                paragraph.add(mode, "-")
            elif name in ("drawing", "pict", "AlternateContent", "object", "Choice"):
                self._inline(child, paragraph, mode)


def _hidden(run) -> bool:
    for child in run:
        if local(child.tag) == "rPr":
            for prop in child:
                if local(prop.tag) == "vanish":
                    value = next((v for k, v in prop.attrib.items() if local(k) == "val"), "1")
                    return value.lower() not in _FALSE
    return False


def _text_of(element, names=("t",)) -> str:
    return "".join(e.text or "" for e in element.iter() if local(e.tag) in names)


def _drawing_paragraphs(root) -> list[str]:
    """DrawingML paragraphs (slides, shapes, charts' rich text): ``a:p`` → ``a:t``."""
    out = []
    for element in root.iter():
        if local(element.tag) == "p":
            pieces = []
            for inner in element.iter():
                name = local(inner.tag)
                if name == "t":
                    pieces.append(inner.text or "")
                elif name == "br":
                    pieces.append("\n")
            out.append("".join(pieces))
    return out


def properties(archive: SafeZip, parts: PartsBuilder) -> None:
    """Core, extended (app) and custom document properties as ``metadata: …`` parts."""
    core = archive.xml("docProps/core.xml")
    if core is not None:
        for element in core:
            name = CORE_PROPERTIES.get(local(element.tag))
            if name:
                parts.add(f"metadata: {name}", "".join(element.itertext()))
    app = archive.xml("docProps/app.xml")
    if app is not None:
        for element in app:
            name = APP_PROPERTIES.get(local(element.tag))
            if name:
                parts.add(f"metadata: {name}", "".join(element.itertext()))
    custom = archive.xml("docProps/custom.xml")
    if custom is not None:
        for element in custom:
            name = element.get("name") or "property"
            parts.add(f"metadata: {name}", "".join(element.itertext()))


def charts_and_diagrams(archive: SafeZip, folder: str, parts: PartsBuilder) -> None:
    lines: list[str] = []
    for name in archive.names(
        rf"{folder}/(?:charts/chart\d*|diagrams/data\d*|drawings/drawing\d*)\.xml"
    ):
        root = archive.xml(name)
        if root is None:
            continue
        if "/charts/" in name:
            lines.extend(_text_of(e, ("v", "t")) for e in root.iter() if local(e.tag) == "pt")
            lines.extend(_drawing_paragraphs(root))
        else:
            lines.extend(_drawing_paragraphs(root))
    parts.add_lines("charts and diagrams", lines)


def pictures(archive: SafeZip, folder: str, images: ImageReader, parts: PartsBuilder) -> None:
    number = 0
    for name in archive.names(rf"{folder}/media/[^/]+"):
        data = archive.read(name) or b""
        if not data.startswith(_IMAGE_MAGIC):
            continue  # EMF/WMF drawings, sound, video
        base = posixpath.basename(name)
        try:
            with open_image(data) as image:
                size = image.size
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            parts.warn(f"không mở được ảnh {base} trong tệp (the picture {base} is damaged)")
            continue
        number += 1
        images.metadata(data, base, parts)
        if images.worth_reading(*size):
            parts.add(f"ocr image {number} ({base})", images.read(data, parts))


def links(archive: SafeZip, part_names: list[str], parts: PartsBuilder) -> None:
    targets: list[str] = []
    for part in part_names:
        for kind, target, external in archive.relationships(part).values():
            if external and kind.endswith("/hyperlink") and target not in targets:
                targets.append(target)
    parts.add_lines("links", targets)


# -- Word ---------------------------------------------------------------------------


def extract_docx(data: bytes, limits: Limits, images: ImageReader) -> ExtractedDocument:
    archive = SafeZip(data, limits, "Word (DOCX)")
    parts = PartsBuilder("docx")
    main = archive.main_part("word/document.xml")
    root = archive.xml(main)
    if root is None:
        raise_damaged(archive)
    word = WordText()
    parts.add_lines("body", word.paragraphs(root))
    headers = archive.names(r"word/header\d*\.xml")
    footers = archive.names(r"word/footer\d*\.xml")
    for label, names in (("headers", headers), ("footers", footers)):
        lines: list[str] = []
        for name in names:
            lines.extend(word.paragraphs(archive.xml(name)))
        parts.add_lines(label, lines)
    for label, name in (("footnotes", "word/footnotes.xml"), ("endnotes", "word/endnotes.xml")):
        part = archive.xml(name)
        if part is not None:
            parts.add_lines(label, word.paragraphs(part))
    comments = archive.xml("word/comments.xml")
    if comments is not None:
        texts = [
            "\n".join(p for p in word.paragraphs(comment) if p.strip())
            for comment in comments
            if local(comment.tag) == "comment"
        ]
        parts.add_lines("comments", texts)
    parts.add_lines("tracked insertions", word.inserted)
    parts.add_lines("tracked deletions", word.deleted)
    parts.add_lines("hidden text", word.hidden)
    settings = archive.xml("word/settings.xml")
    if settings is not None:
        variables = [
            next((v for k, v in e.attrib.items() if local(k) == "val"), "")
            for e in settings.iter()
            if local(e.tag) == "docVar"
        ]
        parts.add_lines("document variables", variables)
    glossary = archive.xml("word/glossary/document.xml")
    if glossary is not None:
        parts.add_lines("building blocks", WordText().paragraphs(glossary))
    charts_and_diagrams(archive, "word", parts)
    links(archive, [main, *headers, *footers, "word/footnotes.xml", "word/comments.xml"], parts)
    properties(archive, parts)
    pictures(archive, "word", images, parts)
    return parts.document


def raise_damaged(archive: SafeZip) -> NoReturn:
    raise UnreadableDocument(archive.damaged)


# -- Excel --------------------------------------------------------------------------


def extract_xlsx(data: bytes, limits: Limits, images: ImageReader) -> ExtractedDocument:
    archive = SafeZip(data, limits, "Excel (XLSX)")
    parts = PartsBuilder("xlsx")
    main = archive.main_part("xl/workbook.xml")
    workbook = archive.xml(main)
    if workbook is None:
        raise_damaged(archive)
    shared = _shared_strings(archive, posixpath.dirname(main))
    relationships = archive.relationships(main)
    footers: list[str] = []
    for sheet in (e for e in workbook.iter() if local(e.tag) == "sheet"):
        name = sheet.get("name", "?")
        state = sheet.get("state", "visible")
        target = relationships.get(sheet.get(RELATIONSHIP_ID, ""), ("", "", False))[1]
        if not archive.has(target):
            continue
        rows = _sheet_rows(archive, target, shared, footers)
        label = f"sheet {name}" + (" (hidden)" if state != "visible" else "")
        parts.add_lines(label, rows)
    parts.add_lines("headers and footers", footers)
    comments: list[str] = []
    for name in archive.names(r"xl/comments\d*\.xml"):
        root = archive.xml(name)
        comments.extend(_text_of(c) for c in root.iter() if local(c.tag) == "comment")
    for name in archive.names(r"xl/threadedComments/[^/]+\.xml"):
        root = archive.xml(name)
        comments.extend(e.text or "" for e in root.iter() if local(e.tag) == "text")
    parts.add_lines("comments", comments)
    charts_and_diagrams(archive, "xl", parts)
    links(archive, [main, *archive.names(r"xl/worksheets/sheet\d*\.xml")], parts)
    properties(archive, parts)
    pictures(archive, "xl", images, parts)
    return parts.document


def _shared_strings(archive: SafeZip, folder: str) -> list[str]:
    strings: list[str] = []
    for event, element in archive.iterparse(posixpath.join(folder, "sharedStrings.xml")):
        if event == "end" and local(element.tag) == "si":
            strings.append(
                "".join(
                    e.text or ""
                    for e in element.iter()
                    if local(e.tag) == "t" and not _in_phonetic(element, e)
                )
            )
            element.clear()
    return strings


def _in_phonetic(root, target) -> bool:
    for phonetic in root:
        if local(phonetic.tag) == "rPh" and any(e is target for e in phonetic.iter()):
            return True
    return False


def _sheet_rows(archive: SafeZip, name: str, shared: list[str], footers: list[str]) -> list[str]:
    rows: list[str] = []
    cells: list[str] = []
    for _event, element in archive.iterparse(name):
        tag = local(element.tag)
        if tag == "c":
            kind = element.get("t", "n")
            value = next((e.text or "" for e in element if local(e.tag) == "v"), "")
            if kind == "s":
                try:
                    value = shared[int(value)]
                except (ValueError, IndexError):
                    value = ""
            elif kind == "inlineStr":
                value = _text_of(element)
            cells.append(value)
            element.clear()
        elif tag == "row":
            if any(cell.strip() for cell in cells):
                rows.append("\t".join(cells).rstrip("\t"))
            cells = []
            element.clear()
        elif tag in ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader",
                     "firstFooter"):  # fmt: skip
            text = _HEADER_CODES.sub(" ", element.text or "").strip()
            if text:
                footers.append(text)
    return rows


# -- PowerPoint -----------------------------------------------------------------------


def extract_pptx(data: bytes, limits: Limits, images: ImageReader) -> ExtractedDocument:
    archive = SafeZip(data, limits, "PowerPoint (PPTX)")
    parts = PartsBuilder("pptx")
    slides = archive.names(r"ppt/slides/slide\d+\.xml")
    if not slides and not archive.has("ppt/presentation.xml"):
        raise_damaged(archive)
    for name in slides:
        root = archive.xml(name)
        number = re.search(r"(\d+)\.xml$", name).group(1)
        hidden = (root.get("show") or "1").lower() in _FALSE
        parts.add_lines(f"slide {number}" + (" (hidden)" if hidden else ""),
                        _drawing_paragraphs(root))  # fmt: skip
    for name in archive.names(r"ppt/notesSlides/notesSlide\d+\.xml"):
        number = re.search(r"(\d+)\.xml$", name).group(1)
        parts.add_lines(f"notes {number}", _drawing_paragraphs(archive.xml(name)))
    comments: list[str] = []
    for name in archive.names(r"ppt/comments/[^/]+\.xml"):
        root = archive.xml(name)
        comments.extend(e.text or "" for e in root.iter() if local(e.tag) == "text")
        comments.extend(_drawing_paragraphs(root))
    parts.add_lines("comments", comments)
    charts_and_diagrams(archive, "ppt", parts)
    links(archive, slides, parts)
    properties(archive, parts)
    pictures(archive, "ppt", images, parts)
    return parts.document

"""Shared types of the extractors: the result, the limits and the errors.

Pure Python, no Django: the ``infosec_scan`` command and the page adapter both
use these. Every message meant for people (error reasons, warnings) is written
in Vietnamese followed by English in parentheses, because it is shown as is to
writers and reviewers and printed by the command line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

MIB = 1024 * 1024


class ExtractionError(Exception):
    """The input could not be turned into text. ``reason`` is one line for people."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


class UnreadableDocument(ExtractionError):
    """A file of a known kind that cannot be read: damaged, encrypted, too large, unsafe."""


class UnsupportedFormat(ExtractionError):
    """A file whose kind is not one the extractors read (``kind`` says what it looked like)."""

    def __init__(self, reason: str, kind: str = "unknown"):
        super().__init__(reason)
        self.kind = kind


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or huge file from exhausting the server.

    ``max_bytes``: size of the file itself. ``max_uncompressed``: total size of
    the members of a ZIP-based document (DOCX, XLSX, PPTX, ODF) and of any
    decompressed metadata. ``max_members``: members of such an archive.
    ``max_pages``: PDF pages read (the rest is reported as not read).
    ``max_ocr_images``: images given to Tesseract per document.
    ``ocr_timeout``: seconds of Tesseract per image. ``max_depth``: files
    embedded in files (PDF attachments) followed this deep. ``ocr``: whether to
    read images at all.
    """

    max_bytes: int = 50 * MIB
    max_uncompressed: int = 200 * MIB
    max_members: int = 10_000
    max_pages: int = 500
    max_ocr_images: int = 40
    ocr_timeout: float = 30.0
    max_depth: int = 2
    ocr: bool = True


DEFAULT_LIMITS = Limits()

_OCR_LABEL = re.compile(r"(?:^|: )ocr(?:\s|$)")


class Part(NamedTuple):
    """One text-bearing part of a document: ``(label, text)``.

    Labels name where the text was found, for people and for field paths:
    ``body``, ``page 3``, ``headers``, ``footers``, ``footnotes``, ``endnotes``,
    ``comments``, ``tracked insertions``, ``tracked deletions``, ``hidden text``,
    ``links``, ``annotations``, ``form fields``, ``bookmarks``, ``sheet <name>``,
    ``slide 2``, ``notes 2``, ``charts and diagrams``, ``image text`` (HTML alt
    and title attributes), ``metadata: <field>``, ``image metadata``,
    ``ocr``, ``ocr page 3``, ``ocr image 2 (image2.png)``; parts of a file
    embedded in a PDF are prefixed with ``attachment <name>: ``.
    """

    label: str
    text: str

    @property
    def is_ocr(self) -> bool:
        """True for text read by Tesseract from an image (scan it with part ``ocr``)."""
        return bool(_OCR_LABEL.search(self.label))


PART_SEPARATOR = "\n\n"


@dataclass
class ExtractedDocument:
    """The text of a document, split into labelled parts.

    ``text`` joins the parts' texts with a blank line, in order; ``locate``
    turns an offset into that text back into (part label, offset in the part).
    ``complete`` is False when something was left unread (pages past the limit,
    images that Tesseract could not read or that exceeded the OCR budget);
    ``images_not_read`` counts such images, and ``warnings`` says why, one line
    each, for the editor to show.
    """

    kind: str
    parts: list[Part] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    complete: bool = True
    images_not_read: int = 0
    images_read: int = 0

    @property
    def text(self) -> str:
        return PART_SEPARATOR.join(part.text for part in self.parts)

    def part(self, label: str) -> str | None:
        """The text of the first part with this label, or None."""
        for part in self.parts:
            if part.label == label:
                return part.text
        return None

    def locate(self, offset: int) -> tuple[str, int]:
        """(label, offset within that part) for an offset into ``text``."""
        if offset < 0:
            raise ValueError("offset must not be negative")
        start = 0
        for part in self.parts:
            end = start + len(part.text)
            if offset <= end:
                return part.label, max(0, offset - start)
            start = end + len(PART_SEPARATOR)
        raise ValueError(f"offset {offset} is past the end of the text")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|[\x0c\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """NFC, newlines as ``\\n``, no control characters: what the scanner expects.

    The scanner normalises to NFC itself; doing it here too means offsets into
    the extracted text and into the scanned text are the same.
    """
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


class PartsBuilder:
    """Collects parts while an extractor runs, dropping empty ones."""

    def __init__(self, kind: str):
        self.document = ExtractedDocument(kind=kind)

    def add(self, label: str, text: str | None) -> None:
        if not text:
            return
        text = clean_text(text).strip("\n")
        if text.strip():
            self.document.parts.append(Part(label, text))

    def add_lines(self, label: str, lines) -> None:
        self.add(label, "\n".join(line for line in lines if line and line.strip()))

    def warn(self, message: str, *, incomplete: bool = False) -> None:
        if message not in self.document.warnings:
            self.document.warnings.append(message)
        if incomplete:
            self.document.complete = False

    def extend(self, other: ExtractedDocument, prefix: str) -> None:
        """Add the parts of an embedded document under ``prefix``."""
        for part in other.parts:
            self.document.parts.append(Part(f"{prefix}{part.label}", part.text))
        for message in other.warnings:
            self.warn(message)
        self.document.complete &= other.complete
        self.document.images_not_read += other.images_not_read
        self.document.images_read += other.images_read


def size_text(size: int) -> str:
    """A size for people: ``12,5 MB`` (Vietnamese decimal comma)."""
    if size >= MIB:
        return f"{size / MIB:.1f} MB".replace(".", ",")
    return f"{max(1, size // 1024)} KB"

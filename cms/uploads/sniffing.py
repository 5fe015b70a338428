"""What an uploaded file really is, read from its content, never from its name.

``refuse_markup(file)`` refuses SVG drawings and HTML pages, whatever their name: both
can carry scripts that a browser runs. ``check_document(file, extension)`` refuses a
document whose content is not what its extension says (an HTML page named ``.pdf``, a
PNG named ``.docx``, a ZIP archive renamed ``.docx`` that is not a Word document) and
Office files with macros.

Binary formats are recognised by their signature with puremagic; the ZIP containers of
Office Open XML (DOCX, XLSX) and OpenDocument (ODT, ODS) are then opened to check that
the archive really is that kind of document (its declared main part, or its
``mimetype`` entry). Text must be UTF-8. Images are checked by Wagtail's image field
(Pillow and Willow read the content) and re-encoded by ``cms.uploads.images``.

Every refusal is a ``ValidationError`` with a message for the editor, in their language.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import zipfile
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

import puremagic
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEAD_SIZE = 8192
#: The largest ``[Content_Types].xml`` or ``mimetype`` entry read from an archive.
MAX_MANIFEST = 1024 * 1024

OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "dotm",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": "xltm",
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main": "xlsb",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": "pptm",
}
MACRO_KINDS = {"docm", "dotm", "xlsm", "xltm", "xlsb", "pptm"}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
    b"application/vnd.oasis.opendocument.graphics": "odg",
}

#: The kind of content each accepted document extension must have.
EXPECTED_KIND = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "odt": "odt",
    "ods": "ods",
    "txt": "text",
}

#: How a kind is named to the editor: by its format, or (plain text) in words.
KIND_NAMES = {
    "pdf": "PDF",
    "docx": "DOCX (Word)",
    "xlsx": "XLSX (Excel)",
    "pptx": "PPTX (PowerPoint)",
    "dotx": "DOTX",
    "xltx": "XLTX",
    "odt": "ODT",
    "ods": "ODS",
    "odp": "ODP",
    "odg": "ODG",
    "ole": "DOC/XLS/PPT (Office 97–2003)",
    "zip": "ZIP",
    "jpeg": "JPEG",
    "text": _("plain text"),
}
_JPEG_EXTENSIONS = {"jpg", "jpeg", "jpe", "jfif"}
_WELL_KNOWN = ("pdf", "png", "gif", "webp", "bmp", "tif", "exe", "zip", "rar", "7z", "gz", "mp4")

# Where a browser would take the content for a page (WHATWG MIME sniffing: the tags that
# make "unknown" content HTML), or for an SVG drawing.
_HTML_START = re.compile(
    rb"(?:<!doctype\s+html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style"
    rb"|<title|<b|<body|<br|<p|<!--)(?:[\s>/]|$)",
    re.IGNORECASE,
)
_XML_PROLOGUE = re.compile(
    rb"^(?:<\?xml[^>]*>|<!--.*?-->|<!doctype[^>]*>|\s)*", re.IGNORECASE | re.DOTALL
)
_SVG_OR_HTML_TAG = re.compile(
    rb"<(?:(?:\w+:)?svg|(?:\w+:)?html|script|iframe|body|!doctype\s+html)[\s>/]",
    re.IGNORECASE,
)
_SVG_TAG = re.compile(rb"<(?:\w+:)?svg[\s>/]", re.IGNORECASE)
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_SIGNATURES = (
    b"%PDF-",
    *_ZIP,
    _OLE,
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"RIFF",  # WebP
    b"II*\x00",  # TIFF
    b"MM\x00*",
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that do not occur in text (NUL and the like); tab, line feed,
# carriage return, form feed and vertical tab do.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

MARKUP_REFUSED = _(
    "SVG drawings and HTML pages are not accepted, even under another name: they can "
    "carry scripts that run in the reader's browser. Save a drawing as PNG, a page as PDF."
)
MACROS_REFUSED = _(
    "Files with macros are not accepted. Save the file again without macros "
    "(as .docx, .xlsx, .odt or .ods)."
)
NOT_UTF8 = _(
    "A .txt file must be plain text in UTF-8 (Unicode). Save it again with the UTF-8 encoding."
)


def read_head(file: BinaryIO, size: int = HEAD_SIZE) -> bytes:
    """The first ``size`` bytes of ``file``, which is left at its start."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        file.seek(0)
    head = file.read(size) or b""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        file.seek(0)
    return head


def markup_kind(head: bytes) -> str | None:
    """``"svg"`` or ``"html"`` when a browser could take ``head`` for a drawing or a page."""
    if head.startswith(_BINARY_SIGNATURES):
        # Markup inside a PDF, an archive or an image is that format's business (and an
        # image is re-encoded): only text is sniffed as a page by a browser.
        return None
    text = head
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            text = head[len(bom) :].decode(encoding, errors="ignore").encode("utf-8")
            break
    if _binary(text):
        return None
    body = text[_XML_PROLOGUE.match(text).end() :]
    if _SVG_TAG.match(body):
        return "svg"
    if _HTML_START.match(body):
        return "html"
    found = _SVG_OR_HTML_TAG.search(text)
    if found:
        return "svg" if _SVG_TAG.match(text, found.start()) else "html"
    return None


def _binary(data: bytes) -> bool:
    return b"\x00" in data[:1024]


def refuse_markup(file: BinaryIO) -> None:
    """Refuse an SVG drawing or an HTML page, whatever the file is called."""
    if markup_kind(read_head(file)):
        raise ValidationError(MARKUP_REFUSED, code="markup_refused")


def detect_document_kind(file: BinaryIO) -> str:
    """What ``file`` contains: one of ``KIND_NAMES``' keys, ``"svg"``, ``"html"``,
    ``"macros"`` (an Office file with macros), the extension puremagic reads from another
    signature, or ``"unknown"``."""
    head = read_head(file)
    magic = _magic(head)
    if magic == "pdf":
        return "pdf"
    if head.startswith(_ZIP):
        return _zip_kind(file)
    if head.startswith(_OLE):
        return "ole"
    markup = markup_kind(head)
    if markup:
        return markup
    if _is_utf8_text(file):
        return "text"
    return magic or "unknown"


def _magic(head: bytes) -> str | None:
    """The extension of the signature puremagic finds at the start of ``head``: a
    well-known one if it is among those that fit (an ``MZ`` header is an ``exe``)."""
    try:
        matches = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        return None
    if not matches:
        return None
    ranked = sorted(matches, key=lambda match: -match.confidence)
    extensions = [match.extension.lstrip(".").lower() for match in ranked if match.extension]
    best = {
        match.extension.lstrip(".").lower()
        for match in ranked
        if match.confidence >= ranked[0].confidence
    }
    if best & _JPEG_EXTENSIONS:
        return "jpeg"
    for known in _WELL_KNOWN:
        if known in extensions:
            return known
    return extensions[0] if extensions else None


def _zip_kind(file: BinaryIO) -> str:
    try:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = {info.filename: info for info in archive.infolist()}
            kind = _ooxml_kind(archive, names) or _odf_kind(archive, names) or "zip"
            if kind in MACRO_KINDS or _has_macros(names):
                return "macros"
            return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return "zip"
    finally:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            file.seek(0)


def _ooxml_kind(archive: zipfile.ZipFile, names: dict) -> str | None:
    info = names.get("[Content_Types].xml")
    if info is None or info.file_size > MAX_MANIFEST:
        return None
    try:
        root = parse_xml(archive.read(info))
    except (ParseError, DefusedXmlException, zipfile.BadZipFile, ValueError, OSError):
        return None
    for element in root:
        if not element.tag.endswith("}Override"):
            continue
        kind = OOXML_MAIN_TYPES.get(element.get("ContentType", ""))
        part = element.get("PartName", "").lstrip("/")
        if kind and part in names:
            return kind
    return None


def _odf_kind(archive: zipfile.ZipFile, names: dict) -> str | None:
    info = names.get("mimetype")
    if info is None or info.file_size > 200 or "META-INF/manifest.xml" not in names:
        return None
    try:
        return ODF_MIMETYPES.get(archive.read(info).strip())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None


def _has_macros(names: dict) -> bool:
    return any(
        name.lower().endswith("vbaproject.bin") or name.startswith(("Basic/", "Scripts/"))
        for name in names
    )


def _is_utf8_text(file: BinaryIO, chunk_size: int = 1 << 16) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with contextlib.suppress(AttributeError, OSError, ValueError):
        file.seek(0)
    try:
        while chunk := file.read(chunk_size):
            if _CONTROL.search(decoder.decode(chunk)):
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            file.seek(0)
    return True


def check_document(file: BinaryIO, extension: str) -> None:
    """Refuse ``file`` unless its content is what ``extension`` says (``"pdf"``, ``"docx"``…).

    An extension not in ``EXPECTED_KIND`` is left to the extension validator."""
    extension = extension.lower().lstrip(".")
    expected = EXPECTED_KIND.get(extension)
    if expected is None:
        return
    found = detect_document_kind(file)
    if found == expected:
        return
    if found in {"svg", "html"}:
        raise ValidationError(MARKUP_REFUSED, code="markup_refused")
    if found == "macros":
        raise ValidationError(MACROS_REFUSED, code="macros_refused")
    if expected == "text" and found == "unknown" and not _binary(read_head(file)):
        raise ValidationError(NOT_UTF8, code="not_utf8")
    if found == "unknown":
        raise ValidationError(
            _(
                "This is not a real .%(extension)s file: its content is in no format "
                "accepted for documents. Upload the original file, or open it and save it "
                "again as .%(extension)s."
            ),
            code="content_mismatch",
            params={"extension": extension},
        )
    raise ValidationError(
        _(
            "This is not a real .%(extension)s file: its content is in the %(found)s format. "
            "Upload the original file, or open it and save it again as .%(extension)s."
        ),
        code="content_mismatch",
        params={"extension": extension, "found": KIND_NAMES.get(found, found.upper())},
    )

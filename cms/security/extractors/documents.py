"""``extract_text``: the text of an attachment or uploaded file, whatever its kind.

The kind is recognised from the content, not from the file name: ``%PDF-``
(PDF); a ZIP holding ``word/document.xml`` (DOCX), ``xl/workbook.xml`` (XLSX),
``ppt/presentation.xml`` (PPTX) or an OpenDocument ``mimetype`` (ODT, ODS,
ODP); JPEG, PNG, GIF, WebP, TIFF, BMP, HEIC/AVIF images; SVG drawings (their
``<text>``, ``<title>`` and ``<desc>`` are text, read like HTML); otherwise text in
UTF-8 (or UTF-16 with a byte-order mark, or the Vietnamese Windows code page
1258), read as HTML when it looks like HTML. The file name only breaks the tie
between plain text and HTML, and names the file in messages.

Errors are ``UnreadableDocument`` (a known kind that cannot be read) or
``UnsupportedFormat`` (a kind not read here), both ``ExtractionError`` with a
one-line ``reason`` in Vietnamese and English. Nothing else escapes: an
unexpected failure inside a parser becomes ``UnreadableDocument`` too.
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import re
import zipfile
from pathlib import Path
from typing import BinaryIO

from .base import (
    DEFAULT_LIMITS,
    ExtractedDocument,
    ExtractionError,
    Limits,
    PartsBuilder,
    UnreadableDocument,
    UnsupportedFormat,
    size_text,
)
from .htmltext import extract_html
from .images import ImageReader, extract_image
from .ocr import DEFAULT_LANG
from .odf import extract_odf
from .ooxml import extract_docx, extract_pptx, extract_xlsx
from .pdf import extract_pdf

logger = logging.getLogger(__name__)

KINDS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "html", "svg", "text", "image")
SUPPORTED = "PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, HTML, SVG, văn bản (text), ảnh (images)"

_PDF = re.compile(rb"%PDF-\d")
_IMAGE_MAGIC = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",  # TIFF
    b"MM\x00*",
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SVG_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+svg[^>]*>\s*)?<svg[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<!--)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"<(?:p|div|span|br|table|tr|td|h[1-6]|ul|ol|li|a|img|strong|em|b|i|body|head|section|"
    r"article|figure|figcaption|blockquote)\b[^>]*>",
    re.IGNORECASE,
)
_ODF_KINDS = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x0b\x1b")


def _unsupported(what: str, english: str, kind: str) -> UnsupportedFormat:
    return UnsupportedFormat(
        f"{what} chưa được hỗ trợ; hãy lưu lại thành PDF hoặc DOCX ({english} is not supported; "
        "save it as PDF or DOCX)",
        kind,
    )


def detect_format(data: bytes, filename: str | None = None) -> str:
    """One of ``KINDS``, from the content. Raises ``UnsupportedFormat`` or, for an
    encrypted Office file, ``UnreadableDocument``."""
    if not data.strip():
        return "text"
    if _PDF.search(data[:1024]):
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableDocument(
                "tệp Office được bảo vệ bằng mật khẩu (the Office file is password-protected)"
            )
        raise _unsupported("tệp Office 97–2003 (.doc, .xls, .ppt)", "a legacy Office file", "ole")
    if data.startswith(b"{\\rtf"):
        raise _unsupported("tệp RTF", "an RTF file", "rtf")
    if data.startswith(_IMAGE_MAGIC) or _riff_webp(data) or _iso_image(data) or _bmp(data):
        return "image"
    text = _decode(data)[0]
    if text is None:
        raise UnsupportedFormat(
            f"không nhận ra định dạng tệp; hỗ trợ {SUPPORTED} (unrecognised file format)"
        )
    if _SVG_START.match(text[:4096]):
        return "svg"
    if _looks_like_html(text, filename):
        return "html"
    return "text"


def _riff_webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def _iso_image(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in (
        b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis",
    )  # fmt: skip


def _bmp(data: bytes) -> bool:
    if data[:2] != b"BM" or len(data) < 26:
        return False
    declared = int.from_bytes(data[2:6], "little")
    header = int.from_bytes(data[14:18], "little")
    return header in (12, 40, 52, 56, 64, 108, 124) and declared in (0, len(data))


def _zip_kind(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = archive.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError, RuntimeError):  # fmt: skip
        raise UnreadableDocument(
            "không đọc được tệp: tệp ZIP bị hỏng (the ZIP-based file is damaged)"
        ) from None
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "ppt/presentation.xml" in names or any(n.startswith("ppt/") for n in names):
        return "pptx"
    if mimetype in _ODF_KINDS:
        return _ODF_KINDS[mimetype]
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise _unsupported("tệp OpenDocument loại này", "this OpenDocument type", "odf")
    raise UnsupportedFormat(
        "tệp nén ZIP không phải văn bản Office; hãy đính kèm từng tệp riêng "
        "(a ZIP archive that is not an Office document; attach the files one by one)",
        "zip",
    )


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, warning) or (None, None) when the bytes are not text."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), None
            except UnicodeDecodeError:
                return None, None
    sample = data[:65536]
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    if controls > max(2, len(sample) // 200):
        return None, None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None, None
    return text, (
        "tệp văn bản không dùng UTF-8, đã đọc theo bảng mã Windows-1258 "
        "(the text file is not UTF-8; it was read as Windows-1258)"
    )


def _looks_like_html(text: str, filename: str | None) -> bool:
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    if head.lstrip().startswith("<") and _HTML_TAG.search(head):
        return True
    name = (filename or "").lower()
    return name.endswith((".html", ".htm", ".xhtml")) and _HTML_TAG.search(head) is not None


def _read(source, filename: str | None, limits: Limits) -> tuple[bytes, str | None]:
    too_large = (
        "tệp quá lớn ({size}, tối đa {limit}) (the file is too large: {size}, the limit is {limit})"
    )
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        filename = filename or path.name
        try:
            size = path.stat().st_size
            if path.is_dir():
                raise UnreadableDocument(f"{path} là thư mục, không phải tệp ({path} is a folder)")
            if size > limits.max_bytes:
                raise UnreadableDocument(
                    too_large.format(size=size_text(size), limit=size_text(limits.max_bytes))
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise UnreadableDocument(
                f"không tìm thấy tệp {path} (file not found: {path})"
            ) from None
        except PermissionError:
            raise UnreadableDocument(
                f"không có quyền đọc tệp {path} (permission denied: {path})"
            ) from None
        except OSError as error:
            raise UnreadableDocument(
                f"không đọc được tệp {path} (the file could not be read: {error.strerror})"
            ) from None
    elif hasattr(source, "read"):
        try:
            data = source.read(limits.max_bytes + 1)
        except OSError as error:
            raise UnreadableDocument(
                f"không đọc được tệp (the file could not be read: {error})"
            ) from None
        if isinstance(data, str):
            data = data.encode("utf-8")
        filename = filename or _name_of(source)
    else:
        raise TypeError("extract_text reads bytes, a path or a binary file object")
    if len(data) > limits.max_bytes:
        raise UnreadableDocument(
            too_large.format(size=size_text(len(data)), limit=size_text(limits.max_bytes))
        )
    return data, filename


def _name_of(source: BinaryIO) -> str | None:
    name = getattr(source, "name", None)
    return os.path.basename(name) if isinstance(name, str) else None


def extract_text(
    source: bytes | str | os.PathLike | BinaryIO,
    filename: str | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    lang: str = DEFAULT_LANG,
) -> ExtractedDocument:
    """The text of a document, in labelled parts (see ``ExtractedDocument``).

    ``source`` is the file's bytes, its path, or a binary file object.
    ``lang`` is Tesseract's language list for text in images.
    """
    data, filename = _read(source, filename, limits)
    return _extract(data, filename, 0, limits, ImageReader(limits, lang))


def _extract(
    data: bytes, filename: str | None, depth: int, limits: Limits, images: ImageReader
) -> ExtractedDocument:
    if len(data) > limits.max_bytes:
        raise UnreadableDocument(
            f"tệp quá lớn ({size_text(len(data))}) (the file is too large: {size_text(len(data))})"
        )
    kind = "unknown"
    try:
        kind = detect_format(data, filename)
        if kind == "pdf":

            def nested(inner: bytes, name: str, level: int) -> ExtractedDocument:
                return _extract(inner, name, level, limits, images)

            return extract_pdf(data, limits, images, nested, depth)
        if kind == "docx":
            return extract_docx(data, limits, images)
        if kind == "xlsx":
            return extract_xlsx(data, limits, images)
        if kind == "pptx":
            return extract_pptx(data, limits, images)
        if kind in ("odt", "ods", "odp"):
            return extract_odf(data, limits, images, kind)
        if kind == "image":
            return extract_image(data, images)
        text, warning = _decode(data) if data.strip() else ("", None)
        if kind in ("html", "svg"):
            document = extract_html(text or "")
            document.kind = kind
        else:
            parts = PartsBuilder("text")
            parts.add("body", text)
            document = parts.document
        if warning:
            document.warnings.append(warning)
        return document
    except ExtractionError:
        raise
    except (MemoryError, RecursionError):
        raise UnreadableDocument(
            "tệp quá phức tạp để đọc (the file is too complex to read)"
        ) from None
    except Exception as error:
        # A parser failed on input it did not expect: a damaged file, for the user.
        logger.debug("extraction of %s (%s) failed", filename, kind, exc_info=True)
        raise UnreadableDocument(
            f"không đọc được tệp {kind.upper()}: tệp bị hỏng "
            f"(the {kind.upper()} file is damaged: {type(error).__name__})"
        ) from None

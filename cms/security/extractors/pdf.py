"""Text of a PDF, with pypdf.

Parts: ``page N`` (the text layer of each page), ``ocr page N`` (Tesseract on
the page's images: every image of a page without a usable text layer, i.e. a
scan, and images big enough to hold words on other pages), ``annotations``
(sticky notes, free-text boxes, their authors' notes), ``form fields``,
``bookmarks``, ``metadata: title``/``author``/``subject``/``keywords``/… (the
document information dictionary and its XMP packet), ``image metadata (…)``,
and the parts of embedded files as ``attachment <name>: …``.

Pages are not rendered: a page whose words are drawn as vector outlines, with
neither a text layer nor an image, cannot be read; a warning says so.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from .base import ExtractedDocument, ExtractionError, Limits, PartsBuilder, UnreadableDocument
from .exif import xmp_text_fields
from .images import ImageReader

logger = logging.getLogger(__name__)

SCANNED_PAGE_CHARS = 40  # fewer letters than this: the page is a scan
INFO_FIELDS = {
    "/Title": "title",
    "/Author": "author",
    "/Subject": "subject",
    "/Keywords": "keywords",
    "/Creator": "creator",
    "/Producer": "producer",
}
SKIPPED_INFO = {"/CreationDate", "/ModDate", "/Trapped"}

DAMAGED = "không đọc được tệp PDF: tệp bị hỏng (the PDF file is damaged)"
PROTECTED = "tệp PDF được bảo vệ bằng mật khẩu (the PDF file is password-protected)"

Nested = Callable[[bytes, str, int], ExtractedDocument]


def extract_pdf(
    data: bytes, limits: Limits, images: ImageReader, nested: Nested, depth: int
) -> ExtractedDocument:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _decrypt(reader)
        count = len(reader.pages)
    except UnreadableDocument:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError,
            RecursionError, AssertionError, OSError, ArithmeticError):  # fmt: skip
        raise UnreadableDocument(DAMAGED) from None
    if count == 0:
        raise UnreadableDocument(DAMAGED)

    parts = PartsBuilder("pdf")
    _metadata(reader, parts)
    if count > limits.max_pages:
        parts.warn(
            f"chỉ đọc {limits.max_pages} trang đầu trong {count} trang "
            f"(only the first {limits.max_pages} of {count} pages were read)",
            incomplete=True,
        )
    annotations: list[str] = []
    for number in range(1, min(count, limits.max_pages) + 1):
        try:
            page = reader.pages[number - 1]
        except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            parts.warn(_page_damaged(number), incomplete=True)
            continue
        text = _page_text(page, number, parts)
        parts.add(f"page {number}", text)
        scanned = sum(ch.isalnum() for ch in text) < SCANNED_PAGE_CHARS
        pictures = _page_images(page, number, scanned, images, parts)
        if not text.strip() and not pictures and _drawn(page):
            parts.warn(
                f"trang {number} không có lớp chữ cũng không có ảnh nên không đọc được "
                f"(page {number} has neither a text layer nor images and was not read)"
            )
        annotations.extend(_annotations(page))
    parts.add_lines("annotations", annotations)
    _forms(reader, parts)
    _bookmarks(reader, parts)
    _attachments(reader, limits, nested, depth, parts)
    return parts.document


def _decrypt(reader: PdfReader) -> None:
    if not reader.is_encrypted:
        return
    try:
        decrypted = reader.decrypt("")
    except DependencyError:
        raise UnreadableDocument(
            "tệp PDF được mã hoá AES, máy chủ chưa có thư viện giải mã "
            "(the PDF is AES-encrypted and the server lacks the cryptography package)"
        ) from None
    except (PyPdfError, ValueError, KeyError, TypeError, NotImplementedError):
        raise UnreadableDocument(PROTECTED) from None
    if not decrypted:
        raise UnreadableDocument(PROTECTED)


def _page_damaged(number: int) -> str:
    return f"không đọc được trang {number} của tệp PDF (page {number} could not be read)"


def _page_text(page, number: int, parts: PartsBuilder) -> str:
    try:
        return page.extract_text() or ""
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError,
            RecursionError, ArithmeticError, DependencyError, NotImplementedError):  # fmt: skip
        parts.warn(_page_damaged(number), incomplete=True)
        return ""


def _drawn(page) -> bool:
    """The page draws something substantial (more than an empty page's few operators)."""
    try:
        contents = page.get_contents()
        return contents is not None and len(contents.get_data()) > 200
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return False


def _page_images(page, number: int, scanned: bool, images: ImageReader, parts) -> int:
    """OCR the page's images into ``ocr page N``; the number of images on the page."""
    try:
        listing = page.images
        count = len(listing)
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError,
            RecursionError, NotImplementedError, OSError):  # fmt: skip
        return 0
    texts: list[str] = []
    label = f"ocr page {number}"
    for index in range(count):
        try:
            picture = listing[index]
            image = picture.image
            raw = picture.data
        except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError,
                RecursionError, NotImplementedError, OSError, DependencyError):  # fmt: skip
            if scanned:
                parts.document.images_not_read += 1
                parts.warn(
                    f"không giải mã được ảnh trên trang {number} "
                    f"(an image on page {number} could not be decoded)",
                    incomplete=True,
                )
            continue
        if image is None or not (scanned or images.worth_reading(*image.size)):
            continue
        if raw[:3] == b"\xff\xd8\xff":
            images.metadata(raw, f"{picture.name} p.{number}", parts)
        texts.append(images.read(raw if raw[:3] == b"\xff\xd8\xff" else image, parts))
    parts.add(label, "\n\n".join(text for text in texts if text.strip()))
    return count


def _resolve(value):
    for _ in range(32):
        if not isinstance(value, IndirectObject):
            return value
        value = value.get_object()
    return None


def _string(value) -> str:
    value = _resolve(value)
    if value is None or isinstance(value, DictionaryObject | ArrayObject):
        return ""
    if isinstance(value, bytes):
        return value.decode("latin-1", "replace")
    return str(value)


def _annotations(page) -> list[str]:
    lines: list[str] = []
    try:
        annotations = _resolve(page.get("/Annots"))
        if not isinstance(annotations, ArrayObject):
            return lines
        for item in annotations:
            annotation = _resolve(item)
            if not isinstance(annotation, DictionaryObject):
                continue
            for key in ("/Contents", "/Subj", "/V", "/TU"):
                text = _string(annotation.get(key)).strip()
                if text:
                    lines.append(text)
            uri = _resolve(annotation.get("/A"))
            if isinstance(uri, DictionaryObject):
                target = _string(uri.get("/URI")).strip()
                if target.lower().startswith(("mailto:", "tel:")):
                    lines.append(target)
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return lines
    return lines


def _metadata(reader: PdfReader, parts: PartsBuilder) -> None:
    try:
        info = reader.metadata or {}
        for key, value in info.items():
            if key in SKIPPED_INFO:
                continue
            name = INFO_FIELDS.get(key, str(key).lstrip("/").lower())
            parts.add(f"metadata: {name}", _string(value))
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        parts.warn(
            "không đọc được thông tin mô tả của tệp PDF (the PDF metadata could not be read)"
        )
    try:
        stream = _resolve(reader.root_object.get("/Metadata"))
        packet = stream.get_data() if stream is not None else b""
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        packet = b""
    if packet:
        for label, value in xmp_text_fields(packet, "xmp"):
            parts.add(f"metadata: {label}", value)


def _forms(reader: PdfReader, parts: PartsBuilder) -> None:
    try:
        fields = reader.get_fields() or {}
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return
    lines = []
    for name, field in fields.items():
        value = _string(field.get("/V")) if isinstance(field, dict) else ""
        if value.strip() and value.strip() not in ("/Off", "/Yes"):
            lines.append(f"{name}: {value.strip()}")
    parts.add_lines("form fields", lines)


def _bookmarks(reader: PdfReader, parts: PartsBuilder) -> None:
    titles: list[str] = []

    def walk(items, level: int) -> None:
        if level > 16:
            return
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                title = getattr(item, "title", None)
                if title:
                    titles.append(str(title))

    try:
        walk(reader.outline, 0)
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return
    parts.add_lines("bookmarks", titles)


def _attachments(reader, limits: Limits, nested: Nested, depth: int, parts) -> None:
    try:
        attachments = reader.attachments
        names = list(attachments)
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return
    for name in names:
        try:
            contents = attachments[name]
        except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            contents = []
        for data in contents:
            prefix = f"attachment {name}: "
            if depth >= limits.max_depth:
                parts.warn(
                    f"không đọc tệp đính kèm lồng nhau {name} "
                    f"(the nested attachment {name} was not read)",
                    incomplete=True,
                )
                continue
            parts.add(f"{prefix}file name", name)
            try:
                inner = nested(data, name, depth + 1)
            except ExtractionError as error:
                parts.warn(
                    f"không đọc được tệp đính kèm {name} (the attachment {name} "
                    f"could not be read): {error}",
                    incomplete=True,
                )
                continue
            parts.extend(inner, prefix)

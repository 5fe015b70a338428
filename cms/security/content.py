"""The page walker: every text-bearing part of a page, with where it comes from.

``collect_page_content(page)`` returns the texts to scan — each with a field
path such as ``body.3.caption`` and a ``ScanContext`` — plus the images and
documents the page uses. Images and documents referenced anywhere (foreign
keys, StreamField blocks, links inside rich text) are fetched in one query per
model, whatever their number; the text read from them (OCR, document text) is
cached per file hash in ``ExtractedText``, so opening the editor never runs
Tesseract twice on the same file.

StreamFields are walked on their raw (JSON) data with the block definitions as
a guide, so nothing is fetched block by block.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from .scanner.findings import ScanContext

logger = logging.getLogger(__name__)

# Fields of wagtailcore.Page that carry text a visitor (or a search engine) sees.
PAGE_TEXT_FIELDS = ("title", "slug", "seo_title", "search_description")

# Bumped when the way files are read changes, so that cached texts are read again.
READER_VERSION = 1

# Page kinds for rules that apply only to some content (see ScanContext.page_kind).
PAGE_KINDS_BY_MODEL = {
    "articles.sovereigntyfeaturepage": "sovereignty",
    "campaigns.campaignpage": "campaign",
}


@dataclass
class TextPart:
    """One text to scan: where it is (``field``), the text and the context."""

    field: str
    text: str
    context: ScanContext


@dataclass
class ImageUse:
    """An image used by the page at ``field`` (a foreign key, a block, a rich-text embed)."""

    field: str
    image_id: int
    caption: str | None = None
    credit: str | None = None  # the block's own credit, overriding the image's
    alt: str | None = None  # a rich-text embed's own alt text, overriding the image's
    is_map: bool = False
    image: object | None = None


@dataclass
class DocumentUse:
    field: str
    document_id: int
    document: object | None = None


@dataclass
class PageContent:
    parts: list[TextPart] = field(default_factory=list)
    images: list[ImageUse] = field(default_factory=list)
    documents: list[DocumentUse] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- HTML


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "thead",
    "tbody",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "caption",
    "dt",
    "dd",
}
_CELL_TAGS = {"td", "th"}
_SKIP_TAGS = {"script", "style", "template", "noscript"}


@dataclass
class HtmlText:
    """Text of an HTML fragment, and what it references."""

    text: str
    document_ids: list[int] = field(default_factory=list)
    images: list[tuple[int, str | None]] = field(default_factory=list)  # (id, alt)
    links: list[str] = field(default_factory=list)


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip_depth = 0
        self.result = HtmlText(text="")

    def _newline(self):
        if self.chunks and not self.chunks[-1].endswith("\n"):
            self.chunks.append("\n")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if tag in _BLOCK_TAGS:
            self._newline()
        elif tag in _CELL_TAGS and self.chunks and not self.chunks[-1].endswith("\n"):
            self.chunks.append(" | ")
        if tag == "a":
            if attributes.get("linktype") == "document" and _is_int(attributes.get("id")):
                self.result.document_ids.append(int(attributes["id"]))
            elif attributes.get("href"):
                self.result.links.append(attributes["href"])
        elif tag == "embed" and attributes.get("embedtype") == "image":
            if _is_int(attributes.get("id")):
                self.result.images.append((int(attributes["id"]), attributes.get("alt")))
        elif tag == "img" and attributes.get("alt"):
            self.chunks.append(attributes["alt"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _SKIP_TAGS:
            return
        self.skip_depth -= 1

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BLOCK_TAGS:
            self._newline()

    def handle_data(self, data):
        if not self.skip_depth:
            self.chunks.append(data)


def _is_int(value) -> bool:
    return isinstance(value, str) and value.isdigit()


def html_to_text(html: str) -> HtmlText:
    """Plain text of an HTML fragment (Wagtail's rich-text database format included).

    Block elements become line breaks, table cells are separated by " | ", and
    document links and image embeds are collected so that their files are read too.
    """
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    text = "".join(parser.chunks)
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    parser.result.text = unicodedata.normalize("NFC", text)
    return parser.result


# ------------------------------------------------------------------ page fields


def page_kind(page) -> str:
    kind = getattr(page, "kind", None)
    if kind:
        return str(kind)
    return PAGE_KINDS_BY_MODEL.get(page._meta.label_lower, "content")


def publication_day(page) -> datetime.date:
    """The date a reader sees on the page, for date-aware rules (CITE-02, HOL-01)."""
    for name in ("publication_date", "start_date"):
        value = getattr(page, name, None)
        if isinstance(value, datetime.date):
            return value
    for name in ("go_live_at", "first_published_at"):
        value = getattr(page, name, None)
        if value is not None:
            return timezone.localtime(value).date()
    return timezone.localdate()


def _date_tuple(day: datetime.date) -> tuple[int, int, int]:
    return (day.year, day.month, day.day)


def _text_fields(model) -> list[models.Field]:
    """The page type's own fields (not wagtailcore.Page's) in declaration order."""
    own = []
    for model_field in model._meta.get_fields():
        if not getattr(model_field, "concrete", False) or model_field.model is Page:
            continue
        if isinstance(model_field, models.OneToOneField) and model_field.remote_field.parent_link:
            continue
        own.append(model_field)
    return own


class _Walker:
    def __init__(self, page):
        self.page = page
        self.content = PageContent()
        self.base_context = ScanContext(
            part="text",
            page_kind=page_kind(page),
            published_on=_date_tuple(publication_day(page)),
        )
        image_model = get_image_model()
        document_model = get_document_model()
        self.image_model = image_model
        self.document_model = document_model

    # -- helpers

    def context(self, part: str = "text") -> ScanContext:
        if part == self.base_context.part:
            return self.base_context
        return ScanContext(
            part=part,
            page_kind=self.base_context.page_kind,
            published_on=self.base_context.published_on,
        )

    def add_text(self, field_path: str, text, part: str = "text"):
        if not isinstance(text, str):
            return
        text = unicodedata.normalize("NFC", text)
        if text.strip():
            self.content.parts.append(TextPart(field_path, text, self.context(part)))

    def add_html(self, field_path: str, html: str, part: str = "text"):
        result = html_to_text(html or "")
        self.add_text(field_path, result.text, part)
        for number, document_id in enumerate(result.document_ids):
            self.content.documents.append(
                DocumentUse(f"{field_path}.document_link.{number}", document_id)
            )
        for number, (image_id, alt) in enumerate(result.images):
            self.content.images.append(
                ImageUse(f"{field_path}.image_embed.{number}", image_id, alt=alt)
            )

    # -- the page

    def walk(self) -> PageContent:
        page = self.page
        for name in PAGE_TEXT_FIELDS:
            self.add_text(name, getattr(page, name, ""))
        for model_field in _text_fields(type(page)):
            self.walk_model_field(model_field)
        self.walk_tags()
        return self.content

    def walk_model_field(self, model_field):
        name = model_field.name
        if isinstance(model_field, StreamField):
            value = getattr(self.page, name)
            self.walk_stream(model_field.stream_block, value, name)
        elif isinstance(model_field, RichTextField):
            self.add_html(name, getattr(self.page, name))
        elif isinstance(model_field, (models.CharField, models.TextField)):
            if model_field.choices or isinstance(model_field, models.SlugField):
                return
            self.add_text(name, getattr(self.page, name))
        elif isinstance(model_field, models.ForeignKey):
            target = model_field.related_model
            object_id = getattr(self.page, model_field.attname)
            if object_id is None:
                return
            if target is not None and issubclass(target, self.image_model):
                self.content.images.append(ImageUse(name, object_id))
            elif target is not None and issubclass(target, self.document_model):
                self.content.documents.append(DocumentUse(name, object_id))

    def walk_tags(self):
        tags = getattr(self.page, "tags", None)
        if tags is None or not hasattr(tags, "all"):
            return
        try:
            names = [tag.name for tag in tags.all()]
        except (AttributeError, TypeError, ValueError):  # no tag manager for this instance
            return
        if names:
            self.add_text("tags", ", ".join(names))

    # -- StreamField

    def walk_stream(self, stream_block, value, path: str):
        if value is None:
            return
        raw_items = value.raw_data if hasattr(value, "raw_data") else value
        for index, item in enumerate(raw_items or []):
            if not isinstance(item, dict):
                continue
            child = stream_block.child_blocks.get(item.get("type"))
            if child is None:
                continue
            self.walk_block(child, item.get("value"), f"{path}.{index}")

    def walk_block(self, block, raw, path: str, part: str = "text"):
        if raw is None:
            return
        if isinstance(block, blocks.StreamBlock):
            self.walk_stream(block, raw, path)
        elif isinstance(block, blocks.StructBlock):
            self.walk_struct(block, raw, path)
        elif isinstance(block, blocks.ListBlock):
            for index, item in enumerate(raw if isinstance(raw, list) else []):
                if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                    item = item["value"]
                self.walk_block(block.child_block, item, f"{path}.{index}", part)
        elif isinstance(block, blocks.RichTextBlock):
            self.add_html(path, raw if isinstance(raw, str) else str(raw), part)
        elif isinstance(block, TableBlock):
            self.walk_table(raw, path)
        elif isinstance(block, TypedTableBlock):
            self.walk_typed_table(block, raw, path)
        elif isinstance(block, ImageChooserBlock):
            image_id = _as_id(raw)
            if image_id is not None:
                self.content.images.append(ImageUse(path, image_id))
        elif isinstance(block, DocumentChooserBlock):
            document_id = _as_id(raw)
            if document_id is not None:
                self.content.documents.append(DocumentUse(path, document_id))
        elif isinstance(block, blocks.RawHTMLBlock):
            self.add_html(path, raw if isinstance(raw, str) else "", part)
        elif isinstance(block, EmbedBlock):
            self.add_text(path, raw if isinstance(raw, str) else "", part)
        elif isinstance(
            block,
            (
                blocks.CharBlock,
                blocks.TextBlock,
                blocks.URLBlock,
                blocks.EmailBlock,
                blocks.RegexBlock,
                blocks.BlockQuoteBlock,
            ),
        ):
            self.add_text(path, raw, part)

    def walk_struct(self, block, raw, path: str):
        if not isinstance(raw, dict):
            return
        image_children = [
            name
            for name, child in block.child_blocks.items()
            if isinstance(child, ImageChooserBlock)
        ]
        is_map = block.name == "map" or "map" in type(block).__name__.lower()
        for name, child in block.child_blocks.items():
            if name in image_children:
                image_id = _as_id(raw.get(name))
                if image_id is None:
                    continue
                self.content.images.append(
                    ImageUse(
                        f"{path}.{name}",
                        image_id,
                        caption=_str_or_none(raw.get("caption")),
                        credit=_str_or_none(raw.get("credit")),
                        is_map=is_map,
                    )
                )
                continue
            if "caption" in name:
                part = "caption"
            elif image_children and name in ("credit", "source"):
                part = "credit"
            else:
                part = "text"
            self.walk_block(child, raw.get(name), f"{path}.{name}", part)

    def walk_table(self, raw, path: str):
        if not isinstance(raw, dict):
            return
        self.add_text(f"{path}.caption", raw.get("table_caption") or "", "caption")
        for row_index, row in enumerate(raw.get("data") or []):
            if not isinstance(row, list):
                continue
            cells = [str(cell).strip() for cell in row if cell not in (None, "")]
            self.add_text(f"{path}.{row_index}", " | ".join(cells))

    def walk_typed_table(self, block, raw, path: str):
        if not isinstance(raw, dict):
            return
        self.add_text(f"{path}.caption", raw.get("caption") or "", "caption")
        columns = raw.get("columns") or []
        headings = [str(column.get("heading") or "") for column in columns]
        self.add_text(f"{path}.heading", " | ".join(h for h in headings if h))
        for row_index, row in enumerate(raw.get("rows") or []):
            values = row.get("values") if isinstance(row, dict) else None
            cells = []
            for column, cell in zip(columns, values or [], strict=False):
                child = block.child_blocks.get(column.get("type"))
                if isinstance(child, blocks.RichTextBlock) and isinstance(cell, str):
                    cells.append(html_to_text(cell).text)
                elif isinstance(cell, str):
                    cells.append(cell)
                elif isinstance(cell, (int, float)):
                    cells.append(str(cell))
            self.add_text(f"{path}.{row_index}", " | ".join(c for c in cells if c))


def _as_id(raw) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.isdigit():
        return int(raw)
    if hasattr(raw, "pk"):
        return raw.pk
    return None


def _str_or_none(value) -> str | None:
    return value if isinstance(value, str) else None


# -------------------------------------------------------------- images, files


def _file_hash(file_object, stored_hash: str) -> tuple[str, bytes | None]:
    """The file's SHA-1 (Wagtail's own hash when it has one) and, if read, its bytes."""
    if stored_hash:
        return stored_hash, None
    with file_object.open("rb") as handle:
        data = handle.read()
    return hashlib.sha1(data, usedforsecurity=False).hexdigest(), data


def _read_bytes(file_object) -> bytes:
    with file_object.open("rb") as handle:
        return handle.read()


def resolve_files(content: PageContent) -> None:
    """Fetch every image and document the page uses: one query per model."""
    image_ids = {use.image_id for use in content.images}
    document_ids = {use.document_id for use in content.documents}
    images = get_image_model().objects.in_bulk(image_ids) if image_ids else {}
    documents = get_document_model().objects.in_bulk(document_ids) if document_ids else {}
    for use in content.images:
        use.image = images.get(use.image_id)
    for use in content.documents:
        use.document = documents.get(use.document_id)


@dataclass
class ReadText:
    text: str
    parts: list[tuple[str, str]]
    warnings: list[str]
    error: str = ""


class FileReader:
    """Reads images (OCR, metadata) and documents once per file hash.

    ``prefetch`` loads every cached result for the hashes of a page in one query.
    """

    def __init__(self):
        from .models import ExtractedText

        self.model = ExtractedText
        self.cache: dict[tuple[str, str], ReadText] = {}
        self.loaded: set[str] = set()
        self.notes: list[str] = []
        self.hashes: dict[tuple[str, object], tuple[str, bytes | None]] = {}

    def file_hash(self, obj) -> tuple[str, bytes | None]:
        """(hash, bytes if they had to be read) of an image's or document's file.

        Wagtail records the hash on upload; files added otherwise are hashed here.
        Raises OSError or ValueError when the file is missing.
        """
        key = (obj._meta.label_lower, obj.pk)
        if key not in self.hashes:
            self.hashes[key] = _file_hash(obj.file, getattr(obj, "file_hash", "") or "")
        return self.hashes[key]

    def prefetch_files(self, objects) -> None:
        """Hash every file and load every cached text for them, in one query."""
        hashes = set()
        for obj in objects:
            if obj is None:
                continue
            try:
                hashes.add(self.file_hash(obj)[0])
            except (OSError, ValueError):
                continue  # reported when the file is read
        self.prefetch(hashes)

    def prefetch(self, hashes: set[str]):
        """Load the cached texts of these files (one query)."""
        hashes = {file_hash for file_hash in hashes if file_hash} - self.loaded
        if not hashes:
            return
        self.loaded |= hashes
        rows = self.model.objects.filter(file_hash__in=hashes, version=READER_VERSION)
        for row in rows:
            self.cache[(row.kind, row.file_hash)] = ReadText(
                row.text, [tuple(p) for p in row.parts], list(row.warnings), row.error
            )

    def _store(self, kind: str, file_hash: str, result: ReadText):
        self.cache[(kind, file_hash)] = result
        self.model.objects.update_or_create(
            kind=kind,
            file_hash=file_hash,
            version=READER_VERSION,
            defaults={
                "text": result.text,
                "parts": [list(p) for p in result.parts],
                "warnings": result.warnings,
                "error": result.error,
            },
        )

    def read_image(self, image) -> tuple[ReadText | None, ReadText | None]:
        """(OCR text, metadata text) of an image, from the cache when possible."""
        from .extractors import ocr

        try:
            from .extractors import exif
        except ImportError:  # pragma: no cover - the extractors are part of the app
            exif = None

        try:
            file_hash, data = self.file_hash(image)
        except (OSError, ValueError):
            self.notes.append(
                _("The file of image “%(title)s” is missing; it was not read.")
                % {"title": image.title}
            )
            return None, None
        self.prefetch({file_hash})
        ocr_result = self.cache.get((self.model.Kind.OCR, file_hash))
        meta_result = self.cache.get((self.model.Kind.IMAGE_METADATA, file_hash))
        if ocr_result is None or (meta_result is None and exif is not None):
            try:
                data = data if data is not None else _read_bytes(image.file)
            except (OSError, ValueError):
                self.notes.append(
                    _("The file of image “%(title)s” is missing; it was not read.")
                    % {"title": image.title}
                )
                return ocr_result, meta_result
        if meta_result is None and exif is not None:
            try:
                meta_text = exif.image_metadata_text(data) or ""
                meta_result = ReadText(meta_text, [], [])
            except Exception as error:  # a broken file must not break the editor
                logger.warning("Image metadata of %s not read: %s", image.pk, error)
                meta_result = ReadText("", [], [], error=str(error)[:500])
            self._store(self.model.Kind.IMAGE_METADATA, file_hash, meta_result)
        if ocr_result is None:
            outcome = ocr.read_image_text(data)
            if not outcome.available:
                # Not cached: once Tesseract is installed the image is read.
                self.ocr_unavailable(outcome.reason or "")
            else:
                warnings = [outcome.reason] if outcome.reason else []
                ocr_result = ReadText(outcome.text or "", [], warnings)
                self._store(self.model.Kind.OCR, file_hash, ocr_result)
        if ocr_result is not None:
            for warning in ocr_result.warnings:
                note = _("Image “%(title)s”: %(warning)s") % {
                    "title": image.title,
                    "warning": warning,
                }
                if note not in self.notes:
                    self.notes.append(note)
        return ocr_result, meta_result

    def ocr_unavailable(self, reason: str = ""):
        note = _("Text inside images was not read: OCR (Tesseract) is not available.")
        if note not in self.notes:
            self.notes.append(note)

    def read_document(self, document) -> ReadText | None:
        from .extractors import documents as document_extractor

        filename = os.path.basename(document.file.name or "")
        try:
            file_hash, data = self.file_hash(document)
        except (OSError, ValueError):
            self.notes.append(
                _("The file of document “%(title)s” is missing; it was not read.")
                % {"title": document.title}
            )
            return None
        self.prefetch({file_hash})
        cached = self.cache.get((self.model.Kind.DOCUMENT, file_hash))
        if cached is not None:
            self._note_document_problems(document, cached)
            return cached
        try:
            data = data if data is not None else _read_bytes(document.file)
        except (OSError, ValueError):
            self.notes.append(
                _("The file of document “%(title)s” is missing; it was not read.")
                % {"title": document.title}
            )
            return None
        try:
            extracted = document_extractor.extract_text(data, filename=filename)
        except Exception as error:  # UnreadableDocument, UnsupportedFormat, anything else
            result = ReadText(
                "", [], [], error=str(error).splitlines()[0][:500] if str(error) else ""
            )
            self._store(self.model.Kind.DOCUMENT, file_hash, result)
            self._note_document_problems(document, result)
            return result
        warnings = [str(w) for w in (extracted.warnings or [])]
        parts = [(str(label), str(text)) for label, text in (extracted.parts or [])]
        result = ReadText(extracted.text or "", parts, warnings)
        if any(_is_ocr_missing_warning(w) for w in warnings):
            # A scanned PDF read without Tesseract: keep it out of the cache.
            self.cache[(self.model.Kind.DOCUMENT, file_hash)] = result
        else:
            self._store(self.model.Kind.DOCUMENT, file_hash, result)
        self._note_document_problems(document, result)
        return result

    def _note_document_problems(self, document, result: ReadText):
        if result.error:
            self.notes.append(
                _("Document “%(title)s” could not be read: %(reason)s")
                % {"title": document.title, "reason": result.error}
            )
        for warning in result.warnings:
            if _is_ocr_missing_warning(warning):
                self.ocr_unavailable()
            else:
                note = _("Document “%(title)s”: %(warning)s") % {
                    "title": document.title,
                    "warning": warning,
                }
                if note not in self.notes:
                    self.notes.append(note)


def _is_ocr_missing_warning(warning: str) -> bool:
    """Whether a reader's warning says that Tesseract (or its Vietnamese data) is missing."""
    try:
        from .extractors.ocr import NO_VIETNAMESE, NOT_INSTALLED

        if warning in (NOT_INSTALLED, NO_VIETNAMESE):
            return True
    except ImportError:  # pragma: no cover - the extractors are part of the app
        pass
    lowered = warning.lower()
    return "tesseract" in lowered and any(
        words in lowered for words in ("not installed", "not available", "unavailable", "missing")
    )


def add_file_texts(walker: _Walker, reader: FileReader | None) -> None:
    """Texts of the images and documents: alt, caption, credit, filename, OCR, file text."""
    content = walker.content
    seen_images: set[int] = set()
    for use in content.images:
        image = use.image
        if image is None:
            continue
        prefix = use.field
        if use.alt is not None:
            walker.add_text(f"{prefix}.alt", use.alt, "alt")
        if image.pk in seen_images:
            continue
        seen_images.add(image.pk)
        if use.alt is None:
            walker.add_text(f"{prefix}.alt", image.description or "", "alt")
        walker.add_text(f"{prefix}.title", image.title or "", "caption")
        if not (use.credit or "").strip():
            walker.add_text(f"{prefix}.credit", getattr(image, "credit", "") or "", "credit")
        walker.add_text(f"{prefix}.filename", os.path.basename(image.file.name or ""), "filename")
        if reader is not None:
            ocr_text, meta_text = reader.read_image(image)
            if meta_text is not None:
                walker.add_text(f"{prefix}.metadata", meta_text.text, "document")
            if ocr_text is not None:
                walker.add_text(f"{prefix}.ocr", ocr_text.text, "ocr")
    seen_documents: set[int] = set()
    for use in content.documents:
        document = use.document
        if document is None:
            continue
        prefix = use.field
        if document.pk in seen_documents:
            continue
        seen_documents.add(document.pk)
        walker.add_text(f"{prefix}.title", document.title or "", "text")
        walker.add_text(
            f"{prefix}.filename", os.path.basename(document.file.name or ""), "filename"
        )
        if reader is None:
            continue
        result = reader.read_document(document)
        if result is None:
            continue
        if result.parts:
            for label, text in result.parts:
                part = "ocr" if _is_ocr_label(label) else "document"
                walker.add_text(f"{prefix}.{_label_path(label)}", text, part)
        else:
            walker.add_text(f"{prefix}.text", result.text, "document")


def _is_ocr_label(label: str) -> bool:
    """Parts read by Tesseract are labelled "ocr", "ocr page 3", "ocr image 2 (...)"."""
    return bool(re.search(r"(?:^|\W)ocr(?:\W|$)", label or "", re.IGNORECASE))


def _label_path(label: str) -> str:
    cleaned = re.sub(r"[^\w-]+", "_", unicodedata.normalize("NFC", label or "").strip().lower())
    return cleaned.strip("_") or "text"


def collect_page_content(page, *, read_files: bool = True) -> PageContent:
    """Everything to scan on ``page`` (a specific page instance, saved or from a revision)."""
    walker = _Walker(page)
    walker.walk()
    resolve_files(walker.content)
    reader = None
    if read_files:
        reader = FileReader()
        files = [use.image for use in walker.content.images]
        files += [use.document for use in walker.content.documents]
        reader.prefetch_files(files)
    add_file_texts(walker, reader)
    if reader is not None:
        walker.content.notes.extend(n for n in reader.notes if n not in walker.content.notes)
    return walker.content


def iter_page_texts(page, *, read_files: bool = True):
    """Yield ``(field_path, text, ScanContext)`` for every text-bearing part of ``page``."""
    for part in collect_page_content(page, read_files=read_files).parts:
        yield part.field, part.text, part.context

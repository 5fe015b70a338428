"""Images inside documents, and image files given to ``extract_text``.

``ImageReader`` is shared by one extraction (and the files embedded in it) so
that the OCR budget of ``Limits.max_ocr_images`` holds for the whole document,
and so that every image that could not be read is counted and explained once.
"""

from __future__ import annotations

import hashlib

from PIL import Image

from .base import ExtractedDocument, Limits, PartsBuilder, UnreadableDocument
from .exif import find_location, image_metadata_text
from .ocr import DEFAULT_LANG, ocr_status, open_image, read_image_text

MIN_SIDE = 24  # icons, bullets and rules are not read
MIN_AREA = 4_000


class ImageReader:
    def __init__(self, limits: Limits, lang: str = DEFAULT_LANG):
        self.limits = limits
        self.lang = lang
        self.used = 0
        self.seen: dict[str, str] = {}
        self.available, self.reason = ocr_status(lang) if limits.ocr else (False, None)

    def worth_reading(self, width: int, height: int) -> bool:
        return min(width, height) >= MIN_SIDE and width * height >= MIN_AREA

    def read(self, image: Image.Image | bytes, parts: PartsBuilder) -> str:
        """The text Tesseract reads in ``image``; when it cannot be read, the image is
        counted in ``parts`` as not read and the reason is added to its warnings."""
        document = parts.document
        if not self.limits.ocr:
            document.images_not_read += 1
            parts.warn(
                "chữ trong ảnh không được đọc vì đã tắt OCR "
                "(text in images was not read: OCR is turned off)",
                incomplete=True,
            )
            return ""
        if not self.available:
            document.images_not_read += 1
            parts.warn(self.reason or "", incomplete=True)
            return ""
        key = _digest(image)
        if key is not None and key in self.seen:  # the same logo on every page
            document.images_read += 1
            return self.seen[key]
        if self.used >= self.limits.max_ocr_images:
            document.images_not_read += 1
            parts.warn(
                f"chỉ đọc chữ trong {self.limits.max_ocr_images} ảnh đầu tiên của tệp "
                f"(only the first {self.limits.max_ocr_images} images were read)",
                incomplete=True,
            )
            return ""
        self.used += 1
        result = read_image_text(image, self.lang, timeout=self.limits.ocr_timeout)
        if result.reason:
            document.images_not_read += 1
            parts.warn(result.reason, incomplete=True)
        else:
            document.images_read += 1
        if key is not None:
            self.seen[key] = result.text
        return result.text

    def metadata(self, data: bytes, name: str, parts: PartsBuilder) -> None:
        """The text in an embedded image's metadata, and a warning if it is located."""
        parts.add(f"image metadata ({name})", image_metadata_text(data))
        if find_location(data):
            parts.warn(
                f"ảnh {name} trong tệp còn vị trí chụp (GPS) trong siêu dữ liệu "
                f"(the embedded image {name} carries location data)"
            )


def _digest(image: Image.Image | bytes) -> str | None:
    if isinstance(image, bytes | bytearray):
        return hashlib.sha256(image).hexdigest()
    return None


def extract_image(data: bytes, reader: ImageReader) -> ExtractedDocument:
    """An image file: the text in its metadata and the text Tesseract reads in it."""
    parts = PartsBuilder("image")
    try:
        with open_image(data) as image:
            width, height = image.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise UnreadableDocument(
            f"không mở được tệp ảnh: tệp bị hỏng (the image file is damaged: {_short(error)})"
        ) from None
    parts.add("image metadata", image_metadata_text(data))
    if find_location(data):
        parts.warn("ảnh còn vị trí chụp (GPS) trong siêu dữ liệu (the image carries location data)")
    if width and height:
        parts.add("ocr", reader.read(data, parts))
    return parts.document


def _short(error: BaseException) -> str:
    return (" ".join(str(error).split()) or type(error).__name__)[:160]

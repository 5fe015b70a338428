"""Text from attachments and images, and location data removed from images.

Pure Python (no Django): the ``infosec_scan`` command and the page adapter both
call these functions with bytes, paths or file objects.

* ``extract_text(source, filename=None)`` → ``ExtractedDocument`` (PDF, DOCX,
  XLSX, PPTX, ODF, HTML, text, images; kind recognised from the content);
* ``read_image_text(image)`` → ``OcrResult``; ``ocr_available()``;
* ``strip_location(data)``, ``has_location(data)``, ``image_metadata_text(data)``.
"""

from .base import (
    DEFAULT_LIMITS,
    ExtractedDocument,
    ExtractionError,
    Limits,
    Part,
    UnreadableDocument,
    UnsupportedFormat,
)
from .documents import KINDS, detect_format, extract_text
from .exif import (
    LocationNotRemoved,
    find_location,
    has_location,
    image_metadata_fields,
    image_metadata_text,
    strip_location,
)
from .htmltext import html_to_text
from .ocr import OcrResult, ocr_available, ocr_status, read_image_text

__all__ = [
    "DEFAULT_LIMITS",
    "KINDS",
    "ExtractedDocument",
    "ExtractionError",
    "Limits",
    "LocationNotRemoved",
    "OcrResult",
    "Part",
    "UnreadableDocument",
    "UnsupportedFormat",
    "detect_format",
    "extract_text",
    "find_location",
    "has_location",
    "html_to_text",
    "image_metadata_fields",
    "image_metadata_text",
    "ocr_available",
    "ocr_status",
    "read_image_text",
    "strip_location",
]

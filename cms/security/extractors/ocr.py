"""Reading text inside images with Tesseract (through pytesseract).

Debian packages: ``tesseract-ocr`` (the engine) and ``tesseract-ocr-vie`` (its
Vietnamese data; ``tesseract-ocr-eng`` comes with the engine). When either is
missing nothing raises: ``read_image_text`` answers ``available=False`` with a
reason, and the editor says that images were not read.

What is done to an image before Tesseract sees it:

* orientation from EXIF is applied, transparency is flattened onto white, the
  image becomes greyscale; very large images are reduced, small ones enlarged;
* a first pass reads the whole image (automatic page segmentation, or "sparse
  text" when that finds nothing: a lone stamp word is not a paragraph);
* Tesseract's Vietnamese model drops diacritics on very large letters (a stamp
  photographed close up reads ``TOI MAT`` instead of ``TỐI MẬT``) and misses
  very small ones, so when the median line height is outside 14–70 pixels the
  image is rescaled to put it near 40 pixels and read again;
* stamps are red or blue and often tilted: the coloured ink is separated from
  the black text, straightened (the angle whose horizontal projection profile
  is sharpest, within ±30°) and read on its own.

Tesseract's OpenMP threads make it several times slower on small servers (they
spin while waiting), so ``OMP_THREAD_LIMIT=1`` is set for the processes it
starts unless the environment already sets it.
"""

from __future__ import annotations

import functools
import io
import itertools
import os
import re
import statistics
import time
import unicodedata
from dataclasses import dataclass

from PIL import Image, ImageOps

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract  # after OMP_THREAD_LIMIT, which the processes it starts inherit

DEFAULT_LANG = "vie+eng"
DEFAULT_TIMEOUT = 30.0
MAX_PIXELS = 100_000_000  # refuse larger images outright (decompression bombs)
WORK_MAX_SIDE = 2500  # reduce larger images before reading them
WORK_MIN_SIDE = 700  # enlarge smaller ones
TARGET_LINE_HEIGHT = 40
MIN_LINE_HEIGHT = 14
MAX_LINE_HEIGHT = 70
MAX_FRAMES = 20

_LANG = re.compile(r"^[a-z_]{3,}(?:\+[a-z_]{3,})*$", re.IGNORECASE)

NOT_INSTALLED = (
    "chưa cài Tesseract nên không đọc được chữ trong ảnh "
    "(images were not read: Tesseract is not installed)"
)
NO_VIETNAMESE = (
    "thiếu dữ liệu tiếng Việt của Tesseract (gói tesseract-ocr-vie) nên không đọc được "
    "chữ trong ảnh (images were not read: Tesseract's Vietnamese data is missing)"
)


@dataclass(frozen=True)
class OcrResult:
    """What Tesseract read. ``available`` is False when Tesseract or its data is
    missing; ``reason`` explains any failure (missing engine, unreadable image,
    timeout), in Vietnamese then English. ``confidence`` is Tesseract's mean word
    confidence (0–100) or None when nothing was read."""

    text: str
    available: bool
    reason: str | None = None
    confidence: float | None = None

    @property
    def ok(self) -> bool:
        return self.available and self.reason is None


@functools.cache
def ocr_status(lang: str = DEFAULT_LANG) -> tuple[bool, str | None]:
    """(available, reason): Tesseract runs and has every language in ``lang``.

    Cached; call ``ocr_status.cache_clear()`` after installing Tesseract.
    """
    try:
        pytesseract.get_tesseract_version()
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError, RuntimeError, ValueError):
        return False, NOT_INSTALLED
    missing = [code for code in lang.split("+") if code not in installed]
    if "vie" in missing:
        return False, NO_VIETNAMESE
    if missing:
        return False, (
            f"thiếu dữ liệu ngôn ngữ {', '.join(missing)} của Tesseract "
            f"(images were not read: Tesseract has no data for {', '.join(missing)})"
        )
    return True, None


def ocr_available(lang: str = DEFAULT_LANG) -> bool:
    """Tesseract is installed with its Vietnamese (and English) data."""
    return ocr_status(lang)[0]


class _OutOfTime(Exception):
    pass


class _Reader:
    """One image's reading, with a deadline shared by all Tesseract calls."""

    def __init__(self, lang: str, timeout: float):
        self.lang = lang
        self.deadline = time.monotonic() + timeout
        self.confidences: list[float] = []

    def _remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0.5:
            raise _OutOfTime
        return left

    def data(self, image: Image.Image, psm: int) -> list[tuple[str, int, float]]:
        """Lines as (text, height in pixels, mean confidence), in reading order."""
        try:
            raw = pytesseract.image_to_data(
                image,
                lang=self.lang,
                config=f"--psm {psm}",
                output_type=pytesseract.Output.DICT,
                timeout=self._remaining(),
            )
        except RuntimeError as error:  # pytesseract reports its timeout this way
            if "timeout" in str(error).lower():
                raise _OutOfTime from error
            raise
        lines: dict[tuple[int, int, int, int], list[int]] = {}
        for index, word in enumerate(raw["text"]):
            if word and word.strip() and float(raw["conf"][index]) >= 0:
                key = (
                    raw["page_num"][index],
                    raw["block_num"][index],
                    raw["par_num"][index],
                    raw["line_num"][index],
                )
                lines.setdefault(key, []).append(index)
        result = []
        previous_block = None
        for key in sorted(lines):
            indices = lines[key]
            words = [raw["text"][i].strip() for i in indices]
            top = min(raw["top"][i] for i in indices)
            bottom = max(raw["top"][i] + raw["height"][i] for i in indices)
            confidence = statistics.fmean(float(raw["conf"][i]) for i in indices)
            if previous_block is not None and key[:3] != previous_block:
                result.append(("", 0, 0.0))  # paragraph break
            previous_block = key[:3]
            result.append((" ".join(words), bottom - top, confidence))
        return result

    def read(self, image: Image.Image, psms: tuple[int, ...]) -> list[str]:
        """Read with the first page-segmentation mode that finds text, rescaling
        once when the letters are far from the size Tesseract reads best."""
        lines: list[tuple[str, int, float]] = []
        for psm in psms:
            lines = self.data(image, psm)
            if _has_text(lines):
                break
        if not _has_text(lines):
            return []
        heights = [height for text, height, _ in lines if text]
        median = statistics.median(heights)
        if median > 0 and not MIN_LINE_HEIGHT <= median <= MAX_LINE_HEIGHT:
            scale = TARGET_LINE_HEIGHT / median
            resized = _resize(image, scale)
            if resized is not None:
                again = self.data(resized, psm)
                if _has_text(again) and _mean_conf(again) >= _mean_conf(lines) - 5:
                    lines = again
        self.confidences.extend(conf for text, _, conf in lines if text)
        return _join(lines)


def _has_text(lines) -> bool:
    return any(sum(ch.isalnum() for ch in text) >= 2 for text, _, _ in lines)


def _mean_conf(lines) -> float:
    values = [conf for text, _, conf in lines if text]
    return statistics.fmean(values) if values else 0.0


def _join(lines) -> list[str]:
    out: list[str] = []
    for text, _, _ in lines:
        if text or (out and out[-1]):
            out.append(text)
    while out and not out[-1]:
        out.pop()
    return out


def _resize(image: Image.Image, scale: float) -> Image.Image | None:
    width, height = round(image.width * scale), round(image.height * scale)
    if width < 8 or height < 8 or width * height > 40_000_000:
        return None
    return image.resize((width, height), Image.Resampling.LANCZOS)


def _prepare(image: Image.Image) -> Image.Image:
    """Upright RGB on white, at a size Tesseract reads well and quickly."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    image = image.convert("RGB")
    longest = max(image.size)
    if longest > WORK_MAX_SIDE:
        image = _resize(image, WORK_MAX_SIDE / longest) or image
    elif longest < WORK_MIN_SIDE:
        image = _resize(image, min(4.0, WORK_MIN_SIDE / longest)) or image
    return image


def _ink(image: Image.Image) -> Image.Image | None:
    """Coloured ink (stamps, signatures) as black on white, cropped; None if there
    is none, or so much that the image is a photograph rather than a document."""
    saturation = image.convert("HSV").getchannel("S")
    value = image.convert("L")
    mask = Image.eval(saturation, lambda s: 255 if s > 90 else 0)
    # Dark pixels are black text even when slightly tinted; keep only bright colour.
    bright = Image.eval(value, lambda v: 255 if v > 40 else 0)
    mask = Image.composite(mask, Image.new("L", mask.size, 0), bright)
    histogram = mask.histogram()
    inked = histogram[255]
    total = mask.width * mask.height
    if inked < 200 or inked > total * 0.2:
        return None
    box = mask.getbbox()
    if box is None:
        return None
    margin = 20
    left, top, right, bottom = box
    box = (
        max(0, left - margin),
        max(0, top - margin),
        min(mask.width, right + margin),
        min(mask.height, bottom + margin),
    )
    return ImageOps.invert(mask.crop(box))


def _straighten(ink: Image.Image) -> Image.Image:
    """Rotate coloured ink so that its lines are horizontal (projection profile)."""
    mask = ImageOps.invert(ink)  # ink white on black for the profile
    scale = min(1.0, 300 / max(mask.size))
    small = mask.resize(
        (max(1, round(mask.width * scale)), max(1, round(mask.height * scale))),
        Image.Resampling.BOX,
    )

    def sharpness(angle: float) -> float:
        turned = small.rotate(angle, expand=True, fillcolor=0)
        rows = list(turned.resize((1, turned.height), Image.Resampling.BOX).tobytes())
        return sum((a - b) ** 2 for a, b in itertools.pairwise(rows))

    angles = [a / 2 for a in range(-60, 61, 4)]  # every 2° within ±30°
    best = max(angles, key=lambda a: (sharpness(a), -abs(a)))
    fine = [best + d / 2 for d in (-3, -2, -1, 0, 1, 2, 3)]  # then every 0.5°
    best = max(fine, key=lambda a: (sharpness(a), -abs(a)))
    if abs(best) >= 0.5:
        ink = ink.rotate(best, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    return _without_frame(ink)


def _without_frame(ink: Image.Image) -> Image.Image:
    """Erase the rectangle around a stamp's words: Tesseract's layout analysis
    takes a tight frame for a picture and reads nothing inside it. Rows and
    columns almost fully inked across the ink's extent are the frame."""
    ink = Image.eval(ink, lambda v: 255 if v > 127 else 0)
    mask = ImageOps.invert(ink)
    box = mask.getbbox()
    if box is None:
        return ink
    left, top, right, bottom = box
    region = mask.crop(box)
    rows = list(region.resize((1, region.height), Image.Resampling.BOX).tobytes())
    columns = list(region.resize((region.width, 1), Image.Resampling.BOX).tobytes())
    full_rows = [y for y, value in enumerate(rows) if value > 0.75 * 255]
    full_columns = [x for x, value in enumerate(columns) if value > 0.75 * 255]
    if not full_rows and not full_columns:
        return ink
    cleaned = ink.copy()
    pad = 2
    for y in full_rows:
        cleaned.paste(255, (0, max(0, top + y - pad), cleaned.width, top + y + pad + 1))
    for x in full_columns:
        cleaned.paste(255, (max(0, left + x - pad), 0, left + x + pad + 1, cleaned.height))
    remaining = ImageOps.invert(cleaned).getbbox()
    if remaining is None:
        return ink
    left, top, right, bottom = remaining
    margin = 20
    return ImageOps.expand(cleaned.crop((left, top, right, bottom)), margin, fill=255)


def open_image(data: bytes) -> Image.Image:
    """``Image.open`` that also knows HEIC and AVIF (phone photos) when pillow-heif is there."""
    if data[4:8] == b"ftyp":
        _heif_registered()
    return Image.open(io.BytesIO(data))


@functools.cache
def _heif_registered() -> bool:
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def _frames(image: Image.Image):
    """Every page of a multi-page TIFF (faxes, scans); the first frame of anything else."""
    count = getattr(image, "n_frames", 1) if image.format == "TIFF" else 1
    for index in range(min(count, MAX_FRAMES)):
        if count > 1:
            image.seek(index)
        yield image.copy() if count > 1 else image


def read_image_text(
    image: Image.Image | bytes,
    lang: str = DEFAULT_LANG,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    find_stamps: bool = True,
) -> OcrResult:
    """The text inside ``image`` (a Pillow image or the bytes of an image file).

    Never raises for a bad image or a missing Tesseract: the result says what
    happened. ``timeout`` bounds the whole reading of this image, in seconds.
    ``find_stamps`` adds the pass that reads coloured, tilted stamps.
    """
    if not _LANG.match(lang):
        raise ValueError(f"invalid Tesseract language list: {lang!r}")
    available, reason = ocr_status(lang)
    if not available:
        return OcrResult("", False, reason)
    blocks: list[str] = []
    try:
        if isinstance(image, bytes | bytearray | memoryview):
            image = open_image(bytes(image))
        width, height = image.size
        if width * height > MAX_PIXELS:
            return OcrResult(
                "",
                True,
                f"ảnh quá lớn để đọc chữ ({width}x{height} điểm ảnh) "
                f"(the image is too large to read: {width}x{height} pixels)",
            )
        reader = _Reader(lang, timeout)
        for frame in _frames(image):
            prepared = _prepare(frame)
            lines = reader.read(prepared.convert("L"), psms=(3, 11))
            if lines:
                blocks.append("\n".join(lines))
            if find_stamps:
                ink = _ink(prepared)
                if ink is not None:
                    stamp = "\n".join(reader.read(_straighten(ink), psms=(6, 11)))
                    if stamp and _fold(stamp) not in _fold("\n".join(blocks)):
                        blocks.append(stamp)
    except _OutOfTime:
        seconds = f"{timeout:g}"
        return OcrResult(
            unicodedata.normalize("NFC", "\n\n".join(blocks)),
            True,
            f"hết thời gian đọc chữ trong ảnh (quá {seconds.replace('.', ',')} giây) "
            f"(reading the image took longer than {seconds} seconds)",
        )
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        return OcrResult(
            "",
            True,
            f"không mở được ảnh để đọc chữ (the image could not be opened: {_short(error)})",
        )
    except (pytesseract.TesseractError, RuntimeError) as error:
        return OcrResult(
            "",
            True,
            f"Tesseract không đọc được ảnh (Tesseract failed on the image: {_short(error)})",
        )
    confidence = statistics.fmean(reader.confidences) if reader.confidences else None
    text = unicodedata.normalize("NFC", "\n\n".join(blocks))
    return OcrResult(text, True, None, confidence)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _short(error: BaseException) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return message[:160]

"""Uploaded images are drawn again with Pillow before they are stored.

A photo straight from a phone or a camera carries EXIF (where it was taken, when, the
camera's owner and serial number), XMP, IPTC, comments and sometimes a whole thumbnail,
and any file can carry bytes after the picture (a script, an archive). Re-encoding keeps
the pixels and nothing else: the EXIF orientation is applied to the pixels (so the photo
stays upright without the tag), the colour profile is kept, and every other piece of
metadata is dropped. The format stays the one uploaded: JPEG, PNG, WebP or GIF (animated
GIF, WebP and PNG keep their frames, durations and loop). The original bytes are never
stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

#: Formats re-encoded, as Pillow names them.
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
#: Formats whose frames are all kept (animated GIF, WebP and PNG).
ANIMATED = ("GIF", "WEBP", "PNG")
JPEG_QUALITY = 90
WEBP_QUALITY = 90
#: Frame information that is part of the picture (animation, transparency), not metadata.
FRAME_INFO = ("duration", "loop", "transparency", "background", "disposal")

UNREADABLE = _(
    "This image could not be read to the end; the file may be damaged. Open it in a photo "
    "editor, save it again as JPEG or PNG and upload it again."
)
UNSUPPORTED = _("Only JPEG, PNG, WebP and GIF images are accepted.")

#: Set on an uploaded file whose content has already been replaced by its re-encoding.
REENCODED_MARK = "_xuantruong_reencoded"


@dataclass(frozen=True)
class ReencodedImage:
    data: bytes
    format: str
    width: int
    height: int


def reencode(data: bytes) -> ReencodedImage:
    """The image in ``data`` drawn again without its metadata. Raises ``ValidationError``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                # A JPEG with more pictures inside (MPO, from some cameras) stays a JPEG.
                image_format = "JPEG" if image.format == "MPO" else image.format
                if image_format not in FORMATS:
                    raise ValidationError(UNSUPPORTED, code="unsupported_image")
                if getattr(image, "n_frames", 1) > 1 and image_format in ANIMATED:
                    output, size = _animation(image, image_format, data)
                else:
                    output, size = _still(image, image_format, data)
    except ValidationError:
        raise
    except (
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise ValidationError(UNREADABLE, code="unreadable_image") from error
    return ReencodedImage(output, image_format, *size)


def _still(image: Image.Image, image_format: str, data: bytes) -> tuple[bytes, tuple[int, int]]:
    image.load()  # a truncated or damaged file fails here, not later in a rendition
    icc_profile = image.info.get("icc_profile")
    clean = ImageOps.exif_transpose(image)  # a copy, upright, without the orientation tag
    clean.info = {key: clean.info[key] for key in FRAME_INFO if key in clean.info}
    options: dict = {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if image_format == "JPEG":
        if clean.mode not in {"RGB", "L"}:
            clean = clean.convert("RGB")
        options.update(quality=JPEG_QUALITY)
    elif image_format == "WEBP":
        options.update(quality=WEBP_QUALITY, lossless=_webp_lossless(data))
    elif image_format == "GIF" and "transparency" in clean.info:
        options["transparency"] = clean.info["transparency"]
    output = io.BytesIO()
    clean.save(output, image_format, **options)
    return output.getvalue(), clean.size


def _animation(image: Image.Image, image_format: str, data: bytes) -> tuple[bytes, tuple[int, int]]:
    frames, durations, disposals = [], [], []
    for frame in ImageSequence.Iterator(image):
        frame.load()
        copy = frame.copy()
        durations.append(frame.info.get("duration", 100))
        disposals.append(frame.info.get("disposal", 0))
        copy.info = {key: copy.info[key] for key in ("transparency",) if key in copy.info}
        frames.append(copy)
    options: dict = {
        "save_all": True,
        "append_images": frames[1:],
        "duration": durations,
        "loop": image.info.get("loop", 0),
    }
    if image_format in {"GIF", "PNG"}:
        options["disposal"] = disposals
    if image_format == "WEBP":
        options.update(quality=WEBP_QUALITY, lossless=_webp_lossless(data))
    output = io.BytesIO()
    frames[0].save(output, image_format, **options)
    return output.getvalue(), frames[0].size


def _webp_lossless(data: bytes) -> bool:
    """Whether a WebP file holds a lossless (VP8L) picture, to keep it lossless."""
    position = 12
    while position + 8 <= min(len(data), 1 << 20):
        chunk = data[position : position + 4]
        if chunk == b"VP8L":
            return True
        if chunk == b"VP8 ":
            return False
        if chunk == b"ANMF":  # a frame of an animation: 16 bytes of placement, then its picture
            return data[position + 24 : position + 28] == b"VP8L"
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        position += 8 + size + (size & 1)
    return False


def replace_upload(upload: BinaryIO, data: bytes) -> None:
    """Put ``data`` in place of an uploaded file's content, in memory or in its temporary
    file, so that whatever stores the upload afterwards stores ``data``."""
    target = getattr(upload, "file", upload)
    target.seek(0)
    target.truncate()
    target.write(data)
    target.flush()
    target.seek(0)
    upload.size = len(data)
    setattr(upload, REENCODED_MARK, True)


def reencode_upload(upload: BinaryIO) -> ReencodedImage:
    """Re-encode an uploaded image in place (see ``replace_upload``)."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        upload.seek(0)
    result = reencode(upload.read())
    replace_upload(upload, result.data)
    return result


def reencode_new_file(image) -> bool:
    """Re-encode the file of an image model instance if it is new (not yet stored) and was
    not re-encoded on upload. Updates width, height, size and hash. Returns whether it
    changed the file."""
    from django.core.files.base import ContentFile

    file = getattr(image, "file", None)
    if not file or getattr(file, "_committed", True):
        return False
    if getattr(getattr(file, "file", None), REENCODED_MARK, False):
        return False
    with contextlib.suppress(AttributeError, OSError, ValueError):
        file.seek(0)
    result = reencode(file.read())
    name = (file.name or "image").rsplit("/", 1)[-1]
    content = ContentFile(result.data, name=name)
    setattr(content, REENCODED_MARK, True)
    image.file = content
    image.width, image.height = result.width, result.height
    if hasattr(image, "file_size"):
        image.file_size = len(result.data)
    if hasattr(image, "file_hash"):
        image.file_hash = hashlib.sha1(result.data, usedforsecurity=False).hexdigest()
    return True

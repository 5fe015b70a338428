"""Location data and text in image metadata: find it, remove it, read it.

``strip_location(data)`` removes where a photo was taken, and nothing else that
matters for display:

* the EXIF GPS directory (0x8825) is emptied, in every EXIF block of the file;
  the camera owner's name and the body and lens serial numbers are blanked too;
* XMP location properties (``exif:GPS*``, ``photoshop:City``/``State``/``Country``,
  ``Iptc4xmpCore:Location``/``CountryCode``, ``Iptc4xmpExt:LocationCreated``/
  ``LocationShown``, drone ``GpsLatitude``…, the creator's postal address) are
  erased;
* IPTC-IIM city, sub-location, province, country and content-location
  datasets are blanked.

Orientation (EXIF 0x0112) and everything else are kept. Nothing is re-encoded:
every change is made in place without changing any length (GPS entries and
their values become zero bytes, XMP properties become spaces, IPTC values
become spaces), so JPEG pixels stay byte-for-byte identical and no offset in
the file moves; PNG chunks get their checksums recomputed. JPEG, PNG, WebP and
TIFF are parsed; any other file (HEIC, AVIF, GIF, a PDF with embedded JPEGs) is
searched for EXIF and XMP blocks, which covers uncompressed metadata. After
stripping, the result is checked again and ``LocationNotRemoved`` is raised if
anything is left.

``image_metadata_text(data)`` returns the text hidden in metadata (EXIF
ImageDescription, XPTitle/XPComment/XPKeywords/XPSubject, UserComment, Artist,
Copyright, XMP dc:title/dc:description/dc:subject, photoshop:Headline, IPTC
caption/headline/keywords, PNG text chunks, JPEG comments) so the scanner can
read it like any other text.
"""

from __future__ import annotations

import binascii
import io
import re
import struct
import warnings
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml

from .base import UnreadableDocument, clean_text

__all__ = [
    "LocationNotRemoved",
    "find_location",
    "has_location",
    "image_metadata_fields",
    "image_metadata_text",
    "strip_location",
    "xmp_text_fields",
]

MAX_DECOMPRESSED = 16 * 1024 * 1024  # per compressed PNG text chunk
MAX_IFDS = 64
MAX_ENTRIES = 2000

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
PERSONAL_EXIF_TAGS = {
    0xA430: "CameraOwnerName",
    0xA431: "BodySerialNumber",
    0xA435: "LensSerialNumber",
}
TEXT_TAGS = {
    0x010D: "DocumentName",
    0x010E: "ImageDescription",
    0x013B: "Artist",
    0x8298: "Copyright",
    0x9286: "UserComment",
    0x9C9B: "XPTitle",
    0x9C9C: "XPComment",
    0x9C9D: "XPAuthor",
    0x9C9E: "XPKeywords",
    0x9C9F: "XPSubject",
}
TAG_IPTC = 33723
TAG_XMP = 700
TAG_PHOTOSHOP = 34377
TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}

IPTC_LOCATION = {
    26: "Content Location Code",
    27: "Content Location Name",
    90: "City",
    92: "Sub-location",
    95: "Province/State",
    100: "Country Code",
    101: "Country Name",
}
IPTC_TEXT = {
    5: "Object Name",
    25: "Keywords",
    40: "Special Instructions",
    80: "By-line",
    105: "Headline",
    110: "Credit",
    115: "Source",
    116: "Copyright Notice",
    120: "Caption",
}

_LOCATION_NAMES = (
    rb"(?:gps\w*|\w*latitude|\w*longitude|\w*altitude|\w*location\w*|city|state|country\w*"
    rb"|provincestate|sublocation|worldregion|ciadr\w*)"
)
_LOCATION_LOCAL = re.compile(rb"(?i)" + _LOCATION_NAMES)
_QNAME = rb"[A-Za-z_][\w.\-]*:"
_XMP_ELEMENT = re.compile(
    rb"<(?P<name>" + _QNAME + _LOCATION_NAMES + rb")(?=[\s/>])[^>]*?(?:/>|>.*?</(?P=name)\s*>)",
    re.IGNORECASE | re.DOTALL,
)
_XMP_ATTRIBUTE = re.compile(
    rb"(?<=\s)" + _QNAME + _LOCATION_NAMES + rb"\s*=\s*(?:\"[^\"]*\"|'[^']*')",
    re.IGNORECASE,
)
_XMP_START = re.compile(rb"<x:x[am]pmeta\b|<rdf:RDF\b")
_XMP_END = re.compile(rb"</x:x[am]pmeta\s*>|</rdf:RDF\s*>")
_EXIF_HEADER = re.compile(rb"Exif\x00\x00(?=II\*\x00|MM\x00\*)")
_XMP_TEXT_NAMES = {
    "title": "title",
    "description": "description",
    "subject": "keywords",
    "Headline": "headline",
    "Caption": "caption",
    "Keywords": "keywords",
    "Instructions": "instructions",
    "Credit": "credit",
    "Source": "source",
    "UserComment": "user comment",
    "ImageDescription": "description",
    "Label": "label",
    "creator": "creator",
    "rights": "rights",
}

JPEG_XMP = b"http://ns.adobe.com/xap/1.0/\x00"
JPEG_XMP_EXTENSION = b"http://ns.adobe.com/xmp/extension/\x00"
PHOTOSHOP = b"Photoshop 3.0\x00"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class LocationNotRemoved(UnreadableDocument):
    """Location data was found and could not be removed safely."""


class _Bad(Exception):
    """A metadata structure is malformed; the walk of that structure stops."""


@dataclass
class _Inspector:
    """One walk over an image file: finds location data, optionally blanks it in
    place (``strip``), and collects the text fields of the metadata."""

    strip: bool
    found: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    # -- EXIF (a TIFF structure) -------------------------------------------------

    def tiff(self, buf: bytearray, start: int, end: int, where: str) -> None:
        if end - start < 8:
            return
        order = bytes(buf[start : start + 2])
        if order == b"II":
            endian = "<"
        elif order == b"MM":
            endian = ">"
        else:
            return
        try:
            if struct.unpack_from(endian + "H", buf, start + 2)[0] != 42:
                return
            walk = _TiffWalk(self, buf, start, end, endian, where)
            walk.chain(struct.unpack_from(endian + "I", buf, start + 4)[0])
        except (_Bad, struct.error):
            return

    # -- XMP ------------------------------------------------------------------------

    def xmp(self, buf: bytearray, start: int, end: int, where: str) -> None:
        """An XMP packet occupying ``buf[start:end]``."""
        packet = bytes(buf[start:end])
        spots = [m.span() for m in _XMP_ELEMENT.finditer(packet)]
        spots += [m.span() for m in _XMP_ATTRIBUTE.finditer(packet) if not _inside(m, spots)]
        located = bool(spots) or _xmp_has_location(packet)
        if located:
            self.found.append(f"{where} location")
        self._xmp_text(packet, where)
        if not (self.strip and located):
            return
        for a, b in spots:
            buf[start + a : start + b] = b" " * (b - a)
        if _xmp_has_location(bytes(buf[start:end])):
            # The regular expressions missed a form; erase the whole packet.
            buf[start:end] = b" " * (end - start)

    def xmp_bytes(self, data: bytes, where: str) -> bytes:
        work = bytearray(data)
        self.xmp(work, 0, len(work), where)
        return bytes(work)

    def _xmp_text(self, packet: bytes, where: str) -> None:
        root = _parse_xmp(packet)
        if root is None:
            return
        for element in root.iter():
            local = _local(element.tag)
            if local in _XMP_TEXT_NAMES:
                text = " ".join(t.strip() for t in element.itertext() if t.strip())
                if text:
                    self.fields.append((f"{where} {_XMP_TEXT_NAMES[local]}", text))
            for name, value in element.attrib.items():
                local = _local(name)
                if local in _XMP_TEXT_NAMES and value.strip():
                    self.fields.append((f"{where} {_XMP_TEXT_NAMES[local]}", value.strip()))

    def raw_scan(self, buf: bytearray, start: int, end: int) -> None:
        """EXIF and XMP blocks anywhere in ``buf[start:end]`` (unknown containers,
        images appended to a JPEG, JPEGs stored uncompressed in other files)."""
        view = bytes(buf[start:end])
        for match in _EXIF_HEADER.finditer(view):
            self.tiff(buf, start + match.end(), end, "EXIF")
        position = 0
        while True:
            match = _XMP_START.search(view, position)
            if match is None:
                break
            close = _XMP_END.search(view, match.end())
            stop = close.end() if close else min(len(view), match.start() + 2 * 1024 * 1024)
            self.xmp(buf, start + match.start(), start + stop, "XMP")
            position = max(stop, match.end())

    # -- IPTC-IIM and Photoshop resources -------------------------------------------

    def iptc(self, buf: bytearray, start: int, end: int) -> None:
        position = start
        while position + 5 <= end and buf[position] == 0x1C:
            record, dataset = buf[position + 1], buf[position + 2]
            (length,) = struct.unpack_from(">H", buf, position + 3)
            if length & 0x8000:  # extended length: not used for text datasets
                break
            value_start = position + 5
            value_end = value_start + length
            if value_end > end:
                break
            value = bytes(buf[value_start:value_end])
            if record == 2 and dataset in IPTC_LOCATION and value.strip(b" \x00"):
                self.found.append(f"IPTC {IPTC_LOCATION[dataset]}")
                if self.strip:
                    buf[value_start:value_end] = b" " * length
            elif record == 2 and dataset in IPTC_TEXT and value.strip():
                self.fields.append((f"IPTC {IPTC_TEXT[dataset]}", _decode_text(value)))
            position = value_end

    def irb(self, buf: bytearray, start: int, end: int) -> None:
        """Photoshop image resource blocks: IPTC (0x0404), EXIF (0x0422), XMP (0x0424)."""
        position = start
        try:
            while position + 12 <= end and buf[position : position + 4] == b"8BIM":
                (resource,) = struct.unpack_from(">H", buf, position + 4)
                name_length = buf[position + 6]
                name_total = name_length + 1 + ((name_length + 1) % 2)
                size_at = position + 6 + name_total
                (size,) = struct.unpack_from(">I", buf, size_at)
                data_start = size_at + 4
                data_end = data_start + size
                if data_end > end:
                    break
                if resource == 0x0404:
                    self.iptc(buf, data_start, data_end)
                elif resource == 0x0422:
                    self.tiff(buf, data_start, data_end, "Photoshop EXIF")
                elif resource == 0x0424:
                    self.xmp(buf, data_start, data_end, "Photoshop XMP")
                position = data_end + (size % 2)
        except struct.error:
            return

    # -- PNG text chunks ----------------------------------------------------------------

    def png_text(self, kind: bytes, data: bytes) -> bytes | None:
        """The chunk's new data (the same object when unchanged, None to drop it)."""
        keyword, separator, rest = data.partition(b"\x00")
        if not separator:
            return data
        compressed = False
        prefix = b""
        if kind == b"tEXt":
            text = rest
        elif kind == b"zTXt":
            prefix, rest = rest[:1], rest[1:]
            compressed = True
            text = _inflate(rest)
        else:  # iTXt
            if len(rest) < 2:
                return data
            flag = rest[0]
            language, _, rest2 = rest[2:].partition(b"\x00")
            translated, _, body = rest2.partition(b"\x00")
            prefix = rest[:2] + language + b"\x00" + translated + b"\x00"
            compressed = flag == 1
            text = _inflate(body) if compressed else body
        if text is None:  # could not inflate within limits
            if keyword.startswith(b"Raw profile type") or keyword == b"XML:com.adobe.xmp":
                self.found.append(f"PNG {keyword.decode('latin-1')} (unreadable)")
                return None
            return data
        if keyword == b"XML:com.adobe.xmp":
            new_text = self.xmp_bytes(text, "XMP")
        elif keyword.startswith(b"Raw profile type "):
            new_text = self._raw_profile(keyword[17:].lower(), text)
            if new_text is None:
                return None
        else:
            encoding = "utf-8" if kind == b"iTXt" else "latin-1"
            value = text.decode(encoding, "replace").strip()
            if value:
                self.fields.append((f"PNG {keyword.decode('latin-1')}", value))
            return data
        if new_text == text:
            return data
        body = zlib.compress(new_text) if compressed else new_text
        return keyword + b"\x00" + prefix + body

    def _raw_profile(self, name: bytes, text: bytes) -> bytes | None:
        """ImageMagick's hex-encoded profiles: ``\\n<name>\\n<length>\\n<hex>``."""
        lines = text.split(b"\n")
        try:
            payload = binascii.unhexlify(b"".join(line.strip() for line in lines[3:]))
        except (binascii.Error, ValueError):
            self.found.append(f"PNG raw {name.decode('latin-1')} profile (unreadable)")
            return None
        work = bytearray(payload)
        if name in (b"exif", b"app1"):
            offset = 6 if work.startswith(b"Exif\x00\x00") else 0
            self.tiff(work, offset, len(work), "EXIF")
        elif name == b"xmp":
            self.xmp(work, 0, len(work), "XMP")
        elif name in (b"iptc", b"8bim"):
            if work.startswith(b"8BIM"):
                self.irb(work, 0, len(work))
            else:
                self.iptc(work, 0, len(work))
        if bytes(work) == payload:
            return text
        encoded = binascii.hexlify(bytes(work))
        rows = [encoded[i : i + 72] for i in range(0, len(encoded), 72)]
        head = b"\n" + lines[1] + b"\n" + lines[2] + b"\n" if len(lines) > 2 else b"\n"
        return head + b"\n".join(rows) + b"\n"

    def field(self, label: str, value: str) -> None:
        if value.strip():
            self.fields.append((label, value.strip()))


class _TiffWalk:
    def __init__(self, inspector, buf, start, end, endian, where):
        self.inspector = inspector
        self.buf = buf
        self.start = start
        self.end = end
        self.endian = endian
        self.where = where
        self.seen: set[int] = set()

    def _u16(self, offset: int) -> int:
        return struct.unpack_from(self.endian + "H", self.buf, self.start + offset)[0]

    def _u32(self, offset: int) -> int:
        return struct.unpack_from(self.endian + "I", self.buf, self.start + offset)[0]

    def entries(self, ifd: int):
        if ifd in self.seen or len(self.seen) > MAX_IFDS:
            raise _Bad
        self.seen.add(ifd)
        if ifd < 8 or self.start + ifd + 2 > self.end:
            raise _Bad
        count = self._u16(ifd)
        # A damaged count: read the entries that fit, as Pillow and cameras do.
        count = min(count, MAX_ENTRIES, (self.end - self.start - ifd - 2) // 12)
        result = []
        for index in range(count):
            at = ifd + 2 + 12 * index
            tag, kind, number = self._u16(at), self._u16(at + 2), self._u32(at + 4)
            size = TYPE_SIZES.get(kind, 0) * number
            value_at = at + 8 if size <= 4 else self._u32(at + 8)
            if self.start + value_at + size > self.end:
                value_at, size = at + 8, 0  # out of bounds: ignore the value
            result.append((at, tag, kind, number, value_at, size))
        return count, result

    def chain(self, ifd: int) -> None:
        while ifd:
            count, entries = self.entries(ifd)
            self.directory(entries)
            ifd = self._u32(ifd + 2 + 12 * count)

    def directory(self, entries) -> None:
        for _at, tag, kind, number, value_at, size in entries:
            if tag == GPS_IFD and number == 1 and kind in (4, 13):
                self.gps(self._u32(value_at))
            elif tag == EXIF_IFD and number == 1 and kind in (4, 13):
                try:
                    _, sub = self.entries(self._u32(value_at))
                except _Bad:
                    continue
                self.directory(sub)
            elif tag in PERSONAL_EXIF_TAGS and size:
                if self.inspector.strip:
                    absolute = self.start + value_at
                    self.buf[absolute : absolute + size] = bytes(size)
            elif tag in TEXT_TAGS and size:
                value = bytes(self.buf[self.start + value_at : self.start + value_at + size])
                text = _exif_text(tag, kind, value, self.endian)
                if text:
                    self.inspector.field(f"EXIF {TEXT_TAGS[tag]}", text)
            elif tag == TAG_IPTC and size:
                self.inspector.iptc(self.buf, self.start + value_at, self.start + value_at + size)
            elif tag == TAG_XMP and size:
                self.inspector.xmp(
                    self.buf, self.start + value_at, self.start + value_at + size, "XMP"
                )
            elif tag == TAG_PHOTOSHOP and size:
                self.inspector.irb(self.buf, self.start + value_at, self.start + value_at + size)

    def gps(self, ifd: int) -> None:
        try:
            count, entries = self.entries(ifd)
        except _Bad:
            return
        if not any(tag != 0 and number for _, tag, _, number, _, _ in entries):
            return  # absent, or only GPSVersionID
        self.inspector.found.append(f"{self.where} GPS")
        if not self.inspector.strip:
            return
        for at, _tag, _kind, _number, value_at, size in entries:
            if size and value_at != at + 8:
                absolute = self.start + value_at
                self.buf[absolute : absolute + size] = bytes(size)
        first = self.start + ifd
        # No entries left: the count becomes 0 and the entries (where the next-IFD
        # pointer of an empty directory is read) become zeros.
        self.buf[first : first + 2 + 12 * count] = bytes(2 + 12 * count)


def _exif_text(tag: int, kind: int, value: bytes, endian: str) -> str:
    if 0x9C9B <= tag <= 0x9C9F:  # Windows XP fields: UCS-2 little endian
        return value.decode("utf-16-le", "replace").split("\x00", 1)[0]
    if tag == 0x9286:  # UserComment: 8-byte character code, then the text
        code, body = value[:8], value[8:]
        if code.startswith(b"UNICODE"):
            codec = "utf-16-le" if endian == "<" else "utf-16-be"
            return body.decode(codec, "replace").rstrip("\x00 ")
        return _decode_text(body.rstrip(b"\x00 "))
    if kind in (1, 2, 7):
        return _decode_text(value.split(b"\x00", 1)[0] if kind == 2 else value.rstrip(b"\x00"))
    return ""


def _decode_text(value: bytes) -> str:
    try:
        return value.decode("utf-8").strip()
    except UnicodeDecodeError:
        return value.decode("cp1252", "replace").strip()


def _inflate(data: bytes) -> bytes | None:
    try:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, MAX_DECOMPRESSED)
        if inflater.unconsumed_tail:
            return None
        return out
    except zlib.error:
        return None


def _inside(match, spots) -> bool:
    start, end = match.span()
    return any(a <= start and end <= b for a, b in spots)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _parse_xmp(packet: bytes):
    text = packet.strip(b" \x00\r\n\t")
    start = text.find(b"<")
    if start < 0:
        return None
    text = text[start:]
    end = text.rfind(b">")
    try:
        return parse_xml(text[: end + 1], forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError, SyntaxError):
        return None


def _xmp_has_location(packet: bytes) -> bool:
    if _XMP_ELEMENT.search(packet) or _XMP_ATTRIBUTE.search(packet):
        return True
    root = _parse_xmp(packet)
    if root is None:
        return False
    for element in root.iter():
        if _LOCATION_LOCAL.fullmatch(_local(element.tag).encode()) and (
            "".join(element.itertext()).strip() or len(element)
        ):
            return True
        for name, value in element.attrib.items():
            if _LOCATION_LOCAL.fullmatch(_local(name).encode()) and value.strip():
                return True
    return False


# -- containers ------------------------------------------------------------------------


def _format(data: bytes) -> str:
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    return "other"


def _jpeg(buf: bytearray, inspector: _Inspector) -> None:
    position = 2
    end = len(buf)
    extended: dict[bytes, list[tuple[int, int, int]]] = {}
    while position + 4 <= end:
        if buf[position] != 0xFF:
            break
        marker = buf[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        if marker == 0xD9:
            position += 2
            break
        (length,) = struct.unpack_from(">H", buf, position + 2)
        start, stop = position + 4, position + 2 + length
        if length < 2 or stop > end:
            break
        head = bytes(buf[start : start + 40])
        if marker == 0xE1 and head.startswith(b"Exif\x00\x00"):
            inspector.tiff(buf, start + 6, stop, "EXIF")
        elif marker == 0xE1 and head.startswith(JPEG_XMP):
            inspector.xmp(buf, start + len(JPEG_XMP), stop, "XMP")
        elif marker == 0xE1 and head.startswith(JPEG_XMP_EXTENSION):
            data_at = start + len(JPEG_XMP_EXTENSION)
            if data_at + 40 <= stop:
                guid = bytes(buf[data_at : data_at + 32])
                (offset,) = struct.unpack_from(">I", buf, data_at + 36)
                extended.setdefault(guid, []).append((offset, data_at + 40, stop))
        elif marker == 0xED and head.startswith(PHOTOSHOP):
            inspector.irb(buf, start + len(PHOTOSHOP), stop)
        elif marker == 0xFE:
            inspector.field("JPEG comment", _decode_text(bytes(buf[start:stop])))
        position = stop
        if marker == 0xDA:
            break
    for pieces in extended.values():
        pieces.sort()
        whole = b"".join(bytes(buf[a:b]) for _, a, b in pieces)
        if _xmp_has_location(whole):
            inspector.found.append("XMP (extended) location")
            if inspector.strip:
                for _, a, b in pieces:
                    buf[a:b] = b" " * (b - a)
    # Further images after the first (multi-picture files, depth maps, previews).
    inspector.raw_scan(buf, position, end)


def _png(buf: bytearray, inspector: _Inspector) -> bytearray:
    position = len(PNG_SIGNATURE)
    end = len(buf)
    chunks: list[tuple[bytes, int, int, bytes | None]] = []
    while position + 12 <= end:
        (length,) = struct.unpack_from(">I", buf, position)
        kind = bytes(buf[position + 4 : position + 8])
        data_start = position + 8
        data_end = data_start + length
        if data_end + 4 > end:
            break
        replacement: bytes | None = None  # None: unchanged
        dropped = False
        if kind == b"eXIf":
            offset = 6 if buf[data_start : data_start + 6] == b"Exif\x00\x00" else 0
            inspector.tiff(buf, data_start + offset, data_end, "EXIF")
        elif kind in (b"tEXt", b"zTXt", b"iTXt"):
            original = bytes(buf[data_start:data_end])
            new = inspector.png_text(kind, original)
            dropped = new is None
            if new is not None and new is not original:
                replacement = new
        if not dropped:
            chunks.append((kind, data_start, data_end, replacement))
        position = data_end + 4
        if kind == b"IEND":
            break
    trailing = position
    inspector.raw_scan(buf, trailing, end)
    if not inspector.strip:
        return buf
    out = bytearray(PNG_SIGNATURE)
    for kind, data_start, data_end, replacement in chunks:
        data = bytes(buf[data_start:data_end]) if replacement is None else replacement
        out += struct.pack(">I", len(data)) + kind + data
        out += struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    out += buf[trailing:]
    return out


def _webp(buf: bytearray, inspector: _Inspector) -> None:
    position = 12
    end = min(len(buf), 8 + struct.unpack_from("<I", buf, 4)[0])
    while position + 8 <= end:
        kind = bytes(buf[position : position + 4])
        (size,) = struct.unpack_from("<I", buf, position + 4)
        start, stop = position + 8, position + 8 + size
        if stop > end:
            break
        if kind == b"EXIF":
            offset = 6 if buf[start : start + 6] == b"Exif\x00\x00" else 0
            inspector.tiff(buf, start + offset, stop, "EXIF")
        elif kind == b"XMP ":
            inspector.xmp(buf, start, stop, "XMP")
        position = stop + (size % 2)


def _inspect(data: bytes, strip: bool) -> tuple[_Inspector, bytes]:
    inspector = _Inspector(strip=strip)
    buf = bytearray(data)
    kind = _format(data)
    try:
        if kind == "jpeg":
            _jpeg(buf, inspector)
        elif kind == "png":
            buf = _png(buf, inspector)
        elif kind == "webp":
            _webp(buf, inspector)
        elif kind == "tiff":
            inspector.tiff(buf, 0, len(buf), "EXIF")
        else:
            inspector.raw_scan(buf, 0, len(buf))
    except struct.error:
        pass  # a truncated container: whatever was before the damage has been handled
    return inspector, bytes(buf)


def find_location(data: bytes) -> list[str]:
    """Where location data sits in the file, e.g. ``["EXIF GPS", "XMP location"]``.

    What this module's own parsing finds; if it finds nothing, Pillow is asked too.
    """
    data = bytes(data)
    return _inspect(data, strip=False)[0].found or _pillow_gps(data)


def has_location(data: bytes) -> bool:
    """True when the file carries GPS coordinates or place names in its metadata."""
    return bool(find_location(data))


def strip_location(data: bytes) -> bytes:
    """The same image without location metadata (see the module's description).

    Returns ``data`` itself when there is nothing to remove. Raises
    ``LocationNotRemoved`` when location data survives the removal.
    """
    data = bytes(data)
    if not find_location(data):
        return data
    _, stripped = _inspect(data, strip=True)
    left = _inspect(stripped, strip=False)[0].found + _pillow_gps(stripped)
    if left:
        raise LocationNotRemoved(
            "không xoá được vị trí chụp ảnh khỏi siêu dữ liệu của ảnh "
            f"(location data could not be removed from the image: {', '.join(left)})"
        )
    return stripped


def _pillow_gps(data: bytes) -> list[str]:
    """A second opinion from Pillow, for formats whose metadata was searched, not parsed."""
    from PIL import Image  # imported here: the rest of the module needs no Pillow

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns about damaged tags
            with Image.open(io.BytesIO(data)) as image:
                gps = image.getexif().get_ifd(GPS_IFD)
    except Exception:  # any failure means Pillow has no opinion
        return []
    return ["EXIF GPS (Pillow)"] if any(tag != 0 for tag in gps) else []


def image_metadata_fields(data: bytes) -> list[tuple[str, str]]:
    """(label, text) for every text field in the image's metadata, without repeats."""
    inspector, _ = _inspect(bytes(data), strip=False)
    fields = list(inspector.fields)
    fields += _pillow_comment(data)
    seen: set[str] = set()
    result = []
    for label, value in fields:
        value = clean_text(value).strip()
        key = " ".join(value.split()).casefold()
        if value and key not in seen:
            seen.add(key)
            result.append((label, value))
    return result


def _pillow_comment(data: bytes) -> list[tuple[str, str]]:
    if not data.startswith((b"GIF87a", b"GIF89a")):
        return []
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            comment = image.info.get("comment")
    except Exception:
        return []
    if isinstance(comment, bytes):
        return [("GIF comment", _decode_text(comment))]
    return []


def xmp_text_fields(packet: bytes, where: str = "XMP") -> list[tuple[str, str]]:
    """(label, text) of the descriptive fields of an XMP packet (PDF metadata too)."""
    inspector = _Inspector(strip=False)
    inspector._xmp_text(bytes(packet), where)
    return inspector.fields


def image_metadata_text(data: bytes) -> str:
    """The text hidden in the image's metadata, one field per line."""
    return "\n".join(value for _, value in image_metadata_fields(data))

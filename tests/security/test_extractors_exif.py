"""Location data removed from uploaded images; text read from image metadata.

The images are made here with Pillow, with the GPS tags, XMP and IPTC blocks a
phone or a photo editor writes.
"""

import binascii
import io
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin
from PIL.TiffImagePlugin import IFDRational

from cms.security.extractors import (
    LocationNotRemoved,
    extract_text,
    find_location,
    has_location,
    image_metadata_fields,
    image_metadata_text,
    strip_location,
)

GPS = 0x8825
ORIENTATION = 0x0112

XMP_WITH_LOCATION = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" '
    'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
    'exif:GPSLatitude="20,15.123N" exif:GPSLongitude="106,20.5E" '
    'photoshop:City="Xuân Trường">'
    "<photoshop:Country>Việt Nam</photoshop:Country>"
    "<Iptc4xmpCore:Location>Đồn Biên phòng cửa Ba Lạt</Iptc4xmpCore:Location>"
    "<Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType='Resource'>"
    "<Iptc4xmpExt:City>Ninh Bình</Iptc4xmpExt:City></rdf:li></rdf:Bag>"
    "</Iptc4xmpExt:LocationShown>"
    '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Lễ thượng cờ</rdf:li></rdf:Alt></dc:title>'
    '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Bản đồ TỐI MẬT</rdf:li></rdf:Alt>'
    "</dc:description>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
    '<?xpacket end="w"?>'
).encode()


def photo_exif(description: str | bytes = "Flag-raising ceremony") -> Image.Exif:
    """EXIF as a phone writes it: orientation 6 (rotated), a description, GPS."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010E] = description
    exif[0x9C9C] = "Ảnh chụp tại hội trường".encode("utf-16-le") + b"\0\0"
    exif[0x013B] = "Van Minh"
    exif[GPS] = {
        0: b"\x02\x03\x00\x00",
        1: "N",
        2: (IFDRational(20), IFDRational(15), IFDRational(739, 100)),
        3: "E",
        4: (IFDRational(106), IFDRational(20), IFDRational(30)),
        5: b"\x00",
        6: IFDRational(3),
    }
    return exif


def picture() -> Image.Image:
    image = Image.new("RGB", (96, 64), (200, 30, 30))
    for x in range(96):
        for y in range(0, 64, 4):
            image.putpixel((x, y), (x * 2, y * 3, 120))
    return image


def jpeg_with_gps() -> bytes:
    out = io.BytesIO()
    picture().save(out, "JPEG", exif=photo_exif().tobytes(), quality=92)
    return out.getvalue()


def saved(fmt: str, **options) -> bytes:
    out = io.BytesIO()
    picture().save(out, fmt, **options)
    return out.getvalue()


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


def scan_data(jpeg: bytes) -> bytes:
    """The entropy-coded image data of a JPEG: everything from the start of scan."""
    return jpeg[jpeg.index(b"\xff\xda") :]


def iptc_segment(datasets: list[tuple[int, str]]) -> bytes:
    """An APP13 segment with Photoshop's IPTC-IIM resource (record 2 datasets)."""
    iim = b"".join(
        b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value.encode())) + value.encode()
        for number, value in datasets
    )
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    if len(iim) % 2:
        resource += b"\x00"
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def with_segment(jpeg: bytes, segment: bytes) -> bytes:
    return jpeg[:2] + segment + jpeg[2:]


# -- JPEG -------------------------------------------------------------------------------


def test_jpeg_gps_is_removed_orientation_and_pixels_are_kept():
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(GPS)[2] == (20, 15, 7.39)
    assert has_location(original)

    stripped = strip_location(original)

    assert not has_location(stripped)
    with Image.open(io.BytesIO(stripped)) as image:
        exif = image.getexif()
        assert dict(exif.get_ifd(GPS)) == {}
        assert exif[ORIENTATION] == 6
        assert exif[0x010E] == "Flag-raising ceremony"
        assert exif[0x013B] == "Van Minh"
    assert pixels(stripped) == pixels(original)
    # Not re-encoded: the compressed image data is byte-for-byte the same.
    assert scan_data(stripped) == scan_data(original)
    assert len(stripped) == len(original)


def test_gps_values_are_gone_from_the_bytes_not_only_unlinked():
    original = jpeg_with_gps()
    latitude_seconds = struct.pack(">II", 739, 100)
    byte_order = original[original.index(b"Exif\0\0") + 6 : original.index(b"Exif\0\0") + 8]
    if byte_order == b"II":
        latitude_seconds = struct.pack("<II", 739, 100)
    assert latitude_seconds in original
    assert latitude_seconds not in strip_location(original)


def test_jpeg_xmp_location_is_erased_and_the_rest_of_the_xmp_kept():
    original = saved("JPEG", xmp=XMP_WITH_LOCATION, exif=photo_exif().tobytes())
    assert set(find_location(original)) == {"EXIF GPS", "XMP location"}

    stripped = strip_location(original)

    assert find_location(stripped) == []
    with Image.open(io.BytesIO(stripped)) as image:
        xmp = image.info["xmp"]
        assert image.getexif()[ORIENTATION] == 6
    assert b"GPSLatitude" not in xmp
    assert "Xuân Trường".encode() not in xmp
    assert "Ba Lạt".encode() not in xmp
    assert "Ninh Bình".encode() not in xmp
    assert "Lễ thượng cờ".encode() in xmp
    # What is left is still well-formed XMP that a reader can use.
    assert [value for label, value in image_metadata_fields(stripped) if "XMP" in label] == [
        "Lễ thượng cờ",
        "Bản đồ TỐI MẬT",
    ]


def test_jpeg_iptc_city_and_country_are_blanked_caption_kept():
    original = with_segment(
        saved("JPEG"),
        iptc_segment([(120, "Lễ ra quân dân quân"), (90, "Xuân Trường"), (101, "Việt Nam")]),
    )
    assert find_location(original) == ["IPTC City", "IPTC Country Name"]
    stripped = strip_location(original)
    assert find_location(stripped) == []
    assert "Xuân Trường".encode() not in stripped
    assert image_metadata_text(stripped) == "Lễ ra quân dân quân"
    assert pixels(stripped) == pixels(original)


def test_location_in_an_image_appended_after_the_first_is_removed_too():
    # Phones append a second JPEG (depth map, preview) with its own EXIF.
    original = jpeg_with_gps() + jpeg_with_gps()
    assert find_location(original) == ["EXIF GPS", "EXIF GPS"]
    stripped = strip_location(original)
    assert find_location(stripped) == []
    assert stripped[: len(stripped) // 2] == strip_location(jpeg_with_gps())


def test_image_without_location_is_returned_unchanged():
    original = saved("JPEG", exif=Image.Exif().tobytes(), quality=90)
    assert not has_location(original)
    assert strip_location(original) == original


def test_gps_directory_holding_only_the_version_is_not_a_location():
    exif = Image.Exif()
    exif[ORIENTATION] = 1
    exif[GPS] = {0: b"\x02\x03\x00\x00"}
    data = saved("JPEG", exif=exif.tobytes())
    assert find_location(data) == []


# -- PNG, WebP, TIFF ---------------------------------------------------------------------


def test_png_xmp_location_removed_and_checksums_valid():
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP_WITH_LOCATION.decode())
    info.add_text("Comment", "Ảnh: Văn Minh")
    original = saved("PNG", pnginfo=info, exif=photo_exif().tobytes())
    assert set(find_location(original)) == {"EXIF GPS", "XMP location"}

    stripped = strip_location(original)

    assert find_location(stripped) == []
    with Image.open(io.BytesIO(stripped)) as image:
        image.load()  # raises on a bad chunk checksum
        assert image.getexif()[ORIENTATION] == 6
        assert dict(image.getexif().get_ifd(GPS)) == {}
    assert pixels(stripped) == pixels(original)
    assert "Ảnh: Văn Minh" in image_metadata_text(stripped)


def test_png_imagemagick_raw_exif_profile_is_cleaned():
    # ImageMagick keeps EXIF in a compressed text chunk, as hexadecimal; Pillow reads it.
    payload = photo_exif().tobytes()
    if not payload.startswith(b"Exif"):
        payload = b"Exif\0\0" + payload
    hexed = binascii.hexlify(payload).decode()
    rows = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    info = PngImagePlugin.PngInfo()
    info.add_text("Raw profile type exif", f"\nexif\n{len(payload):8d}\n{rows}\n", zip=True)
    original = saved("PNG", pnginfo=info)
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(GPS)[1] == "N"
    stripped = strip_location(original)
    assert find_location(stripped) == []
    with Image.open(io.BytesIO(stripped)) as image:
        image.load()
        assert dict(image.getexif().get_ifd(GPS)) == {}
        assert image.getexif()[ORIENTATION] == 6


def test_png_compressed_xmp_is_rewritten():
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP_WITH_LOCATION.decode(), zip=True)
    original = saved("PNG", pnginfo=info)
    assert find_location(original) == ["XMP location"]
    stripped = strip_location(original)
    assert find_location(stripped) == []
    with Image.open(io.BytesIO(stripped)) as image:
        image.load()
        assert "Lễ thượng cờ" in image.text["XML:com.adobe.xmp"]


def test_webp_exif_and_xmp_location_removed():
    original = saved("WEBP", exif=photo_exif().tobytes(), xmp=XMP_WITH_LOCATION, lossless=True)
    assert set(find_location(original)) == {"EXIF GPS", "XMP location"}
    stripped = strip_location(original)
    assert find_location(stripped) == []
    with Image.open(io.BytesIO(stripped)) as image:
        assert image.getexif()[ORIENTATION] == 6
    assert pixels(stripped) == pixels(original)


def test_tiff_gps_removed():
    original = saved("TIFF", exif=photo_exif().tobytes())
    assert find_location(original) == ["EXIF GPS"]
    stripped = strip_location(original)
    assert find_location(stripped) == []
    with Image.open(io.BytesIO(stripped)) as image:
        assert dict(image.getexif().get_ifd(GPS)) == {}
        assert image.getexif()[ORIENTATION] == 6
    assert pixels(stripped) == pixels(original)


def test_unknown_container_is_searched_for_exif_blocks():
    # Any file holding an EXIF block (here wrapped in an unknown container) is cleaned.
    jpeg = jpeg_with_gps()
    start = jpeg.index(b"Exif\0\0")
    blob = b"XXXXftypunknown" + jpeg[start : start + 400] + b"tail"
    assert find_location(blob) == ["EXIF GPS"]
    assert find_location(strip_location(blob)) == []


def test_unremovable_location_is_reported_not_ignored(monkeypatch):
    from cms.security.extractors import exif

    monkeypatch.setattr(exif, "_pillow_gps", lambda data: ["EXIF GPS (Pillow)"])
    with pytest.raises(LocationNotRemoved) as caught:
        strip_location(jpeg_with_gps())
    assert caught.value.reason.startswith("không xoá được vị trí chụp ảnh")


# -- text in metadata ------------------------------------------------------------------


def test_image_metadata_text_reads_description_windows_comment_and_artist():
    data = saved("JPEG", exif=photo_exif("TAI LIEU MAT - so do bo tri").tobytes())
    assert image_metadata_text(data).splitlines() == [
        "TAI LIEU MAT - so do bo tri",
        "Van Minh",
        "Ảnh chụp tại hội trường",
    ]


def test_image_metadata_fields_are_labelled():
    data = saved("JPEG", exif=photo_exif("Caption text").tobytes())
    assert image_metadata_fields(data) == [
        ("EXIF ImageDescription", "Caption text"),
        ("EXIF Artist", "Van Minh"),
        ("EXIF XPComment", "Ảnh chụp tại hội trường"),
    ]


def test_utf8_description_and_user_comment():
    exif = Image.Exif()
    exif[0x010E] = "Bản đồ vị trí trận địa".encode()
    exif[0x8769] = {0x9286: b"UNICODE\0" + "Chỉ lưu hành nội bộ".encode("utf-16-be")}
    data = saved("JPEG", exif=exif.tobytes())
    text = image_metadata_text(data)
    assert "Bản đồ vị trí trận địa" in text.splitlines()
    assert any(line.endswith("nội bộ") for line in text.splitlines())


def test_extract_text_of_an_image_reports_its_metadata_and_location(monkeypatch):
    from cms.security.extractors import Limits

    document = extract_text(
        saved("JPEG", exif=photo_exif("TOP SECRET map").tobytes()), limits=Limits(ocr=False)
    )
    assert document.kind == "image"
    assert document.part("image metadata").splitlines()[0] == "TOP SECRET map"
    assert "ảnh còn vị trí chụp (GPS)" in document.warnings[0]
    assert document.images_not_read == 1
    assert not document.complete


# -- robustness -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.integers(min_value=2, max_value=700), st.integers(0, 255)),
        min_size=1,
        max_size=6,
    )
)
def test_damaged_metadata_never_crashes_and_never_keeps_gps(changes):
    data = bytearray(jpeg_with_gps())
    for where, value in changes:
        data[where] = value
    data = bytes(data)
    image_metadata_text(data)
    try:
        stripped = strip_location(data)
    except LocationNotRemoved:
        return
    assert find_location(stripped) == []


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=1024))
def test_arbitrary_bytes_are_handled(data):
    assert isinstance(has_location(data), bool)
    assert isinstance(image_metadata_text(data), str)
    try:
        stripped = strip_location(data)
    except LocationNotRemoved:
        return
    assert not has_location(stripped)

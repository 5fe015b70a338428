"""Real files, built in the tests: photos with metadata, PDF, DOCX, ODT, and disguises."""

import io
import zipfile

import docx
from PIL import Image

ORIENTATION = 0x0112
IMAGE_DESCRIPTION = 0x010E
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
CAMERA_OWNER = 0xA430
BODY_SERIAL = 0xA431
#: 20°15'30" N, 106°20'10" E: where the photo was taken, as the camera wrote it.
GPS = {1: "N", 2: (20.0, 15.0, 30.0), 3: "E", 4: (106.0, 20.0, 10.0)}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="20,15.5N" exif:GPSLongitude="106,20.1667E"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def photo_exif(orientation: int | None = None) -> Image.Exif:
    """EXIF as a phone writes it: GPS position, the owner's name and the camera's serial
    number, a description, and the orientation if given."""
    metadata = Image.Exif()
    if orientation:
        metadata[ORIENTATION] = orientation
    metadata[IMAGE_DESCRIPTION] = "Nha ong Nguyen Van A, thon 5"
    metadata[GPS_IFD] = GPS
    metadata[EXIF_IFD] = {CAMERA_OWNER: "Nguyen Van A", BODY_SERIAL: "SN-20250902"}
    return metadata


def photo_with_metadata(size=(60, 40), image_format="JPEG") -> bytes:
    """A photo as a phone writes it: turned (orientation 6), with its EXIF (``photo_exif``),
    XMP location and a comment."""
    picture = Image.new("RGB", size, "#2f6f4f")
    # A red top-left corner, to tell where the top went after turning.
    picture.paste((200, 16, 46), (0, 0, size[0] // 3, size[1] // 3))
    buffer = io.BytesIO()
    options = {"exif": photo_exif(orientation=6), "xmp": XMP}
    if image_format == "JPEG":
        options["comment"] = b"Chup tai nha rieng"
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


def png(size=(64, 48), color="#c8102e", mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def pdf(text: str = "Ke hoach thong tin doi ngoai nam 2025") -> bytes:
    """A one-page PDF with a line of text, written object by object with its xref table."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return output.getvalue()


def docx_file(text: str = "Kế hoạch thông tin đối ngoại năm 2025 của xã Xuân Trường.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_macros() -> bytes:
    """A real DOCX into which a VBA project has been slipped."""
    source = zipfile.ZipFile(io.BytesIO(docx_file()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            archive.writestr(name, source.read(name))
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 60)
    return buffer.getvalue()


def odt_file() -> bytes:
    """A minimal OpenDocument text: the stored ``mimetype`` first, then the manifest."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.text"/></manifest:manifest>',
        )
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0"><office:body><office:text/></office:body></office:document-content>',
        )
    return buffer.getvalue()


def xlsx_file() -> bytes:
    """The parts an XLSX workbook declares: content types, the workbook, one sheet."""
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            f'ContentType="{main}"/></Types>',
        )
        archive.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<sheets/></workbook>",
        )
    return buffer.getvalue()


def plain_zip() -> bytes:
    """A ZIP archive that is no document: what a renamed ``.zip`` looks like."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("danh-sach.txt", "Danh sách hộ nghèo thôn 5")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Th\xc3\xb4ng b\xc3\xa1o</title></head>"
    b"<body><script>fetch('/admin/').then(r => r.text())</script></body></html>"
)
HTML_FRAGMENT = b"\n  <script>document.location='https://example.invalid/'</script>"
SVG_DRAWING = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- Ban do -->\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
TEXT = "Lịch tiếp công dân của UBND xã Xuân Trường: sáng thứ Năm hằng tuần.\n".encode()

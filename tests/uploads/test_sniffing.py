"""What a file is, read from its content (``cms.uploads.sniffing``), for the disguises an
upload form meets beyond those of the admin tests."""

import codecs
import io
import zipfile

import pytest

from cms.uploads.sniffing import detect_document_kind, markup_kind
from tests.uploads import files


def kind(data: bytes) -> str:
    return detect_document_kind(io.BytesIO(data))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (files.pdf(), "pdf"),
        (files.docx_file(), "docx"),
        (files.xlsx_file(), "xlsx"),
        (files.odt_file(), "odt"),
        (files.TEXT, "text"),
        (codecs.BOM_UTF8 + files.TEXT, "text"),
        (files.plain_zip(), "zip"),
        (files.png(), "png"),
        (files.photo_with_metadata(), "jpeg"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "ole"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "exe"),
        (files.docx_with_macros(), "macros"),
    ],
    ids=[
        "pdf",
        "docx",
        "xlsx",
        "odt",
        "text",
        "text-with-bom",
        "zip",
        "png",
        "jpeg",
        "office-97",
        "windows-program",
        "docx-with-macros",
    ],
)
def test_kind_is_read_from_the_content(data, expected):
    assert kind(data) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (files.HTML_PAGE, "html"),
        (files.HTML_FRAGMENT, "html"),
        (b"<p>Xin ch\xc3\xa0o</p>", "html"),
        (b"<!-- ghi chu -->\n<div>x</div>", "html"),
        (codecs.BOM_UTF16_LE + "<html><body>x</body></html>".encode("utf-16-le"), "html"),
        (b"Lich tiep dan\n<script>alert(1)</script>", "html"),
        (files.SVG_DRAWING, "svg"),
        (codecs.BOM_UTF8 + b"<svg xmlns='http://www.w3.org/2000/svg'/>", "svg"),
        (b"<?xml version='1.0'?><!DOCTYPE svg><svg/>", "svg"),
    ],
    ids=[
        "html-page",
        "script-after-blank-lines",
        "paragraph",
        "comment-then-div",
        "utf-16-html",
        "script-in-text",
        "svg",
        "svg-with-bom",
        "svg-with-doctype",
    ],
)
def test_pages_and_drawings_are_recognised_whatever_their_dress(data, expected):
    assert markup_kind(data) == expected
    assert kind(data) == expected


def test_markup_inside_a_binary_format_is_that_format():
    """A PDF quoting a page is a PDF; it is served as a download that nothing renders."""
    assert markup_kind(files.pdf("<html><script>x</script></html>")) is None
    assert kind(files.pdf("<html><script>x</script></html>")) == "pdf"


def test_opendocument_with_basic_macros_is_refused_as_macros():
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(files.odt_file())) as source,
        zipfile.ZipFile(buffer, "w") as archive,
    ):
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.writestr("Basic/Standard/Module1.xml", "<script:module/>")

    assert kind(buffer.getvalue()) == "macros"


def test_damaged_zip_is_a_zip_not_a_document():
    data = files.docx_file()
    assert kind(data[:200]) == "zip"

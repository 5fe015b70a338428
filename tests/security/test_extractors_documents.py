"""Text extraction from attachments: PDF, DOCX, XLSX, PPTX, ODT, HTML and text.

Every file is built here, in the test, from its parts: nothing is downloaded and
no fixture file can drift from what the test claims it contains.
"""

import io
import unicodedata
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from cms.security.extractors import (
    ExtractionError,
    Limits,
    UnreadableDocument,
    UnsupportedFormat,
    detect_format,
    extract_text,
    html_to_text,
)
from cms.security.extractors.base import PART_SEPARATOR, clean_text

# -- builders ---------------------------------------------------------------------------


def text_pdf(lines: list[str], content: str | None = None) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Helvetica, so ASCII only),
    or whose page draws ``content`` (PDF operators) instead."""
    if content is None:
        shown = " ".join(f"({line}) '" for line in lines)
        content = f"BT /F1 14 Tf 72 720 Td 18 TL {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def pdf_with(lines: list[str], **extra) -> bytes:
    """``text_pdf`` rewritten by pypdf with metadata, annotations or a password."""
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf(lines)))
    if "metadata" in extra:
        writer.add_metadata(extra["metadata"])
    if "note" in extra:
        from pypdf.annotations import Text

        writer.add_annotation(0, Text(text=extra["note"], rect=(50, 550, 200, 650)))
    if "attachment" in extra:
        name, data = extra["attachment"]
        writer.add_attachment(name, data)
    if "password" in extra:
        writer.encrypt(extra["password"], owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def tracked_docx() -> bytes:
    """A Word file with text in every place a writer may forget about."""
    document = docx.Document()
    document.add_paragraph("Kế hoạch thông tin đối ngoại xã Xuân Trường năm 2025.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Họ và tên"
    table.cell(0, 1).text = "Số định danh"
    table.cell(1, 0).text = "Nguyễn Văn A"
    table.cell(1, 1).text = "036085001234"
    document.sections[0].header.paragraphs[0].text = "ĐỘ MẬT: TỐI MẬT"
    document.sections[0].footer.paragraphs[0].text = "Tài liệu lưu hành nội bộ"
    note = document.add_paragraph("Đề nghị góp ý ")
    hidden = note.add_run("chỉ người có tên mới được bóc bì")
    hidden.font.hidden = True
    document.add_comment(
        note.runs[0], text="Gọi anh Hùng theo số 0912 345 678 để xác nhận", author="Kiểm duyệt"
    )
    edited = document.add_paragraph("Đoàn công tác thăm ")
    edited._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="901" w:author="Biên tập" w:date="2025-09-01T08:00:00Z">'
            "<w:r><w:t>Nhà văn hoá thôn 3</w:t></w:r></w:ins>"
        )
    )
    edited._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="902" w:author="Biên tập" w:date="2025-09-01T08:00:00Z">'
            "<w:r><w:delText>Kho vũ khí của Ban CHQS xã</w:delText></w:r></w:del>"
        )
    )
    properties = document.core_properties
    properties.title = "Kế hoạch phòng thủ dân sự"
    properties.subject = "Dự thảo lần 2"
    properties.keywords = "TỐI MẬT"
    properties.comments = "Không đăng tải"
    properties.author = "Văn phòng HĐND-UBND"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_file(members: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PRESENTATION_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"


def minimal_xlsx() -> bytes:
    """A workbook with a visible and a hidden sheet, shared and inline strings, a comment."""
    return zip_file(
        {
            "[Content_Types].xml": "<Types xmlns='http://schemas.openxmlformats.org/package/"
            "2006/content-types'/>",
            "_rels/.rels": f"<Relationships xmlns='{PKG_RELS}'><Relationship Id='r1' "
            f"Type='{RELS}/officeDocument' Target='xl/workbook.xml'/></Relationships>",
            "xl/workbook.xml": f"<workbook xmlns='{SHEET_NS}' xmlns:r='{RELS}'><sheets>"
            "<sheet name='Danh sách' sheetId='1' r:id='s1'/>"
            "<sheet name='Ẩn' sheetId='2' state='hidden' r:id='s2'/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": f"<Relationships xmlns='{PKG_RELS}'>"
            f"<Relationship Id='s1' Type='{RELS}/worksheet' Target='worksheets/sheet1.xml'/>"
            f"<Relationship Id='s2' Type='{RELS}/worksheet' Target='worksheets/sheet2.xml'/>"
            "</Relationships>",
            "xl/sharedStrings.xml": f"<sst xmlns='{SHEET_NS}'><si><t>Họ tên</t></si>"
            "<si><r><t>Số </t></r><r><t>CCCD</t></r></si><si><t>Trần Thị B</t></si></sst>",
            "xl/worksheets/sheet1.xml": f"<worksheet xmlns='{SHEET_NS}'><sheetData>"
            "<row r='1'><c r='A1' t='s'><v>0</v></c><c r='B1' t='s'><v>1</v></c></row>"
            "<row r='2'><c r='A2' t='s'><v>2</v></c><c r='B2' t='inlineStr'><is><t>"
            "037190012345</t></is></c></row></sheetData>"
            "<headerFooter><oddHeader>&amp;CTÀI LIỆU MẬT</oddHeader></headerFooter>"
            "</worksheet>",
            "xl/worksheets/sheet2.xml": f"<worksheet xmlns='{SHEET_NS}'><sheetData>"
            "<row r='1'><c r='A1' t='inlineStr'><is><t>STK 0451000123456</t></is></c>"
            "<c r='B1'><v>36085001234</v></c></row></sheetData></worksheet>",
            "xl/comments1.xml": f"<comments xmlns='{SHEET_NS}'><commentList><comment ref='B2'>"
            "<text><r><t>Số này lấy từ hồ sơ bệnh án</t></r></text></comment></commentList>"
            "</comments>",
            "docProps/core.xml": "<cp:coreProperties xmlns:cp='http://schemas.openxmlformats.org/"
            "package/2006/metadata/core-properties' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
            "<dc:title>Danh sách hộ nghèo</dc:title></cp:coreProperties>",
        }
    )


def minimal_pptx() -> bytes:
    slide = (
        f"<p:sld xmlns:p='{PRESENTATION_NS}' xmlns:a='{DRAWING_NS}' {{show}}><p:cSld><p:spTree>"
        "<p:sp><p:txBody><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>"
        "</p:spTree></p:cSld></p:sld>"
    )
    return zip_file(
        {
            "ppt/presentation.xml": f"<p:presentation xmlns:p='{PRESENTATION_NS}'/>",
            "ppt/slides/slide1.xml": slide.format(show="", text="Quảng bá làng nghề"),
            "ppt/slides/slide2.xml": slide.format(show="show='0'", text="Quân số dân quân: 45"),
            "ppt/slides/slide10.xml": slide.format(show="", text="Cảm ơn"),
            "ppt/notesSlides/notesSlide1.xml": slide.format(
                show="", text="Nhắc: không phổ biến số liệu này"
            ),
        }
    )


def minimal_odt() -> bytes:
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    return zip_file(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "META-INF/manifest.xml": "<manifest:manifest xmlns:manifest='urn:oasis:names:tc:"
            "opendocument:xmlns:manifest:1.0'/>",
            "content.xml": f"<office:document-content xmlns:office='{office}' "
            f"xmlns:text='{text}'><office:body><office:text>"
            "<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
            "<text:p>Tọa độ trận địa pháo</text:p></text:deletion></text:changed-region>"
            "</text:tracked-changes>"
            "<text:h>Thông báo</text:h>"
            "<text:p>Lễ ra quân<text:s text:c='2'/>năm 2025<text:note><text:note-body>"
            "<text:p>Theo kế hoạch số 72/KH-UBND</text:p></text:note-body></text:note>"
            "<office:annotation><text:p>Xoá số 0912 345 678 trước khi đăng</text:p>"
            "</office:annotation> đã diễn ra.</text:p>"
            "</office:text></office:body></office:document-content>",
            "meta.xml": f"<office:document-meta xmlns:office='{office}' "
            "xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:meta='urn:oasis:names:tc:"
            "opendocument:xmlns:meta:1.0'><office:meta><dc:title>Bản tin</dc:title>"
            "<meta:keyword>Tuyệt mật</meta:keyword></office:meta></office:document-meta>",
        }
    )


# -- PDF --------------------------------------------------------------------------------


def test_pdf_text_layer_and_document_information():
    data = pdf_with(
        ["TAI LIEU TOI MAT", "Contact: 0912 345 678", "TOP SECRET - militia deployment plan"],
        metadata={
            "/Title": "Kế hoạch TỐI MẬT",
            "/Author": "Văn phòng HĐND-UBND",
            "/Keywords": "Lưu hành nội bộ",
            "/Subject": "Dự thảo lần 2",
        },
    )
    document = extract_text(data)
    assert document.kind == "pdf"
    assert document.part("page 1").splitlines() == [
        "TAI LIEU TOI MAT",
        "Contact: 0912 345 678",
        "TOP SECRET - militia deployment plan",
    ]
    assert document.part("metadata: title") == "Kế hoạch TỐI MẬT"
    assert document.part("metadata: author") == "Văn phòng HĐND-UBND"
    assert document.part("metadata: keywords") == "Lưu hành nội bộ"
    assert document.part("metadata: subject") == "Dự thảo lần 2"
    assert document.complete
    assert document.warnings == []


def test_pdf_sticky_note_is_read():
    data = pdf_with(["Bao cao tong ket"], note="Xoá CCCD 036085001234 trước khi đăng")
    document = extract_text(data)
    assert document.part("annotations") == "Xoá CCCD 036085001234 trước khi đăng"


def test_pdf_embedded_attachment_is_read_with_its_name():
    inner = text_pdf(["TOP SECRET annex"])
    data = pdf_with(["Public report"], attachment=("phu-luc-mat.pdf", inner))
    document = extract_text(data)
    assert document.part("attachment phu-luc-mat.pdf: file name") == "phu-luc-mat.pdf"
    assert document.part("attachment phu-luc-mat.pdf: page 1") == "TOP SECRET annex"


def test_pdf_with_owner_password_only_is_read():
    document = extract_text(pdf_with(["SECRET"], password=""))
    assert document.part("page 1") == "SECRET"


def test_pdf_with_user_password_is_unreadable_with_a_reason():
    with pytest.raises(UnreadableDocument) as caught:
        extract_text(pdf_with(["SECRET"], password="mat-khau"))
    assert caught.value.reason == (
        "tệp PDF được bảo vệ bằng mật khẩu (the PDF file is password-protected)"
    )


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.7\n1 0 obj << /Type /Catalog", id="truncated-header"),
        pytest.param(text_pdf(["TOP SECRET"])[:150], id="cut-in-the-middle"),
        pytest.param(b"%PDF-1.4\n" + bytes(range(256)) * 20, id="binary-garbage"),
    ],
)
def test_broken_pdf_is_unreadable_with_one_line_reason(data):
    with pytest.raises(UnreadableDocument) as caught:
        extract_text(data, filename="bao-cao.pdf")
    reason = str(caught.value)
    assert reason == "không đọc được tệp PDF: tệp bị hỏng (the PDF file is damaged)"
    assert "\n" not in reason


def test_pdf_page_limit_reads_the_first_pages_and_says_so():
    writer = PdfWriter()
    for _ in range(3):
        writer.append(io.BytesIO(text_pdf(["TOP SECRET"])))
    out = io.BytesIO()
    writer.write(out)
    document = extract_text(out.getvalue(), limits=Limits(max_pages=2))
    assert [part.label for part in document.parts if part.label.startswith("page")] == [
        "page 1",
        "page 2",
    ]
    assert not document.complete
    assert document.warnings == [
        "chỉ đọc 2 trang đầu trong 3 trang (only the first 2 of 3 pages were read)"
    ]


def test_pdf_page_drawn_without_text_or_images_is_reported():
    # Words drawn as outlines (a vectorised stamp) cannot be read without rendering.
    outline = " ".join(f"{x} 700 m {x + 5} 760 l S" for x in range(100, 400, 7))
    document = extract_text(text_pdf([], content=outline))
    assert document.part("page 1") is None
    assert document.warnings == [
        "trang 1 không có lớp chữ cũng không có ảnh nên không đọc được "
        "(page 1 has neither a text layer nor images and was not read)"
    ]


# -- DOCX -------------------------------------------------------------------------------


def test_docx_every_hidden_place_is_extracted():
    document = extract_text(tracked_docx(), filename="ke-hoach.docx")
    assert document.kind == "docx"
    assert document.part("body").splitlines() == [
        "Kế hoạch thông tin đối ngoại xã Xuân Trường năm 2025.",
        "Họ và tên",
        "Số định danh",
        "Nguyễn Văn A",
        "036085001234",
        "Đề nghị góp ý ",
        "Đoàn công tác thăm Nhà văn hoá thôn 3",
    ]
    assert document.part("headers") == "ĐỘ MẬT: TỐI MẬT"
    assert document.part("footers") == "Tài liệu lưu hành nội bộ"
    assert document.part("comments") == "Gọi anh Hùng theo số 0912 345 678 để xác nhận"
    assert document.part("tracked insertions") == "Nhà văn hoá thôn 3"
    assert document.part("tracked deletions") == "Kho vũ khí của Ban CHQS xã"
    assert document.part("hidden text") == "chỉ người có tên mới được bóc bì"
    assert document.part("metadata: title") == "Kế hoạch phòng thủ dân sự"
    assert document.part("metadata: subject") == "Dự thảo lần 2"
    assert document.part("metadata: keywords") == "TỐI MẬT"
    assert document.part("metadata: comments") == "Không đăng tải"
    assert document.part("metadata: author") == "Văn phòng HĐND-UBND"


def test_docx_deleted_text_is_not_part_of_the_body():
    document = extract_text(tracked_docx())
    assert "Kho vũ khí" not in document.part("body")
    assert "bóc bì" not in document.part("body")


def test_docx_is_recognised_by_content_not_by_name():
    assert extract_text(tracked_docx(), filename="anh.jpg").kind == "docx"
    assert detect_format(tracked_docx(), "bao-cao.pdf") == "docx"


def test_docx_text_box_and_custom_property():
    document = docx.Document()
    paragraph = document.add_paragraph("Ảnh minh hoạ ")
    paragraph.add_run()._r.append(
        parse_xml(
            f'<w:pict {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml">'
            "<v:shape><v:textbox><w:txbxContent>"
            "<w:p><w:r><w:t>Tọa độ đóng quân</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict>"
        )
    )
    out = io.BytesIO()
    document.save(out)
    custom = (
        "<Properties xmlns='http://schemas.openxmlformats.org/officeDocument/2006/"
        "custom-properties' xmlns:vt='http://schemas.openxmlformats.org/officeDocument/2006/"
        "docPropsVTypes'><property fmtid='{D5CDD505-2E9C-101B-9397-08002B2CF9AE}' pid='2' "
        "name='Phân loại'><vt:lpwstr>Mật</vt:lpwstr></property></Properties>"
    )
    data = _with_member(out.getvalue(), "docProps/custom.xml", custom)
    extracted = extract_text(data)
    assert extracted.part("body").splitlines() == ["Ảnh minh hoạ ", "Tọa độ đóng quân"]
    assert extracted.part("metadata: Phân loại") == "Mật"


def _with_member(data: bytes, name: str, content: str | bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {info.filename: source.read(info) for info in source.infolist()}
    members[name] = content
    return zip_file(members)


def test_docx_with_entity_expansion_is_refused_as_unsafe():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "MẬT MẬT MẬT MẬT">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = _with_member(tracked_docx(), "word/document.xml", bomb)
    with pytest.raises(UnreadableDocument) as caught:
        extract_text(data)
    assert "không an toàn" in caught.value.reason
    assert "unsafe XML" in caught.value.reason


def test_zip_bomb_is_refused_before_it_is_expanded():
    data = _with_member(tracked_docx(), "word/media/padding.bin", b"\0" * (3 * 1024 * 1024))
    with pytest.raises(UnreadableDocument) as caught:
        extract_text(data, limits=Limits(max_uncompressed=2 * 1024 * 1024))
    assert "giải nén ra quá lớn" in caught.value.reason
    assert "more than the limit" in caught.value.reason


def test_file_larger_than_the_limit_is_refused():
    with pytest.raises(UnreadableDocument) as caught:
        extract_text(b"a" * 2048, limits=Limits(max_bytes=1024))
    assert caught.value.reason.startswith("tệp quá lớn (2 KB, tối đa 1 KB)")


def test_broken_docx_is_unreadable():
    data = tracked_docx()
    with pytest.raises(UnreadableDocument) as caught:
        extract_text(data[: len(data) // 2])
    assert "bị hỏng" in caught.value.reason


# -- XLSX, PPTX, ODT ---------------------------------------------------------------------


def test_xlsx_reads_every_sheet_including_hidden_ones_and_comments():
    document = extract_text(minimal_xlsx())
    assert document.kind == "xlsx"
    assert document.part("sheet Danh sách") == "Họ tên\tSố CCCD\nTrần Thị B\t037190012345"
    assert document.part("sheet Ẩn (hidden)") == "STK 0451000123456\t36085001234"
    assert document.part("headers and footers") == "TÀI LIỆU MẬT"
    assert document.part("comments") == "Số này lấy từ hồ sơ bệnh án"
    assert document.part("metadata: title") == "Danh sách hộ nghèo"


def test_pptx_slides_in_order_hidden_slide_marked_and_notes():
    document = extract_text(minimal_pptx())
    assert document.kind == "pptx"
    assert [part.label for part in document.parts] == [
        "slide 1",
        "slide 2 (hidden)",
        "slide 10",
        "notes 1",
    ]
    assert document.part("slide 2 (hidden)") == "Quân số dân quân: 45"
    assert document.part("notes 1") == "Nhắc: không phổ biến số liệu này"


def test_odt_body_notes_comments_and_deletions_apart():
    document = extract_text(minimal_odt())
    assert document.kind == "odt"
    assert document.part("body") == "Thông báo\nLễ ra quân  năm 2025 đã diễn ra."
    assert document.part("footnotes") == "Theo kế hoạch số 72/KH-UBND"
    assert document.part("comments") == "Xoá số 0912 345 678 trước khi đăng"
    assert document.part("tracked deletions") == "Tọa độ trận địa pháo"
    assert document.part("metadata: keywords") == "Tuyệt mật"


# -- HTML and text ---------------------------------------------------------------------


def test_html_visible_text_alt_text_comments_and_contact_links():
    html = (
        "<!DOCTYPE html><html><head><title>Tin tức</title>"
        "<meta name='description' content='Lưu hành nội bộ'></head><body>"
        "<h1>Lễ thượng cờ</h1><p>Người dân&nbsp;tham gia <b>đông đủ</b>.</p>"
        "<!-- số CCCD 036085001234 của người chụp ảnh -->"
        "<img src='a.jpg' alt='Đồn Biên phòng cửa Ba Lạt'>"
        "<table><tr><td>Họ tên</td><td>Điện thoại</td></tr></table>"
        "<a href='mailto:mai.nguyen1985@gmail.com'>Liên hệ</a>"
        "<script>var secret = 'TOP SECRET';</script></body></html>"
    )
    document = extract_text(html.encode())
    assert document.kind == "html"
    assert document.part("metadata: title") == "Tin tức"
    assert document.part("metadata: description") == "Lưu hành nội bộ"
    assert document.part("body").splitlines() == [
        "Lễ thượng cờ",
        "Người dân tham gia đông đủ.",
        "Họ tên Điện thoại",
        "Liên hệ",
    ]
    assert document.part("image text") == "Đồn Biên phòng cửa Ba Lạt"
    assert document.part("comments") == "số CCCD 036085001234 của người chụp ảnh"
    assert document.part("links") == "mailto:mai.nguyen1985@gmail.com"
    assert "TOP SECRET" not in document.text


def test_html_fragment_from_rich_text_is_html():
    assert detect_format("<p>Văn bản <b>TỐI MẬT</b></p>".encode()) == "html"
    assert html_to_text("<p>Văn bản <b>TỐI MẬT</b></p><p>số 2</p>") == "Văn bản TỐI MẬT\nsố 2"


def test_svg_drawing_text_is_read():
    svg = (
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">'
        "<title>Sơ đồ bố trí</title><desc>Vị trí đóng quân</desc>"
        '<text x="10" y="40">TỐI MẬT</text><style>text { fill: red }</style></svg>'
    )
    document = extract_text(svg.encode(), filename="so-do.svg")
    assert document.kind == "svg"
    assert document.part("metadata: title") == "Sơ đồ bố trí"
    assert document.part("body") == "Vị trí đóng quân\nTỐI MẬT"


def test_plain_text_utf8_keeps_its_text_and_offsets():
    text = "Mật ong Xuân Trường.\r\nĐỘ MẬT: TỐI MẬT\n"
    document = extract_text(text.encode("utf-8"), filename="ghi-chu.txt")
    assert document.kind == "text"
    assert document.text == "Mật ong Xuân Trường.\nĐỘ MẬT: TỐI MẬT"
    start = document.text.index("TỐI MẬT")
    assert document.locate(start) == ("body", start)


def windows_1258(text: str) -> bytes:
    """Text as Vietnamese Windows writes it: each letter, then its tone mark apart."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in unicodedata.normalize("NFC", text):
        pieces = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in pieces if c not in tones))
        out.append(letter + "".join(c for c in pieces if c in tones))
    return "".join(out).encode("cp1258")


def test_text_in_vietnamese_windows_code_page_is_read_with_a_warning():
    data = windows_1258("Tài liệu lưu hành nội bộ")
    assert data != "Tài liệu lưu hành nội bộ".encode()
    document = extract_text(data)
    assert document.text == "Tài liệu lưu hành nội bộ"
    assert document.warnings == [
        "tệp văn bản không dùng UTF-8, đã đọc theo bảng mã Windows-1258 "
        "(the text file is not UTF-8; it was read as Windows-1258)"
    ]


def test_utf16_text_with_byte_order_mark():
    data = "\ufeffTOP SECRET".encode("utf-16-le")
    assert extract_text(data).text == "TOP SECRET"


def test_empty_input_is_an_empty_text():
    document = extract_text(b"")
    assert (document.kind, document.text, document.parts) == ("text", "", [])


# -- errors and inputs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind", "fragment"),
    [
        (bytes(range(256)) * 8, "unknown", "không nhận ra định dạng tệp"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "ole", "Office 97–2003"),
        (b"{\\rtf1\\ansi TOI MAT}", "rtf", "RTF"),
        (zip_file({"a.txt": "TỐI MẬT"}), "zip", "ZIP"),
    ],
)
def test_unsupported_formats_say_what_they_are(data, kind, fragment):
    with pytest.raises(UnsupportedFormat) as caught:
        extract_text(data)
    assert caught.value.kind == kind
    assert fragment in caught.value.reason
    assert "\n" not in caught.value.reason


def test_missing_path_is_unreadable_with_the_path_in_the_reason(tmp_path):
    missing = tmp_path / "khong-co.pdf"
    with pytest.raises(UnreadableDocument) as caught:
        extract_text(missing)
    assert caught.value.reason == f"không tìm thấy tệp {missing} (file not found: {missing})"


def test_path_and_file_object_inputs(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(tracked_docx())
    from_path = extract_text(path)
    with path.open("rb") as handle:
        from_file = extract_text(handle)
    assert from_path.part("headers") == from_file.part("headers") == "ĐỘ MẬT: TỐI MẬT"


def test_locate_maps_offsets_back_to_parts():
    document = extract_text(tracked_docx())
    text = document.text
    offset = text.index("Kho vũ khí")
    label, local = document.locate(offset)
    assert label == "tracked deletions"
    assert document.part(label)[local : local + 10] == "Kho vũ khí"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_never_escape_as_anything_but_extraction_errors(data):
    try:
        document = extract_text(data, limits=Limits(ocr=False))
    except ExtractionError as error:
        assert error.reason
        assert "\n" not in error.reason
        return
    for part in document.parts:
        assert part.text == clean_text(part.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_arbitrary_unicode_text_offsets_point_into_the_parts(text):
    try:
        document = extract_text(text.encode("utf-8", "surrogatepass"))
    except ExtractionError:
        return  # text with many control characters is not text
    joined = document.text
    assert joined == PART_SEPARATOR.join(part.text for part in document.parts)
    for offset in range(0, len(joined), 7):
        label, local = document.locate(offset)
        if joined[offset : offset + len(PART_SEPARATOR)] != PART_SEPARATOR:
            assert document.part(label)[local] == joined[offset]


SAMPLES = {
    "pdf": pdf_with(["TOP SECRET"], metadata={"/Title": "Kế hoạch"}, note="ghi chú"),
    "docx": tracked_docx(),
    "xlsx": minimal_xlsx(),
    "odt": minimal_odt(),
}


@settings(max_examples=120, deadline=None)
@given(
    kind=st.sampled_from(sorted(SAMPLES)),
    changes=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1, exclude_max=True), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
    cut=st.one_of(st.none(), st.floats(min_value=0.05, max_value=1)),
)
def test_damaged_real_files_fail_only_with_extraction_errors(kind, changes, cut):
    data = bytearray(SAMPLES[kind])
    for where, value in changes:
        data[int(where * len(data))] = value
    if cut is not None:
        data = data[: int(cut * len(data))]
    try:
        document = extract_text(bytes(data), limits=Limits(ocr=False))
    except ExtractionError as error:
        assert error.reason
        assert "\n" not in error.reason
    else:
        assert isinstance(document.text, str)

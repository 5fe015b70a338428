"""The page walker: every text-bearing part of a page, and the files it links to."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from cms.reporting.models import PlanTask
from cms.security import services
from cms.security.content import collect_page_content, html_to_text
from cms.security.extractors import ocr
from cms.security.extractors.ocr import NOT_INSTALLED, OcrResult
from cms.security.models import ExtractedText
from tests.factories import (
    ArticlePageFactory,
    CampaignPageFactory,
    CustomImageFactory,
    PressReleaseFactory,
    SovereigntyFeaturePageFactory,
    paragraphs,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_tesseract_by_default(monkeypatch):
    """Images read as blank unless a test says otherwise (tests never wait for Tesseract)."""
    monkeypatch.setattr(ocr, "read_image_text", lambda data, *a, **k: OcrResult("", True))


def texts(page, read_files=False):
    content = collect_page_content(page, read_files=read_files)
    return {part.field: part.text for part in content.parts}


def contexts(page):
    return {part.field: part.context for part in collect_page_content(page, read_files=False).parts}


def make_pdf(text: str) -> bytes:
    """A one-page PDF whose page shows ``text`` (ASCII) in Helvetica."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out.write(trailer % (len(objects) + 1, xref))
    return out.getvalue()


def make_docx(body: str, comment: str = "", title: str = "") -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    paragraph = document.add_paragraph(body)
    if comment:
        document.add_comment(paragraph.runs, text=comment, author="Lan", initials="L")
    if title:
        document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_document(name: str, data: bytes, title: str = "Tài liệu đính kèm"):
    return get_document_model().objects.create(title=title, file=ContentFile(data, name=name))


# ---------------------------------------------------------------------- texts


def test_page_fields_and_rich_text_are_read(home_page):
    page = ArticlePageFactory(
        title="Hội nghị tổng kết",
        seo_title="Tổng kết năm 2025",
        search_description="Mô tả cho công cụ tìm kiếm",
        summary="Tóm tắt bài viết",
        body=[
            ("paragraph", RichText("<p>Đoạn <b>thứ nhất</b>.</p><p>Đoạn thứ hai.</p>")),
            ("heading", {"text": "Tiêu đề phụ", "level": "h2"}),
            ("quote", {"text": "Lời trích", "attribution": "Ông Nguyễn Văn X"}),
        ],
        author_name="Văn Minh",
    )
    page.tags.add("nông thôn mới")

    found = texts(page)

    assert found["title"] == "Hội nghị tổng kết"
    assert found["slug"] == page.slug
    assert found["seo_title"] == "Tổng kết năm 2025"
    assert found["search_description"] == "Mô tả cho công cụ tìm kiếm"
    assert found["summary"] == "Tóm tắt bài viết"
    assert found["body.0"] == "Đoạn thứ nhất.\nĐoạn thứ hai."
    assert found["body.1.text"] == "Tiêu đề phụ"
    assert found["body.2.text"] == "Lời trích"
    assert found["body.2.attribution"] == "Ông Nguyễn Văn X"
    assert found["author_name"] == "Văn Minh"
    assert found["tags"] == "nông thôn mới"
    assert "kind" not in found and "unit" not in found  # choices are not prose


def test_table_cells_and_captions_are_read(home_page):
    page = ArticlePageFactory(
        body=[
            (
                "table",
                {
                    "caption": "Danh sách hộ được hỗ trợ",
                    "table": {
                        "data": [["Họ tên", "Số CCCD"], ["Bà Trần Thị B", "036 085 001 234"]],
                        "first_row_is_table_header": True,
                        "table_caption": "Bảng 1",
                    },
                },
            )
        ]
    )

    found = texts(page)
    ctx = contexts(page)

    assert found["body.0.caption"] == "Danh sách hộ được hỗ trợ"
    assert ctx["body.0.caption"].part == "caption"
    assert found["body.0.table.caption"] == "Bảng 1"
    assert found["body.0.table.1"] == "Bà Trần Thị B | 036 085 001 234"


def test_image_alt_caption_credit_and_filename(home_page):
    image = CustomImageFactory(
        description="Lễ thượng cờ tại UBND xã",
        credit="Ảnh: Văn Minh",
        file__filename="IMG_20250902_0915.jpg",
    )
    page = ArticlePageFactory(
        body=[("image", {"image": image, "caption": "Đồng lúa thôn 5", "credit": ""})],
        feed_image=image,
    )

    found = texts(page)
    ctx = contexts(page)

    assert found["body.0.caption"] == "Đồng lúa thôn 5"
    assert ctx["body.0.caption"].part == "caption"
    assert found["body.0.image.alt"] == "Lễ thượng cờ tại UBND xã"
    assert ctx["body.0.image.alt"].part == "alt"
    assert found["body.0.image.credit"] == "Ảnh: Văn Minh"  # the library's credit
    assert ctx["body.0.image.credit"].part == "credit"
    assert found["body.0.image.filename"].startswith("IMG_20250902_0915")
    assert ctx["body.0.image.filename"].part == "filename"
    # The same image as feed image is not read twice.
    assert not [field for field in found if field.startswith("feed_image")]


def test_block_credit_overrides_the_library_credit(home_page):
    image = CustomImageFactory(credit="Ảnh: Internet")
    page = ArticlePageFactory(
        body=[("image", {"image": image, "caption": "", "credit": "Ảnh: Văn Minh"})]
    )

    found = texts(page)

    assert found["body.0.credit"] == "Ảnh: Văn Minh"
    assert "body.0.image.credit" not in found


def test_maps_and_references_of_a_sovereignty_feature(home_page):
    image = CustomImageFactory(description="Bản đồ hành chính Việt Nam")
    page = SovereigntyFeaturePageFactory(
        maps=[
            (
                "map",
                {
                    "image": image,
                    "caption": "Bản đồ Việt Nam",
                    "source": "NXB Tài nguyên – Môi trường và Bản đồ Việt Nam",
                },
            )
        ],
        legal_references=[
            (
                "reference",
                {
                    "symbol": "09/2017/NĐ-CP",
                    "issued_on": datetime.date(2017, 2, 9),
                    "issuer": "Chính phủ",
                    "title": "Quy định chế độ phát ngôn",
                    "url": "",
                },
            )
        ],
    )

    found = texts(page)
    content = collect_page_content(page, read_files=False)

    assert found["maps.0.caption"] == "Bản đồ Việt Nam"
    assert found["maps.0.source"].startswith("NXB Tài nguyên")
    assert found["maps.0.image.alt"] == "Bản đồ hành chính Việt Nam"
    assert found["legal_references.0.symbol"] == "09/2017/NĐ-CP"
    assert found["legal_references.0.title"] == "Quy định chế độ phát ngôn"
    assert [use.is_map for use in content.images] == [True]
    assert content.parts[0].context.page_kind == "sovereignty"


def test_campaign_key_messages_slogan_and_banner(home_page):
    banner = CustomImageFactory(description="Băng rôn chào mừng Quốc khánh")
    page = CampaignPageFactory(
        key_messages=[("message", {"message": "Tự hào 80 năm Quốc khánh"})],
        banner=banner,
        publish=False,  # read as written: 80 is the wrong count outside 2025 (HOL-01)
    )

    found = texts(page)

    assert found["slogan"] == page.slogan
    assert found["key_messages.0.message"] == "Tự hào 80 năm Quốc khánh"
    assert found["banner.alt"] == "Băng rôn chào mừng Quốc khánh"
    assert contexts(page)["slogan"].page_kind == "campaign"


def test_press_release_fields_are_read(home_page):
    page = PressReleaseFactory(spokesperson_name="Nguyễn Văn An")

    found = texts(page)

    assert found["spokesperson_name"] == "Nguyễn Văn An"
    assert found["spokesperson_authorisation"].startswith("Quyết định số 15/QĐ-UBND")
    assert contexts(page)["title"].page_kind == "press_release"


def test_publication_date_is_passed_to_date_aware_rules(home_page):
    page = ArticlePageFactory(publication_date=datetime.date(2026, 2, 3))

    assert contexts(page)["summary"].published_on == (2026, 2, 3)


# ------------------------------------------------------------------- documents


def test_linked_pdf_text_is_scanned(home_page):
    document = make_document("cong-van.pdf", make_pdf("cong van TOI MAT so 12/CV-BCH"))
    page = ArticlePageFactory(
        body=[("document", {"document": document, "title": "Công văn"})], publish=False
    )

    result = services.scan_page(page)

    found = result.texts
    pdf_fields = [field for field in found if field.startswith("body.0.document.")]
    assert any("TOI MAT" in found[field] for field in pdf_fields)
    sec = [f for f in result.findings if f.rule == "SEC-01"]
    assert sec and sec[0].field.startswith("body.0.document.")
    assert sec[0].excerpt == "TOI MAT"


def test_docx_linked_from_rich_text_with_comment_and_metadata(home_page):
    document = make_document(
        "ke-hoach.docx",
        make_docx(
            "Kế hoạch tuyên truyền kỷ niệm Quốc khánh.",
            comment="Ông Nguyễn Văn A, CCCD số 036085001234",
            title="Tài liệu lưu hành nội bộ",
        ),
    )
    page = ArticlePageFactory(
        body=[
            (
                "paragraph",
                RichText(f'<p>Xem <a linktype="document" id="{document.pk}">kế hoạch</a>.</p>'),
            )
        ],
        publish=False,
    )

    result = services.scan_page(page)

    rules = {f.rule: f for f in result.findings}
    assert "PII-01" in rules, result.texts
    assert rules["PII-01"].field.startswith("body.0.document_link.0.")
    assert "SEC-02" in rules  # from the document's title in its metadata
    assert rules["SEC-02"].field.startswith("body.0.document_link.0.")


def test_document_text_is_read_once_per_file(home_page, monkeypatch):
    from cms.security.extractors import documents

    calls = []
    original = documents.extract_text

    def counting(data, *args, **kwargs):
        calls.append(1)
        return original(data, *args, **kwargs)

    monkeypatch.setattr(documents, "extract_text", counting)
    document = make_document("thong-bao.pdf", make_pdf("Thong bao lich tiep dan"))
    page = ArticlePageFactory(body=[("document", {"document": document, "title": ""})])

    collect_page_content(page)
    collect_page_content(page)

    assert len(calls) == 1
    assert ExtractedText.objects.filter(kind="document").count() == 1


def test_unreadable_document_is_reported_not_fatal(home_page):
    document = make_document("hong.pdf", b"%PDF-1.7\nnot really a pdf")
    page = ArticlePageFactory(body=[("document", {"document": document, "title": ""})])

    result = services.scan_page(page)

    assert any(document.title in note for note in result.notes)


# ---------------------------------------------------------------------- images


def test_text_inside_an_image_is_read_once_and_scanned(home_page, monkeypatch):
    calls = []

    def fake_ocr(data, *args, **kwargs):
        calls.append(len(data))
        return OcrResult("ĐỘ MẬT: TỐI MẬT\nSố 12/CV-BCH", True)

    monkeypatch.setattr(ocr, "read_image_text", fake_ocr)
    image = CustomImageFactory()
    page = ArticlePageFactory(feed_image=image, publish=False)

    first = services.scan_page(page)
    second = services.scan_page(page)

    assert len(calls) == 1  # cached by file hash
    for result in (first, second):
        sec = [f for f in result.findings if f.rule == "SEC-01"]
        assert sec and sec[0].field == "feed_image.ocr"


def test_missing_tesseract_is_said_and_not_cached(home_page, monkeypatch):
    calls = []

    def unavailable(data, *args, **kwargs):
        calls.append(1)
        return OcrResult("", False, NOT_INSTALLED)

    monkeypatch.setattr(ocr, "read_image_text", unavailable)
    page = ArticlePageFactory(feed_image=CustomImageFactory(), publish=False)

    first = services.scan_page(page)
    services.scan_page(page)

    assert len(calls) == 2  # read again once Tesseract is there
    assert any("OCR" in note or "Tesseract" in note for note in first.notes)
    assert not ExtractedText.objects.filter(kind="ocr").exists()


def test_queries_do_not_grow_with_the_number_of_images_and_documents(home_page):
    def page_with(count):
        images = [CustomImageFactory(file__color=f"#{i:02x}2030") for i in range(count)]
        docs = [
            make_document(f"tb-{count}-{i}.pdf", make_pdf(f"Thong bao {count} {i}"))
            for i in range(count)
        ]
        body = [("image", {"image": image, "caption": "", "credit": ""}) for image in images]
        body += [("document", {"document": doc, "title": ""}) for doc in docs]
        return ArticlePageFactory(body=body, feed_image=images[0])

    small, large = page_with(2), page_with(6)
    for page in (small, large):  # fill the caches
        collect_page_content(page)

    counts = []
    for page in (small, large):
        with CaptureQueriesContext(connection) as queries:
            collect_page_content(page)
        counts.append(len(queries))

    assert counts[0] == counts[1], counts
    assert counts[1] <= 6


# ------------------------------------------------------------------------- HTML


def test_html_to_text_keeps_cells_apart_and_finds_links():
    result = html_to_text(
        "<p>Đầu</p><table><tr><td>Họ tên</td><td>SĐT</td></tr>"
        "<tr><td>Anh Hùng</td><td>0912 345 678</td></tr></table>"
        '<p><a linktype="document" id="7">Tệp</a> <a href="https://zalo.me/g/abc">nhóm</a></p>'
        "<script>var secret = 'TỐI MẬT';</script>"
    )

    assert "Họ tên | SĐT" in result.text
    assert "Anh Hùng | 0912 345 678" in result.text
    assert "TỐI MẬT" not in result.text
    assert result.document_ids == [7]
    assert result.links == ["https://zalo.me/g/abc"]


def test_html_to_text_normalises_to_nfc():
    decomposed = "To\u0302\u0301i ma\u0302\u0323t"  # "Tối mật" with combining marks

    assert html_to_text(f"<p>{decomposed}</p>").text == "Tối mật"


def test_paragraphs_factory_text_reaches_the_scan(home_page):
    page = ArticlePageFactory(
        body=paragraphs("Mật ong Xuân Trường đạt chuẩn OCOP 3 sao."),
        plan_task=PlanTask.objects.by_code("II.4"),
    )

    assert services.scan_page(page).findings == []

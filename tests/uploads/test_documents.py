"""Document uploads through the admin, as a writer: the content must be what the name says.

Both ways in: the single upload form (/admin/documents/add/) and the multiple uploader
(/admin/documents/multiple/add/).
"""

import html
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.factories import ArticlePageFactory
from tests.uploads import files

pytestmark = pytest.mark.django_db

MARKUP_REFUSED = (
    "Không nhận hình vẽ SVG và trang HTML, kể cả khi đã đổi tên tệp: chúng có thể chứa mã "
    "lệnh chạy trong trình duyệt của người xem. Hãy lưu hình vẽ thành PNG, trang thành PDF."
)
MACROS_REFUSED = "Không nhận tệp có chứa macro."
NOT_UTF8 = "Tệp .txt phải là văn bản thuần với bảng mã UTF-8 (Unicode)."


def not_real(extension: str, found: str) -> str:
    return f"Đây không phải tệp .{extension} thật: nội dung tệp có định dạng {found}."


def extension_refused(extension: str) -> str:
    return f"Không cho phép tệp có phần mở rộng “{extension}”."


TOO_BIG = "Tệp này quá lớn (20,0 MB). Dung lượng tệp tối đa: 20,0 MB."
IN_USE = "Tài liệu này đang được dùng trên trang đã xuất bản nên không thể thay tệp tại đây"


def shown(response) -> str:
    return html.unescape(response.content.decode()).replace("\xa0", " ")


def add_document(client, name: str, data: bytes, title: str = "Kế hoạch TTĐN 2025"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


def add_documents_at_once(client, name: str, data: bytes):
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, data), "title": name},
    )
    assert response.status_code == HTTPStatus.OK
    return response.json()


ACCEPTED = [
    ("ke-hoach.pdf", files.pdf()),
    ("ke-hoach.docx", files.docx_file()),
    ("bang-so-lieu.xlsx", files.xlsx_file()),
    ("ke-hoach.odt", files.odt_file()),
    ("lich-tiep-dan.txt", files.TEXT),
]
ACCEPTED_IDS = ["pdf", "docx", "xlsx", "odt", "txt"]


@pytest.mark.parametrize(("name", "data"), ACCEPTED, ids=ACCEPTED_IDS)
def test_real_documents_are_accepted_as_they_are(writer_client, name, data):
    response = add_document(writer_client, name, data)

    assert response.status_code == HTTPStatus.FOUND, shown(response)[:3000]
    document = get_document_model().objects.get()
    with document.file.open("rb") as handle:
        assert handle.read() == data


@pytest.mark.parametrize(("name", "data"), ACCEPTED[:2], ids=ACCEPTED_IDS[:2])
def test_multiple_upload_accepts_real_documents(writer_client, name, data):
    answer = add_documents_at_once(writer_client, name, data)

    assert answer["success"], answer
    assert get_document_model().objects.filter(pk=answer["doc_id"]).exists()


def oversized_pdf() -> bytes:
    """A real PDF with a comment that takes it just past 20 MB."""
    data = files.pdf()
    return data + b"%" + b"x" * (20 * 1024 * 1024 - len(data)) + b"\n"


REFUSED = [
    ("thong-bao.pdf", files.HTML_PAGE, MARKUP_REFUSED),
    ("thong-bao.txt", files.HTML_FRAGMENT, MARKUP_REFUSED),
    ("ban-do.txt", files.SVG_DRAWING, MARKUP_REFUSED),
    ("ban-do.pdf", files.SVG_DRAWING, MARKUP_REFUSED),
    ("thong-bao.html", files.HTML_PAGE, extension_refused("html")),
    ("ban-do.svg", files.SVG_DRAWING, extension_refused("svg")),
    ("anh.docx", files.png(), not_real("docx", "PNG")),
    ("du-lieu.docx", files.plain_zip(), not_real("docx", "ZIP")),
    ("ke-hoach.pdf", files.docx_file(), not_real("pdf", "DOCX (Word)")),
    ("ke-hoach.docx", files.pdf(), not_real("docx", "PDF")),
    ("bang.xlsx", files.docx_file(), not_real("xlsx", "DOCX (Word)")),
    ("ke-hoach.docx", files.docx_with_macros(), MACROS_REFUSED),
    (
        "ke-hoach.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000,
        extension_refused("doc"),
    ),
    ("ghi-chu.txt", "Xin chào bà con thôn Phú Nhai".encode("cp1258"), NOT_UTF8),
    ("bao-cao.pdf", oversized_pdf(), TOO_BIG),
]
REFUSED_IDS = [
    "html-named-pdf",
    "html-fragment-named-txt",
    "svg-named-txt",
    "svg-named-pdf",
    "html",
    "svg",
    "png-named-docx",
    "zip-named-docx",
    "docx-named-pdf",
    "pdf-named-docx",
    "docx-named-xlsx",
    "docx-with-macros",
    "legacy-doc",
    "txt-not-utf8",
    "over-20-MB",
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=REFUSED_IDS)
def test_refused_document_says_why_and_stores_nothing(writer_client, storage, name, data, message):
    response = add_document(writer_client, name, data)

    assert response.status_code == HTTPStatus.OK
    assert message in shown(response)
    storage.assert_nothing_stored()


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=REFUSED_IDS)
def test_multiple_upload_refuses_the_same_documents(writer_client, storage, name, data, message):
    answer = add_documents_at_once(writer_client, name, data)

    assert answer["success"] is False
    assert message in answer["error_message"].replace("\xa0", " ")
    storage.assert_nothing_stored()


def test_file_of_a_document_on_a_live_page_cannot_be_swapped(writer_client, writer):
    """The writer owns the document, but a new file would go public without review."""
    document = get_document_model().objects.create(
        title="Kế hoạch TTĐN 2025",
        file=SimpleUploadedFile("ke-hoach.pdf", files.pdf()),
        uploaded_by_user=writer,
    )
    ArticlePageFactory(body=[("document", {"document": document, "title": ""})])

    response = writer_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "file": SimpleUploadedFile("ke-hoach-moi.pdf", files.pdf("Ban sua doi")),
            "collection": document.collection_id,
            "tags": "",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert IN_USE in shown(response)
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        assert handle.read() == files.pdf()

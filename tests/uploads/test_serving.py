"""Documents are downloads of published pages, nothing more.

A document is fetched by an anonymous visitor only while a live page links it in its
published version; before that, and after the page is taken down, the answer is a 404.
Requests go through the project's WSGI entry point, full-page cache included, as
gunicorn's workers send them.
"""

import importlib
from http import HTTPStatus

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import Resolver404, clear_url_caches, resolve
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from cms.workflows.takedown import take_down
from tests.factories import ArticlePageFactory, editorial_team, publish_page
from tests.pagecache.conftest import call_wsgi
from tests.uploads import files

pytestmark = pytest.mark.django_db

DOCUMENT_CSP = "default-src 'none'; sandbox"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def document(db):
    return get_document_model().objects.create(
        title="Kế hoạch thông tin đối ngoại năm 2025",
        file=ContentFile(files.pdf(), name="ke-hoach-ttdn-2025.pdf"),
    )


def document_block(document):
    return [("document", {"document": document, "title": ""})]


def document_link(document):
    return [
        (
            "paragraph",
            RichText(f'<p>Xem <a linktype="document" id="{document.pk}">kế hoạch</a>.</p>'),
        )
    ]


def test_a_published_document_is_a_safe_download(document):
    ArticlePageFactory(body=document_block(document))

    response = call_wsgi(document.url)

    assert response.status == HTTPStatus.OK
    assert response.body == files.pdf()
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert 'filename="ke-hoach-ttdn-2025.pdf"' in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"].startswith(DOCUMENT_CSP)
    assert response.headers["Cache-Control"] == "no-cache"
    assert "Content-Encoding" not in response.headers


def test_a_text_document_is_a_download_too(client):
    """Wagtail would show text and PDF in the browser; here every type is downloaded."""
    text = get_document_model().objects.create(
        title="Lịch tiếp công dân", file=ContentFile(files.TEXT, name="lich-tiep-dan.txt")
    )
    ArticlePageFactory(body=document_link(text))

    response = client.get(text.url)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == files.TEXT


@pytest.mark.parametrize("link", [document_block, document_link], ids=["block", "rich-text"])
def test_a_document_of_a_draft_is_hidden_until_the_page_goes_live(document, link):
    page = ArticlePageFactory(body=link(document), publish=False)

    assert call_wsgi(document.url).status == HTTPStatus.NOT_FOUND

    publish_page(page)
    first, second = call_wsgi(document.url), call_wsgi(document.url)
    assert first.status == second.status == HTTPStatus.OK
    assert second.body == files.pdf()

    take_down(page, user=editorial_team()[1], reason="Văn bản đã hết hiệu lực")
    # Nothing kept it: neither the page cache nor anything in front of Django.
    gone = call_wsgi(document.url)
    assert gone.status == HTTPStatus.NOT_FOUND
    assert files.pdf() not in gone.body


def test_a_link_added_in_a_draft_of_a_live_page_waits_for_its_publication(document):
    page = ArticlePageFactory()
    page.body = [
        *page.body.raw_data,
        {"type": "document", "value": {"document": document.pk, "title": ""}},
    ]
    page.save_revision(user=editorial_team()[0])  # the draft links it; the live page does not

    assert call_wsgi(document.url).status == HTTPStatus.NOT_FOUND

    publish_page(page)
    assert call_wsgi(document.url).status == HTTPStatus.OK


def test_a_link_removed_in_a_draft_stays_until_the_draft_is_published(document):
    page = ArticlePageFactory(body=document_block(document))
    page.body = []
    page.save_revision(user=editorial_team()[0])

    assert call_wsgi(document.url).status == HTTPStatus.OK

    publish_page(page)
    assert call_wsgi(document.url).status == HTTPStatus.NOT_FOUND


def test_unpublished_document_is_a_404_not_a_403(document, client):
    """The answer does not reveal that the document exists."""
    ArticlePageFactory(body=document_block(document), publish=False)
    unknown = f"/documents/{document.pk + 1000}/khong-co.pdf"

    hidden, missing = client.get(document.url), client.get(unknown)

    assert hidden.status_code == missing.status_code == HTTPStatus.NOT_FOUND
    assert hidden.content == missing.content


def test_editors_fetch_an_unpublished_document_in_the_admin(document, writer_client):
    ArticlePageFactory(body=document_block(document), publish=False)

    response = writer_client.get(document.url)

    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == files.pdf()
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"].startswith(DOCUMENT_CSP)


def test_an_account_without_rights_on_documents_gets_the_404(document, client, site_admin):
    """Site administrators manage users and settings, not documents."""
    ArticlePageFactory(body=document_block(document), publish=False)
    client.force_login(site_admin)

    assert client.get(document.url).status_code == HTTPStatus.NOT_FOUND


def test_the_file_itself_is_never_served_under_media(document):
    ArticlePageFactory(body=document_block(document))

    response = call_wsgi(f"{settings.MEDIA_URL}{document.file.name}")

    assert response.status == HTTPStatus.NOT_FOUND
    assert files.pdf() not in response.body


def test_the_development_server_serves_images_but_not_documents(settings):
    """With DEBUG on, Django serves the images' folders under /media/, and nothing else."""
    import cms.urls

    settings.DEBUG = True
    try:
        importlib.reload(cms.urls)
        clear_url_caches()
        assert resolve(f"{settings.MEDIA_URL}original_images/anh.jpg")
        assert resolve(f"{settings.MEDIA_URL}images/anh.width-800.jpg")
        for path in ("documents/ke-hoach.pdf", "wagtail_uploads/anh.jpg"):
            with pytest.raises(Resolver404):
                resolve(f"{settings.MEDIA_URL}{path}")
    finally:
        settings.DEBUG = False
        importlib.reload(cms.urls)
        clear_url_caches()

"""The findings panel in the page editor, while drafting."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.urls import reverse

from articles.models import ArticlePage, SovereigntyFeaturePage
from campaigns.models import CampaignIndexPage, CampaignPage
from cms.core.roles import WRITER
from cms.security.extractors import ocr
from cms.security.extractors.ocr import NOT_INSTALLED, OcrResult
from cms.security.panels import InfosecFindingsPanel, add_findings_panel
from home.models import ContentPage, HomePage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CustomImageFactory,
    paragraphs,
    translate_page,
)
from tests.security.test_services import make_user

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    ContentPage,
    ArticlePage,
    SovereigntyFeaturePage,
    CampaignIndexPage,
    CampaignPage,
]


def panel_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("[data-infosec-panel]")


@pytest.fixture
def writer_client(client):
    user = make_user(WRITER)
    client.force_login(user)
    client.user = user
    return client


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_has_the_findings_panel(model):
    handler = model.get_edit_handler()

    def walk(panel):
        yield panel
        for child in getattr(panel, "children", ()):
            yield from walk(child)

    assert any(isinstance(panel, InfosecFindingsPanel) for panel in walk(handler)), (
        f"{model.__name__} lacks the findings panel: add InfosecEditorMixin to BasePage"
    )


def test_edit_view_lists_findings_while_drafting(writer_client, home_page):
    page = ArticlePageFactory(
        title="Thông báo lịch tiếp dân", publish=False, owner=writer_client.user
    )
    page.body = paragraphs("Liên hệ anh Hùng: 0912 345 678.", "Đóng dấu ĐỘ MẬT: TỐI MẬT.")
    page.save_revision(user=writer_client.user)  # a draft, nobody has submitted it

    response = writer_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == HTTPStatus.OK
    panel = panel_of(response)
    assert panel is not None
    items = {item["data-rule"]: item for item in panel.select("li.infosec-finding")}
    assert {"SEC-01", "PII-02"} <= set(items)
    assert items["PII-02"].select_one("mark").get_text() == "0912 345 678"
    sec = items["SEC-01"].get_text(" ", strip=True)
    assert "TỐI MẬT" in sec
    # Vietnamese page: the scanner's message is in Vietnamese.
    message = items["SEC-01"].select_one(".infosec-finding__message").get_text()
    assert any(ch in message for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
    # The link to the reviewers' view.
    assert panel.select_one(f'a[href="{reverse("security:page_findings", args=[page.pk])}"]')


def test_panel_shows_an_english_page_in_english(writer_client, home_page):
    page = ArticlePageFactory(summary="Ngư dân bám biển trên Biển Đông.")
    english = translate_page(
        page,
        "en",
        summary="Fishermen from Ninh Binh sail to the South China Sea.",
        publish=False,  # SOV-01 blocks it: a draft for the translator to correct
    )

    response = writer_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))

    items = {i["data-rule"]: i for i in panel_of(response).select("li.infosec-finding")}
    assert "SOV-01" in items
    message = items["SOV-01"].select_one(".infosec-finding__message").get_text()
    assert message.isascii() or "East Sea" in message


def test_add_view_says_findings_come_after_the_first_save(writer_client, home_page):
    index = ArticleIndexPageFactory(parent=home_page)

    response = writer_client.get(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", index.pk])
    )

    assert response.status_code == HTTPStatus.OK
    panel = panel_of(response)
    assert panel is not None
    assert not panel.select("li.infosec-finding")
    assert panel.select_one(".help-info")


def test_panel_says_when_images_were_not_read(writer_client, home_page, monkeypatch):
    monkeypatch.setattr(
        ocr, "read_image_text", lambda data, *a, **k: OcrResult("", False, NOT_INSTALLED)
    )
    page = ArticlePageFactory(feed_image=CustomImageFactory())

    response = writer_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    notes = " ".join(n.get_text() for n in panel_of(response).select(".help-warning"))
    assert "OCR" in notes or "Tesseract" in notes


def test_panel_renders_when_bound_directly(home_page):
    """The panel works on any edit handler, whatever the page type declares."""
    page = ArticlePageFactory(summary="Gọi bà Lan theo số 0229.3871.234", publish=False)
    handler = add_findings_panel(_content_tab()).bind_to_model(ArticlePage)
    request = RequestFactory().get("/")
    request.user = make_user(WRITER, username="w2")
    form_class = handler.get_form_class()
    form = form_class(instance=page, for_user=request.user)

    html = handler.get_bound_panel(instance=page, request=request, form=form).render_html()

    soup = BeautifulSoup(html, "html.parser")
    rules = {item["data-rule"] for item in soup.select("li.infosec-finding")}
    assert "PII-02" in rules


def _content_tab():
    from wagtail.admin.panels import ObjectList

    return ObjectList(ArticlePage.content_panels)


def test_panel_does_not_break_the_editor_when_the_scan_fails(writer_client, home_page, monkeypatch):
    page = ArticlePageFactory()

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("cms.security.services.scan_page", explode)

    response = writer_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == HTTPStatus.OK
    assert panel_of(response).select_one(".help-critical")

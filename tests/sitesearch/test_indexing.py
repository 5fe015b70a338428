"""The index follows the live site: publish, a new version, unpublish, delete, restrict, move."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from cms.sitesearch.indexing import page_text
from cms.sitesearch.models import SearchEntry
from cms.workflows.takedown import take_down
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContentPageFactory,
    editorial_team,
    paragraphs,
    publish_page,
)
from tests.utils import get_soup

from .conftest import search_url

pytestmark = pytest.mark.django_db


def found(client, query: str, language_code: str = "vi") -> list[str]:
    soup = get_soup(client, search_url(language_code), data={"q": query})
    return [h2.get_text().strip() for h2 in soup.select(".search-result__title")]


def test_a_draft_is_not_searchable(client, news_index):
    ArticlePageFactory(parent=news_index, title="Bản nháp về đê biển", publish=False)

    assert found(client, "de bien") == []
    assert not SearchEntry.objects.exists()


def test_the_index_follows_the_live_version(client, news_index):
    article = ArticlePageFactory(
        parent=news_index,
        title="Nạo vét kênh mương nội đồng",
        body=paragraphs("Xã ra quân nạo vét kênh Cát Xuyên."),
    )
    assert found(client, "cat xuyen") == [article.title]

    article.body = paragraphs("Xã ra quân nạo vét kênh Cồn Nhất.")
    article.save_revision(user=editorial_team()[0])  # a draft of the new text

    assert found(client, "con nhat") == []
    assert found(client, "cat xuyen") == [article.title]

    publish_page(article)

    assert found(client, "con nhat") == [article.title]
    assert found(client, "cat xuyen") == []


def test_unpublishing_removes_the_page_from_the_results(client, news_index):
    article = ArticlePageFactory(parent=news_index, title="Thông tin cần gỡ về Biển Đông")
    assert found(client, "bien dong") == [article.title]

    take_down(article, user=editorial_team()[1], reason="Thông tin chưa được kiểm chứng đầy đủ.")

    assert found(client, "bien dong") == []
    assert not SearchEntry.objects.filter(page=article).exists()


def test_deleting_a_section_removes_its_pages(client, news_index):
    ArticlePageFactory(parent=news_index, title="Tin về Biển Đông")

    news_index.delete()

    assert found(client, "bien dong") == []
    assert not SearchEntry.objects.exists()


def test_a_private_section_leaves_the_search_and_comes_back(
    client, news_index, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=news_index, title="Tin nội bộ về Biển Đông")

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=news_index, restriction_type=PageViewRestriction.LOGIN
        )
    assert found(client, "bien dong") == []

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found(client, "bien dong") == [article.title]


def test_a_page_moved_under_a_private_section_leaves_the_search(
    client, home_page, news_index, django_capture_on_commit_callbacks
):
    private = ArticleIndexPageFactory(parent=home_page, title="Khu vực riêng")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=private, restriction_type="login")
    article = ArticlePageFactory(parent=news_index, title="Tin về Biển Đông")
    assert found(client, "bien dong") == [article.title]

    article.move(private, pos="last-child")

    assert found(client, "bien dong") == []


def test_index_pages_and_the_home_page_are_not_results(client, home_page, news_index):
    assert SearchEntry.objects.filter(page__in=[home_page, news_index]).count() == 0
    ContentPageFactory(parent=home_page, title="Tin tức – Sự kiện của xã")

    assert found(client, "tin tuc su kien") == ["Tin tức – Sự kiện của xã"]


def test_the_text_is_plain_and_leaves_out_block_settings(news_index):
    article = ArticlePageFactory(
        parent=news_index,
        title="Bài có tiêu đề mục",
        summary="Lời dẫn của bài.",
        body=[
            ("heading", {"text": "Đường ven biển", "level": "h2"}),
            ("paragraph", paragraphs("<b>Đậm</b> &amp; nghiêng")[0][1]),
        ],
    )

    text = page_text(article)

    assert text == "Lời dẫn của bài. Đường ven biển Đậm & nghiêng"


def test_rebuild_search_index_fills_an_empty_index(client, news_index):
    article = ArticlePageFactory(
        parent=news_index,
        title="Khánh thành cầu Lạc Quần",
        publication_date=datetime.date(2025, 6, 1),
    )
    ArticlePageFactory(parent=news_index, title="Bản nháp chưa duyệt", publish=False)
    SearchEntry.objects.all().delete()
    SearchEntry.objects.create(  # a row left behind by a page no longer live
        page=news_index,
        locale=news_index.locale,
        kind="page",
        date=datetime.date(2025, 1, 1),
        title="Cũ",
        title_folded=" cu",
    )
    assert found(client, "lac quan") == []

    output = StringIO()
    call_command("rebuild_search_index", stdout=output)

    assert found(client, "lac quan") == [article.title]
    assert list(SearchEntry.objects.values_list("page_id", flat=True)) == [article.pk]
    assert "Đã lập chỉ mục 1/1 trang" in output.getvalue()
    assert "Chỉ mục tìm kiếm có 1 trang." in output.getvalue()

"""An article's body and head, rendered once per version, follow every change at once."""

import pytest
from wagtail.rich_text import RichText

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignPageFactory,
    CustomImageFactory,
    publish_page,
)
from tests.factories.workflows import editorial_team
from tests.utils import get_soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page):
    index = ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    return ArticlePageFactory(
        parent=index,
        title="Hội thi gói bánh chưng",
        slug="banh-chung",
        feed_image=CustomImageFactory(description="Các đội thi gói bánh tại sân đình"),
        tags=["Tết", "Văn hóa"],
    )


def body_text(client, page):
    return get_soup(client, page.url).select_one("article").get_text(" ", strip=True)


def test_the_body_is_rendered_once_per_version(client, article, django_assert_max_num_queries):
    first = client.get(article.url).content
    with django_assert_max_num_queries(100) as rendered:
        client.get(article.url)
    assert client.get(article.url).content == first

    article.body = [("paragraph", RichText("<p>Đội thôn Phú Nhai đoạt giải nhất.</p>"))]
    publish_page(article)

    with django_assert_max_num_queries(100) as after_publish:
        text = body_text(client, article)
    assert "Đội thôn Phú Nhai đoạt giải nhất." in text
    # the new version is rendered once (the image, topic and tags are read again) ...
    assert len(after_publish.captured_queries) > len(rendered.captured_queries)
    # ... and then kept
    with django_assert_max_num_queries(len(rendered.captured_queries)):
        assert "Đội thôn Phú Nhai đoạt giải nhất." in body_text(client, article)


def test_an_edited_image_description_shows_at_once(client, article):
    soup = get_soup(client, article.url)
    assert soup.select_one("article img")["alt"] == "Các đội thi gói bánh tại sân đình"

    image = article.feed_image
    image.description = "Đội thi thôn Phú Nhai gói bánh chưng"
    image.save()

    soup = get_soup(client, article.url)
    assert soup.select_one("article img")["alt"] == "Đội thi thôn Phú Nhai gói bánh chưng"
    assert soup.select_one('meta[property="og:image:alt"]')["content"] == (
        "Đội thi thôn Phú Nhai gói bánh chưng"
    )


def test_a_renamed_campaign_shows_in_its_articles(client, home_page):
    campaign = CampaignPageFactory()  # its title counts the right anniversary (HOL-01)
    index = ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    article = ArticlePageFactory(parent=index, related_campaign=campaign)
    assert campaign.title in get_soup(client, article.url).select_one(".related-campaign").text

    campaign.title += " – đợt cao điểm"
    publish_page(campaign)

    assert "đợt cao điểm" in get_soup(client, article.url).select_one(".related-campaign").text


def test_a_preview_shows_the_draft_not_the_kept_body(client, article):
    client.get(article.url)  # the live body is kept
    article.body = [("paragraph", RichText("<p>Bản nháp chưa được duyệt.</p>"))]
    article.save_revision(user=editorial_team()[0])

    draft = article.get_latest_revision_as_object()
    preview = draft.make_preview_request()

    assert "Bản nháp chưa được duyệt." in preview.render().content.decode()
    assert "Bản nháp chưa được duyệt." not in body_text(client, article)


def test_a_listing_page_keeps_the_canonical_address_of_its_page_number(client, home_page):
    index = ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    for number in range(index.per_page + 1):
        ArticlePageFactory(parent=index, title=f"Tin số {number}")

    first = get_soup(client, index.url)
    second = get_soup(client, index.url + "?page=2")

    assert first.select_one('link[rel="canonical"]')["href"].endswith("/tin-tuc/")
    assert second.select_one('link[rel="canonical"]')["href"].endswith("/tin-tuc/?page=2")

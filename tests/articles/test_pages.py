"""Article and sovereignty pages as visitors see them, in both languages."""

import datetime
from http import HTTPStatus

import pytest

from articles.models import ArticleKind
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignPageFactory,
    CustomImageFactory,
    PressReleaseFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
    TopicFactory,
    paragraphs,
    publish_page,
    translate_page,
)
from tests.utils import assert_page_renders, get_soup

pytestmark = pytest.mark.django_db

# Queries for one request of an article (either language) with a feed image,
# topic, tags, a campaign and a translation (measured, then fixed here).
ARTICLE_MAX_QUERIES = 24


@pytest.fixture
def news_index(home_page):
    return ArticleIndexPageFactory(parent=home_page, title="Tin tức – Sự kiện", slug="tin-tuc")


class TestArticlePage:
    def test_news_article(self, client, news_index):
        article = ArticlePageFactory(
            parent=news_index,
            title="Xã Xuân Trường tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
            topic=TopicFactory(name="Văn hóa – Xã hội"),
            body=paragraphs("Ngày hội diễn ra tại nhà văn hóa thôn Hưng Nghĩa."),
            publication_date=datetime.date(2025, 11, 18),
            tags=["Đại đoàn kết"],
        )

        soup = assert_page_renders(client, article, "vi")

        text = soup.get_text(" ", strip=True)
        assert article.summary in text
        assert "nhà văn hóa thôn Hưng Nghĩa" in text
        assert "Văn hóa – Xã hội" in text
        assert "Đại đoàn kết" in text
        assert soup.select_one('time[datetime="2025-11-18"]') is not None

    def test_press_release_names_its_spokesperson(self, client, news_index):
        release = PressReleaseFactory(parent=news_index, title="Thông cáo báo chí về bão số 3")

        soup = assert_page_renders(client, release, "vi")

        text = soup.select_one("main .spokesperson").get_text(" ", strip=True)
        assert "Nguyễn Văn An" in text
        assert "Quyết định số 15/QĐ-UBND ngày 01/7/2025" in text

    def test_rebuttal_states_the_false_claim(self, client, news_index):
        rebuttal = ArticlePageFactory(
            parent=news_index,
            kind=ArticleKind.REBUTTAL,
            title="Phản bác thông tin sai sự thật về thu hồi đất",
            rebutted_claim="Tin đồn xã thu hồi đất nông nghiệp để bán cho doanh nghiệp.",
        )

        soup = assert_page_renders(client, rebuttal, "vi")

        assert "Tin đồn xã thu hồi đất nông nghiệp" in soup.get_text()

    def test_feed_image_has_alt_text(self, client, news_index):
        image = CustomImageFactory(description="Lễ thượng cờ tại trụ sở UBND xã")
        article = ArticlePageFactory(parent=news_index, feed_image=image)

        soup = assert_page_renders(client, article, "vi")

        images = soup.select("main img")
        assert images, "the feed image is not shown"
        assert all(img.get("alt") == "Lễ thượng cờ tại trụ sở UBND xã" for img in images)
        assert "Trung tâm Văn hóa – Thể thao và Truyền thông xã" in soup.get_text()

    def test_english_article(self, client, news_index, en_home_page):
        article = ArticlePageFactory(parent=news_index)
        english = translate_page(
            article,
            "en",
            title="Commune celebrates the 80th National Day",
            summary="A solemn ceremony was held at the commune hall.",
        )

        soup = assert_page_renders(client, english, "en")

        assert "A solemn ceremony was held" in soup.get_text()


class TestArticleIndexPage:
    def test_index_lists_live_articles(self, client, news_index):
        article = ArticlePageFactory(parent=news_index, title="Tin đã đăng")
        draft = ArticlePageFactory(parent=news_index, title="Tin chưa đăng", publish=False)

        soup = assert_page_renders(client, news_index, "vi")

        links = {a.get_text(strip=True): a["href"] for a in soup.select("main a[href]")}
        assert links[article.title] == article.url
        assert draft.title not in soup.get_text()

    def test_index_paginates(self, client, news_index):
        for day in range(1, 14):  # 13 articles, 12 per page
            ArticlePageFactory(
                parent=news_index,
                title=f"Tin ngày {day}/9",
                publication_date=datetime.date(2025, 9, day),
            )

        first = get_soup(client, news_index.url).get_text()
        second = get_soup(client, news_index.url + "?page=2").get_text()

        assert "Tin ngày 13/9" in first
        assert "Tin ngày 1/9" not in first
        assert "Tin ngày 1/9" in second
        assert "Tin ngày 13/9" not in second

    def test_english_index(self, client, news_index, en_home_page):
        english = translate_page(news_index, "en", title="News and events")

        assert_page_renders(client, english, "en")


class TestSovereigntyPages:
    def test_feature(self, client, home_page):
        index = SovereigntyIndexPageFactory(parent=home_page)
        feature = SovereigntyFeaturePageFactory(
            parent=index,
            references=[
                (
                    "reference",
                    {
                        "symbol": "18/2012/QH13",
                        "title": "Luật Biển Việt Nam",
                        "issuer": "Quốc hội",
                        "issued_on": datetime.date(2012, 6, 21),
                        "url": "",
                    },
                )
            ],
        )

        soup = assert_page_renders(client, feature, "vi")

        text = soup.get_text(" ", strip=True)
        assert "thực thi chủ quyền liên tục" in text
        assert "18/2012/QH13" in text
        assert "Luật Biển Việt Nam" in text

    def test_index_lists_live_features(self, client, home_page):
        index = SovereigntyIndexPageFactory(parent=home_page)
        feature = SovereigntyFeaturePageFactory(parent=index)
        draft = SovereigntyFeaturePageFactory(parent=index, publish=False)

        soup = assert_page_renders(client, index, "vi")

        assert soup.select_one(f'main a[href="{feature.url}"]') is not None
        assert draft.title not in soup.get_text()

    def test_english_feature(self, client, home_page, en_home_page):
        feature = SovereigntyFeaturePageFactory()
        translate_page(feature.get_parent(), "en", title="Sea and islands", slug="sea-and-islands")
        english = translate_page(feature, "en", title="Hoang Sa and Truong Sa belong to Viet Nam")

        assert_page_renders(client, english, "en")
        assert_page_renders(client, english.get_parent().specific, "en")


def test_article_page_queries_do_not_grow_with_content(
    client, news_index, en_home_page, django_assert_max_num_queries
):
    """An article in a section of 3, then of 15, with 3 then 15 tags: same queries."""
    article = ArticlePageFactory(
        parent=news_index,
        feed_image=CustomImageFactory(),
        tags=[f"từ khóa {number}" for number in range(3)],
        related_campaign=CampaignPageFactory(),
    )
    english = translate_page(article, "en", title="An article in English")
    ArticlePageFactory.create_batch(2, parent=news_index, feed_image=CustomImageFactory())

    counts = []
    for url in (article.url, english.url):
        counts.append(count_queries(client, url, django_assert_max_num_queries))

    ArticlePageFactory.create_batch(12, parent=news_index, feed_image=CustomImageFactory())
    article.tags.add(*[f"từ khóa {number}" for number in range(3, 15)])
    publish_page(article)
    for url in (article.url, english.url):
        counts.append(count_queries(client, url, django_assert_max_num_queries))

    assert counts[:2] == counts[2:]
    assert "từ khóa 14" in client.get(article.url).content.decode()


def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # first visit: image renditions are generated once
    with django_assert_max_num_queries(ARTICLE_MAX_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(captured.captured_queries)

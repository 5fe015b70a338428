"""RSS 2.0 and Atom feeds, per language, per topic and per campaign, read as a feed reader would."""

import datetime
from http import HTTPStatus

import pytest
from defusedxml import ElementTree
from wagtail.models import PageViewRestriction

from tests.factories import (
    ArticlePageFactory,
    CustomImageFactory,
    SovereigntyFeaturePageFactory,
    publish_page,
    translate_page,
)
from tests.utils import get_soup

from .conftest import article, translate_topic

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"

# Queries for one feed request (measured, then fixed here); the same for 2 and 14 items.
FEED_MAX_QUERIES = 12


def get_feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    assert response["Content-Type"].startswith(content_type)
    return ElementTree.fromstring(response.content)


def rss(client, url):
    root = get_feed(client, url, "application/rss+xml")
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def atom(client, url):
    root = get_feed(client, url, "application/atom+xml")
    assert root.tag == f"{ATOM}feed"
    return root


def rss_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


class TestLanguageFeeds:
    def test_rss_lists_the_live_vietnamese_articles_newest_first(
        self, client, news_index, sovereignty_index, economy, english_news
    ):
        image = CustomImageFactory()
        image.get_file_size()  # stored on upload by the admin's form
        older = article(news_index, "Hội nghị sơ kết công tác quý III", (9, 30), topic=economy)
        newest = article(
            news_index,
            "Xã Xuân Trường đón nhận danh hiệu Nông thôn mới nâng cao",
            (11, 20),
            topic=economy,
            author_name="Nguyễn Thu Trang",
            summary="Chiều 20/11, xã Xuân Trường đón nhận danh hiệu xã đạt chuẩn nông thôn mới.",
            tags=["nông thôn mới", "thi đua"],
            feed_image=image,
        )
        feature = SovereigntyFeaturePageFactory(
            parent=sovereignty_index,
            title="Hoàng Sa, Trường Sa là của Việt Nam",
            publication_date=datetime.date(2025, 10, 15),
        )
        article(news_index, "Bản nháp chưa duyệt", (11, 25), publish=False)
        translate_page(older, "en", title="Quarterly review conference")

        channel = rss(client, "/vi/feeds/rss/")

        assert channel.findtext("title") == (
            "Cổng thông tin đối ngoại xã Xuân Trường – Tin mới nhất"
        )
        assert channel.findtext("language") == "vi"
        assert "Ủy ban nhân dân xã Xuân Trường" in channel.findtext("description")
        assert channel.findtext("link") == "http://localhost/vi/"
        assert rss_titles(channel) == [newest.title, feature.title, older.title]

        item = channel.find("item")
        assert item.findtext("link") == newest.full_url
        assert item.findtext("link").startswith("http://")
        assert item.findtext("description") == newest.summary
        assert item.findtext(f"{DC}creator") == "Nguyễn Thu Trang"
        assert item.findtext("pubDate").startswith("Thu, 20 Nov 2025")
        assert item.findtext("pubDate").endswith("+0700")
        assert [category.text for category in item.findall("category")] == [
            "Kinh tế – Đầu tư",
            "nông thôn mới",
            "thi đua",
        ]
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false"
        assert guid.text.endswith(f":page-{newest.pk}")
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "image/png"
        assert enclosure.get("url").startswith("http://localhost/media/original_images/")
        assert int(enclosure.get("length")) == image.file_size

        # No English item in the Vietnamese feed; every item has its own guid.
        assert "Quarterly review conference" not in rss_titles(channel)
        guids = [item.findtext("guid") for item in channel.findall("item")]
        assert len(set(guids)) == len(guids)

    def test_an_article_without_author_is_signed_by_the_peoples_committee(self, client, news_index):
        article(news_index, "Thông báo lịch tiếp công dân", (11, 3), author_name="")

        item = rss(client, "/vi/feeds/rss/").find("item")

        assert item.findtext(f"{DC}creator") == "Ủy ban nhân dân xã Xuân Trường"

    def test_atom_in_english_lists_only_english_articles(self, client, news_index, english_news):
        vietnamese = article(news_index, "Lễ kỷ niệm 80 năm Quốc khánh", (9, 2))
        english = translate_page(
            vietnamese,
            "en",
            title="Ceremony for the 80th National Day",
            summary="The commune celebrated the 80th anniversary of National Day.",
        )
        article(news_index, "Tin chỉ có tiếng Việt", (9, 5))

        feed = atom(client, "/en/feeds/atom/")

        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        assert feed.findtext(f"{ATOM}title") == (
            "Xuan Truong Commune External Information Portal – Latest news"
        )
        assert atom_titles(feed) == ["Ceremony for the 80th National Day"]
        entry = feed.find(f"{ATOM}entry")
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == english.full_url
        assert entry.findtext(f"{ATOM}summary") == english.summary
        assert entry.findtext(f"{ATOM}published").startswith("2025-09-02T")
        assert entry.findtext(f"{ATOM}id").startswith("tag:")
        self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
        assert self_link == "http://testserver/en/feeds/atom/"

        vietnamese_feed = atom(client, "/vi/feeds/atom/")
        assert atom_titles(vietnamese_feed) == ["Tin chỉ có tiếng Việt", vietnamese.title]

    def test_feed_keeps_the_twenty_newest(self, client, news_index):
        for day in range(1, 23):
            article(news_index, f"Bản tin ngày {day}/10", (10, day))

        titles = rss_titles(rss(client, "/vi/feeds/rss/"))

        assert len(titles) == 20
        assert titles[0] == "Bản tin ngày 22/10"
        assert titles[-1] == "Bản tin ngày 3/10"

    def test_a_restricted_article_stays_out(self, client, news_index):
        hidden = article(news_index, "Tài liệu chỉ dành cho cán bộ", (11, 1))
        article(news_index, "Tin công khai", (10, 1))
        PageViewRestriction.objects.create(page=hidden, restriction_type="login")

        assert rss_titles(rss(client, "/vi/feeds/rss/")) == ["Tin công khai"]


class TestTopicFeeds:
    def test_topic_feed_lists_only_that_topic(self, client, news_index, economy, culture):
        article(news_index, "Thu hút đầu tư vào cụm công nghiệp", (10, 1), topic=economy)
        article(news_index, "Lễ hội chùa Keo mùa thu", (10, 2), topic=culture)

        channel = rss(client, "/vi/feeds/topics/kinh-te-dau-tu/rss/")

        assert channel.findtext("title") == (
            "Cổng thông tin đối ngoại xã Xuân Trường – Kinh tế – Đầu tư"
        )
        assert rss_titles(channel) == ["Thu hút đầu tư vào cụm công nghiệp"]
        assert rss_titles(atom_as_rss(client, "/vi/feeds/topics/van-hoa-xa-hoi/atom/")) == [
            "Lễ hội chùa Keo mùa thu"
        ]

    def test_english_topic_feed_by_the_english_slug(
        self, client, news_index, english_news, economy
    ):
        translate_topic(economy, name="Economy and Investment", slug="economy-investment")
        vietnamese = article(news_index, "Thu hút đầu tư", (10, 1), topic=economy)
        translate_page(vietnamese, "en", title="Attracting investment")

        channel = rss(client, "/en/feeds/topics/economy-investment/rss/")

        assert channel.findtext("title").endswith("– Economy and Investment")
        assert rss_titles(channel) == ["Attracting investment"]

    def test_unknown_topic_is_not_found(self, client, economy):
        assert client.get("/vi/feeds/topics/khong-co/rss/").status_code == HTTPStatus.NOT_FOUND
        assert client.get("/vi/feeds/topics/khong-co/atom/").status_code == HTTPStatus.NOT_FOUND
        # The Vietnamese slug is not an English topic.
        response = client.get("/en/feeds/topics/kinh-te-dau-tu/rss/")
        assert response.status_code == HTTPStatus.NOT_FOUND


def atom_as_rss(client, url):
    """The Atom feed's entries, shaped like RSS items (title only), for one assertion."""
    feed = atom(client, url)
    channel = ElementTree.fromstring("<channel/>")
    for title in atom_titles(feed):
        item = ElementTree.fromstring("<item><title/></item>")
        item.find("title").text = title
        channel.append(item)
    return channel


class TestCampaignFeeds:
    def test_campaign_feed_lists_its_articles_and_features(
        self, client, news_index, sovereignty_index, campaign
    ):
        article(news_index, "Treo cờ Tổ quốc mừng Quốc khánh", (8, 28), related_campaign=campaign)
        SovereigntyFeaturePageFactory(
            parent=sovereignty_index,
            title="Tuyên ngôn độc lập và chủ quyền biển đảo",
            publication_date=datetime.date(2025, 9, 1),
            related_campaign=campaign,
        )
        article(news_index, "Tin không thuộc chiến dịch", (9, 3))

        channel = rss(client, "/vi/feeds/campaigns/quoc-khanh/rss/")
        feed = atom(client, "/vi/feeds/campaigns/quoc-khanh/atom/")

        assert channel.findtext("title") == (
            "Cổng thông tin đối ngoại xã Xuân Trường – Tuyên truyền kỷ niệm 80 năm Quốc khánh"
        )
        assert channel.findtext("link") == campaign.full_url
        expected = [
            "Tuyên ngôn độc lập và chủ quyền biển đảo",
            "Treo cờ Tổ quốc mừng Quốc khánh",
        ]
        assert rss_titles(channel) == expected
        assert atom_titles(feed) == expected

    def test_unknown_or_unpublished_campaign_is_not_found(self, client, campaign_index, campaign):
        from tests.factories import CampaignPageFactory

        CampaignPageFactory(parent=campaign_index, slug="ban-nhap", publish=False)

        for url in (
            "/vi/feeds/campaigns/khong-co/rss/",
            "/vi/feeds/campaigns/ban-nhap/rss/",
            "/vi/feeds/campaigns/ban-nhap/atom/",
            "/en/feeds/campaigns/quoc-khanh/rss/",
        ):
            assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url


class TestFeedLinks:
    def test_home_page_announces_the_language_feeds(self, client, home_page, en_home_page):
        for url, prefix, title in (
            ("/vi/", "/vi/", "Tin mới nhất (RSS)"),
            ("/en/", "/en/", "Latest news (RSS)"),
        ):
            soup = get_soup(client, url)
            links = soup.head.select('link[rel="alternate"][type="application/rss+xml"]')
            assert [(link["title"], link["href"]) for link in links] == [
                (title, f"{prefix}feeds/rss/")
            ]
            atom_link = soup.head.select_one('link[rel="alternate"][type="application/atom+xml"]')
            assert atom_link["href"] == f"{prefix}feeds/atom/"

    def test_campaign_and_article_pages_announce_their_feeds(
        self, client, news_index, campaign, economy
    ):
        item = article(news_index, "Thu hút đầu tư", (10, 1), topic=economy)

        campaign_links = get_soup(client, campaign.url).head.select('link[type$="+xml"]')
        article_links = get_soup(client, item.url).head.select('link[type$="+xml"]')

        assert "/vi/feeds/campaigns/quoc-khanh/rss/" in [link["href"] for link in campaign_links]
        assert "/vi/feeds/campaigns/quoc-khanh/atom/" in [link["href"] for link in campaign_links]
        assert ("Chủ đề: Kinh tế – Đầu tư (RSS)", "/vi/feeds/topics/kinh-te-dau-tu/rss/") in [
            (link["title"], link["href"]) for link in article_links
        ]
        # Every announced feed answers.
        for link in [*campaign_links, *article_links]:
            assert client.get(link["href"]).status_code == HTTPStatus.OK, link["href"]


def test_feed_queries_do_not_grow_with_items(
    client, news_index, sovereignty_index, economy, campaign, django_assert_max_num_queries
):
    """A feed of 2 items, then of 14 (with images and tags): the same number of queries."""

    def make(count, start):
        for number in range(count):
            ArticlePageFactory(
                parent=news_index,
                topic=economy,
                feed_image=CustomImageFactory(),
                related_campaign=campaign,
                tags=[f"từ khóa {start + number}", "chung"],
                publication_date=datetime.date(2025, 10, 1) + datetime.timedelta(start + number),
            )

    def counts():
        result = []
        for url in (
            "/vi/feeds/rss/",
            "/vi/feeds/atom/",
            "/vi/feeds/topics/kinh-te-dau-tu/rss/",
            "/vi/feeds/campaigns/quoc-khanh/atom/",
        ):
            client.get(url)  # warm the site root paths cache, as a running site has it
            with django_assert_max_num_queries(FEED_MAX_QUERIES) as captured:
                response = client.get(url)
            assert response.status_code == HTTPStatus.OK
            result.append(len(captured.captured_queries))
        return result

    make(1, 0)
    SovereigntyFeaturePageFactory(
        parent=sovereignty_index, topic=economy, related_campaign=campaign
    )
    few = counts()
    make(12, 1)
    feature = SovereigntyFeaturePageFactory(
        parent=sovereignty_index, topic=economy, related_campaign=campaign, publish=False
    )
    feature.tags.add("biển đảo")
    publish_page(feature)

    assert counts() == few
    assert len(rss_titles(rss(client, "/vi/feeds/rss/"))) == 15

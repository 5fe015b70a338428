"""sitemap.xml with hreflang alternates between translations, and robots.txt."""

from http import HTTPStatus

import pytest
from defusedxml import ElementTree
from django.utils.dateparse import parse_datetime
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, ContentPageFactory, translate_page

from .conftest import article

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

# Queries for the sitemap (measured, then fixed here); the same for 4 and 16 pages.
SITEMAP_MAX_QUERIES = 6


def read_sitemap(client) -> dict[str, dict]:
    """loc → {"lastmod": str | None, "alternates": {hreflang: href}} for every <url>."""
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SM}urlset"
    urls = {}
    for url in root.findall(f"{SM}url"):
        loc = url.findtext(f"{SM}loc")
        assert loc not in urls, f"{loc} listed twice"
        alternates = {}
        for link in url.findall(f"{XHTML}link"):
            assert link.get("rel") == "alternate"
            alternates[link.get("hreflang")] = link.get("href")
        urls[loc] = {"lastmod": url.findtext(f"{SM}lastmod"), "alternates": alternates}
    return urls


class TestSitemap:
    def test_lists_live_pages_of_both_languages_with_reciprocal_alternates(
        self, client, home_page, news_index, english_news
    ):
        translated = article(news_index, "Lễ kỷ niệm 80 năm Quốc khánh", (9, 2))
        english = translate_page(translated, "en", title="Ceremony for the 80th National Day")
        only_vietnamese = article(news_index, "Tin chỉ có tiếng Việt", (9, 5))
        draft = article(news_index, "Bản nháp chưa duyệt", (9, 6), publish=False)
        english_draft = translate_page(only_vietnamese, "en", publish=False, title="A draft")

        urls = read_sitemap(client)

        home_vi, home_en = "http://localhost/vi/", "http://localhost/en/"
        assert home_vi in urls and home_en in urls
        assert translated.full_url in urls and english.full_url in urls
        assert english.full_url.startswith("http://localhost/en/news/")
        assert only_vietnamese.full_url in urls
        assert draft.full_url not in urls
        assert english_draft.full_url not in urls
        assert all(loc.startswith("http://localhost/") for loc in urls)

        expected = {
            "vi": translated.full_url,
            "en": english.full_url,
            "x-default": translated.full_url,
        }
        assert urls[translated.full_url]["alternates"] == expected
        assert urls[english.full_url]["alternates"] == expected
        assert urls[home_en]["alternates"] == {"vi": home_vi, "en": home_en, "x-default": home_vi}
        # A page in one language has no alternates.
        assert urls[only_vietnamese.full_url]["alternates"] == {}

        # Reciprocal: every alternate is listed, and lists the same alternates back.
        for loc, entry in urls.items():
            for href in entry["alternates"].values():
                assert href in urls, f"{loc} names {href}, which is not in the sitemap"
                assert urls[href]["alternates"] == entry["alternates"]
            if entry["alternates"]:
                assert loc in entry["alternates"].values()

    def test_lastmod_is_the_last_publication(self, client, news_index):
        item = article(news_index, "Hội nghị sơ kết", (10, 1))
        item.refresh_from_db()

        lastmod = read_sitemap(client)[item.full_url]["lastmod"]

        assert lastmod.endswith("+07:00")
        assert parse_datetime(lastmod) == item.last_published_at

    def test_restricted_pages_are_left_out(self, client, news_index):
        private = ContentPageFactory(title="Trang nội bộ", slug="trang-noi-bo")
        child_of_private = ContentPageFactory(parent=private, title="Trang con", slug="trang-con")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        public = article(news_index, "Tin công khai", (10, 1))

        urls = read_sitemap(client)

        assert public.full_url in urls
        assert private.full_url not in urls
        assert child_of_private.full_url not in urls

    def test_queries_do_not_grow_with_pages(
        self, client, news_index, english_news, django_assert_max_num_queries
    ):
        def count():
            client.get("/sitemap.xml")
            with django_assert_max_num_queries(SITEMAP_MAX_QUERIES) as captured:
                response = client.get("/sitemap.xml")
            assert response.status_code == HTTPStatus.OK
            return len(captured.captured_queries)

        first = ArticlePageFactory(parent=news_index)
        translate_page(first, "en", title="First")
        few = count()
        for number in range(6):
            page = ArticlePageFactory(parent=news_index)
            translate_page(page, "en", title=f"Article {number}")

        assert count() == few
        assert len(read_sitemap(client)) >= 16


class TestRobots:
    def test_robots_txt(self, client, home_page):
        response = client.get("/robots.txt", secure=True)

        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        lines = response.content.decode().splitlines()
        assert "User-agent: *" in lines
        assert "Allow: /" in lines
        assert "Disallow: /admin/" in lines
        assert "Disallow: /documents/" in lines
        assert "Sitemap: https://testserver/sitemap.xml" in lines
        assert "Disallow: /" not in lines

    def test_the_sitemap_it_names_is_served(self, client, home_page):
        sitemap_line = next(
            line
            for line in client.get("/robots.txt").content.decode().splitlines()
            if line.startswith("Sitemap: ")
        )
        url = sitemap_line.removeprefix("Sitemap: ")

        assert url == "http://testserver/sitemap.xml"
        assert client.get(url).status_code == HTTPStatus.OK


class TestCacheInvalidationPaths:
    def test_an_article_names_the_feeds_that_list_it(self, client, news_index, economy, campaign):
        from cms.syndication.invalidation import syndication_paths

        page = article(
            news_index, "Treo cờ Tổ quốc", (8, 28), topic=economy, related_campaign=campaign
        )

        paths = syndication_paths(page)

        assert paths == [
            "/sitemap.xml",
            "/vi/feeds/rss/",
            "/vi/feeds/atom/",
            "/vi/feeds/topics/kinh-te-dau-tu/rss/",
            "/vi/feeds/topics/kinh-te-dau-tu/atom/",
            "/vi/feeds/campaigns/quoc-khanh/rss/",
            "/vi/feeds/campaigns/quoc-khanh/atom/",
        ]
        # Each of them lists the article.
        assert page.full_url in client.get(paths[0]).content.decode()
        for path in paths[1:]:
            assert page.title in client.get(path).content.decode(), path
        assert syndication_paths(campaign)[1:] == [
            "/vi/feeds/campaigns/quoc-khanh/rss/",
            "/vi/feeds/campaigns/quoc-khanh/atom/",
        ]

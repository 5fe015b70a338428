"""The full-page cache as visitors meet it: through the WSGI entry point (``cms.wsgi``)."""

import datetime
import time
from http import HTTPStatus

import pytest
from django.core.cache.backends import locmem
from django.test import Client
from wagtail import hooks

from cms.pagecache import store
from cms.workflows.models import SpokespersonPosition
from cms.workflows.takedown import take_down
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignPageFactory,
    ContentPageFactory,
    SpokespersonEntryFactory,
    editorial_team,
    publish_page,
    translate_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def spokesperson_on_record():
    """The team's spokesperson stays in the register, so publishing in a test changes the
    register (shown on every page) no more than publishing in the admin does."""
    return SpokespersonEntryFactory(
        user=editorial_team()[2],
        full_name="Đỗ Văn Phúc",
        position=SpokespersonPosition.VICE_CHAIRMAN,
        authorisation="Quyết định số 21/QĐ-UBND ngày 01/7/2025",
        phone="0229 3777 556",
        email="phatngon2@xuantruong.ninhbinh.gov.vn",
    )


@pytest.fixture
def news_index(home_page, spokesperson_on_record):
    return ArticleIndexPageFactory(parent=home_page, title="Tin tức – Sự kiện", slug="tin-tuc")


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title="Xã Xuân Trường khánh thành nhà văn hóa thôn Hưng Nghĩa",
        slug="khanh-thanh-nha-van-hoa",
    )


def cache_warm(wsgi_get, *urls):
    """Requests each URL until it is served from the cache."""
    for url in urls:
        wsgi_get(url)
        assert wsgi_get(url).from_cache, url


class TestAnonymousVisitors:
    def test_second_request_is_served_from_the_cache_without_django(
        self, wsgi_get, article, django_assert_num_queries
    ):
        first = wsgi_get(article.url)
        assert first.status == HTTPStatus.OK
        assert not first.from_cache

        with django_assert_num_queries(0):
            second = wsgi_get(article.url)

        assert second.from_cache
        assert second.status == HTTPStatus.OK
        assert second.body == first.body
        assert "Xã Xuân Trường khánh thành nhà văn hóa thôn Hưng Nghĩa" in second.text
        # The headers set by the inner middleware come with the cached copy.
        for header in ("Content-Type", "X-Frame-Options", "X-Content-Type-Options"):
            assert second.headers[header] == first.headers[header]

    def test_head_is_answered_from_the_cached_page(
        self, wsgi_get, article, django_assert_num_queries
    ):
        page = wsgi_get(article.url)

        with django_assert_num_queries(0):
            head = wsgi_get(article.url, method="HEAD")

        assert head.from_cache
        assert head.status == HTTPStatus.OK
        assert head.body == b""
        assert head.headers["Content-Length"] == str(len(page.body))

    def test_a_listing_page_number_is_cached_on_its_own(self, wsgi_get, news_index, article):
        cache_warm(wsgi_get, news_index.url, f"{news_index.url}?page=1")

        assert wsgi_get(news_index.url).from_cache
        assert wsgi_get(f"{news_index.url}?page=1").from_cache

    @pytest.mark.parametrize("query", ["utm_source=zalo", "page=2&x=1", "page=abc", "q=1"])
    def test_any_other_query_string_is_never_cached(self, wsgi_get, article, query):
        url = f"{article.url}?{query}"
        wsgi_get(url)
        again = wsgi_get(url)

        assert again.status == HTTPStatus.OK
        assert not again.from_cache

    def test_a_page_that_sets_a_cookie_is_not_cached(self, wsgi_get, article):
        def set_a_cookie(serve_page):
            def serve(page, request, args, kwargs):
                response = serve_page(page, request, args, kwargs)
                response.set_cookie("visited", "1")
                return response

            return serve

        with hooks.register_temporarily("on_serve_page", set_a_cookie):
            wsgi_get(article.url)
            again = wsgi_get(article.url)

        assert not again.from_cache
        assert "visited=1" in again.headers["Set-Cookie"]

    def test_no_cache_when_switched_off(self, wsgi_get, article, settings):
        settings.PAGE_CACHE_ENABLED = False
        wsgi_get(article.url)

        assert not wsgi_get(article.url).from_cache


class TestPersonalRequests:
    def test_a_logged_in_user_is_never_served_the_cached_page_nor_cached(
        self, wsgi_get, article, django_assert_max_num_queries
    ):
        client = Client()
        client.force_login(editorial_team()[0])
        cookie = f"sessionid={client.cookies['sessionid'].value}"

        # Logged in first: nothing is stored for the anonymous visitors.
        wsgi_get(article.url, HTTP_COOKIE=cookie)
        assert not wsgi_get(article.url).from_cache

        # The anonymous copy is now cached, and still not given to the logged-in user.
        assert wsgi_get(article.url).from_cache
        logged_in = wsgi_get(article.url, HTTP_COOKIE=cookie)
        assert logged_in.status == HTTPStatus.OK
        assert not logged_in.from_cache

    def test_a_request_with_credentials_is_not_served_from_the_cache(self, wsgi_get, article):
        cache_warm(wsgi_get, article.url)

        response = wsgi_get(article.url, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")

        assert not response.from_cache

    def test_other_cookies_do_not_stop_the_cache(self, wsgi_get, article):
        cache_warm(wsgi_get, article.url)

        assert wsgi_get(article.url, HTTP_COOKIE="csrftoken=abc; theme=dark").from_cache

    def test_a_preview_is_never_cached(self, wsgi_get, article):
        article.title = "BẢN NHÁP CHƯA DUYỆT"
        article.save_revision(user=editorial_team()[0])

        preview = article.make_preview_request()
        assert "BẢN NHÁP CHƯA DUYỆT" in preview.content.decode()

        public = wsgi_get(article.url)
        assert not public.from_cache
        assert "BẢN NHÁP CHƯA DUYỆT" not in public.text
        assert "khánh thành nhà văn hóa" in public.text


class TestInvalidation:
    @pytest.fixture
    def site(self, home_page, en_home_page, news_index, article):
        """The article in both languages, the listing and the home pages, and a sibling."""
        english_index = translate_page(news_index, "en", title="News and events")
        english = translate_page(article, "en", title="Xuan Truong opens a cultural house")
        sibling = ArticlePageFactory(
            parent=news_index, title="Hội nghị sơ kết quý III", slug="so-ket-quy-3"
        )
        return {
            "article": article.url,
            "english": english.url,
            "index": news_index.url,
            "english_index": english_index.url,
            "index_page_2": f"{news_index.url}?page=1",
            "home": home_page.url,
            "english_home": en_home_page.url,
            "sibling": sibling.url,
        }

    def test_publishing_an_article_drops_exactly_the_pages_that_show_it(
        self, wsgi_get, site, article
    ):
        cache_warm(wsgi_get, *site.values())

        article.title = "Khánh thành nhà văn hóa thôn Hưng Nghĩa (cập nhật)"
        publish_page(article)

        stale = {name for name, url in site.items() if not wsgi_get(url).from_cache}
        assert stale == {
            "article",
            "english",
            "index",
            "english_index",
            "index_page_2",
            "home",
            "english_home",
        }
        assert "(cập nhật)" in wsgi_get(site["article"]).text
        assert "(cập nhật)" in wsgi_get(site["index"]).text

    def test_taking_down_an_article_drops_it_and_the_pages_that_list_it(
        self, wsgi_get, site, article
    ):
        cache_warm(wsgi_get, *site.values())

        take_down(article, user=editorial_team()[1], reason="Thông tin chưa được kiểm chứng")

        assert wsgi_get(site["article"]).status == HTTPStatus.NOT_FOUND
        index = wsgi_get(site["index"])
        assert not index.from_cache
        assert "khánh thành nhà văn hóa" not in index.text
        assert not wsgi_get(site["home"]).from_cache
        assert not wsgi_get(site["english_home"]).from_cache
        assert wsgi_get(site["sibling"]).from_cache

    def test_a_campaign_listing_its_articles_is_dropped_too(self, wsgi_get, news_index):
        campaign = CampaignPageFactory()
        article = ArticlePageFactory(parent=news_index, related_campaign=campaign)
        cache_warm(wsgi_get, campaign.url, article.url)

        article.title = "Treo cờ Tổ quốc chào mừng Quốc khánh"
        publish_page(article)

        page = wsgi_get(campaign.url)
        assert not page.from_cache
        assert "Treo cờ Tổ quốc chào mừng Quốc khánh" in page.text

    def test_a_new_menu_page_drops_every_page(self, wsgi_get, site, home_page):
        cache_warm(wsgi_get, *site.values())

        ContentPageFactory(
            parent=home_page, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True
        )

        assert not any(wsgi_get(url).from_cache for url in site.values())


class TestExpiry:
    def test_entries_expire_at_the_next_local_midnight(self, wsgi_get, article, monkeypatch):
        cache_warm(wsgi_get, article.url)
        after_midnight = time.time() + store.seconds_until_midnight() + 1
        monkeypatch.setattr(locmem.time, "time", lambda: after_midnight)

        assert not wsgi_get(article.url).from_cache

    def test_the_timeout_never_goes_past_midnight_in_viet_nam(self, settings):
        settings.PAGE_CACHE_TIMEOUT = 24 * 3600
        # 23:59:30 in Ha Noi is 16:59:30 UTC.
        late = datetime.datetime(2026, 11, 26, 16, 59, 30, tzinfo=datetime.UTC)
        morning = datetime.datetime(2026, 11, 26, 3, 0, tzinfo=datetime.UTC)  # 10:00 local

        assert store.entry_timeout(late) == 30
        assert store.entry_timeout(morning) == 14 * 3600
        settings.PAGE_CACHE_TIMEOUT = 600
        assert store.entry_timeout(morning) == 600

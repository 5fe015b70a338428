"""The 404 and 500 pages answer in the language of the address, keep the site's look and
are not indexed; the 500 page needs neither the database nor context processors."""

import copy
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from cms.core import views
from tests.factories import ArticleIndexPageFactory
from tests.utils import get_soup, h1_texts

pytestmark = pytest.mark.django_db


def exploding_context_processor(request):
    raise AssertionError("a context processor ran for the 500 page")


def stylesheets(soup) -> list[str]:
    return [link["href"] for link in soup.head.select('link[rel="stylesheet"]')]


class TestNotFound:
    def test_vietnamese_address_answers_in_vietnamese(self, client, home_page):
        soup = get_soup(client, "/vi/khong-co/", HTTPStatus.NOT_FOUND)

        assert soup.html["lang"] == "vi"
        assert h1_texts(soup) == ["Không tìm thấy trang"]
        assert soup.title.get_text().startswith("Không tìm thấy trang")
        main = soup.find("main")
        assert "Trang bạn tìm không tồn tại" in main.get_text(" ", strip=True)
        assert main.find("a", string="Về trang chủ")["href"] == "/vi/"
        # The English visitor who followed a Vietnamese link is told in English.
        other = main.select_one('[lang="en"]')
        assert "Page not found" in other.get_text()
        assert other.find("a", hreflang="en")["href"] == "/en/"

    def test_english_address_answers_in_english(self, client, home_page, en_home_page):
        response = client.get("/en/nothing/")
        soup = BeautifulSoup(response.content, "html.parser")

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert response["Content-Language"] == "en"
        assert soup.html["lang"] == "en"
        assert h1_texts(soup) == ["Page not found"]
        assert soup.title.get_text().startswith("Page not found")
        main = soup.find("main")
        text = main.get_text(" ", strip=True)
        assert "does not exist or has been removed" in text
        assert "Trang bạn tìm" not in text
        assert main.find("a", string="Go to the home page")["href"] == "/en/"
        assert main.select_one('[lang="vi"] a[hreflang="vi"]')["href"] == "/vi/"
        # The header and footer are the English site's.
        assert soup.select_one(".site-brand")["href"] == en_home_page.url

    @pytest.mark.parametrize(
        ("url", "search_path", "label"),
        [
            ("/vi/khong-co/", "/vi/tim-kiem/", "Tìm kiếm trên cổng thông tin"),
            ("/en/nothing/", "/en/search/", "Search the portal"),
        ],
    )
    def test_offers_a_search_in_the_language(self, client, home_page, url, search_path, label):
        soup = get_soup(client, url, HTTPStatus.NOT_FOUND)

        form = soup.find("main").find("form")
        assert form["method"] == "get"
        assert form["action"] == search_path
        field = form.find("input", attrs={"name": "q"})
        assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True) == label

    @pytest.mark.parametrize("url", ["/vi/khong-co/", "/en/nothing/"])
    def test_is_not_indexed_and_keeps_the_site_look(self, client, home_page, url):
        soup = get_soup(client, url, HTTPStatus.NOT_FOUND)

        assert soup.head.select_one('meta[name="robots"]')["content"] == "noindex"
        assert "/static/css/site.css" in stylesheets(soup)
        assert soup.find("header") and soup.find("footer")
        assert len(soup.find_all("main")) == 1

    def test_missing_page_under_a_wagtail_section_uses_the_handler(self, client, home_page):
        """Wagtail's own routing (a section exists, its child does not) ends in our 404."""
        index = ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")

        soup = get_soup(client, index.url + "khong-co-bai-nay/", HTTPStatus.NOT_FOUND)

        assert h1_texts(soup) == ["Không tìm thấy trang"]
        assert soup.head.select_one('meta[name="robots"]')["content"] == "noindex"

    def test_address_without_a_language_is_vietnamese(self, client, home_page):
        soup = get_soup(client, "/documents/999999/khong-co.pdf", HTTPStatus.NOT_FOUND)

        assert soup.html["lang"] == "vi"
        assert h1_texts(soup) == ["Không tìm thấy trang"]


class TestServerError:
    @pytest.mark.parametrize(
        ("path", "language", "title", "home"),
        [
            ("/vi/tin-tuc/", "vi", "Lỗi máy chủ", "Về trang chủ"),
            ("/en/news/", "en", "Server error", "Go to the home page"),
            ("/admin/", "vi", "Lỗi máy chủ", "Về trang chủ"),
        ],
    )
    def test_renders_in_the_address_language_without_the_database(
        self, django_assert_num_queries, path, language, title, home
    ):
        request = RequestFactory().get(path)

        with django_assert_num_queries(0):
            response = views.server_error(request)

        assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
        assert response["Content-Language"] == language
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == language
        assert h1_texts(soup) == [title]
        assert soup.find("main").find("a", string=home)["href"] == f"/{language}/"
        assert soup.head.select_one('meta[name="robots"]')["content"] == "noindex"
        assert "/static/css/site.css" in stylesheets(soup)

    def test_does_not_run_context_processors(self, settings):
        """A context processor that would need the database fails when run: none is."""
        templates = copy.deepcopy(settings.TEMPLATES)
        templates[0]["OPTIONS"]["context_processors"].append(
            "tests.core.test_error_pages.exploding_context_processor"
        )
        settings.TEMPLATES = templates

        response = views.server_error(RequestFactory().get("/en/"))

        assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
        assert "Server error" in response.content.decode()

    def test_is_the_project_handler(self):
        from django.urls import get_resolver

        resolver = get_resolver()
        assert resolver.resolve_error_handler(500) is views.server_error
        assert resolver.resolve_error_handler(404) is views.page_not_found

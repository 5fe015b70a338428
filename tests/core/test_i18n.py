"""Both languages: URLs under /vi/ and /en/, the language switcher and hreflang links."""

from http import HTTPStatus

import pytest

from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, translate_page
from tests.utils import alternate_links, get_soup, h1_texts, switcher_links

pytestmark = pytest.mark.django_db

SITE = "http://localhost"  # the default Site created by the migrations


@pytest.fixture
def news_index(home_page):
    return ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title="Xã Xuân Trường đón Bằng công nhận xã nông thôn mới nâng cao",
        slug="xa-dat-chuan-nong-thon-moi-nang-cao",
    )


@pytest.fixture
def english_article(en_home_page, article):
    return translate_page(
        article,
        "en",
        title="Xuan Truong receives the advanced new-style rural commune certificate",
        summary="The commune was recognised by the provincial People's Committee.",
    )


class TestRootRedirect:
    def test_root_redirects_to_vietnamese(self, client):
        response = client.get("/")

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == "/vi/"
        assert "Accept-Language" in response["Vary"]

    def test_root_redirects_english_browsers_to_english(self, client):
        response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == "/en/"

    def test_root_prefers_the_first_supported_language(self, client):
        response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9,vi;q=0.5"})

        assert response["Location"] == "/vi/"

    def test_root_ignores_unsupported_languages(self, client):
        response = client.get("/", headers={"accept-language": "fr-FR,de;q=0.5"})

        assert response["Location"] == "/vi/"

    def test_root_accepts_only_safe_methods(self, client):
        assert client.post("/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


class TestRouting:
    def test_vietnamese_home_is_served_at_vi(self, client, home_page):
        soup = get_soup(client, "/vi/")

        assert soup.html["lang"] == "vi"
        assert h1_texts(soup) == [home_page.title]

    def test_english_home_is_served_at_en(self, client, en_home_page):
        soup = get_soup(client, "/en/")

        assert soup.html["lang"] == "en"
        assert h1_texts(soup) == ["Xuan Truong Commune External Information Portal"]

    def test_article_is_served_under_vi(self, client, article):
        assert article.url == "/vi/tin-tuc/xa-dat-chuan-nong-thon-moi-nang-cao/"

        soup = get_soup(client, article.url)

        assert h1_texts(soup) == [article.title]

    def test_english_translation_is_served_under_en(self, client, english_article):
        assert english_article.url == "/en/tin-tuc/xa-dat-chuan-nong-thon-moi-nang-cao/"

        soup = get_soup(client, english_article.url)

        assert soup.html["lang"] == "en"
        assert h1_texts(soup) == [english_article.title]
        assert "recognised by the provincial" in soup.get_text()

    def test_untranslated_article_is_not_served_under_en(self, client, article, en_home_page):
        get_soup(client, article.url.replace("/vi/", "/en/", 1), HTTPStatus.NOT_FOUND)

    def test_draft_article_is_not_served(self, client, news_index):
        draft = ArticlePageFactory(parent=news_index, slug="ban-nhap", publish=False)

        get_soup(client, "/vi/tin-tuc/ban-nhap/", HTTPStatus.NOT_FOUND)
        assert not draft.live

    def test_unpublished_translation_is_not_served(self, client, english_article):
        url = english_article.url
        english_article.unpublish()

        get_soup(client, url, HTTPStatus.NOT_FOUND)


class TestInterfaceLanguage:
    """The site's own wording (header, footer, skip link) follows the page's language."""

    def test_vietnamese_pages_speak_vietnamese(self, client, article):
        for url in ("/vi/", article.url):
            soup = get_soup(client, url)
            text = soup.get_text(" ", strip=True)
            assert "Ủy ban nhân dân xã Xuân Trường" in text, url
            assert "Chuyển đến nội dung chính" in text, url
            assert "People's Committee" not in text, url
            assert "Cổng thông tin đối ngoại xã Xuân Trường" in soup.title.get_text()

    def test_english_pages_speak_english(self, client, english_article):
        for url in ("/en/", english_article.url):
            soup = get_soup(client, url)
            text = soup.get_text(" ", strip=True)
            assert "People's Committee of Xuan Truong Commune" in text, url
            assert "Skip to main content" in text, url
            assert "Ủy ban nhân dân" not in text, url
            assert "Xuan Truong Commune External Information Portal" in soup.title.get_text()


class TestLanguageSwitcher:
    def test_untranslated_article_offers_no_english_link(self, client, article, en_home_page):
        soup = get_soup(client, article.url)

        assert "en" not in switcher_links(soup)
        assert not soup.select('a[hreflang="en"]')
        assert not [a["href"] for a in soup.find_all("a", href=True) if "/en/" in a["href"]]

    def test_translated_article_links_to_its_translation(self, client, article, english_article):
        soup = get_soup(client, article.url)

        assert switcher_links(soup) == {"en": english_article.url}

    def test_english_article_links_back_to_vietnamese(self, client, article, english_article):
        soup = get_soup(client, english_article.url)

        assert switcher_links(soup) == {"vi": article.url}

    def test_home_pages_link_to_each_other(self, client, home_page, en_home_page):
        assert switcher_links(get_soup(client, "/vi/")) == {"en": "/en/"}
        assert switcher_links(get_soup(client, "/en/")) == {"vi": "/vi/"}

    def test_unpublished_translation_is_not_offered(self, client, article, english_article):
        english_article.unpublish()

        assert switcher_links(get_soup(client, article.url)) == {}


class TestHreflang:
    def test_translated_article_lists_both_languages_and_x_default(
        self, client, article, english_article
    ):
        expected = {
            "vi": SITE + article.url,
            "en": SITE + english_article.url,
            "x-default": SITE + article.url,
        }

        assert alternate_links(get_soup(client, article.url)) == expected
        assert alternate_links(get_soup(client, english_article.url)) == expected

    def test_untranslated_article_has_no_alternates(self, client, article, en_home_page):
        """A page in one language only has nothing to point crawlers to."""
        assert alternate_links(get_soup(client, article.url)) == {}

    def test_home_pages(self, client, home_page, en_home_page):
        assert alternate_links(get_soup(client, "/en/")) == {
            "vi": SITE + "/vi/",
            "en": SITE + "/en/",
            "x-default": SITE + "/vi/",
        }

    def test_canonical_link_is_the_page_itself(self, client, english_article):
        soup = get_soup(client, english_article.url)

        assert soup.head.select_one('link[rel="canonical"]')["href"] == (SITE + english_article.url)


class TestNotFound:
    @pytest.mark.parametrize("url", ["/vi/khong-co-trang-nay/", "/en/no-such-page/"])
    def test_missing_page_is_a_404_in_the_address_language(self, client, home_page, url):
        soup = get_soup(client, url, HTTPStatus.NOT_FOUND)

        text = soup.get_text(" ", strip=True)
        assert "Không tìm thấy trang" in text
        assert "Page not found" in text
        assert soup.html["lang"] == url[1:3]  # the page speaks the language of its address
        other = "en" if url.startswith("/vi/") else "vi"
        assert soup.select_one(f'[lang="{other}"]') is not None
        home_links = {a["href"] for a in soup.find_all("a", href=True)}
        assert {"/vi/", "/en/"} <= home_links

    def test_unprefixed_missing_page_goes_through_vi_to_the_404(self, client, home_page):
        response = client.get("/khong-co-trang-nay/", follow=True)

        assert response.redirect_chain == [("/vi/khong-co-trang-nay/", HTTPStatus.FOUND)]
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert "Page not found" in response.content.decode()

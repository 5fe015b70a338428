"""An English visitor at the English address of a page that exists only in Vietnamese.

The answer is an English notice with HTTP status 404 ("This page is not yet
available in English") linking to the Vietnamese page, never Vietnamese text under
/en/ and never a silent redirect; an address that names no live, public page at all
keeps the bilingual 404; the Vietnamese side is unchanged.
"""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from home.models import ContentPage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContentPageFactory,
    translate_page,
)
from tests.utils import get_soup, h1_texts, switcher_links

pytestmark = pytest.mark.django_db

NOTICE = "This page is not yet available in English"


@pytest.fixture
def news_index(home_page):
    return ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title="Xã Xuân Trường khánh thành nhà văn hóa thôn Phú Nhai",
        slug="khanh-thanh-nha-van-hoa-thon-phu-nhai",
    )


@pytest.fixture
def en_news_index(en_home_page, news_index):
    return translate_page(news_index, title="News", slug="news")


def english_address(page) -> str:
    """The Vietnamese page's address with the language prefix changed by hand."""
    assert page.url.startswith("/vi/")
    return "/en/" + page.url[len("/vi/") :]


def assert_notice_for(client, url, source):
    """``url`` answers 404 with the English notice linking to ``source`` (Vietnamese)."""
    soup = get_soup(client, url, HTTPStatus.NOT_FOUND)

    assert soup.html["lang"] == "en"
    assert h1_texts(soup) == [NOTICE]
    main = soup.find("main")
    assert "published in Vietnamese only" in main.get_text(" ", strip=True)
    link = main.select_one('a[hreflang="vi"]')
    assert link["href"] == source.url
    assert link["lang"] == "vi"
    assert link.get_text(strip=True) == source.title
    # The notice is not the page: not indexed, no canonical address, no language alternates
    # (the site's English feeds are still announced, as on every English page).
    assert soup.head.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup.head.select_one('link[rel="canonical"]') is None
    assert not soup.head.select('link[rel="alternate"][hreflang]')
    feeds = {link["href"] for link in soup.head.select('link[rel="alternate"][type]')}
    assert feeds <= {"/en/feeds/rss/", "/en/feeds/atom/"}
    # The header's switcher offers the Vietnamese page.
    assert switcher_links(soup) == {"vi": source.url}
    return soup


class TestNotice:
    def test_changed_language_prefix_answers_with_the_notice(self, client, article, en_home_page):
        soup = assert_notice_for(client, english_address(article), article)

        home_link = soup.find("main").find("a", string="Go to the English home page")
        assert home_link["href"] == "/en/"
        # English interface around it, and no Vietnamese text outside the marked link.
        assert "Skip to main content" in soup.get_text(" ", strip=True)
        for marked in soup.select('[lang="vi"]'):
            marked.extract()
        assert article.summary not in soup.get_text(" ", strip=True)
        assert "Xuân Trường" not in soup.find("main").get_text(" ", strip=True)

    def test_english_section_with_vietnamese_slug_answers_with_the_notice(
        self, client, article, en_news_index
    ):
        """/en/news/<Vietnamese slug>/: the English tree down to the section, then the
        Vietnamese slugs."""
        url = f"{en_news_index.url}{article.slug}/"
        assert url == "/en/news/khanh-thanh-nha-van-hoa-thon-phu-nhai/"

        assert_notice_for(client, url, article)
        assert_notice_for(client, english_address(article), article)

    def test_unpublished_translation_answers_with_the_notice(self, client, article, en_news_index):
        english = translate_page(article, title="Phu Nhai village cultural house opens")
        url = english.url
        assert get_soup(client, url).find("h1").get_text(strip=True) == english.title

        english.unpublish()

        assert_notice_for(client, url, article)

    def test_untranslated_home_page_means_no_vietnamese_under_en(self, client, article):
        """Without a live English home page Wagtail would route /en/ through the Vietnamese
        tree and serve Vietnamese pages at English addresses."""
        assert not Page.objects.filter(locale__language_code="en").exists()

        soup = assert_notice_for(client, english_address(article), article)
        assert soup.find("main").find("a", string="Go to the English home page") is None
        home = article.get_parent().get_parent()
        assert_notice_for(client, "/en/", home)

    def test_alias_of_a_vietnamese_page_is_not_served_as_english(
        self, client, article, en_home_page
    ):
        """Translating an article whose section is untranslated makes Wagtail put an alias
        of the Vietnamese section (Vietnamese text) in the English tree."""
        news_index = article.get_parent().specific
        english = translate_page(article, title="Phu Nhai village cultural house opens")
        alias = english.get_parent()
        assert alias.alias_of_id == news_index.pk
        assert alias.locale.language_code == "en"

        assert_notice_for(client, alias.url, news_index)
        # The translated article under it is served; the Vietnamese section offers no
        # "English" that is its own text.
        assert get_soup(client, english.url).find("h1").get_text(strip=True) == english.title
        assert switcher_links(get_soup(client, news_index.url)) == {}
        assert switcher_links(get_soup(client, article.url)) == {"en": english.url}

    def test_notice_costs_the_same_at_any_depth(self, client, home_page, en_home_page):
        about = ContentPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
        translate_page(about, title="About", slug="about")
        history = ContentPageFactory(parent=about, title="Lịch sử", slug="lich-su")
        crafts = ContentPageFactory(parent=history, title="Làng nghề", slug="lang-nghe")

        counts = []
        for url, source in (
            ("/en/about/lich-su/", history),
            ("/en/about/lich-su/lang-nghe/", crafts),
        ):
            assert_notice_for(client, url, source)  # also warms Wagtail's site caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == HTTPStatus.NOT_FOUND
            counts.append(len(queries))

        assert counts[0] == counts[1]
        assert counts[0] <= 25


class TestPagesThatExistInEnglish:
    def test_english_page_is_served_without_the_notice(self, client, article, en_news_index):
        english = translate_page(article, title="Phu Nhai village cultural house opens")

        soup = get_soup(client, english.url)

        assert soup.html["lang"] == "en"
        assert h1_texts(soup) == [english.title]
        assert NOTICE not in soup.get_text()

    def test_vietnamese_slug_of_a_translated_page_redirects_to_it(
        self, client, article, en_news_index
    ):
        """/en/tin-tuc/ names the news section, which exists in English at /en/news/."""
        response = client.get("/en/tin-tuc/")

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == en_news_index.url

    def test_english_home_page(self, client, en_home_page):
        soup = get_soup(client, "/en/")

        assert h1_texts(soup) == [en_home_page.title]


class TestOrdinaryNotFound:
    @pytest.mark.parametrize(
        "url", ["/en/no-such-page/", "/en/news/no-such-page/", "/en/tin-tuc/no-such-page/"]
    )
    def test_nonsense_is_the_english_404(self, client, en_news_index, url):
        soup = get_soup(client, url, HTTPStatus.NOT_FOUND)

        assert NOTICE not in soup.get_text()
        assert soup.html["lang"] == "en"
        assert "Page not found" in soup.get_text()

    def test_draft_is_not_revealed(self, client, news_index, en_home_page):
        draft = ArticlePageFactory(
            parent=news_index, title="Bản nháp chưa duyệt", slug="ban-nhap", publish=False
        )

        soup = get_soup(client, english_address(news_index) + "ban-nhap/", HTTPStatus.NOT_FOUND)

        assert NOTICE not in soup.get_text()
        assert draft.title not in soup.get_text()

    def test_private_page_is_not_revealed(self, client, article, en_home_page):
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

        soup = get_soup(client, english_address(article), HTTPStatus.NOT_FOUND)

        assert NOTICE not in soup.get_text()
        assert article.title not in soup.get_text()


class TestVietnameseSide:
    def test_vietnamese_page_is_unchanged(self, client, article, en_home_page):
        soup = get_soup(client, article.url)

        assert soup.html["lang"] == "vi"
        assert h1_texts(soup) == [article.title]
        assert "en" not in switcher_links(soup)

    def test_english_slug_under_vi_is_the_bilingual_404(self, client, en_news_index):
        soup = get_soup(client, "/vi/news/", HTTPStatus.NOT_FOUND)

        assert NOTICE not in soup.get_text()
        assert soup.html["lang"] == "vi"


def link_body(*targets) -> list:
    links = " ".join(
        f'<a linktype="page" id="{target.pk}">liên kết {n}</a>' for n, target in enumerate(targets)
    )
    return [("paragraph", RichText(f"<p>{links}</p>"))]


class TestLinksInEnglishText:
    """A link in an English text to a page without an English version leads to the notice."""

    @pytest.fixture
    def pages(self, home_page, article, en_news_index):
        translated = ArticlePageFactory(
            parent=article.get_parent(), title="Tin đã dịch", slug="tin-da-dich"
        )
        english_translated = translate_page(translated, title="A translated story")
        source = ContentPageFactory(parent=home_page, body=link_body(article, translated))
        # The translation keeps the links of the Vietnamese text (wagtail-localize does too).
        english = translate_page(source, title="Links", slug="links")
        return source, english, english_translated

    def test_link_to_untranslated_page_leads_to_the_notice(self, client, article, pages):
        _source, english, english_translated = pages

        soup = get_soup(client, english.url)
        hrefs = [a["href"] for a in soup.select(".rich-text a")]

        assert hrefs == [english_address(article), english_translated.url]
        assert_notice_for(client, hrefs[0], article)

    def test_vietnamese_text_links_to_vietnamese_pages(self, client, article, pages):
        source, _english, _english_translated = pages

        soup = get_soup(client, ContentPage.objects.get(pk=source.pk).url)
        hrefs = [a["href"] for a in soup.select(".rich-text a")]

        assert hrefs[0] == article.url
        assert hrefs[1].startswith("/vi/")

"""The menu, breadcrumbs and language links, kept between requests, follow every change."""

import pytest

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    publish_page,
    translate_page,
)
from tests.utils import get_soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page):
    index = ArticleIndexPageFactory(
        parent=home_page, title="Tin tức – Sự kiện", slug="tin-tuc", show_in_menus=True
    )
    return ArticlePageFactory(parent=index, title="Hội thi gói bánh chưng", slug="banh-chung")


def test_a_renamed_section_shows_in_the_menu_and_breadcrumbs_of_every_page(client, article):
    assert "Tin tức – Sự kiện" in get_soup(client, article.url).select_one(".main-nav").text

    index = article.get_parent().specific
    index.title = "Thời sự"
    publish_page(index)

    soup = get_soup(client, article.url)
    assert "Thời sự" in soup.select_one(".main-nav").text
    assert "Thời sự" in soup.select_one(".breadcrumbs").text
    assert "Tin tức – Sự kiện" not in soup.text


def test_the_navigation_costs_no_query_once_kept(client, article, django_assert_max_num_queries):
    client.get(article.url)
    with django_assert_max_num_queries(100) as first:
        client.get(article.url)
    index = article.get_parent().specific
    publish_page(index)  # the menu is computed again, once
    with django_assert_max_num_queries(100) as after_change:
        client.get(article.url)

    assert len(after_change.captured_queries) > len(first.captured_queries)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(article.url)


def test_a_new_translation_appears_in_the_language_links(client, article, en_home_page):
    assert not get_soup(client, article.url).select('link[hreflang="en"]')

    english = translate_page(article, "en", title="Rice cake contest")

    soup = get_soup(client, article.url)
    assert soup.select_one('link[hreflang="en"]')["href"].endswith(english.url)
    assert soup.select_one(".language-switcher a[hreflang='en']")["href"] == english.url

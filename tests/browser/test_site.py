"""End-to-end journeys through the demo site in headless Chromium."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from articles.models import ArticlePage
from home.models import HomePage

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed data; serialized rollback restores what the
    # migrations created (locales, home page, groups) after each test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(transactional_db, live_server):
    call_command("seed_demo", stdout=StringIO())
    return live_server


def test_vietnamese_home(demo_site, page, expect):
    """A Vietnamese browser opening the bare domain lands on the Vietnamese home page."""
    home = HomePage.objects.get(locale__language_code="vi")

    page.goto("/")

    expect(page).to_have_url(demo_site.url + "/vi/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("h1")).to_have_text(home.title)
    expect(page).to_have_title(re.compile("Xuân Trường"))


@pytest.mark.parametrize("page_locale", ["en-GB"])
def test_english_home(demo_site, page, expect):
    """An English browser opening the bare domain lands on the English home page."""
    home = HomePage.objects.get(locale__language_code="en")

    page.goto("/")

    expect(page).to_have_url(demo_site.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(home.title)
    expect(page.locator("h1")).to_have_text(re.compile("Xuan Truong"))
    expect(page.locator("header")).to_contain_text("People's Committee of Xuan Truong Commune")


def test_open_an_article_from_the_home_page(demo_site, page, expect):
    page.goto("/vi/")
    link = page.locator(".latest .teaser__title a").first
    title = link.inner_text().strip()
    article = ArticlePage.objects.live().get(locale__language_code="vi", title=title)

    link.click()

    expect(page).to_have_url(demo_site.url + article.url)
    expect(page.locator("h1")).to_have_text(article.title)
    expect(page.locator("main")).to_contain_text(article.summary[:60])


def test_switch_an_article_to_english(demo_site, page, expect):
    english_locale = Locale.objects.get(language_code="en")
    article = next(
        page_
        for page_ in ArticlePage.objects.live().filter(locale__language_code="vi")
        if page_.has_translation(english_locale)
    )
    english = article.get_translation(english_locale)
    page.goto(article.url)
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    page.locator('.language-switcher a[hreflang="en"]').click()

    expect(page).to_have_url(demo_site.url + english.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(english.title)
    expect(page.locator('.language-switcher a[hreflang="vi"]')).to_have_attribute(
        "href", article.url
    )


def test_writer_logs_into_the_admin(demo_site, page, expect):
    page.goto("/admin/login/")

    page.fill('input[name="username"]', "writer")
    page.fill('input[name="password"]', settings.DEMO_PASSWORD)
    page.locator('form button[type="submit"]').click()

    expect(page).to_have_url(demo_site.url + "/admin/")
    expect(page.locator("main")).to_be_visible()
    expect(page.get_by_text("Nguyễn Thu Trang").first).to_be_visible()

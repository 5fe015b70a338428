"""Script-injection payloads typed into an article, read in Chromium: the published article
and the search results that highlight them show the payloads as text and run none of them
(no dialog opens, no injected element exists in the page)."""

import pytest

from tests.badinput.xss import PAYLOAD, payload
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, CustomImageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def article(transactional_db, home_page):
    news = ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")
    image = CustomImageFactory(title=payload("image title"), description=payload("image alt"))
    return ArticlePageFactory(
        parent=news,
        slug="bai-xss",
        title=payload("title"),
        summary=payload("summary"),
        seo_title=payload("seo title"),
        search_description=payload("search description"),
        author_name=payload("author"),
        feed_image=image,
        tags=["<img src=x onerror=alert(6)><script>alert(7)</script>"],
    )


def watch_for_scripts(page) -> list[str]:
    """Every dialog the page opens (``alert``) is recorded and dismissed."""
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def injected_elements(page) -> int:
    """Elements a payload would have created: images pointing at "x", scripts calling
    alert, any element with an inline error handler."""
    return page.evaluate(
        """() => [...document.querySelectorAll('img, script, [onerror], [onload]')].filter(
            (el) => el.hasAttribute('onerror') || el.hasAttribute('onload')
                || (el.tagName === 'IMG' && el.getAttribute('src') === 'x')
                || (el.tagName === 'SCRIPT' && el.type !== 'application/ld+json'
                    && el.textContent.includes('alert('))
        ).length"""
    )


def test_the_article_shows_the_payloads_and_runs_none(article, page, expect):
    dialogs = watch_for_scripts(page)

    page.goto(article.url)
    page.wait_for_load_state("networkidle")

    expect(page.locator("h1")).to_have_text(payload("title"))
    expect(page.locator("main .lead")).to_have_text(payload("summary"))
    assert payload("seo title") in page.title()
    assert injected_elements(page) == 0
    assert dialogs == []


def test_search_results_highlight_the_payloads_and_run_none(article, page, expect):
    dialogs = watch_for_scripts(page)

    page.goto("/vi/tim-kiem/?q=alert")
    page.wait_for_load_state("networkidle")

    result = page.locator("main").get_by_role("link", name=payload("title"))
    expect(result).to_be_visible()
    expect(page.locator("main mark").first).to_have_text("alert")
    # The query typed into the search box is shown as text too.
    page.locator("#search-q").fill(PAYLOAD[:200])
    page.locator("#search-q").press("Enter")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#search-q")).to_have_value(PAYLOAD[:200].strip())
    assert injected_elements(page) == 0
    assert dialogs == []

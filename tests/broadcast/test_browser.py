"""The radio bulletin in a real browser: a writer previews the day's bulletin, downloads
it and prints it (the print page prints at once and shows nothing but the script on paper).
"""

import datetime
from pathlib import Path

import pytest

from tests.browser.conftest import browser, expect, page_locale, unavailable_reason  # noqa: F401
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, get_home_page
from tests.workflows.gate_helpers import PASSWORD, make_person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(unavailable_reason() is not None, reason=str(unavailable_reason())),
]

TITLE = "Xã Xuân Trường ra quân tổng vệ sinh môi trường chào mừng Quốc khánh"


@pytest.fixture
def writer_tab(browser, live_server, page_locale):  # noqa: F811
    news = ArticleIndexPageFactory(parent=get_home_page("vi"), title="Tin tức", slug="tin-tuc")
    ArticlePageFactory(parent=news, title=TITLE, publication_date=datetime.date(2025, 9, 2))
    make_person("writer", "bt-writer")
    context = browser.new_context(
        base_url=live_server.url, locale=page_locale, accept_downloads=True
    )
    context.set_default_timeout(10_000)
    # window.print() records that it was called instead of opening a dialog.
    context.add_init_script("window.print = () => { window.__printed = true; };")
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.fill("#id_username", "bt-writer")
    tab.fill("#id_password", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    yield tab
    context.close()


def test_preview_download_and_print(writer_tab, expect):  # noqa: F811
    tab = writer_tab
    tab.get_by_role("link", name="Bản tin truyền thanh").click()
    tab.fill("input[name=date]", "2025-09-02")
    tab.get_by_role("button", name="Xem bản tin").click()

    script = tab.locator("pre.bulletin-script")
    expect(script).to_contain_text("Bản tin ngày 02/09/2025")
    expect(script).to_contain_text(f"1. {TITLE}")
    preview = script.inner_text()

    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Tải về").click()
    download = download_info.value
    assert download.suggested_filename == "ban-tin-2025-09-02.txt"
    assert Path(download.path()).read_text(encoding="utf-8").strip() == preview.strip()

    with tab.context.expect_page() as print_info:
        tab.get_by_role("link", name="In", exact=True).click()
    printed = print_info.value
    printed.wait_for_load_state()
    printed.wait_for_function("window.__printed === true")
    printed.emulate_media(media="print")
    expect(printed.locator(".bulletin-print__tools")).to_be_hidden()
    expect(printed.locator("pre.bulletin-script")).to_contain_text(TITLE)

"""Headless Chromium for the browser tests, driven by Playwright's sync API.

Debian's Chromium (/usr/bin/chromium) is used; Playwright's own browser
downloads are never needed. Without Chromium or Playwright the tests are
skipped locally, but fail on CI (when the CI environment variable is set), so a
broken CI image cannot pass silently.
"""

import importlib.util
import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"
# How long actions (clicks, navigations) and auto-waiting assertions may take.
ACTION_TIMEOUT_MS = 20_000
ASSERT_TIMEOUT_MS = 15_000


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def unavailable_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM}: apt-get install -y chromium"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not importable: pip install -e '.[test]'"
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can see a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session", autouse=True)
def _browser_available():
    """Skip (or, on CI, fail) every browser test before any database work is done."""
    reason = unavailable_reason()
    if reason:
        if on_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture
def browser(transactional_db, live_server):
    """Chromium, started for one test after its database and stopped before the flush.

    Playwright's sync API keeps an asyncio event loop marked as running in this
    thread while it is started. Django then stores database connections per
    asyncio context instead of per thread: ORM calls in the test get a second
    connection, and a database set-up or flush done while the loop runs would
    miss the connection the live server shares. Hence a browser per test, inside
    the database fixtures, and the extra connections closed before it stops.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # With that loop running Django also takes the test's own ORM calls (fixtures,
    # assertions reading the database) for calls from async code and raises
    # SynchronousOnlyOperation, although they are plain synchronous calls in one
    # thread. Allow them while the browser runs; other tests keep Django's check.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield chromium
            finally:
                chromium.close()
                connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page_locale() -> str:
    """The browser's language (its Accept-Language); override with parametrize."""
    return "vi-VN"


@pytest.fixture
def page(browser, live_server, page_locale, request):
    """A fresh browser tab (own cookies) whose relative URLs go to the live server.

    On failure a full-page screenshot is saved in test-artifacts/.
    """
    context = browser.new_context(base_url=live_server.url, locale=page_locale)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        tab.screenshot(path=ARTIFACTS_DIR / f"{name}.png", full_page=True)
    context.close()


@pytest.fixture
def expect(browser):
    """Playwright's auto-waiting assertions (imported here so collection never needs it)."""
    from playwright.sync_api import expect

    # A loaded CI machine can take several seconds to render an admin screen that
    # runs the checker; the default five seconds made such waits flaky.
    expect.set_options(timeout=ASSERT_TIMEOUT_MS)
    return expect


@pytest.fixture
def new_tab(browser, live_server, page_locale, request):
    """Opens tabs in fresh browser contexts (own cookies: one per person), on the live server.

    ``new_tab()`` returns a new tab; several people can be logged in at once.
    On failure every tab opened is saved as a screenshot in test-artifacts/.
    """
    contexts = []

    def open_tab():
        context = browser.new_context(base_url=live_server.url, locale=page_locale)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        for number, context in enumerate(contexts, start=1):
            for tab in context.pages:
                tab.screenshot(path=ARTIFACTS_DIR / f"{name}-{number}.png", full_page=True)
    for context in contexts:
        context.close()

"""Every public page type, in Vietnamese and English, is accessible (WCAG 2.1 AA by
axe-core, in Chromium) and valid HTML (the Nu HTML Checker on the server's HTML).

The demo content is seeded once; the pages checked are found in the database (the
first live page of each type and language), with the search results, the English
"not translated yet" notice and the 404 page. See tests/browser/a11y.py.
"""

import warnings
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import ArticleKind, ArticlePage, SovereigntyFeaturePage
from tests.factories.pages import translate_page

from . import a11y
from .conftest import on_ci

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: A phone held upright (the narrow layout: the menu and the tables reflow).
PHONE_VIEWPORT = {"width": 360, "height": 740}
DESKTOP_VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module", autouse=True)
def _tools_available():
    """Skip (or, on CI, fail) when axe-core, vnu.jar or Java is missing."""
    reason = a11y.tools_unavailable_reason()
    if reason:
        if on_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture
def demo_site(transactional_db, live_server):
    call_command("seed_demo", stdout=StringIO())
    # The demo translates no press release or rebuttal: give one of each an English
    # version, so that every page type is checked in both languages.
    for kind, title in [
        (ArticleKind.PRESS_RELEASE, "Press release of the commune People's Committee"),
        (ArticleKind.REBUTTAL, "Rebuttal of false information about farmland"),
    ]:
        if not ArticlePage.objects.live().filter(kind=kind, locale__language_code="en").exists():
            source = (
                ArticlePage.objects.live()
                .filter(kind=kind, locale__language_code="vi")
                .order_by("path")
                .first()
            )
            translate_page(source, "en", title=title)
    # Block types, rich-text features and image sizes the demo does not use, and a map.
    feature = (
        SovereigntyFeaturePage.objects.live()
        .filter(locale__language_code="vi")
        .order_by("path")
        .first()
    )
    a11y.add_every_block(feature)
    return live_server


@pytest.fixture
def checked_pages(demo_site):
    pages, left_out = a11y.pages_to_check()
    for reason in left_out:
        if on_ci():
            pytest.fail(f"Not checked: {reason}", pytrace=False)
        warnings.warn(f"Not checked: {reason}", stacklevel=1)
    return pages


def test_every_page_type_passes_axe_and_the_nu_html_checker(demo_site, checked_pages, page):
    labels = {checked.label for checked in checked_pages}
    for language in ("vi", "en"):
        for kind in ("home", "news article", "press release", "rebuttal", "campaign"):
            assert f"{kind} ({language})" in labels

    # Only the site itself: an embedded video's player is not the site's markup, and
    # the test must not depend on the network.
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(demo_site.url) else route.abort()
        ),
    )
    wrong_status: list[str] = []
    violations: dict[str, list[dict]] = {}
    documents: dict[str, str] = {}

    def check(checked: a11y.CheckedPage, name: str) -> None:
        response = page.goto(checked.path)
        if response.status != checked.status:
            wrong_status.append(f"{name}: HTTP {response.status}, expected {checked.status}")
        found = a11y.axe_violations(page)
        if found:
            violations[name] = found

    page.set_viewport_size(DESKTOP_VIEWPORT)
    for checked in checked_pages:
        name = f"{checked.label} {checked.path}"
        check(checked, name)
        # The HTML as the server sent it, before any script ran.
        documents[name] = page.request.get(checked.path).text()

    # The narrow layout once, in Vietnamese (the English pages share the templates).
    page.set_viewport_size(PHONE_VIEWPORT)
    for checked in checked_pages:
        if checked.label.endswith("(vi)"):
            check(checked, f"{checked.label} {checked.path} [phone]")

    errors = a11y.vnu_errors(documents)

    report = []
    if wrong_status:
        report.append("Pages that did not answer as expected:\n" + "\n".join(wrong_status))
    if violations:
        report.append("axe-core, WCAG 2.1 AA violations:\n" + a11y.format_axe(violations))
    if errors:
        report.append("Nu HTML Checker errors:\n" + a11y.format_vnu(errors))
    assert not report, "\n\n".join(report)


FAULTY_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head>
<body><main><img src="/static/missing.png"><a href="/vi/"></a>
<p style="color: #aaaaaa; background: #ffffff">Chữ mờ</p><p id="x"></p><p id="x"></p>
</main></body></html>
"""


def test_the_checkers_report_a_faulty_page(page):
    """Both tools really run: a page with known faults is reported, rule by rule."""
    page.set_content(FAULTY_PAGE)

    rules = {rule["id"] for rule in a11y.axe_violations(page)}
    messages = " ".join(error["message"] for error in a11y.vnu_errors({"faulty": FAULTY_PAGE}))

    assert {"image-alt", "link-name", "color-contrast", "html-has-lang", "document-title"} <= rules
    assert "title" in messages  # no <title>
    assert "alt" in messages  # an image without alt text
    assert "Duplicate ID" in messages

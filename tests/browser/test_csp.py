"""The Content-Security-Policy in Chromium: the public pages and the article editor run
under their policies without a single violation, and still work.

Every page records the ``securitypolicyviolation`` events of its document (an init
script) and the console's messages about the policies. The embedded players'
hosts answer with a stand-in page (no network): a frame the policy refused would
be a violation.
"""

from http import HTTPStatus

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText

from tests.factories import (
    ArticlePageFactory,
    CampaignPageFactory,
    editorial_team,
    get_home_page,
    translate_page,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}` +
        ` at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""
#: Console messages about the policies (Chromium reports violations there too, and a
#: Permissions-Policy feature it does not know).
POLICY_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions")

YOUTUBE_URL = "https://www.youtube.com/watch?v=xuantruong04"
YOUTUBE_HTML = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/xuantruong04?'
    'feature=oembed" frameborder="0" allow="autoplay; encrypted-media; picture-in-picture" '
    'allowfullscreen title="Lễ chào cờ"></iframe>'
)
FACEBOOK_URL = "https://www.facebook.com/ubndxaxuantruong/videos/1234567890123456/"
PLAYER = "<!doctype html><title>Trình phát</title><p>Trình phát video</p>"


class PolicyWatch:
    """Violations and policy messages seen by the tabs of one browser context."""

    def __init__(self, context, site_url: str):
        self.messages: list[str] = []
        context.add_init_script(RECORD_VIOLATIONS)
        context.route("**/*", lambda route: self._route(route, site_url))

    @staticmethod
    def _route(route, site_url: str) -> None:
        url = route.request.url
        if url.startswith(site_url):
            route.continue_()
        elif url.startswith(("https://www.youtube.com/embed/", "https://www.facebook.com/")):
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=PLAYER)
        else:
            route.abort()

    def watch(self, tab):
        def console(message):
            if any(word in message.text for word in POLICY_WORDS):
                self.messages.append(f"{tab.url}: {message.text}")

        tab.on("console", console)
        return tab

    def violations(self, tab) -> list[str]:
        """The violations in the tab's document and in each of its frames."""
        found = []
        for frame in tab.frames:
            for item in frame.evaluate("window.__violations || []"):
                found.append(f"{frame.url}: {item}")
        return found


@pytest.fixture
def public_site(transactional_db, live_server):
    """The public page types in both languages; the article embeds a YouTube and a
    Facebook video and carries its JSON-LD."""
    translate_page(get_home_page("vi"), "en", title="Xuan Truong Commune Portal")
    Embed.objects.update_or_create(
        hash=get_embed_hash(YOUTUBE_URL),
        defaults={
            "url": YOUTUBE_URL,
            "type": "video",
            "html": YOUTUBE_HTML,
            "title": "Lễ chào cờ",
            "provider_name": "YouTube",
            "width": 200,
            "height": 113,
        },
    )
    article = ArticlePageFactory(
        title="Lễ chào cờ đầu tháng tại trụ sở UBND xã",
        body=[
            ("paragraph", RichText("<p>Toàn cảnh lễ chào cờ tại trụ sở UBND xã.</p>")),
            ("embed", {"embed": YOUTUBE_URL, "caption": "Phóng sự lễ chào cờ"}),
            ("embed", {"embed": FACEBOOK_URL, "caption": "Video trên trang của xã"}),
        ],
    )
    article_en = translate_page(article, "en", title="Monthly flag salute at the commune hall")
    campaign = CampaignPageFactory()
    campaign_en = translate_page(campaign, "en", title="National Day campaign")
    searches = {}
    for language in ("vi", "en"):
        with translation.override(language):
            searches[language] = reverse("sitesearch:search")
    return {
        "article": article,
        "article_en": article_en,
        "pages": [
            ("/vi/", HTTPStatus.OK),
            ("/en/", HTTPStatus.OK),
            (article.url, HTTPStatus.OK),
            (article_en.url, HTTPStatus.OK),
            (campaign.url, HTTPStatus.OK),
            (campaign_en.url, HTTPStatus.OK),
            (f"{searches['vi']}?q=chào+cờ", HTTPStatus.OK),
            (f"{searches['en']}?q=flag", HTTPStatus.OK),
            ("/vi/khong-ton-tai/", HTTPStatus.NOT_FOUND),
            ("/en/does-not-exist/", HTTPStatus.NOT_FOUND),
        ],
    }


@pytest.fixture
def watched(browser, live_server):
    """A tab whose policy violations and policy messages are recorded."""
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    context.set_default_timeout(20_000)
    watch = PolicyWatch(context, live_server.url)
    tab = watch.watch(context.new_page())
    yield tab, watch
    context.close()


def test_the_public_pages_run_under_the_policy_without_a_violation(public_site, watched, expect):
    tab, watch = watched
    violations: list[str] = []
    for url, status in public_site["pages"]:
        response = tab.goto(url)
        assert response.status == status, url
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], url
        violations += watch.violations(tab)

    assert violations == []
    assert watch.messages == []


def test_the_public_site_still_works_under_the_policy(public_site, watched, expect):
    """The embedded players load in their frames, the JSON-LD is readable, the language
    switcher and the search form work: all without a violation."""
    tab, watch = watched
    article, article_en = public_site["article"], public_site["article_en"]
    tab.goto(article.url)

    for number in range(2):
        player = tab.frame_locator("figure.embed iframe").nth(number)
        expect(player.locator("p")).to_have_text("Trình phát video")
    data = tab.evaluate(
        """() => [...document.querySelectorAll('script[type="application/ld+json"]')]
            .map((script) => JSON.parse(script.textContent)["@type"])"""
    )
    assert data == ["NewsArticle"]

    tab.locator('.language-switcher a[hreflang="en"]').click()
    expect(tab.locator("h1")).to_have_text(article_en.title)

    tab.fill("#site-search-q", "flag salute")
    tab.locator(".site-search button[type=submit]").click()
    expect(tab.locator(".search-result__title a").first).to_have_text(article_en.title)

    assert watch.violations(tab) == []
    assert watch.messages == []


def test_the_policy_is_enforced_not_only_reported(public_site, watched):
    """A script or a style attribute slipped into a page is blocked, and the watch
    above sees it: its silence on the real pages means something."""
    tab, watch = watched
    tab.goto("/vi/")

    tab.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true;";
            document.body.append(script);
            document.querySelector("h1").setAttribute("style", "color: rgb(1, 2, 3)");
        }"""
    )

    assert tab.evaluate("window.__ran === undefined")
    assert tab.evaluate("getComputedStyle(document.querySelector('h1')).color") != ("rgb(1, 2, 3)")
    found = " ".join(watch.violations(tab))
    assert "script-src-elem blocked inline" in found
    assert "style-src-attr blocked inline" in found


def test_the_article_editor_works_under_the_admin_policy(public_site, watched, live_server, expect):
    """Wagtail's editor runs (a block is added), and its preview panel frames the page,
    without a violation of the admin's policy."""
    tab, watch = watched
    article = public_site["article"]
    writer = editorial_team()[0]
    client = Client()
    client.force_login(writer)
    tab.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )

    tab.goto(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    blocks = tab.locator("[data-contentpath='body'] [data-streamfield-child]")
    expect(blocks).to_have_count(3)
    tab.locator("[data-contentpath='body'] .c-sf-add-button").first.click()
    tab.get_by_role("option", name="Đoạn văn").click()
    expect(blocks).to_have_count(4)

    tab.locator("[data-side-panel-toggle='preview']").click()
    preview = tab.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(article.title)

    assert watch.violations(tab) == []
    assert watch.messages == []

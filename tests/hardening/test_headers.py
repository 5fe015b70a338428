"""The security headers of every kind of public page, in Vietnamese and English, and of the
admin; and the public pages' markup, which the strict policy would break if it held
inline script, inline style or an event-handler attribute.

The public pages are built once for the module: the home page, an article (with an
embedded YouTube and Facebook video and its JSON-LD), a campaign, the search results
and the 404 page, in both languages.
"""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
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
from tests.pagecache.conftest import call_wsgi
from tests.workflows.gate_helpers import shared_state

YOUTUBE_URL = "https://www.youtube.com/watch?v=xuantruong02"
FACEBOOK_URL = "https://www.facebook.com/ubndxaxuantruong/videos/1234567890123456/"
#: What YouTube's oEmbed answers for the video, stored so no request is made.
YOUTUBE_HTML = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/xuantruong02?'
    'feature=oembed" frameborder="0" allow="autoplay; encrypted-media; picture-in-picture" '
    'allowfullscreen title="Lễ chào cờ"></iframe>'
)

#: The public site's policy, directive by directive.
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["https://www.youtube.com", "https://www.facebook.com"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as ``{directive: [sources]}``."""
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} given twice"
        directives[name] = sources
    return directives


def permissions(response) -> dict[str, str]:
    """The Permissions-Policy header as ``{feature: allowlist}``."""
    found = {}
    for item in response.headers["Permissions-Policy"].split(", "):
        feature, allowlist = item.split("=", 1)
        found[feature] = allowlist
    return found


def store_youtube_embed() -> None:
    """The embed as a fetch from YouTube would have left it, so no request is made."""
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


@pytest.fixture(scope="module")
def module_site(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        translate_page(get_home_page("vi"), "en", title="Xuan Truong Commune Portal")
        store_youtube_embed()
        article = ArticlePageFactory(
            body=[
                ("paragraph", RichText("<p>Toàn cảnh lễ chào cờ tại trụ sở UBND xã.</p>")),
                ("embed", {"embed": YOUTUBE_URL, "caption": "Phóng sự lễ chào cờ"}),
                ("embed", {"embed": FACEBOOK_URL, "caption": "Video trên trang của xã"}),
            ]
        )
        article_en = translate_page(article, "en", title="Flag salute at the commune hall")
        campaign = CampaignPageFactory()
        campaign_en = translate_page(campaign, "en", title="National Day campaign")
        pages = {
            "home (vi)": ("/vi/", HTTPStatus.OK),
            "home (en)": ("/en/", HTTPStatus.OK),
            "article (vi)": (article.url, HTTPStatus.OK),
            "article (en)": (article_en.url, HTTPStatus.OK),
            "campaign (vi)": (campaign.url, HTTPStatus.OK),
            "campaign (en)": (campaign_en.url, HTTPStatus.OK),
            "page not found (vi)": ("/vi/khong-ton-tai/", HTTPStatus.NOT_FOUND),
            "page not found (en)": ("/en/does-not-exist/", HTTPStatus.NOT_FOUND),
        }
        for language in ("vi", "en"):
            with translation.override(language):
                search = reverse("sitesearch:search")
            pages[f"search ({language})"] = (f"{search}?q=xa", HTTPStatus.OK)
        yield {"pages": pages, "article": article}


@pytest.fixture
def site(module_site, db):
    """``{"pages": {label: (url, expected status)}, "article": the Vietnamese article}``."""
    return module_site


PAGE_LABELS = [
    f"{kind} ({language})"
    for kind in ("home", "article", "campaign", "search", "page not found")
    for language in ("vi", "en")
]


@pytest.fixture
def public_response(site, client, request):
    url, status = site["pages"][request.param]
    response = client.get(url)
    assert response.status_code == status, url
    return response


def assert_browser_headers(response) -> None:
    """The headers sent with every page, public or admin."""
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    features = permissions(response)
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()", feature
    assert features["fullscreen"] == '(self "https://www.youtube.com" "https://www.facebook.com")'


@pytest.mark.parametrize("public_response", PAGE_LABELS, indirect=True)
def test_a_public_page_sends_the_strict_policy_and_the_other_headers(public_response):
    assert policy(public_response) == PUBLIC_POLICY
    assert "unsafe" not in public_response.headers["Content-Security-Policy"]
    assert "Content-Security-Policy-Report-Only" not in public_response.headers
    assert_browser_headers(public_response)


@pytest.mark.parametrize("public_response", PAGE_LABELS, indirect=True)
def test_a_public_page_holds_nothing_the_policy_would_block(public_response):
    """No inline script (a JSON-LD data block is not run, and is allowed), no script from
    elsewhere, no inline style or event-handler attribute, no javascript: address, no
    frame from a host the policy does not allow."""
    soup = BeautifulSoup(public_response.content, "html.parser")

    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            assert not script.get("src")
            continue
        assert script.get("src", "").startswith(settings.STATIC_URL), script
    assert not soup.find_all("style")
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            assert attribute != "style", element
            assert not attribute.startswith("on"), element
            if attribute in ("href", "src", "action", "formaction"):
                assert not str(value).strip().lower().startswith("javascript:"), element
    for link in soup.find_all("link", rel="stylesheet"):
        assert link["href"].startswith(settings.STATIC_URL), link
    for frame in soup.find_all("iframe"):
        origin = "/".join(frame["src"].split("/")[:3])
        assert origin in PUBLIC_POLICY["frame-src"], frame


def test_the_article_frames_both_videos_and_carries_its_json_ld(site, client):
    """The page the two tests above checked really has the frames and the data block."""
    url, _status = site["pages"]["article (vi)"]
    soup = BeautifulSoup(client.get(url).content, "html.parser")

    frames = [frame["src"] for frame in soup.find_all("iframe")]
    assert frames[0].startswith("https://www.youtube.com/embed/xuantruong02")
    assert frames[1].startswith("https://www.facebook.com/plugins/video.php?href=")
    assert soup.find("script", type="application/ld+json") is not None


def test_a_page_served_from_the_page_cache_keeps_its_headers(site, settings):
    """The cache answers before Django: the headers stored with the page are sent."""
    settings.PAGE_CACHE_ENABLED = True
    url, _status = site["pages"]["article (vi)"]

    first = call_wsgi(url)
    second = call_wsgi(url)

    assert second.from_cache
    for header in ("Content-Security-Policy", "Permissions-Policy", "Referrer-Policy"):
        assert second.headers[header] == first.headers[header]
    assert "script-src 'self';" in second.headers["Content-Security-Policy"] + ";"


@pytest.fixture
def writer_client(site, client):
    client.force_login(editorial_team()[0])
    return client


@pytest.mark.parametrize("address", ["dashboard", "article editor"])
def test_the_admin_has_its_own_policy(writer_client, site, address):
    """Wagtail's admin writes inline scripts and styles: the admin's policy allows them
    there, and only there, and still forbids event-handler attributes, plugins, a
    changed base address, forms posting elsewhere and being framed."""
    url = {
        "dashboard": reverse("wagtailadmin_home"),
        "article editor": reverse("wagtailadmin_pages:edit", args=[site["article"].pk]),
    }[address]

    response = writer_client.get(url)

    assert response.status_code == HTTPStatus.OK
    found = policy(response)
    assert found == {
        **PUBLIC_POLICY,
        "script-src": ["'self'", "'unsafe-inline'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'", "https://www.youtube.com", "https://www.facebook.com"],
    }
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert_browser_headers(response)


def test_a_preview_may_be_framed_by_the_admin_only(site):
    """The editor shows the preview in a frame of the admin: the preview (rendered at the
    page's own address, under the public policy) lets the same origin frame it."""
    response = site["article"].make_preview_request()

    assert response.status_code == HTTPStatus.OK
    assert policy(response) == {**PUBLIC_POLICY, "frame-ancestors": ["'self'"]}


def test_the_csrf_cookie_is_out_of_reach_of_scripts(db, client):
    response = client.get(reverse("wagtailadmin_login"))

    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"

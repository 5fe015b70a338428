"""Script-injection payloads in every text field an editor, a reviewer or an administrator
types: stored as written (rich text excepted: Wagtail's whitelist cleans it) and shown as
text everywhere they appear — the public pages in Vietnamese and English with their meta
tags, Open Graph, JSON-LD, feeds, the sitemap and highlighted search results, and in the
admin's listings, reports, CSV export and periodic report (DOCX).

The article is written through the real admin editor and published through the workflow
and the gate, as an editor would; the rest is made with the factories.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from http import HTTPStatus

import defusedxml.ElementTree as ET
import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from articles.models import ArticleKind, ArticlePage
from campaigns.models import CampaignPage, Occasion
from cms.reporting.models import Incident, PlanTask
from cms.syndication.metadata import plain_text
from cms.workflows.models import SpokespersonEntry
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CustomImageFactory,
    OccasionFactory,
    PressReleaseFactory,
    TopicFactory,
    get_home_page,
    publish_page,
    translate_page,
)
from tests.reporting.docx_reading import read_report
from tests.workflows.gate_helpers import shared_state

from .forms import article_form, paragraph
from .xss import (
    FORMULAS,
    PAYLOAD,
    inert_soup,
    json_ld,
    medium_payload,
    meta,
    payload,
    short_payload,
    texts_of,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 10, 6)
ATOM = "{http://www.w3.org/2005/Atom}"
#: The fields of the article typed in the editor (field → what was typed).
ARTICLE_FIELDS = {
    "title": payload("title"),
    "summary": payload("summary"),
    "seo_title": payload("seo title"),
    "search_description": payload("search description"),
    "author_name": payload("author"),
    "rebutted_claim": payload("claim"),
}
#: Taggit reads a double quote as the end of a quoted tag: the tag holds every other piece.
TAG = "tag <img src=x onerror=alert(6)><script>alert(7)</script>"
RICH_TEXT = (
    "<p>{text} <a href=\"javascript:alert('link')\">liên kết</a> "
    '<a href=" JaVaScRiPt:alert(1)">liên kết 2</a> <b>đậm</b></p>'
)


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_article(client, news, topic, image, document, task) -> ArticlePage:
    """The rebuttal article, created through the admin's editor with a payload in every
    field, then published through the workflow."""
    draft = ArticlePageFactory.build(topic=topic, publication_date=DAY, title="x", slug="x")
    data = article_form(
        draft,
        **ARTICLE_FIELDS,
        slug="bai-xss",
        kind=ArticleKind.REBUTTAL,
        tags=f'"{TAG}"',
        plan_task=str(task.pk),
        feed_image=str(image.pk),
        body=[
            ("paragraph", paragraph(RICH_TEXT.format(text=escaped(payload("rich text"))))),
            ("heading", {"text": payload("heading"), "level": "h2"}),
            ("image", {"image": str(image.pk), "caption": payload("caption"), "credit": ""}),
            ("quote", {"text": payload("quote"), "attribution": payload("quote source")}),
            (
                "table",
                {
                    "caption": payload("table caption"),
                    "table": json.dumps(
                        {
                            "data": [[payload("table cell"), "2025"]],
                            "first_row_is_table_header": False,
                            "first_col_is_header": False,
                        }
                    ),
                },
            ),
            ("document", {"document": str(document.pk), "title": payload("document link")}),
        ],
        references=[
            (
                "reference",
                {
                    "symbol": short_payload("symbol")[:80],
                    "issued_on": "2025-09-01",
                    "issuer": payload("issuer"),
                    "title": payload("reference"),
                    "url": "",
                },
            )
        ],
    )
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news.pk])
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    page = ArticlePage.objects.get(slug="bai-xss")
    return publish_page(page.get_latest_revision_as_object())


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        admin = get_user_model().objects.create_superuser(
            "xss-admin", "xss-admin@xuantruong.ninhbinh.gov.vn", "correct-horse-battery"
        )
        client = Client()
        client.force_login(admin)
        translate_page(get_home_page("vi"), "en", title="Xuan Truong Commune Portal")
        topic = TopicFactory(name=medium_payload("topic"), slug="chu-de-xss")
        task = PlanTask.objects.by_code("II.4")
        task.title = payload("plan task")
        task.save()
        image = CustomImageFactory(
            title=payload("image title"),
            description=payload("image alt"),
            credit=payload("image credit"),
        )
        document = get_document_model()(title=payload("document title"))
        document.file.save("ke-hoach.txt", ContentFile("Kế hoạch tuyên truyền.".encode()))
        news = ArticleIndexPageFactory(title="Tin tức", slug="tin-tuc")
        article = write_article(client, news, topic, image, document, task)
        english = translate_page(
            article,
            "en",
            title=payload("en title"),
            summary=payload("en summary"),
            slug="xss-article",
        )
        PressReleaseFactory(
            parent=news,
            title="Thông cáo báo chí về lễ hội truyền thống",
            slug="thong-cao",
            spokesperson_name=medium_payload("spokesperson"),
            publication_date=DAY,
        )
        ArticlePageFactory(
            parent=news, title=FORMULAS[0], slug="cong-thuc", topic=topic, publication_date=DAY
        )
        occasion = OccasionFactory(name=payload("occasion"), day=20, month=11, founding_year=1982)
        campaigns = CampaignIndexPageFactory(title="Chiến dịch", slug="chien-dich")
        campaign = CampaignPageFactory(
            parent=campaigns,
            slug="chien-dich-xss",
            occasion=occasion,
            slogan=payload("slogan"),
            summary=payload("campaign summary"),
            key_messages=[("message", {"message": payload("key message")})],
            start_date=datetime.date.today() - datetime.timedelta(days=2),
            end_date=datetime.date.today() + datetime.timedelta(days=5),
        )
        Incident.objects.create(
            platform="facebook",
            address=payload("incident address")[:255],
            summary=payload("incident summary"),
            category=Incident._meta.get_field("category").choices[0][0],
            severity=Incident._meta.get_field("severity").choices[0][0],
            created_by=admin,
        )
        yield {
            "admin": admin.pk,
            "article": article.pk,
            "english": english.pk,
            "campaign": campaign.pk,
            "image": image.pk,
            "document": document.pk,
        }


@pytest.fixture
def admin(world, client):
    client.force_login(get_user_model().objects.get(pk=world["admin"]))
    return client


def page_of(world, key) -> Page:
    return Page.objects.get(pk=world[key]).specific


# --- stored as written ----------------------------------------------------------------------


def test_every_text_field_is_stored_as_written(world):
    article = page_of(world, "article")
    for field, typed in ARTICLE_FIELDS.items():
        assert getattr(article, field) == typed, field
    assert [tag.name for tag in article.tags.all()] == [TAG]
    blocks = {block.block_type: block.value for block in article.body}
    assert blocks["heading"]["text"] == payload("heading")
    assert blocks["image"]["caption"] == payload("caption")
    assert blocks["quote"]["text"] == payload("quote")
    assert blocks["quote"]["attribution"] == payload("quote source")
    assert blocks["table"]["caption"] == payload("table caption")
    assert blocks["table"]["table"]["data"][0][0] == payload("table cell")
    assert blocks["document"]["title"] == payload("document link")
    assert article.references[0].value["title"] == payload("reference")
    assert article.topic.name == medium_payload("topic")
    assert article.feed_image.description == payload("image alt")
    assert get_document_model().objects.get(pk=world["document"]).title == payload("document title")
    assert SpokespersonEntry.objects.filter(full_name=medium_payload("spokesperson")).exists()
    assert Occasion.objects.filter(name=payload("occasion")).exists()
    assert Incident.objects.get().summary == payload("incident summary")


def test_rich_text_is_cleaned_by_the_whitelist_and_keeps_its_text(world):
    body = page_of(world, "article").body
    stored = next(b.value.source for b in body if b.block_type == "paragraph")
    soup = inert_soup(stored)
    assert soup.get_text().startswith(payload("rich text"))  # the typed text, as text
    links = soup.find_all("a")
    assert [link.get_text() for link in links] == ["liên kết", "liên kết 2"]
    assert all(not link.get("href") for link in links)  # the script addresses are gone
    assert soup.find("b").get_text() == "đậm"


# --- the public site ---------------------------------------------------------------------


def test_the_vietnamese_article_shows_every_payload_as_text(client, world):
    article = page_of(world, "article")
    response = client.get(article.url)
    assert response.status_code == HTTPStatus.OK
    soup = inert_soup(response.content)

    assert soup.h1.get_text() == payload("title")
    assert payload("seo title") in soup.title.get_text()
    main = soup.find("main").get_text()
    for field in ("summary", "claim", "heading", "caption", "quote", "quote source"):
        assert payload(field) in main, field
    assert payload("table caption") in main and payload("table cell") in main
    assert payload("document link") in main and payload("author") in main
    assert payload("reference") in main and payload("issuer") in main
    assert payload("rich text") in main
    assert TAG in main
    assert medium_payload("topic") in main
    assert "{{7*7}}" in main and "49" not in soup.h1.get_text()
    assert soup.find("img", alt=payload("image alt")) is not None
    assert payload("image credit") in main


def test_meta_tags_open_graph_and_json_ld_hold_the_payload_as_values(client, world):
    article = page_of(world, "article")
    soup = inert_soup(client.get(article.url).content)

    assert meta(soup, "description") == meta(soup, "og:description")
    assert meta(soup, "description") == payload("search description")  # as typed
    assert payload("seo title") in meta(soup, "og:title")
    assert meta(soup, "twitter:title") == meta(soup, "og:title")
    assert meta(soup, "og:image:alt") in (None, plain_text(payload("image alt")))
    (data,) = [item for item in json_ld(soup) if item.get("@type") == "NewsArticle"]
    assert payload("title").startswith(data["headline"].rstrip("…"))  # cut to its length
    assert data["description"] == plain_text(payload("search description"))


def test_the_english_article_shows_the_payload_as_text(client, world):
    english = page_of(world, "english")
    soup = inert_soup(client.get(english.url).content)

    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == payload("en title")
    assert payload("en summary") in soup.find("main").get_text()
    (data,) = [item for item in json_ld(soup) if item.get("@type") == "NewsArticle"]
    assert payload("en title").startswith(data["headline"].rstrip("…"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_listings_and_home_pages_show_the_payload_as_text(client, world, language):
    title = payload("title" if language == "vi" else "en title")
    urls = [f"/{language}/"]
    if language == "vi":
        urls.append(page_of(world, "article").get_parent().url)
    for url in urls:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        soup = inert_soup(response.content)
        assert title in soup.find("main").get_text(), url


def test_the_press_release_and_every_footer_show_the_spokesperson_as_text(client, world):
    release = ArticlePage.objects.get(slug="thong-cao")
    soup = inert_soup(client.get(release.url).content)

    assert medium_payload("spokesperson") in soup.find("main").get_text()
    assert medium_payload("spokesperson") in soup.find("footer", class_="site-footer").get_text()


def test_the_campaign_and_its_calendar_show_the_payload_as_text(client, world):
    campaign = page_of(world, "campaign")
    soup = inert_soup(client.get(campaign.url).content)
    main = soup.find("main").get_text()
    for field in ("slogan", "campaign summary", "key message"):
        assert payload(field) in main, field
    events = [item for item in json_ld(soup) if item.get("@type") == "Event"]
    assert events

    calendar = inert_soup(client.get(campaign.get_parent().url).content)
    assert payload("occasion") in calendar.find("main").get_text()


def item_html(text: str | None) -> str:
    """What a feed reader shows for an item's description: the element's text is HTML."""
    return text or ""


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_carry_the_payload_as_text(client, world, language, kind):
    response = client.get(f"/{language}/feeds/{kind}/")
    assert response.status_code == HTTPStatus.OK
    root = ET.fromstring(response.content)  # well-formed XML
    title = payload("title" if language == "vi" else "en title")
    if kind == "rss":
        items = root.findall("./channel/item")
        titles = [item.findtext("title") for item in items]
        descriptions = [item.findtext("description") for item in items]
    else:
        items = root.findall(f"{ATOM}entry")
        titles = [item.findtext(f"{ATOM}title") for item in items]
        descriptions = [item.findtext(f"{ATOM}summary") for item in items]
    assert title in titles  # plain text, as typed
    for description in descriptions:
        # RSS descriptions and Atom summaries (type="html") are HTML to a feed reader,
        # which puts them inside its own page.
        soup = inert_soup(f"<div>{item_html(description)}</div>").div
        assert not soup.find_all(True), f"markup in a feed description: {description!r}"


def test_the_topic_feed_and_the_sitemap_are_well_formed(client, world):
    topic_feed = client.get("/vi/feeds/topics/chu-de-xss/rss/")
    assert topic_feed.status_code == HTTPStatus.OK
    channel = ET.fromstring(topic_feed.content).find("channel")
    assert medium_payload("topic") in channel.findtext("title")
    categories = [c.text for c in channel.iter("category")]
    assert medium_payload("topic") in categories and TAG in categories

    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == HTTPStatus.OK
    ET.fromstring(sitemap.content)


@pytest.mark.parametrize(
    ("language", "query"), [("vi", "alert"), ("en", "alert"), ("vi", "script")]
)
def test_search_results_highlight_the_payload_as_text(client, world, language, query):
    url = "/vi/tim-kiem/" if language == "vi" else "/en/search/"
    response = client.get(url, {"q": query})
    assert response.status_code == HTTPStatus.OK
    soup = inert_soup(response.content)

    marks = soup.find("main").find_all("mark")
    assert marks, "no highlighted match"
    assert all(mark.get_text().lower() == query for mark in marks)
    assert all(not mark.find_all(True) for mark in marks)
    title = payload("title" if language == "vi" else "en title")
    assert title in texts_of(soup, "main a")
    # The query itself, echoed in the title and the field, is text too.
    injected = client.get(url, {"q": PAYLOAD})
    echoed = inert_soup(injected.content)
    assert echoed.find(id="search-q")["value"] == PAYLOAD[:200].strip()


# --- the admin --------------------------------------------------------------------------


def admin_pages(world):
    article = Page.objects.get(pk=world["article"])
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[article.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:search") + "?q=alert",
        reverse("wagtailimages:index"),
        reverse("wagtailimages:edit", args=[world["image"]]),
        reverse("wagtaildocs:index"),
        reverse("wagtailsnippets_core_topic:list"),
        reverse("wagtailsnippets_campaigns_occasion:list"),
        reverse("wagtailsnippets_workflows_spokespersonentry:list"),
        reverse("incidents:index"),
        reverse("plan_tasks:index"),
        reverse("reporting_reports:published_content"),
        reverse("reporting_reports:campaign_coverage"),
        reverse("reporting_reports:translation_coverage"),
        reverse("reporting_audit:index"),
        reverse("broadcast:bulletin") + f"?date={DAY:%Y-%m-%d}&period=week&language=vi",
    ]


def test_admin_listings_and_reports_show_the_payload_as_text(admin, world):
    for url in admin_pages(world):
        response = admin.get(url)
        assert response.status_code == HTTPStatus.OK, url
        inert_soup(response.content)
    listing = inert_soup(admin.get(reverse("incidents:index")).content)
    assert payload("incident summary")[:40] in listing.get_text()
    report = inert_soup(admin.get(reverse("reporting_reports:published_content")).content)
    assert payload("title") in report.get_text() and payload("plan task") in report.get_text()


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_csv_exports_neutralise_formulas_and_keep_the_payload(admin, world):
    response = admin.get(reverse("reporting_reports:published_content"), {"export": "csv"})
    assert response.status_code == HTTPStatus.OK
    rows = csv_rows(response)
    cells = [cell for row in rows for cell in row]

    assert payload("title") in cells  # text as typed
    assert f"'{FORMULAS[0]}" in cells  # a formula cell is shown as text
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@"}]


@pytest.mark.parametrize("value", FORMULAS)
def test_every_formula_start_is_neutralised(value):
    from cms.core.exports import csv_cell

    assert csv_cell(value) == "'" + value
    assert csv_cell("Tin tức " + value) == "Tin tức " + value
    assert csv_cell(42) == 42


def test_the_periodic_report_holds_the_titles_as_text(admin, world):
    response = admin.get(
        reverse("reporting_docx:periodic_report"),
        {"date_from": "2025-10-01", "date_to": "2025-10-31"},
    )
    assert response.status_code == HTTPStatus.OK
    report = read_report(io.BytesIO(response.content))
    cells = [cell for table in report.tables.values() for row in table for cell in row]
    for text in (payload("title"), payload("plan task")):
        assert text in report.text or any(text in cell for cell in cells), text


def test_campaign_model_kept_the_payloads(world):
    campaign = CampaignPage.objects.get(pk=world["campaign"])
    assert campaign.slogan == payload("slogan")
    assert campaign.key_messages[0].value["message"] == payload("key message")

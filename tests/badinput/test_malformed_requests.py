"""Malformed and oversized requests: to the page editor (edit and create), the sign-in
form, the public search, the listings and the reports. Every one gets a 400 page, a 404
page or the form again with its error, in the language of the address or of the user —
never a server error — and nothing is saved.
"""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, TopicFactory
from tests.workflows.gate_helpers import shared_state

from .forms import article_form, edit_url

pytestmark = pytest.mark.django_db

TITLE = "Hội nghị sơ kết công tác quý III"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """A news section with one published article (for the listing and the search) and one
    draft (for the editor)."""
    with shared_state(django_db_blocker):
        topic = TopicFactory(name="Văn hóa – Xã hội", slug="van-hoa-xa-hoi")
        news = ArticleIndexPageFactory(title="Tin tức", slug="tin-tuc")
        ArticlePageFactory(
            parent=news, title="Hội nghị tổng kết công tác năm", slug="tong-ket", topic=topic
        )
        draft = ArticlePageFactory(parent=news, title=TITLE, slug="so-ket", publish=False)
        yield {"news": news.pk, "draft": draft.pk}


@pytest.fixture
def news(module_world):
    return Page.objects.get(pk=module_world["news"]).specific


@pytest.fixture
def draft(module_world):
    return ArticlePage.objects.get(pk=module_world["draft"])


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["articles", "articlepage", parent.pk])


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def assert_bad_request_page(response, language: str = "vi") -> None:
    """The project's 400 page, in ``language``: heading, explanation and a way home."""
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Language"] == language
    soup = soup_of(response)
    assert soup.html["lang"] == language
    with translation.override(language):
        heading = gettext("Bad request")
        home = gettext("Go to the home page")
    assert soup.h1.get_text(strip=True) == heading
    assert soup.select_one(".error-page__code").get_text(strip=True) == "400"
    assert soup.find("main").find("a", string=home)["href"] == f"/{language}/"
    if language == "en":
        assert "Nothing was changed" in soup.find("main").get_text()


class Unchanged:
    """Remembers the draft and the number of pages and sessions, to prove nothing moved."""

    def __init__(self, draft):
        self.draft = draft
        self.revisions = draft.revisions.count()
        self.pages = Page.objects.count()

    def check(self):
        self.draft.refresh_from_db()
        assert self.draft.title == TITLE
        assert self.draft.revisions.count() == self.revisions
        assert Page.objects.count() == self.pages


def oversized_form(draft) -> bytes:
    data = article_form(draft, summary="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    return urlencode(data).encode()


def too_many_fields(draft) -> dict:
    extra = {f"extra-{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    return {**article_form(draft, title="Tiêu đề mới"), **extra}


def not_utf8(draft) -> bytes:
    # "%FF%FE" decodes to no UTF-8 text; Django would save it as replacement characters.
    return urlencode(article_form(draft)).encode() + b"&title=Ti%FF%FEu+%C4%91%E1%BB"


def raw_latin1(draft) -> bytes:
    return urlencode(article_form(draft)).encode() + b"&title=Ti\xeau \xf0\xe8"


BROKEN_BODIES = {
    "oversized": lambda d: (oversized_form(d), FORM),
    "too many fields": lambda d: (urlencode(too_many_fields(d)).encode(), FORM),
    "percent-encoded bytes that are not UTF-8": lambda d: (not_utf8(d), FORM),
    "raw bytes that are not UTF-8": lambda d: (raw_latin1(d), FORM),
    "multipart without a boundary": lambda d: (b"title=x", "multipart/form-data"),
    "multipart with a broken boundary": lambda d: (b"--\x00", "multipart/form-data; boundary=\x00"),
}


@pytest.mark.parametrize("body", BROKEN_BODIES)
@pytest.mark.parametrize("view", ["edit", "create"])
def test_the_editor_answers_an_unreadable_post_with_the_400_page(
    admin_client, draft, news, body, view
):
    unchanged = Unchanged(draft)
    data, content_type = BROKEN_BODIES[body](draft)
    url = edit_url(draft) if view == "edit" else add_url(news)

    response = admin_client.post(url, data, content_type=content_type)

    assert_bad_request_page(response)
    unchanged.check()


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ('{"title": "Tiêu đề mới", "action-submit": "1"}', "application/json"),
        ("title=Tiêu đề mới", "text/plain"),
        ("<page><title>Tiêu đề mới</title></page>", "application/xml"),
        (
            b'--b\r\nContent-Disposition: form-data; name="title"\r\n\r\n'
            b"Ti\xc3\xaau \xc4\x91\xe1\xbb",
            "multipart/form-data; boundary=b",
        ),
    ],
    ids=["json", "text", "xml", "multipart cut short"],
)
def test_the_editor_refuses_a_post_it_cannot_read_as_its_form(
    admin_client, draft, data, content_type
):
    """A body of the wrong type reaches the form as missing fields: the editor says what
    is missing and saves nothing."""
    unchanged = Unchanged(draft)

    response = admin_client.post(edit_url(draft), data, content_type=content_type)

    assert response.status_code == HTTPStatus.OK
    soup = soup_of(response)
    assert soup.html["lang"] == "vi"
    with translation.override("vi"):
        refusal = gettext("The page could not be saved due to validation errors.")
    assert refusal in soup.select_one(".messages .error").get_text()
    unchanged.check()


def test_a_nul_byte_in_the_editor_is_a_form_error(admin_client, draft):
    unchanged = Unchanged(draft)

    response = admin_client.post(
        edit_url(draft), article_form(draft, title="Tiêu đề\x00mới", summary="Tóm\x00tắt")
    )

    assert response.status_code == HTTPStatus.OK
    with translation.override("vi"):
        assert gettext("Null characters are not allowed.") in response.content.decode()
    unchanged.check()


LOGIN_BODIES = {
    "oversized": (
        urlencode({"username": "a", "password": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE}),
        FORM,
    ),
    "too many fields": (
        urlencode({f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}),
        FORM,
    ),
    "not UTF-8": (b"username=%FF%FE&password=x", FORM),
    "multipart without a boundary": (b"username=a", "multipart/form-data"),
}


@pytest.mark.parametrize("body", LOGIN_BODIES)
def test_the_sign_in_form_answers_an_unreadable_post_with_the_400_page(client, body):
    data, content_type = LOGIN_BODIES[body]

    response = client.post(reverse("wagtailadmin_login"), data, content_type=content_type)

    assert_bad_request_page(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ({"username": "admin\x00", "password": "x\x00"}, None),
        ('{"username": "admin", "password": "x"}', "application/json"),
    ],
    ids=["nul bytes", "json"],
)
def test_the_sign_in_form_refuses_other_bad_posts_with_its_error(
    client, admin_user, data, content_type
):
    kwargs = {"content_type": content_type} if content_type else {}

    response = client.post(reverse("wagtailadmin_login"), data, **kwargs)

    assert response.status_code == HTTPStatus.OK
    soup = soup_of(response)
    assert soup.html["lang"] == "vi"
    assert soup.select(".error-message, .messages .error, .help-critical, .w-field__errors")
    assert "_auth_user_id" not in client.session


# --- the public site ----------------------------------------------------------------------

SEARCH = {"vi": "/vi/tim-kiem/", "en": "/en/search/"}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_query_string_that_is_not_utf8_gets_the_400_page_in_its_language(
    client, module_world, language
):
    response = client.get(f"{SEARCH[language]}?q=%FF%FE")

    assert_bad_request_page(response, language)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_nul_byte_in_the_search_is_a_form_error(client, module_world, language):
    response = client.get(SEARCH["vi"] if language == "vi" else SEARCH["en"], {"q": "hội\x00"})

    assert response.status_code == HTTPStatus.OK
    soup = soup_of(response)
    assert soup.html["lang"] == language
    with translation.override(language):
        message = gettext("Null characters are not allowed.")
    assert soup.select_one("#search-q-error").get_text(strip=True) == message
    assert soup.select_one("#search-q")["aria-describedby"] == "search-q-error"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("from", "2025-13-45", "“From” is not a valid date (day/month/year); it was not applied."),
        ("to", "31/02/2025", "“To” is not a valid date (day/month/year); it was not applied."),
        ("to", "\x00", "“To” is not a valid date (day/month/year); it was not applied."),
        ("topic", "<script>", "There is no such topic; all topics are shown."),
        ("type", "9" * 40, "There is no such type; all types are shown."),
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_bad_search_filters_are_named_and_left_out(
    client, module_world, field, value, message, language
):
    response = client.get(SEARCH[language], {"q": "hội nghị", field: value})

    assert response.status_code == HTTPStatus.OK
    soup = soup_of(response)
    with translation.override(language):
        expected = gettext(message)
    assert expected in [p.get_text(strip=True) for p in soup.select(".search-form__error")]
    if language == "vi":  # the Vietnamese article is still found, the filter left out
        assert "Hội nghị tổng kết công tác năm" in soup.find("main").get_text()


@pytest.mark.parametrize("number", ["9" * 40, "-1", "0", "1e9", "\x00", "٣", "9" * 5000])
def test_any_page_number_of_a_listing_or_the_search_is_answered(client, module_world, number):
    listing = client.get("/vi/tin-tuc/", {"page": number})
    search = client.get(SEARCH["vi"], {"q": "hội nghị", "page": number})

    for response in (listing, search):
        assert response.status_code == HTTPStatus.OK
        assert "Hội nghị tổng kết công tác năm" in soup_of(response).find("main").get_text()


@pytest.mark.parametrize(
    "path",
    ["/vi/tin-tuc/%00/", "/vi/tin-tuc/tong-ket%00/", "/vi/feeds/topics/%00/rss/", "/vi/%00"],
)
def test_a_nul_byte_in_an_address_is_not_found(client, module_world, path):
    response = client.get(path)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert soup_of(response).html["lang"] == "vi"


def test_the_search_answers_a_post_with_method_not_allowed(client, module_world):
    response = client.post(SEARCH["vi"], {"q": "hội"})

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


# --- the admin's reports and registers ------------------------------------------------------

REPORTS = [
    "reporting_reports:published_content",
    "reporting_reports:workflow",
    "reporting_reports:checker",
    "reporting_reports:translation_coverage",
    "reporting_reports:campaign_coverage",
]


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize(
    "bad", [{"period_from": "2025-13-45"}, {"period_to": "\x00"}, {"period_from": "9" * 40}]
)
def test_a_report_names_a_bad_date_and_exports_nothing(admin_client, module_world, report, bad):
    page = admin_client.get(reverse(report), bad)
    export = admin_client.get(reverse(report), {**bad, "export": "csv"})

    for response in (page, export):
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"].startswith("text/html")  # the errors, not a file
        soup = soup_of(response)
        assert soup.html["lang"] == "vi"
        with translation.override("vi"):
            assert gettext("Correct the filters to see the report.") in soup.get_text()


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("number", ["9" * 40, "-1", "\x00"])
def test_a_report_answers_any_page_number(admin_client, module_world, report, number):
    response = admin_client.get(reverse(report), {"p": number})

    assert response.status_code in {HTTPStatus.OK, HTTPStatus.NOT_FOUND}
    assert soup_of(response).html["lang"] == "vi"


@pytest.mark.parametrize(
    "query",
    [
        {"timestamp_from": "0000-00-00", "timestamp_to": "99999-01-01"},
        {"user": "-1"},
        {"user": "abc"},
        {"action": "\x00"},
        {"label": "\x00"},
        {"p": "9" * 40},
    ],
)
def test_the_audit_trail_answers_bad_filters(admin_client, module_world, query):
    response = admin_client.get(reverse("reporting_audit:index"), query)

    assert response.status_code in {HTTPStatus.OK, HTTPStatus.NOT_FOUND}
    assert soup_of(response).html["lang"] == "vi"


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "2025-13-45", "date_to": "2025-12-31"},
        {"date_from": "\x00", "date_to": "9" * 40},
        {"date_from": "2025-12-31", "date_to": "2025-01-01"},
    ],
)
def test_the_periodic_report_names_bad_dates_instead_of_a_document(
    admin_client, module_world, query
):
    response = admin_client.get(reverse("reporting_docx:periodic_report"), query)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/html")
    assert soup_of(response).select(".error-message")


@pytest.mark.parametrize(
    "query",
    [
        {"date": "2025-02-30", "period": "day", "language": "vi"},
        {"date": "\x00", "period": "\x00", "language": "xx"},
        {"date": "9" * 40},
    ],
)
def test_the_radio_bulletin_names_bad_choices(admin_client, module_world, query):
    page = admin_client.get(reverse("broadcast:bulletin"), query)
    download = admin_client.get(reverse("broadcast:download"), query)

    assert page.status_code == HTTPStatus.OK
    assert soup_of(page).select(".error-message")
    assert download.status_code == HTTPStatus.FOUND  # back to the form, which says why


@pytest.mark.parametrize(
    "url_name",
    [
        "incidents:index",
        "wagtailsnippets_workflows_spokespersonentry:list",
        "wagtailsnippets_campaigns_occasion:list",
        "wagtailadmin_pages:search",
    ],
)
@pytest.mark.parametrize(
    "query", [{"q": "\x00"}, {"q": "x" * 5000}, {"p": "9" * 40}, {"ordering": "\x00"}]
)
def test_admin_listings_answer_bad_queries(admin_client, module_world, url_name, query):
    response = admin_client.get(reverse(url_name), query)

    assert response.status_code in {HTTPStatus.OK, HTTPStatus.NOT_FOUND}
    assert soup_of(response).html["lang"] == "vi"

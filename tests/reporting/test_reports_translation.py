"""The "Translation coverage" report: each live Vietnamese page with the state of its English
version (current, out of date, not published, none), and the share that is current."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import ArticlePage
from cms.security import services as security_services
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    get_home_page,
    publish_page,
    translate_page,
)
from tests.translations.conftest import english_page, localize
from tests.workflows.gate_helpers import shared_state, vi

from .reports_helpers import (
    ALLOWED,
    REFUSED,
    assert_refused,
    csv_rows,
    filter_errors,
    login,
    soup_of,
    summary,
    url,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

REPORT = "translation_coverage"
CURRENT = "Xã Xuân Trường đón đoàn doanh nghiệp Nhật Bản"
CURRENT_EN = "Xuan Truong welcomes Japanese businesses"
OUTDATED = "Cụm công nghiệp Xuân Trường mở rộng thêm 20 ha"
OUTDATED_NEW = "Cụm công nghiệp Xuân Trường mở rộng thêm 25 ha"
OUTDATED_EN = "Xuan Truong industrial cluster expands by 20 ha"
DRAFT = "Lễ hội chùa Keo Hành Thiện mùa thu"
NONE = "Hội nghị tiếp xúc cử tri cuối năm"
DAY = datetime.date


@dataclass
class World:
    ids: dict[str, int]


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """Four Vietnamese articles: one with a current English version, one whose source was
    published again after the translation was synced, one with an English draft, one with
    no English page."""
    with shared_state(django_db_blocker):
        security_services.clear_local_cache()
        translate_page(get_home_page("vi"), "en", title="Xuan Truong Commune Portal")
        index = ArticleIndexPageFactory()
        current = ArticlePageFactory(parent=index, title=CURRENT, publication_date=DAY(2025, 9, 10))
        current_en = publish_page(english_page(localize(current, titles={CURRENT: CURRENT_EN})))
        outdated = ArticlePageFactory(
            parent=index, title=OUTDATED, publication_date=DAY(2025, 10, 5)
        )
        publish_page(english_page(localize(outdated, titles={OUTDATED: OUTDATED_EN})))
        outdated.title = OUTDATED_NEW
        publish_page(outdated)  # after the sync
        draft = ArticlePageFactory(parent=index, title=DRAFT, publication_date=DAY(2025, 11, 20))
        translate_page(draft, "en", publish=False, title="Keo Hanh Thien pagoda autumn festival")
        none = ArticlePageFactory(parent=index, title=NONE, publication_date=DAY(2025, 12, 2))
        yield World(
            ids={
                "current": current.pk,
                "current_en": current_en.pk,
                "outdated": outdated.pk,
                "draft": draft.pk,
                "none": none.pk,
            }
        )
        security_services.clear_local_cache()


@pytest.fixture
def world(module_world, db):
    return module_world


ARTICLES = {"content_type": lambda: ContentType.objects.get_for_model(ArticlePage).pk}


def get(client, key="reviewer", **params):
    login(client, key)
    params = {name: value() if callable(value) else value for name, value in params.items()}
    return client.get(url(REPORT), params)


def states(response) -> dict[str, str]:
    return {row.title: row.english_version for row in response.context["object_list"]}


def test_each_live_vietnamese_page_shows_the_state_of_its_english_version(client, world):
    response = get(client)

    assert response.status_code == HTTPStatus.OK
    found = states(response)
    assert {title: found[title] for title in (CURRENT, OUTDATED_NEW, DRAFT, NONE)} == {
        CURRENT: "current",
        OUTDATED_NEW: "outdated",
        DRAFT: "draft",
        NONE: "none",
    }
    assert found[get_home_page("vi").title] == "current"
    assert all(page.locale.language_code == "vi" for page in response.context["object_list"])
    rows = {row.title: row for row in response.context["object_list"]}
    assert rows[CURRENT].english_title == CURRENT_EN
    assert rows[CURRENT].english_version_label == vi("Up to date")
    assert rows[NONE].english_title == ""
    edit_en = reverse("wagtailadmin_pages:edit", args=[world.ids["current_en"]])
    assert soup_of(response).select(f'td.title a[href="{edit_en}"]')


def test_the_summary_gives_the_share_with_a_current_english_version(client, world):
    response = get(client, **ARTICLES)

    assert response.context["summary"]["share"] == 25.0
    assert summary(response, '[data-state="current"] [data-count]') == "1"
    assert summary(response, '[data-state="outdated"] [data-count]') == "1"
    assert summary(response, '[data-state="draft"] [data-count]') == "1"
    assert summary(response, '[data-state="none"] [data-count]') == "1"
    assert "25,0%" in summary(response, '[data-figure="share"]')


def test_the_period_counts_pages_by_publication_date(client, world):
    response = get(client, period_from="2025-09-01", period_to="2025-10-31", **ARTICLES)

    assert set(states(response)) == {CURRENT, OUTDATED_NEW}
    assert response.context["summary"]["share"] == 50.0


@pytest.mark.parametrize(
    ("state", "title"),
    [("current", CURRENT), ("outdated", OUTDATED_NEW), ("draft", DRAFT), ("none", NONE)],
)
def test_the_english_version_filter(client, world, state, title):
    response = get(client, english_version=state, **ARTICLES)

    assert list(states(response)) == [title]


def test_csv_and_xlsx_exports_have_the_rows(client, world):
    login(client)
    params = {"content_type": ContentType.objects.get_for_model(ArticlePage).pk}
    heading, *lines = csv_rows(client.get(url(REPORT), {**params, "export": "csv"}))
    xlsx_heading, *cells = xlsx_rows(client.get(url(REPORT), {**params, "export": "xlsx"}))

    assert heading == [
        vi("Vietnamese page"),
        vi("Type"),
        vi("Publication date"),
        vi("English version"),
        vi("English page"),
    ]
    assert xlsx_heading == heading
    by_title = {line[0]: line for line in lines}
    assert by_title[CURRENT][2:] == ["2025-09-10", vi("Up to date"), CURRENT_EN]
    assert by_title[OUTDATED_NEW][3] == vi("Out of date")
    assert by_title[NONE][3:] == [vi("No English page"), ""]
    assert {row[0]: row[3] for row in cells} == {title: line[3] for title, line in by_title.items()}


@pytest.mark.parametrize("key", ALLOWED + REFUSED)
def test_who_may_open_the_report(client, world, key):
    response = get(client, key)

    if key in ALLOWED:
        assert response.status_code == HTTPStatus.OK
    else:
        assert_refused(client, response, REPORT)


@pytest.mark.parametrize("params", [{"period_from": "2025-13-45"}, {"english_version": "maybe"}])
def test_a_bad_filter_value_is_shown_as_an_error(client, world, params):
    response = get(client, **params)

    assert response.status_code == HTTPStatus.OK
    assert filter_errors(response)
    assert not response.context["object_list"]


def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, world, django_assert_max_num_queries
):
    login(client)
    client.get(url(REPORT))
    with CaptureQueriesContext(connection) as one_row:
        response = client.get(url(REPORT), {"english_version": "outdated"})
    assert len(response.context["object_list"]) == 1

    with django_assert_max_num_queries(len(one_row)):
        response = client.get(url(REPORT))
    assert len(response.context["object_list"]) >= 6

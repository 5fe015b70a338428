"""The "Campaign coverage" report: live articles per campaign in each language, and per
occasion; with a period, the articles published in it and the campaigns that ran in it
or had one."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.reporting.models import PlanTask
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    OccasionFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
    get_home_page,
    translate_page,
)
from tests.workflows.gate_helpers import shared_state, vi

from .reports_helpers import (
    ALLOWED,
    REFUSED,
    assert_refused,
    csv_rows,
    filter_errors,
    login,
    shown_titles,
    soup_of,
    url,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

REPORT = "campaign_coverage"
C1 = "Tuyên truyền kỷ niệm Cách mạng Tháng Tám và Quốc khánh 2/9"
C2 = "Tuyên truyền ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam"
C3 = "Tuyên truyền cuối năm về an toàn giao thông"
DAY = datetime.date


@dataclass
class World:
    national_day: object
    women: object
    task: PlanTask


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """C1 (National Day, 25/8–5/9/2025): two Vietnamese articles and the English translation
    of one, which names C1's English translation. C2 (Women's Union, 10–25/10/2025): a
    feature of 20/10 and an article of 5/11. C3 (1–31/12/2025, no occasion, no task):
    nothing. A draft naming C1 does not count."""
    with shared_state(django_db_blocker):
        translate_page(get_home_page("vi"), "en", title="Xuan Truong Commune Portal")
        task = PlanTask.objects.get(section="II", number=6)
        national_day = OccasionFactory(name="Quốc khánh nước CHXHCN Việt Nam")
        women = OccasionFactory(
            name="Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam",
            day=20,
            month=10,
            founding_year=1930,
        )
        campaigns = CampaignIndexPageFactory()
        c1 = CampaignPageFactory(
            parent=campaigns,
            title=C1,
            occasion=national_day,
            start_date=DAY(2025, 8, 25),
            end_date=DAY(2025, 9, 5),
            plan_task=task,
        )
        c1_en = translate_page(c1, "en", title="National Day campaign")
        c2 = CampaignPageFactory(
            parent=campaigns,
            title=C2,
            occasion=women,
            start_date=DAY(2025, 10, 10),
            end_date=DAY(2025, 10, 25),
            plan_task=task,
        )
        CampaignPageFactory(
            parent=campaigns,
            title=C3,
            occasion=None,
            start_date=DAY(2025, 12, 1),
            end_date=DAY(2025, 12, 31),
        )
        news = ArticleIndexPageFactory()
        first = ArticlePageFactory(
            parent=news, related_campaign=c1, publication_date=DAY(2025, 9, 1)
        )
        translate_page(first, "en", title="National Day news", related_campaign=c1_en)
        ArticlePageFactory(parent=news, related_campaign=c1, publication_date=DAY(2025, 9, 3))
        ArticlePageFactory(parent=news, related_campaign=c1, publish=False)
        SovereigntyFeaturePageFactory(
            parent=SovereigntyIndexPageFactory(),
            related_campaign=c2,
            publication_date=DAY(2025, 10, 20),
        )
        ArticlePageFactory(parent=news, related_campaign=c2, publication_date=DAY(2025, 11, 5))
        yield World(national_day=national_day, women=women, task=task)


@pytest.fixture
def world(module_world, db):
    return module_world


def get(client, key="reviewer", **params):
    login(client, key)
    return client.get(url(REPORT), params)


def counts(response) -> dict[str, tuple[int, int, int]]:
    return {
        row.title: (row.articles_vi, row.articles_en, row.articles_total)
        for row in response.context["object_list"]
    }


def occasion_figures(response, occasion) -> dict[str, str]:
    key = occasion.pk if occasion else "none"
    row = soup_of(response).select_one(f'[data-summary="occasions"] tr[data-occasion="{key}"]')
    assert row is not None, f"no summary row for {occasion}"
    return {cell["data-figure"]: cell.get_text(strip=True) for cell in row.select("td")}


def test_each_vietnamese_campaign_counts_its_live_articles_in_each_language(client, world):
    response = get(client)

    assert response.status_code == HTTPStatus.OK
    assert counts(response) == {C1: (2, 1, 3), C2: (2, 0, 2), C3: (0, 0, 0)}
    assert set(shown_titles(response)) == {C1, C2, C3}
    rows = {row.title: row for row in response.context["object_list"]}
    assert rows[C1].occasion_name == world.national_day.name
    assert rows[C1].plan_task_label == str(world.task)
    assert rows[C3].plan_task_label == vi("Not assigned")
    assert "25/08/2025" in response.content.decode()


def test_the_summary_totals_articles_per_occasion(client, world):
    response = get(client)

    assert occasion_figures(response, world.national_day) == {
        "campaigns": "1",
        "vi": "2",
        "en": "1",
        "total": "3",
    }
    assert occasion_figures(response, world.women)["total"] == "2"
    assert occasion_figures(response, None) == {
        "campaigns": "1",
        "vi": "0",
        "en": "0",
        "total": "0",
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # October: C2 ran, with its feature of 20/10; C1 ended in September.
        ({"period_from": "2025-10-01", "period_to": "2025-10-31"}, {C2: (1, 0, 1)}),
        # November: nothing ran, but C2 had an article on 5/11.
        ({"period_from": "2025-11-01", "period_to": "2025-11-30"}, {C2: (1, 0, 1)}),
        # December: C3 ran, with no article.
        ({"period_from": "2025-12-01"}, {C3: (0, 0, 0)}),
        ({"plan_task": "null"}, {C3: (0, 0, 0)}),
    ],
)
def test_filters_narrow_the_rows_and_the_counts(client, world, params, expected):
    response = get(client, **params)

    assert counts(response) == expected


def test_the_occasion_and_plan_task_filters(client, world):
    login(client)
    by_occasion = client.get(url(REPORT), {"occasion": world.national_day.pk})
    by_task = client.get(url(REPORT), {"plan_task": world.task.pk})

    assert list(counts(by_occasion)) == [C1]
    assert set(counts(by_task)) == {C1, C2}


def test_csv_and_xlsx_exports_have_the_rows(client, world):
    login(client)
    heading, *lines = csv_rows(client.get(url(REPORT), {"export": "csv"}))
    xlsx_heading, *cells = xlsx_rows(client.get(url(REPORT), {"export": "xlsx"}))

    assert heading == [
        vi("Campaign"),
        vi("Occasion"),
        vi("Start date"),
        vi("End date"),
        vi("Articles in Vietnamese"),
        vi("Articles in English"),
        vi("Articles in total"),
        vi("Plan task"),
    ]
    assert xlsx_heading == heading
    by_title = {line[0]: line for line in lines}
    assert by_title[C1] == [
        C1,
        world.national_day.name,
        "2025-08-25",
        "2025-09-05",
        "2",
        "1",
        "3",
        str(world.task),
    ]
    assert {row[0]: row[4:7] for row in cells} == {C1: [2, 1, 3], C2: [2, 0, 2], C3: [0, 0, 0]}


@pytest.mark.parametrize("key", ALLOWED + REFUSED)
def test_who_may_open_the_report(client, world, key):
    response = get(client, key)

    if key in ALLOWED:
        assert response.status_code == HTTPStatus.OK
    else:
        assert_refused(client, response, REPORT)


@pytest.mark.parametrize("params", [{"period_from": "2025-13-45"}, {"occasion": "nope"}])
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
        response = client.get(url(REPORT), {"occasion": world.women.pk})
    assert len(response.context["object_list"]) == 1

    with django_assert_max_num_queries(len(one_row)):
        response = client.get(url(REPORT))
    assert len(response.context["object_list"]) == 3

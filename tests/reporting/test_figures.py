"""The figures of a reporting period (``cms.reporting.figures``), against content published
through the real workflow (``ttdn_world``: the table there is what these tests expect)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cms.reporting import figures
from cms.security import services as security_services
from tests.workflows.gate_helpers import shared_state

from .ttdn_world import (
    A1_EN_TITLE,
    A1_TITLE,
    A2_TITLE,
    A3_TITLE,
    A4_TITLE,
    DRAFT_TITLE,
    ECONOMY,
    F1_EN_TITLE,
    F1_NEW_TITLE,
    OUTSIDE_TITLES,
    PERIOD,
    SEA,
    TAKEN_DOWN_TITLE,
    build_world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_checker():
    security_services.clear_local_cache()
    yield
    security_services.clear_local_cache()


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        security_services.clear_local_cache()
        yield build_world()


@pytest.fixture
def world(module_world, db):
    return module_world


def counts(rows) -> dict[str, int]:
    return {row.key: row.count for row in rows}


def test_items_are_counted_per_page_type_by_publication_date_and_only_when_live(world):
    assert counts(figures.by_page_type(*PERIOD)) == {
        "news": 3,  # A1, its English version, A4
        "press_release": 1,
        "rebuttal": 1,
        "sovereignty_feature": 2,  # F1 and its English version
        "campaign": 1,  # C1; C0 began before the period
    }
    titles = {item.title for item in figures.published_items(*PERIOD)}
    assert titles == {A1_TITLE, A1_EN_TITLE, A2_TITLE, A3_TITLE, F1_NEW_TITLE, F1_EN_TITLE}.union(
        {A4_TITLE, titles_of_c1(world)}
    )
    for absent in (DRAFT_TITLE, TAKEN_DOWN_TITLE, *OUTSIDE_TITLES):
        assert absent not in titles


def titles_of_c1(world) -> str:
    from campaigns.models import CampaignPage

    return CampaignPage.objects.get(pk=world.ids["C1"]).title


def test_both_ends_of_the_period_are_included(world):
    first_day = datetime.date(2025, 8, 31)
    assert OUTSIDE_TITLES[0] in {i.title for i in figures.published_items(first_day, first_day)}
    assert figures.by_page_type(datetime.date(2025, 12, 31), datetime.date(2025, 12, 31))[0] == (
        figures.Row("news", figures.PAGE_TYPE_LABELS["news"], 1)  # A4 only
    )
    assert sum(counts(figures.by_page_type(*PERIOD)).values()) == 8
    wider = (datetime.date(2025, 8, 31), datetime.date(2026, 1, 1))
    assert counts(figures.by_page_type(*wider))["news"] == 5


def test_per_language(world):
    assert counts(figures.by_language(*PERIOD)) == {"vi": 6, "en": 2}


def test_per_plan_task_every_task_is_listed_with_its_titles_and_unassigned_items_last(world):
    tasks = figures.by_plan_task(*PERIOD)

    by_code = {figure.code: figure for figure in tasks}
    assert [figure.code for figure in tasks][:7] == [
        "II.1",
        "II.2",
        "II.3",
        "II.4",
        "II.5",
        "II.6",
        "II.7",
    ]
    assert tasks[-1].task is None and tasks[-1].code == figures.NOT_ASSIGNED
    assert {code: figure.count for code, figure in by_code.items() if figure.count} == {
        "II.1": 2,
        "II.4": 2,
        "II.5": 2,
        "II.6": 1,
        "": 1,
    }
    assert [item.title for item in by_code["II.1"].items] == [A2_TITLE, A3_TITLE]
    assert by_code["II.1"].by_type["press_release"] == 1
    assert by_code["II.1"].by_type["rebuttal"] == 1
    assert {item.language for item in by_code["II.4"].items} == {"vi", "en"}
    assert [item.title for item in by_code[""].items] == [A4_TITLE]
    assert by_code["IV.3"].count == 0 and by_code["IV.3"].items == []


def test_per_topic_groups_both_languages_under_the_vietnamese_name(world):
    rows = figures.by_topic(*PERIOD)

    assert [(row.label, row.count) for row in rows] == [(ECONOMY, 4), (SEA, 3)]
    assert rows[0].key == str(world.topics["economy"].translation_key)


def test_per_unit_lists_every_unit(world):
    assert counts(figures.by_unit(*PERIOD)) == {
        "vhxh": 4,  # A2, A3, F1, F1 in English
        "vp": 2,  # A1 and its English version
        "kt": 0,
        "ttvh": 1,
        "qs": 0,
        "ca": 0,
    }


def test_per_month_and_topic(world):
    monthly = figures.monthly_by_topic(*PERIOD)

    assert monthly.months == [datetime.date(2025, month, 1) for month in (9, 10, 11, 12)]
    assert [(row.label, values) for row, values in monthly.series] == [
        (ECONOMY, [2, 1, 0, 1]),
        (SEA, [0, 0, 1, 2]),
    ]


def test_translation_coverage_counts_current_english_versions(world):
    coverage = figures.translation_coverage(*PERIOD)

    # Vietnamese: A1, A2, A3, F1, A4, C1; English: A1 (current) and F1 (out of date).
    assert (coverage.vietnamese, coverage.translated, coverage.current) == (6, 2, 1)
    assert coverage.outdated == 1
    assert coverage.share == pytest.approx(1 / 6)


def test_campaign_coverage(world):
    coverage = figures.campaign_coverage(*PERIOD)

    rows = {row.page_id: row for row in coverage.campaigns}
    assert set(rows) == {world.ids["C0"], world.ids["C1"]}  # both overlap the period
    assert rows[world.ids["C1"]].articles == 2  # A3 and A4
    assert rows[world.ids["C0"]].articles == 0
    assert rows[world.ids["C1"]].occasion
    assert sum(row.count for row in coverage.occasions) == 2
    assert coverage.without_campaign == 7 - 2  # articles and features naming no campaign


def test_an_empty_period_gives_zeros_not_errors(world):
    day = datetime.date(2024, 1, 1)
    report = figures.report_figures(day, day)

    assert report.total == 0
    assert all(figure.count == 0 for figure in report.plan_tasks)
    assert report.topics == []
    assert report.translations.share is None
    assert report.workflow.median_to_publication is None
    assert report.incidents.total == 0


def test_a_period_that_ends_before_it_starts_is_refused(world):
    with pytest.raises(ValueError):
        figures.by_topic(datetime.date(2025, 12, 31), datetime.date(2025, 9, 1))


def test_the_number_of_queries_does_not_grow_with_the_content(world):
    with CaptureQueriesContext(connection) as queries:
        figures.report_figures(*PERIOD)
    first = len(queries)
    from tests.factories import ArticlePageFactory

    for n in range(3):
        ArticlePageFactory(
            title=f"Tin bổ sung số {n} về sản xuất nông nghiệp", publication_date=PERIOD[0]
        )
    with CaptureQueriesContext(connection) as queries:
        figures.report_figures(*PERIOD)
    assert len(queries) == first
    assert first < 40


def test_labels_follow_the_active_language(world):
    with translation.override("en"):
        assert str(figures.by_page_type(*PERIOD)[0].label) == "News"

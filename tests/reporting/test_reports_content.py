"""The "Published content" report: live articles, features and campaigns, with their plan
task, filtered by period, topic, type, language, unit and plan task, exported to CSV and
XLSX, for holders of ``reporting.view_reports`` only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import ArticleKind
from cms.core.models import ResponsibleUnit
from cms.reporting import figures
from cms.reporting.models import PlanTask
from cms.workflows.takedown import take_down
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PressReleaseFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
    TopicFactory,
    editorial_team,
    get_home_page,
    get_locale,
    translate_page,
)
from tests.workflows.gate_helpers import person_for, shared_state, vi

from .reports_helpers import (
    ALLOWED,
    REFUSED,
    assert_refused,
    csv_rows,
    filter_errors,
    login,
    shown_titles,
    soup_of,
    summary,
    url,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

REPORT = "published_content"
NEWS_VI = "Xã Xuân Trường đón đoàn doanh nghiệp đến tìm hiểu đầu tư"
NEWS_EN = "Xuan Truong Commune welcomes businesses exploring investment"
RELEASE = "Thông cáo báo chí về kết quả thu hút đầu tư quý III"
FEATURE = "Hoàng Sa, Trường Sa là của Việt Nam – tư liệu lịch sử"
EARLY = "Tin cuối tháng Tám về mùa màng"
DRAFT = "Bản nháp chưa xuất bản về hội chợ nông sản"
TAKEN_DOWN = "Tin đã gỡ về lịch tiếp công dân"
DAY = datetime.date


task = PlanTask.objects.by_code


@dataclass
class World:
    campaign_title: str
    economy: object
    sea: object


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """Live: a news item (II.4) and its English translation filed under the English topic,
    a press release (II.1), a feature with no task, a campaign (II.6) and an August news
    item (II.4). Not live: a draft and a page taken down."""
    with shared_state(django_db_blocker):
        translate_page(get_home_page("vi"), "en", title="Xuan Truong Commune Portal")
        economy = TopicFactory(name="Kinh tế – Đầu tư")
        economy_en = economy.copy_for_translation(get_locale("en"))
        economy_en.name = "Economy and investment"
        economy_en.save()
        sea = TopicFactory(name="Chủ quyền biển đảo")
        news = ArticleIndexPageFactory()
        news_vi = ArticlePageFactory(
            parent=news,
            title=NEWS_VI,
            topic=economy,
            unit=ResponsibleUnit.OFFICE,
            plan_task=task("II.4"),
            publication_date=DAY(2025, 9, 10),
        )
        translate_page(news_vi, "en", title=NEWS_EN, topic=economy_en)
        PressReleaseFactory(
            parent=news,
            title=RELEASE,
            topic=economy,
            unit=ResponsibleUnit.CULTURE_SOCIETY,
            plan_task=task("II.1"),
            publication_date=DAY(2025, 10, 5),
        )
        SovereigntyFeaturePageFactory(
            parent=SovereigntyIndexPageFactory(),
            title=FEATURE,
            topic=sea,
            unit=ResponsibleUnit.CULTURE_SOCIETY,
            publication_date=DAY(2025, 12, 2),
        )
        campaign = CampaignPageFactory(
            parent=CampaignIndexPageFactory(),
            start_date=DAY(2025, 11, 1),
            end_date=DAY(2025, 11, 30),
            plan_task=task("II.6"),
        )
        ArticlePageFactory(
            parent=news,
            title=EARLY,
            topic=economy,
            plan_task=task("II.4"),
            publication_date=DAY(2025, 8, 31),
        )
        ArticlePageFactory(parent=news, title=DRAFT, topic=economy, publish=False)
        gone = ArticlePageFactory(parent=news, title=TAKEN_DOWN, topic=economy)
        take_down(gone, user=editorial_team()[1], reason="Lịch tiếp công dân đã thay đổi.")
        yield World(campaign_title=campaign.title, economy=economy, sea=sea)


@pytest.fixture
def world(module_world, db):
    return module_world


def get(client, key="reviewer", **params):
    login(client, key)
    return client.get(url(REPORT), params)


def rows_by_title(response) -> dict:
    return {row.title: row for row in response.context["object_list"]}


def test_every_live_article_feature_and_campaign_is_a_row_with_its_details(client, world):
    response = get(client)

    assert response.status_code == HTTPStatus.OK
    rows = rows_by_title(response)
    assert set(rows) == {NEWS_VI, NEWS_EN, RELEASE, FEATURE, world.campaign_title, EARLY}
    assert set(shown_titles(response)) == set(rows)
    news = rows[NEWS_VI]
    assert news.type_label == vi("News")
    assert news.language_label == vi("Vietnamese")
    assert news.topic_name == "Kinh tế – Đầu tư"
    assert news.plan_task_label == str(task("II.4"))
    assert news.unit_label == str(ResponsibleUnit.OFFICE.label)
    assert news.publication_day == DAY(2025, 9, 10)
    assert rows[NEWS_EN].language_label == vi("English")
    assert rows[NEWS_EN].topic_name == "Economy and investment"
    assert rows[RELEASE].type_label == vi("Press release")
    assert rows[FEATURE].plan_task_label == vi("Not assigned")
    campaign = rows[world.campaign_title]
    assert campaign.type_label == vi("Campaign")
    assert campaign.publication_day == DAY(2025, 11, 1)  # a campaign counts by its start
    assert (campaign.topic_name, campaign.unit_label) == ("", "")
    html = response.content.decode()
    assert "01/11/2025" in html and "10/09/2025" in html


def test_the_summary_counts_the_filtered_pages_per_plan_task(client, world):
    response = get(client, period_from="2025-09-01", period_to="2025-12-31")

    assert summary(response, '[data-plan-task="II.4"] [data-count]') == "2"  # vi and en
    assert summary(response, '[data-plan-task="II.1"] [data-count]') == "1"
    assert summary(response, '[data-plan-task="II.6"] [data-count]') == "1"
    assert summary(response, '[data-plan-task="II.5"] [data-count]') == "0"
    assert summary(response, '[data-plan-task="none"] [data-count]') == "1"  # the feature
    assert summary(response, '[data-plan-task="total"] [data-count]') == "5"
    assert PlanTask.objects.count() + 2 == len(
        soup_of(response).select('[data-summary="plan-tasks"] tr[data-plan-task]')
    )


def test_the_counts_per_plan_task_are_those_of_the_periodic_report(client, world):
    """The same question gets the same number in the report and in ``figures``."""
    period = (DAY(2025, 9, 1), DAY(2025, 12, 31))
    response = get(client, period_from=period[0].isoformat(), period_to=period[1].isoformat())

    shown = {
        row["task"].code if row["task"] else "none": row["count"]
        for row in response.context["summary"]["plan_tasks"]
    }
    expected = {
        figure.task.code if figure.task else "none": figure.count
        for figure in figures.by_plan_task(*period)
    }
    assert {code: count for code, count in shown.items() if count or code in expected} == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"period_from": "2025-09-01", "period_to": "2025-10-31"}, {NEWS_VI, NEWS_EN, RELEASE}),
        ({"period_from": "01/11/2025"}, {"campaign", FEATURE}),  # the admin's date format
        ({"page_type": "press_release"}, {RELEASE}),
        ({"page_type": "campaign"}, {"campaign"}),
        ({"page_type": "sovereignty_feature"}, {FEATURE}),
        ({"locale": "en"}, {NEWS_EN}),
        ({"unit": ResponsibleUnit.CULTURE_SOCIETY.value}, {RELEASE, FEATURE}),
        ({"plan_task": "null"}, {FEATURE}),
    ],
)
def test_filters_narrow_the_rows(client, world, params, expected):
    response = get(client, **params)

    titles = set(rows_by_title(response))
    assert titles == {world.campaign_title if t == "campaign" else t for t in expected}
    assert set(shown_titles(response)) == titles


def test_a_topic_finds_its_english_translation_and_a_task_finds_its_pages(client, world):
    by_topic = get(client, topic=world.economy.pk)
    by_task = client.get(url(REPORT), {"plan_task": task("II.4").pk})

    assert set(rows_by_title(by_topic)) == {NEWS_VI, NEWS_EN, RELEASE, EARLY}
    assert set(rows_by_title(by_task)) == {NEWS_VI, NEWS_EN, EARLY}
    assert summary(by_task, '[data-plan-task="II.4"] [data-count]') == "3"
    assert summary(by_task, '[data-plan-task="II.1"] [data-count]') == "0"


def test_csv_export_has_the_filtered_rows(client, world):
    response = get(client, export="csv", period_from="2025-09-01", period_to="2025-10-31")

    heading, *rows = csv_rows(response)
    assert heading == [
        vi("Title"),
        vi("Type"),
        vi("Language"),
        vi("Topic"),
        vi("Plan task"),
        vi("Responsible unit"),
        vi("Publication date"),
    ]
    by_title = {row[0]: row for row in rows}
    assert set(by_title) == {NEWS_VI, NEWS_EN, RELEASE}
    assert by_title[RELEASE] == [
        RELEASE,
        vi("Press release"),
        vi("Vietnamese"),
        "Kinh tế – Đầu tư",
        str(task("II.1")),
        str(ResponsibleUnit.CULTURE_SOCIETY.label),
        "2025-10-05",
    ]


def test_xlsx_export_has_the_filtered_rows(client, world):
    response = get(client, export="xlsx", page_type="campaign")

    heading, *rows = xlsx_rows(response)
    assert heading[0] == vi("Title")
    assert len(rows) == 1
    [row] = rows
    assert row[0] == world.campaign_title
    assert row[1] == vi("Campaign")
    assert row[4] == str(task("II.6"))
    assert row[6] == DAY(2025, 11, 1)  # a date cell, not text


@pytest.mark.parametrize("key", ALLOWED + REFUSED)
def test_who_may_open_the_report_and_see_it_in_the_menu(client, world, key):
    response = get(client, key)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    if key in ALLOWED:
        assert response.status_code == HTTPStatus.OK
        assert url(REPORT) in menu
    else:
        assert_refused(client, response, REPORT)
        assert url(REPORT) not in menu
        assert client.get(url(REPORT), {"export": "csv"}).status_code == HTTPStatus.FOUND


def test_titles_link_to_the_editor_only_for_those_who_may_edit(client, world):
    """A site administrator given the permission sees the report, but edits no page."""
    admin = person_for("siteadmin")
    admin.user_permissions.add(
        Permission.objects.get(content_type__app_label="reporting", codename="view_reports")
    )
    client.force_login(admin)

    no_rights = client.get(url(REPORT))
    login(client, "reviewer")
    rights = client.get(url(REPORT))

    assert no_rights.status_code == HTTPStatus.OK
    edit_links = soup_of(rights).select('td.title a[href*="/pages/"]')
    assert len(edit_links) == 6
    assert not soup_of(no_rights).select('td.title a[href*="/pages/"]')
    assert set(shown_titles(no_rights)) == set(shown_titles(rights))


@pytest.mark.parametrize("params", [{"period_from": "2025-13-45"}, {"plan_task": "999999"}])
def test_a_bad_filter_value_is_shown_as_an_error_not_a_traceback(client, world, params):
    response = get(client, **params)
    export = client.get(url(REPORT), {**params, "export": "xlsx"})

    assert response.status_code == HTTPStatus.OK
    assert filter_errors(response)
    assert not response.context["object_list"]
    assert not shown_titles(response)
    assert not soup_of(response).select("[data-report-summary]")
    assert export.status_code == HTTPStatus.OK
    assert export["Content-Type"].startswith("text/html")  # the errors, not a file
    assert filter_errors(export)
    value = next(iter(params.values()))
    assert value in response.content.decode()  # what was typed is kept


def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, world, django_assert_max_num_queries
):
    login(client, "reviewer")
    client.get(url(REPORT))  # warm the per-process caches (content types, locales)
    with CaptureQueriesContext(connection) as few:
        client.get(url(REPORT), {"page_type": "press_release"})  # one row
    budget = len(few)

    index = ArticleIndexPageFactory()
    for n in range(4):
        ArticlePageFactory(
            parent=index,
            title=f"Tin bổ sung số {n}",
            kind=ArticleKind.NEWS,
            topic=world.sea,
            plan_task=task("II.5"),
        )

    # The new section changed the page tree: the process looks its site up again, once.
    client.get(url(REPORT), {"page_type": "press_release"})
    with django_assert_max_num_queries(budget):
        response = client.get(url(REPORT))
    assert len(response.context["object_list"]) == 10

"""The charts panel on the admin dashboard (``cms.reporting.hooks_dashboard``).

Who sees it, and that its figures are those of the content published in the test
through the real workflow: articles and features per month and topic, the time from
submission to publication, the open incidents.
"""

from __future__ import annotations

import datetime
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from cms.reporting import figures
from cms.reporting.hooks_dashboard import (
    ChartsPanel,
    Period,
    month_axis_labels,
    period_dates,
    published_chart,
)
from cms.reporting.models import VIEW_REPORTS, Incident
from cms.workflows.models import PublicationApproval
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
    TopicFactory,
)
from tests.workflows.gate_helpers import person_for

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert('x')</script> Biển đảo"


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def dashboard(client, role, **query):
    client.force_login(in_english(person_for(role)))
    response = client.get(reverse("wagtailadmin_home"), query)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode(), BeautifulSoup(response.content, "html.parser")


def table(soup, key) -> list[list[str]]:
    figure = soup.find("figure", id=f"reporting-chart-{key}")
    return [
        [cell.get_text() for cell in row.find_all(["th", "td"])]
        for row in figure.find("table").find_all("tr")
    ]


def month_start(day: datetime.date, back: int = 0) -> datetime.date:
    index = day.year * 12 + day.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


def label(month: datetime.date) -> str:
    return month.strftime("%m/%Y")


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("reviewer", True),
        ("spokesperson", True),
        ("superuser", True),
        ("translator", False),
        ("writer", False),
        ("siteadmin", False),
    ],
)
def test_the_panel_is_shown_to_the_readers_of_the_reports_only(client, role, shown):
    html, soup = dashboard(client, role)

    assert (soup.find(id="reporting-charts-section") is not None) is shown
    assert ("reporting/charts.css" in html) is shown
    if shown:
        assert soup.find("figure", id="reporting-chart-published") is not None


def test_published_per_month_by_topic_counts_what_was_published(client):
    today = timezone.localdate()
    this_month, last_month, earlier = (month_start(today, back) for back in (0, 1, 2))
    economy = TopicFactory(name="Kinh tế – Đầu tư")
    sea = TopicFactory(name=HOSTILE)
    news = ArticleIndexPageFactory()
    for day, topic in [(this_month, economy), (this_month, economy), (last_month, economy)]:
        ArticlePageFactory(parent=news, topic=topic, publication_date=day)
    ArticlePageFactory(parent=news, topic=sea, publication_date=this_month)
    SovereigntyFeaturePageFactory(
        parent=SovereigntyIndexPageFactory(), topic=sea, publication_date=earlier
    )
    # Not counted: a draft, and an article of 12 months ago (outside the last 12 months).
    ArticlePageFactory(parent=news, topic=sea, publication_date=this_month, publish=False)
    ArticlePageFactory(parent=news, topic=economy, publication_date=month_start(today, 12))

    html, soup = dashboard(client, "reviewer")

    rows = table(soup, "published")
    assert rows[0] == ["Month", "Kinh tế – Đầu tư", HOSTILE, "Total"]
    months = [month_start(today, back) for back in range(11, -1, -1)]
    assert [row[0] for row in rows[1:]] == [label(month) for month in months]
    figures = {row[0]: row[1:] for row in rows[1:]}
    assert figures[label(this_month)] == ["2", "1", "3"]
    assert figures[label(last_month)] == ["1", "0", "1"]
    assert figures[label(earlier)] == ["0", "1", "1"]
    assert sum(int(row[3]) for row in rows[1:]) == 5
    # One rectangle per non-zero figure; the topic's name is text, never markup.
    figure = soup.find("figure", id="reporting-chart-published")
    assert len(figure.find_all("rect")) == 4
    assert "<script>alert" not in html
    assert HOSTILE in [li.get_text() for li in figure.find_all("li")]
    period = soup.find(attrs={"data-period": True})["data-period"]
    assert period == f"{months[0]:%Y-%m-%d}/{today:%Y-%m-%d}"


def test_the_period_can_be_last_year(client):
    today = timezone.localdate()
    ArticlePageFactory(publication_date=datetime.date(today.year - 1, 9, 2))

    _, soup = dashboard(client, "spokesperson", reporting_period=Period.LAST_YEAR)

    rows = table(soup, "published")
    assert [row[0] for row in rows[1:]] == [f"{m:02d}/{today.year - 1}" for m in range(1, 13)]
    assert rows[9][1:] == ["1"]  # September
    assert soup.find("option", selected=True)["value"] == Period.LAST_YEAR
    assert soup.find(attrs={"data-period": True})["data-period"] == (
        f"{today.year - 1}-01-01/{today.year - 1}-12-31"
    )


def test_an_unknown_period_says_so_and_shows_the_last_12_months(client):
    today = timezone.localdate()

    _, soup = dashboard(client, "reviewer", reporting_period="<b>forever</b>")

    error = soup.find(class_="error-message")
    assert "Select a valid choice" in error.get_text()
    assert "<b>forever</b>" in error.get_text()  # shown as text
    assert error.find("b") is None
    assert soup.find(attrs={"data-period": True})["data-period"] == (
        f"{month_start(today, 11):%Y-%m-%d}/{today:%Y-%m-%d}"
    )
    # Nothing published: the charts say so rather than draw empty axes.
    published = soup.find("figure", id="reporting-chart-published")
    assert published.find("svg") is None
    assert published.find("p").get_text() == "Nothing was published in this period."


def test_time_from_submission_to_publication_is_the_median_per_month(client):
    news = ArticleIndexPageFactory()
    for hours in (10, 30):
        page = ArticlePageFactory(parent=news)
        approval = PublicationApproval.objects.get(page=page, used_at__isnull=False)
        WorkflowState.objects.filter(pk=approval.workflow_state_id).update(
            created_at=approval.used_at - datetime.timedelta(hours=hours)
        )
    today = timezone.localdate()

    _, soup = dashboard(client, "reviewer")

    rows = table(soup, "workflow")
    assert rows[0] == ["Month", "Median (hours)"]
    figures = dict(rows[1:])
    # The index page was published too, in no time: the median of 0, 10 and 30 hours.
    assert figures[label(month_start(today))] == "10.0"
    assert figures[label(month_start(today, 1))] == "no data"


def test_long_times_are_shown_in_days(client):
    page = ArticlePageFactory()
    approval = PublicationApproval.objects.get(page=page, used_at__isnull=False)
    WorkflowState.objects.filter(pk=approval.workflow_state_id).update(
        created_at=approval.used_at - datetime.timedelta(days=5)
    )

    _, soup = dashboard(client, "reviewer")

    rows = table(soup, "workflow")
    assert rows[0] == ["Month", "Median (days)"]
    # Two publications this month: the index page (0 days) and the article (5 days).
    assert dict(rows[1:])[label(month_start(timezone.localdate()))] == "2.5"


def incident(severity, status):
    return Incident.objects.create(
        platform="facebook",
        address="https://www.facebook.com/groups/vidu/posts/1",
        summary="Bài đăng sai sự thật về việc thu hồi đất ở xã.",
        category="local_administration",
        severity=severity,
        status=status,
    )


def test_open_incidents_by_severity_and_status(client):
    for severity, status in [
        ("high", "new"),
        ("high", "new"),
        ("high", "verifying"),
        ("low", "new"),
        ("medium", "closed"),  # not open
    ]:
        incident(severity, status)

    _, soup = dashboard(client, "reviewer")

    assert table(soup, "incidents") == [
        ["Severity", "New", "Verifying", "Total"],
        ["High", "2", "1", "3"],
        ["Medium", "0", "0", "0"],
        ["Low", "1", "0", "1"],
    ]
    assert len(soup.find("figure", id="reporting-chart-incidents").find_all("rect")) == 3


def test_the_incidents_chart_needs_the_register_permission(client):
    user = in_english(person_for("translator"))
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="view_reports"))
    client.force_login(user)
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")

    assert soup.find("figure", id="reporting-chart-published") is not None
    assert soup.find("figure", id="reporting-chart-incidents") is None


def test_the_panel_takes_at_most_five_queries(django_assert_max_num_queries):
    news = ArticleIndexPageFactory()
    ArticlePageFactory(parent=news)
    ArticlePageFactory(parent=news, topic=TopicFactory())
    SovereigntyFeaturePageFactory()
    incident("high", "new")
    request = RequestFactory().get("/admin/", {"reporting_period": Period.THIS_YEAR})
    request.user = person_for("reviewer")
    assert request.user.has_perm(VIEW_REPORTS)  # the dashboard has loaded the permissions

    with django_assert_max_num_queries(5):
        html = ChartsPanel().render_html({"request": request})

    assert html.count("reporting-chart__svg") == 3


@pytest.mark.parametrize(
    ("period", "today", "expected"),
    [
        (Period.LAST_12_MONTHS, datetime.date(2026, 11, 26), ("2025-12-01", "2026-11-26")),
        (Period.LAST_12_MONTHS, datetime.date(2026, 1, 31), ("2025-02-01", "2026-01-31")),
        (Period.LAST_12_MONTHS, datetime.date(2026, 12, 1), ("2026-01-01", "2026-12-01")),
        (Period.THIS_YEAR, datetime.date(2026, 11, 26), ("2026-01-01", "2026-11-26")),
        (Period.LAST_YEAR, datetime.date(2026, 11, 26), ("2025-01-01", "2025-12-31")),
    ],
)
def test_period_dates(period, today, expected):
    assert tuple(day.isoformat() for day in period_dates(period, today)) == expected


def test_months_under_the_bars_show_the_year_at_the_start_and_in_january():
    months = [datetime.date(2025, 11, 1), datetime.date(2025, 12, 1), datetime.date(2026, 1, 1)]
    assert month_axis_labels(months) == ["11\n2025", "12", "01\n2026"]


def test_topics_beyond_the_colours_are_summed_as_other_topics():
    months = [datetime.date(2025, 9, 1), datetime.date(2025, 10, 1)]
    monthly = figures.MonthlyTopics(
        months=months,
        series=[(figures.Row(str(n), f"Chủ đề {n}", 10 - n), [10 - n, n]) for n in range(10)],
    )
    with translation.override("en"):
        chart = published_chart(monthly)

    assert [s.label for s in chart.series] == [*(f"Chủ đề {n}" for n in range(7)), "Other topics"]
    assert list(chart.series[-1].values) == [3 + 2 + 1, 7 + 8 + 9]
    assert chart.categories == ["09/2025", "10/2025"]

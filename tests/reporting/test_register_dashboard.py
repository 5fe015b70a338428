"""The dashboard panel of open false-information incidents: who sees it, its counts, the
oldest open incidents with the overdue ones labelled, its link, and its two queries."""

from __future__ import annotations

import datetime
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from cms.reporting.hooks_register import incident_viewset
from cms.reporting.models import IncidentStatus
from cms.reporting.register import PANEL_SIZE, OpenIncidentsPanel
from tests.reporting.test_register_admin import make_incident, rows, team, url, vi

__all__ = ["team"]  # the fixture, shared with the admin tests

pytestmark = pytest.mark.django_db


def ago(**delta) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**delta)


def panel_of(client) -> BeautifulSoup | None:
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content.decode(), "html.parser")
    return page.find("section", id="open-incidents-section")


def counts(panel) -> dict[str, int]:
    return {dd["data-count"]: int(dd.get_text(strip=True)) for dd in panel.select("dd")}


def listed(panel) -> list[tuple[str, bool]]:
    """(summary, says "Overdue") for each incident in the panel, in order."""
    return [
        (row.select_one("td.title a").get_text(strip=True), vi("Overdue") in row.get_text())
        for row in panel.select("tbody tr")
    ]


@pytest.fixture
def incidents():
    return {
        "old": make_incident(summary="Tin cũ nhất", seen_at=ago(hours=30)),
        "verifying": make_incident(
            summary="Đang xác minh", status=IncidentStatus.VERIFYING, seen_at=ago(hours=10)
        ),
        "fresh": make_incident(summary="Mới phát hiện", seen_at=ago(hours=1)),
        "closed": make_incident(
            summary="Đã đóng", status=IncidentStatus.CLOSED, seen_at=ago(days=9)
        ),
    }


@override_settings(INCIDENT_OVERDUE_HOURS=6)
def test_the_panel_counts_open_and_overdue_incidents_oldest_first(client, team, incidents):
    client.force_login(team["reviewer"])

    panel = panel_of(client)

    assert counts(panel) == {"open": 3, "overdue": 2}
    assert listed(panel) == [
        ("Tin cũ nhất", True),
        ("Đang xác minh", True),
        ("Mới phát hiện", False),
    ]
    assert "Đã đóng" not in panel.get_text()
    first = panel.select_one("tbody td.title a")
    assert first["href"] == url("edit", incidents["old"].pk)


def test_overdue_follows_the_configured_hours(client, team, incidents):
    client.force_login(team["reviewer"])

    with override_settings(INCIDENT_OVERDUE_HOURS=48):
        assert counts(panel_of(client)) == {"open": 3, "overdue": 0}
        assert not any(overdue for _, overdue in listed(panel_of(client)))
    with override_settings(INCIDENT_OVERDUE_HOURS=20):
        assert counts(panel_of(client)) == {"open": 3, "overdue": 1}


def test_the_link_opens_the_register_filtered_to_open_incidents(client, team, incidents):
    client.force_login(team["writer"])

    panel = panel_of(client)
    link = panel.find("a", string=lambda text: vi("All open incidents in the register") in text)
    listing = client.get(link["href"])

    assert listing.status_code == HTTPStatus.OK
    summaries = {
        row.select_one("td.title .title-wrapper a").get_text(strip=True) for row in rows(listing)
    }
    assert summaries == {"Tin cũ nhất", "Đang xác minh", "Mới phát hiện"}
    # A writer reads the register: the panel links to the inspect view, not to the form.
    hrefs = [a["href"] for a in panel.select("tbody td.title a")]
    assert hrefs[0] == url("inspect", incidents["old"].pk)


def test_at_most_eight_incidents_are_listed_the_oldest(client, team):
    for hours in range(1, PANEL_SIZE + 3):
        make_incident(summary=f"Tin số {hours}", seen_at=ago(hours=hours))
    client.force_login(team["spokesperson"])

    panel = panel_of(client)

    assert counts(panel)["open"] == PANEL_SIZE + 2
    assert [summary for summary, _ in listed(panel)] == [
        f"Tin số {hours}" for hours in range(PANEL_SIZE + 2, 2, -1)
    ]


def test_no_open_incident_says_so(client, team):
    make_incident(status=IncidentStatus.CLOSED)
    client.force_login(team["reviewer"])

    panel = panel_of(client)

    assert counts(panel) == {"open": 0, "overdue": 0}
    assert vi("No open incidents.") in panel.get_text()


@pytest.mark.parametrize("role", ["translator", "siteadmin"])
def test_roles_without_the_register_have_no_panel(client, team, incidents, role):
    client.force_login(team[role])

    assert panel_of(client) is None


def test_the_panel_needs_two_queries_however_many_incidents(team, django_assert_num_queries):
    for hours in range(1, 20):
        make_incident(seen_at=ago(hours=hours))
    request = RequestFactory().get("/admin/")
    request.user = team["reviewer"]
    request.user.has_perm("reporting.view_incident")  # loaded once per request by the dashboard

    with django_assert_num_queries(2):
        html = OpenIncidentsPanel(incident_viewset).render_html({"request": request})

    assert html.count("<tr") == PANEL_SIZE + 1  # the header row and eight incidents

"""The admin's "Periodic report (DOCX)": a period form under Reports that downloads the
Word report, for holders of ``reporting.view_reports`` only."""

from __future__ import annotations

import datetime
import io
from html import unescape
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from cms.reporting.docx_views import DOCX_TYPE, TITLE, current_quarter
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.workflows.gate_helpers import person_for, vi

from .docx_reading import read_report

pytestmark = pytest.mark.django_db

SCREEN = "reporting_docx:periodic_report"
NEWS_TITLE = "Xã Xuân Trường tổ chức Ngày hội Đại đoàn kết toàn dân tộc"


def screen(client, role="reviewer", **query):
    client.force_login(person_for(role))
    return client.get(reverse(SCREEN), query)


def errors(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(node.get_text().split()) for node in soup.select(".error-message")]


# ------------------------------------------------------------------ access


@pytest.mark.parametrize("role", ["reviewer", "spokesperson", "superuser"])
def test_report_readers_see_the_form_and_the_menu_item(client, role):
    response = screen(client, role)

    assert response.status_code == HTTPStatus.OK
    html = unescape(response.content.decode())
    assert vi(str(TITLE)) in html
    assert f'"url": "{reverse(SCREEN)}"' in html  # Reports → Periodic report (DOCX)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("form input[name=date_from][type=date]") is not None
    assert soup.select_one("form input[name=date_to][type=date]") is not None


@pytest.mark.parametrize("role", ["translator", "writer", "siteadmin"])
def test_other_roles_are_refused_and_do_not_see_the_menu_item(client, role):
    response = screen(client, role, date_from="2025-09-01", date_to="2025-12-31")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = [str(m).strip() for m in get_messages(response.wsgi_request)]
    assert vi("Sorry, you do not have permission to access this area.") in messages
    scripted = client.get(
        reverse(SCREEN),
        {"date_from": "2025-09-01", "date_to": "2025-12-31"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert scripted.status_code == HTTPStatus.FORBIDDEN
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert reverse(SCREEN) not in unescape(dashboard.content.decode())


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse(SCREEN))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")


def test_only_get(client):
    client.force_login(person_for("reviewer"))

    response = client.post(reverse(SCREEN), {"date_from": "2025-09-01", "date_to": "2025-12-31"})

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


# ------------------------------------------------------------------ the period


def test_the_form_offers_the_current_quarter(client):
    response = screen(client)

    soup = BeautifulSoup(response.content, "html.parser")
    start, end = current_quarter()
    assert soup.select_one("input[name=date_from]")["value"] == start.isoformat()
    assert soup.select_one("input[name=date_to]")["value"] == end.isoformat()
    assert start <= timezone.localdate() <= end


@pytest.mark.parametrize(
    ("today", "quarter"),
    [
        (datetime.date(2025, 11, 26), (datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))),
        (datetime.date(2026, 1, 1), (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))),
        (datetime.date(2024, 5, 31), (datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))),
        (datetime.date(2025, 9, 30), (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))),
    ],
)
def test_current_quarter(today, quarter):
    assert current_quarter(today) == quarter


def test_a_valid_period_downloads_the_word_report(client):
    ArticlePageFactory(
        parent=ArticleIndexPageFactory(),
        title=NEWS_TITLE,
        publication_date=datetime.date(2025, 11, 18),
    )

    response = screen(client, date_from="2025-09-01", date_to="2025-12-31")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-ttdn-20250901-20251231.docx"'
    )
    report = read_report(io.BytesIO(response.content))
    assert (
        "Kết quả công tác thông tin đối ngoại từ ngày 01/09/2025 đến ngày 31/12/2025"
        in report.paragraphs
    )
    assert report.counts("Tin, bài theo loại")["Tổng cộng"] == "1"
    assert f"- 18/11/2025: {NEWS_TITLE} (tin tức)." in report.paragraphs


def test_dates_typed_the_vietnamese_way_are_accepted(client):
    response = screen(client, date_from="01/09/2025", date_to="31/12/2025")

    assert response["Content-Type"] == DOCX_TYPE


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"date_from": "2025-12-31", "date_to": "2025-09-01"},
            "The end of the period cannot be before its start.",
        ),
        (
            {"date_from": "31/13/2025", "date_to": "2025-12-31"},
            "Enter a valid date, for example 01/09/2025.",
        ),
        ({"date_from": "", "date_to": "2025-12-31"}, "Enter a date."),
    ],
)
def test_a_bad_period_shows_the_form_again_with_the_error(client, query, message):
    response = screen(client, **query)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/html")
    assert vi(message) in errors(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("input[name=date_to]")["value"] == query["date_to"]  # kept

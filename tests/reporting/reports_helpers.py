"""Reading the reports of the Reports menu as their users do: the page, its summary block,
and the CSV and XLSX files."""

from __future__ import annotations

import csv
import io
from http import HTTPStatus

import openpyxl
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.workflows.gate_helpers import person_for, vi

NAMESPACE = "reporting_reports"
REPORT_NAMES = (
    "published_content",
    "workflow",
    "checker",
    "translation_coverage",
    "campaign_coverage",
)
ALLOWED = ("reviewer", "spokesperson", "superuser")
REFUSED = ("writer", "translator", "siteadmin")


def url(name: str) -> str:
    return reverse(f"{NAMESPACE}:{name}")


def login(client, key: str = "reviewer"):
    """Log in as the test account of role ``key`` (made on first use)."""
    user = get_user_model().objects.filter(username=f"p-{key}").first() or person_for(key)
    client.force_login(user)
    return user


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def shown_titles(response) -> list[str]:
    """The titles in the first column of the report's table, as shown."""
    soup = soup_of(response)
    table = soup.select_one("#listing-results table.listing:not([data-summary])")
    if table is None:
        return []
    return [cell.get_text(" ", strip=True) for cell in table.select("tbody td.title")]


def summary(response, selector: str) -> str:
    """The text of one element of the summary block above the table."""
    element = soup_of(response).select_one(f"[data-report-summary] {selector}")
    assert element is not None, f"no {selector} in the summary"
    return element.get_text(" ", strip=True)


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(content)))


def xlsx_rows(response) -> list[list]:
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def assert_refused(client, response, report: str) -> None:
    """Wagtail's answer to a user without the right: back to the dashboard with a message,
    and 403 to a script."""
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = [str(m).strip() for m in get_messages(response.wsgi_request)]
    assert vi("Sorry, you do not have permission to access this area.") in messages
    xhr = client.get(url(report), headers={"x-requested-with": "XMLHttpRequest"})
    assert xhr.status_code == HTTPStatus.FORBIDDEN


def filter_errors(response) -> str:
    element = soup_of(response).select_one("[data-report-filter-errors]")
    return element.get_text(" ", strip=True) if element else ""

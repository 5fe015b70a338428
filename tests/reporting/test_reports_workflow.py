"""The "Submissions and approvals" report: one row per run of the workflow, with counts and
the median time from submission to publication overall, per reviewer and per
spokesperson; the period counts a run by its publication."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import WorkflowState

from cms.workflows.approval import submit, take_step
from cms.workflows.models import PublicationApproval, SpokespersonPosition
from cms.workflows.takedown import take_down
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, editorial_team
from tests.workflows.gate_helpers import make_person, register, shared_state, vi

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

REPORT = "workflow"
TITLES = {
    "R1": "Hội nghị sơ kết công tác thông tin đối ngoại 9 tháng",
    "R2": "Xã tiếp đoàn doanh nghiệp Hàn Quốc",
    "R3": "Lịch tiếp công dân tháng Mười Hai",
    "R4": "Kết quả thu hoạch lúa mùa",
    "R5": "Chuẩn bị lễ hội chùa Keo Hành Thiện",
}
HOURS = {"R1": 10, "R2": 30, "R3": 50}
PUBLISHED_ON = {
    "R1": datetime.datetime(2025, 10, 2, 9, 0),
    "R2": datetime.datetime(2025, 11, 5, 9, 0),
    "R3": datetime.datetime(2025, 12, 10, 9, 0),
}


@dataclass
class World:
    runs: dict[str, int]  # run → WorkflowState id
    people: dict[str, object]


def name(user) -> str:
    return user.get_full_name() or user.get_username()


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """R1: changes requested by reviewer 1, resubmitted, approved by reviewer 1 and
    spokesperson 1, published 10 hours after submission. R2: reviewer 2 and spokesperson 1,
    30 hours. R3: reviewer 2 and spokesperson 2, 50 hours, then taken down. R4: changes
    requested by reviewer 1, not resubmitted. R5: waiting for review."""
    with shared_state(django_db_blocker):
        writer, reviewer1, _team_spokesperson = editorial_team()
        reviewer2 = make_person("reviewer", "kiemduyet-hai", first_name="Lê", last_name="Hà")
        speaker1 = make_person("spokesperson", "phatngon-mot", first_name="Phạm", last_name="An")
        speaker2 = make_person("spokesperson", "phatngon-hai", first_name="Vũ", last_name="Bình")
        register(speaker1)
        register(speaker2, position=SpokespersonPosition.VICE_CHAIRMAN)
        index = ArticleIndexPageFactory(publish=False)  # its own run would be a sixth row
        pages = {
            key: ArticlePageFactory(parent=index, title=title, publish=False)
            for key, title in TITLES.items()
        }
        for page in pages.values():
            submit(page, writer)

        take_step(pages["R1"], reviewer1, "reject", "Sapo cần ngắn gọn hơn.")
        WorkflowState.objects.get(pk=pages["R1"].current_workflow_state.pk).resume(user=writer)
        for key, reviewer, speaker in (
            ("R1", reviewer1, speaker1),
            ("R2", reviewer2, speaker1),
            ("R3", reviewer2, speaker2),
        ):
            take_step(pages[key], reviewer, "approve", attest=True)
            take_step(pages[key], speaker, "approve")
        take_step(pages["R4"], reviewer1, "reject", "Thiếu số liệu sản lượng.")
        live = type(pages["R3"]).objects.get(pk=pages["R3"].pk)
        take_down(live, user=reviewer1, reason="Lịch tiếp công dân đã thay đổi.")

        runs = {
            key: WorkflowState.objects.filter(object_id=str(page.pk)).get().pk
            for key, page in pages.items()
        }
        for key, hours in HOURS.items():
            published = timezone.make_aware(PUBLISHED_ON[key])
            submitted = published - datetime.timedelta(hours=hours)
            WorkflowState.objects.filter(pk=runs[key]).update(created_at=submitted)
            PublicationApproval.objects.filter(workflow_state_id=runs[key]).update(
                approved_at=published, used_at=published
            )
        for key in ("R4", "R5"):
            WorkflowState.objects.filter(pk=runs[key]).update(
                created_at=timezone.make_aware(datetime.datetime(2025, 12, 20, 8, 0))
            )
        people = {
            "writer": writer,
            "reviewer1": reviewer1,
            "reviewer2": reviewer2,
            "speaker1": speaker1,
            "speaker2": speaker2,
        }
        yield World(runs=runs, people=people)


@pytest.fixture
def world(module_world, db):
    return module_world


def get(client, key="reviewer", **params):
    login(client, key)
    return client.get(url(REPORT), params)


def rows(response) -> dict:
    by_title = {row.page_title: row for row in response.context["object_list"]}
    return {key: by_title[title] for key, title in TITLES.items() if title in by_title}


def figure(response, name_: str) -> str:
    return summary(response, f'[data-summary="workflow"] [data-figure="{name_}"] td')


def person_row(response, table: str, person) -> dict[str, str]:
    for row in soup_of(response).select(f'[data-summary="{table}"] tbody tr'):
        if row.th.get_text(strip=True) == name(person):
            return {
                cell["data-figure"]: cell.get_text(strip=True)
                for cell in row.select("td[data-figure]")
            }
    raise AssertionError(f"{name(person)} is not in the {table} table")


def test_each_submission_is_a_row_with_its_people_decisions_and_times(client, world):
    response = get(client)

    assert response.status_code == HTTPStatus.OK
    runs = rows(response)
    assert set(runs) == set(TITLES)
    assert set(shown_titles(response)) == set(TITLES.values())
    people = world.people
    r1 = runs["R1"]
    assert r1.submitted_by == name(people["writer"])
    assert r1.reviewer == name(people["reviewer1"])
    assert r1.review_decision_label == vi("Review passed")
    assert r1.spokesperson == name(people["speaker1"])
    assert r1.changes_requested == 1
    assert r1.status_label == vi("Published on the site")
    assert r1.hours_to_publication == 10.0
    assert r1.taken_down is False
    assert runs["R3"].taken_down is True
    assert runs["R3"].spokesperson == name(people["speaker2"])
    assert runs["R4"].status_label == vi("Changes requested")
    assert runs["R4"].review_decision_label == vi("Changes requested")
    assert runs["R4"].hours_to_publication is None
    assert runs["R5"].status_label == vi("In progress")
    assert (runs["R5"].reviewer, runs["R5"].spokesperson) == ("", "")
    html = response.content.decode()
    assert "02/10/2025 09:00" in html  # publication time, in the site's time zone


def test_the_summary_counts_and_medians_overall_per_reviewer_and_per_spokesperson(client, world):
    response = get(client)
    people = world.people

    assert figure(response, "submitted") == "5"
    assert figure(response, "changes_requested") == "2"
    assert figure(response, "approved") == "3"
    assert figure(response, "published") == "3"
    assert figure(response, "taken_down") == "1"
    assert response.context["summary"]["median_hours"] == 30.0
    assert person_row(response, "reviewers", people["reviewer1"]) == {
        "runs": "2",
        "published": "1",
        "median_hours": "10,0",
    }
    assert person_row(response, "reviewers", people["reviewer2"])["median_hours"] == "40,0"
    assert person_row(response, "spokespersons", people["speaker1"])["median_hours"] == "20,0"
    assert person_row(response, "spokespersons", people["speaker2"]) == {
        "runs": "1",
        "published": "1",
        "median_hours": "50,0",
    }


def test_the_period_counts_a_submission_by_its_publication(client, world):
    response = get(client, period_from="2025-10-01", period_to="2025-11-30")

    assert set(rows(response)) == {"R1", "R2"}
    assert figure(response, "submitted") == "2"
    assert figure(response, "taken_down") == "0"
    assert response.context["summary"]["median_hours"] == 20.0


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"submitted_from": "2025-12-15"}, {"R4", "R5"}),
        ({"outcome": "changes_requested"}, {"R4"}),
        ({"outcome": "in_progress"}, {"R5"}),
        ({"outcome": "published"}, {"R1", "R2", "R3"}),
    ],
)
def test_filters_narrow_the_rows(client, world, params, expected):
    response = get(client, **params)

    assert set(rows(response)) == expected
    assert figure(response, "submitted") == str(len(expected))


def test_reviewer_and_spokesperson_filters(client, world):
    login(client)
    by_reviewer = client.get(url(REPORT), {"reviewer": world.people["reviewer1"].pk})
    by_speaker = client.get(url(REPORT), {"spokesperson": world.people["speaker2"].pk})

    assert set(rows(by_reviewer)) == {"R1", "R4"}
    assert figure(by_reviewer, "changes_requested") == "2"
    assert set(rows(by_speaker)) == {"R3"}
    assert figure(by_speaker, "taken_down") == "1"


def test_csv_and_xlsx_exports_have_the_rows(client, world):
    response = get(client, export="csv", outcome="published")
    heading, *lines = csv_rows(response)
    xlsx_heading, *cells = xlsx_rows(
        client.get(url(REPORT), {"export": "xlsx", "outcome": "published"})
    )

    assert heading[0] == vi("Page")
    assert heading == [str(h) for h in xlsx_heading]
    by_title = {line[0]: dict(zip(heading, line, strict=True)) for line in lines}
    assert set(by_title) == {TITLES[key] for key in ("R1", "R2", "R3")}
    r1 = by_title[TITLES["R1"]]
    assert r1[vi("Submitted by")] == name(world.people["writer"])
    assert r1[vi("Reviewer")] == name(world.people["reviewer1"])
    assert r1[vi("Spokesperson")] == name(world.people["speaker1"])
    assert r1[vi("Requests for changes")] == "1"
    assert r1[vi("Hours to publication")] == "10.0"
    assert r1[vi("Taken down")] == vi("No")
    assert by_title[TITLES["R3"]][vi("Taken down")] == vi("Yes")
    xlsx_by_title = {row[0]: dict(zip(heading, row, strict=True)) for row in cells}
    assert set(xlsx_by_title) == set(by_title)
    assert xlsx_by_title[TITLES["R3"]][vi("Hours to publication")] == 50
    # In the site's time zone, as on screen.
    assert xlsx_by_title[TITLES["R1"]][vi("Published at")] == datetime.datetime(2025, 10, 2, 9)
    assert r1[vi("Published at")] == "2025-10-02 09:00"


@pytest.mark.parametrize("key", ALLOWED + REFUSED)
def test_who_may_open_the_report(client, world, key):
    response = get(client, key)

    if key in ALLOWED:
        assert response.status_code == HTTPStatus.OK
    else:
        assert_refused(client, response, REPORT)


@pytest.mark.parametrize(
    "params", [{"submitted_from": "2025-13-45"}, {"reviewer": "abc"}, {"outcome": "lost"}]
)
def test_a_bad_filter_value_is_shown_as_an_error(client, world, params):
    response = get(client, **params)

    assert response.status_code == HTTPStatus.OK
    assert filter_errors(response)
    assert not shown_titles(response)


def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, world, django_assert_max_num_queries
):
    login(client)
    client.get(url(REPORT))
    with CaptureQueriesContext(connection) as one_row:
        response = client.get(url(REPORT), {"spokesperson": world.people["speaker2"].pk})
    assert len(response.context["object_list"]) == 1

    with django_assert_max_num_queries(len(one_row)):
        response = client.get(url(REPORT))
    assert len(response.context["object_list"]) == 5

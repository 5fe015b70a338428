"""The audit trail (*Báo cáo → Nhật ký kiểm duyệt*): every decision on publication, with
who, when and the revision, listed in the admin and downloaded as CSV or XLSX.

The decisions are taken through the project's own workflow functions — submit, request
changes, exempt, confirm, approve twice, a refused approval, take down — exactly as the
admin takes them; the test then reads the downloaded file as an inspector would.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import PageLogEntry

from cms.security import services
from cms.workflows.approval import APPROVAL_ACTION, submit, take_step
from cms.workflows.exceptions import WorkflowActionRefused
from cms.workflows.gate import REFUSED_ACTION
from cms.workflows.models import ReviewTask, SpokespersonApprovalTask
from cms.workflows.takedown import TAKEDOWN_ACTION, take_down
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, paragraphs
from tests.workflows.gate_helpers import (
    ALL_ROLES,
    make_person,
    messages_of,
    person_for,
    register,
    shared_state,
    vi,
)

pytestmark = pytest.mark.django_db

INDEX = "reporting_audit:index"
RESULTS = "reporting_audit:results"

DEFENCE = "Kho vũ khí của Ban CHQS xã đặt tại thôn 3."  # SEC-03: a reviewer must confirm
PHONE_TEXT = "Liên hệ anh Hùng: 0912 345 678."  # PII-02: exempted as a false positive
TAKEN_DOWN = "Xã Xuân Trường tổng kết công tác quốc phòng địa phương năm 2025"
SENT_BACK = "Xã Xuân Trường hỗ trợ nông dân chuyển đổi cây trồng vụ đông"
REFUSED = "Xã Xuân Trường phát động phong trào xây dựng nông thôn mới kiểu mẫu"
CHANGES = "Bổ sung nguồn của số liệu diện tích cây vụ đông."
EXEMPTION_REASON = "Số điện thoại đường dây nóng của xã, đã được phép công khai."
TAKEDOWN_REASON = "Số liệu trong bài đã cũ, cần cập nhật theo báo cáo mới."


@dataclass
class World:
    writer: object
    reviewer: object
    spokesperson: object
    self_reviewer: object
    taken_down: object
    approved_revision: object
    sent_back: object
    sent_back_revision: object
    refused: object


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        writer = make_person("writer", "pv-trang", first_name="Nguyễn Thu", last_name="Trang")
        reviewer = make_person("reviewer", "kd-mai", first_name="Lê Thị", last_name="Mai")
        spokesperson = make_person("spokesperson", "pn-hung", first_name="Phạm", last_name="Hưng")
        register(spokesperson)
        self_reviewer = make_person("reviewer", "kd-tuan", first_name="Vũ", last_name="Tuấn")
        index = ArticleIndexPageFactory()

        # Submitted, an exemption and a confirmation, approved by review and spokesperson
        # (which publishes), then taken down.
        taken_down = ArticlePageFactory(
            parent=index, title=TAKEN_DOWN, publish=False, body=paragraphs(DEFENCE, PHONE_TEXT)
        )
        submit(taken_down, writer)
        result = services.scan_latest(taken_down)
        phone = next(r.finding for r in result.reported if r.finding.rule == "PII-02")
        services.record_exemption(
            user=reviewer,
            page=taken_down,
            revision=result.revision,
            finding=phone,
            reason=EXEMPTION_REASON,
        )
        take_step(taken_down, reviewer, "approve", "Đã kiểm tra nội dung.", attest=True)
        take_step(taken_down, spokesperson, "approve")
        taken_down.refresh_from_db()
        approved_revision = taken_down.live_revision
        take_down(taken_down, user=reviewer, reason=TAKEDOWN_REASON)

        # Sent back to the writer with a comment.
        sent_back = ArticlePageFactory(parent=index, title=SENT_BACK, publish=False)
        submit(sent_back, writer)
        sent_back_revision = sent_back.get_latest_revision()
        take_step(sent_back, reviewer, "reject", CHANGES)

        # A reviewer who submitted the version tries to approve it: refused and logged.
        refused = ArticlePageFactory(parent=index, title=REFUSED, publish=False)
        submit(refused, self_reviewer)
        with pytest.raises(WorkflowActionRefused):
            take_step(refused, self_reviewer, "approve")

        yield World(
            writer=writer,
            reviewer=reviewer,
            spokesperson=spokesperson,
            self_reviewer=self_reviewer,
            taken_down=taken_down,
            approved_revision=approved_revision,
            sent_back=sent_back,
            sent_back_revision=sent_back_revision,
            refused=refused,
        )


@pytest.fixture
def world(module_world, db):
    return module_world


def login(client, key_or_user):
    user = person_for(key_or_user) if isinstance(key_or_user, str) else key_or_user
    client.force_login(user)
    return user


def download_csv(client, **params) -> list[dict[str, str]]:
    response = client.get(reverse(INDEX), {**params, "export": "csv"})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="audit-trail-')
    content = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(content)))


def col(name: str) -> str:
    """A CSV heading as the (Vietnamese) admin writes it."""
    return vi(name)


def rows_for(rows, action_code, title):
    return [
        row for row in rows if row[col("Action code")] == action_code and row[col("Page")] == title
    ]


def listing(response) -> str:
    html = response.content.decode()
    start = html.find('id="listing-results"')
    assert start != -1
    return html[start:]


# ------------------------------------------------------------------ what the file holds


def test_the_csv_has_every_decision_with_who_when_and_the_revision(client, world):
    login(client, world.reviewer)

    rows = download_csv(client)

    assert list(rows[0]) == [
        col(heading)
        for heading in (
            "Time",
            "Action code",
            "Action",
            "User",
            "Username",
            "Page ID",
            "Page",
            "Revision",
            "Details",
            "Comment",
        )
    ]
    page_id = str(world.taken_down.pk)
    revision_id = str(world.approved_revision.pk)

    [exemption] = rows_for(rows, "security.exempt_finding", TAKEN_DOWN)
    assert exemption[col("Action")] == vi("Exempt an information-security finding")
    assert exemption[col("User")] == "Lê Thị Mai"
    assert exemption[col("Username")] == "kd-mai"
    assert exemption[col("Page ID")] == page_id
    assert exemption[col("Revision")] == revision_id
    assert "PII-02" in exemption[col("Details")]
    assert EXEMPTION_REASON in exemption[col("Details")]

    [attestation] = rows_for(rows, "security.attest_finding", TAKEN_DOWN)
    assert attestation[col("User")] == "Lê Thị Mai"
    assert attestation[col("Revision")] == revision_id
    assert "SEC-03" in attestation[col("Details")]

    steps = {
        row[col("User")]: row for row in rows_for(rows, "wagtail.workflow.approve", TAKEN_DOWN)
    }
    assert set(steps) == {"Lê Thị Mai", "Phạm Hưng"}  # the review, then the spokesperson
    review, spokesperson_step = steps["Lê Thị Mai"], steps["Phạm Hưng"]
    assert review[col("Comment")] == "Đã kiểm tra nội dung."
    assert review[col("Revision")] == spokesperson_step[col("Revision")] == revision_id
    assert ReviewTask.objects.get().name in review[col("Details")]
    assert SpokespersonApprovalTask.objects.get().name in spokesperson_step[col("Details")]

    [approval] = rows_for(rows, APPROVAL_ACTION, TAKEN_DOWN)
    assert approval[col("Action")] == vi("Approve publication (spokesperson)")
    assert approval[col("User")] == "Phạm Hưng"
    assert approval[col("Revision")] == revision_id
    assert "Lê Thị Mai" in approval[col("Details")]  # who reviewed the approved version

    [takedown] = rows_for(rows, TAKEDOWN_ACTION, TAKEN_DOWN)
    assert takedown[col("Action")] == vi("Take down")
    assert takedown[col("User")] == "Lê Thị Mai"
    assert takedown[col("Revision")] == revision_id  # the version that was live
    assert TAKEDOWN_REASON in takedown[col("Details")]

    [changes] = rows_for(rows, "wagtail.workflow.reject", SENT_BACK)
    assert changes[col("Action")] == vi("Request changes")
    assert changes[col("User")] == "Lê Thị Mai"
    assert changes[col("Comment")] == CHANGES
    assert changes[col("Revision")] == str(world.sent_back_revision.pk)

    [refusal] = rows_for(rows, REFUSED_ACTION, REFUSED)
    assert refusal[col("Action")] == vi("Publication refused by the gate")
    assert refusal[col("User")] == "Vũ Tuấn"
    assert refusal[col("Revision")] == str(world.refused.get_latest_revision().pk)
    assert refusal[col("Details")]


def test_times_are_the_communes_local_time_with_the_offset(client, world):
    entry = PageLogEntry.objects.get(page=world.taken_down, action=TAKEDOWN_ACTION)
    login(client, world.reviewer)

    [takedown] = rows_for(download_csv(client), TAKEDOWN_ACTION, TAKEN_DOWN)

    written = datetime.datetime.fromisoformat(takedown[col("Time")])
    assert written.utcoffset() == datetime.timedelta(hours=7)
    assert written == entry.timestamp.replace(microsecond=0)


def test_routine_log_entries_are_not_in_the_trail(client, world):
    """Saving a draft, submitting, publishing are in the page history, not in this trail."""
    login(client, world.reviewer)

    rows = download_csv(client)

    actions = {row[col("Action code")] for row in rows}
    assert actions == {
        "security.exempt_finding",
        "security.attest_finding",
        "wagtail.workflow.approve",
        "wagtail.workflow.reject",
        APPROVAL_ACTION,
        REFUSED_ACTION,
        TAKEDOWN_ACTION,
    }
    assert PageLogEntry.objects.filter(action="wagtail.publish").exists()
    assert PageLogEntry.objects.filter(action="wagtail.workflow.start").exists()


def test_the_xlsx_download_holds_the_same_rows(client, world):
    login(client, world.reviewer)

    response = client.get(reverse(INDEX), {"action": TAKEDOWN_ACTION, "export": "xlsx"})

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    heading, *rows = list(sheet.values)
    assert heading[0] == col("Time")
    assert len(rows) == 1
    values = dict(zip(heading, rows[0], strict=True))
    assert values[col("Page")] == TAKEN_DOWN
    entry = PageLogEntry.objects.get(page=world.taken_down, action=TAKEDOWN_ACTION)
    local = timezone.make_naive(timezone.localtime(entry.timestamp))
    assert values[col("Time")] == local.replace(microsecond=0)


# ------------------------------------------------------------------ filters


def test_period_filter_keeps_the_entries_of_those_days(client, world):
    december = timezone.make_aware(datetime.datetime(2025, 12, 20, 9, 30))
    PageLogEntry.objects.filter(page=world.taken_down, action=TAKEDOWN_ACTION).update(
        timestamp=december
    )
    login(client, world.reviewer)

    rows = download_csv(client, timestamp_from="2025-12-01", timestamp_to="2025-12-31")
    last_day = download_csv(client, timestamp_from="2025-12-20", timestamp_to="2025-12-20")
    before = download_csv(client, timestamp_from="2025-11-01", timestamp_to="2025-11-30")

    assert [(row[col("Action code")], row[col("Time")]) for row in rows] == [
        (TAKEDOWN_ACTION, "2025-12-20T09:30:00+07:00")
    ]
    assert len(last_day) == 1  # the end date counts to the end of its day
    assert before == []


def test_action_and_user_filters(client, world):
    login(client, "spokesperson")

    refusals = download_csv(client, action=REFUSED_ACTION)
    changes_and_takedowns = download_csv(
        client, action=["wagtail.workflow.reject", TAKEDOWN_ACTION]
    )
    by_spokesperson = download_csv(client, user=world.spokesperson.pk)

    assert [row[col("Page")] for row in refusals] == [REFUSED]
    assert sorted(row[col("Action code")] for row in changes_and_takedowns) == [
        "wagtail.workflow.reject",
        TAKEDOWN_ACTION,
    ]
    assert {row[col("User")] for row in by_spokesperson} == {"Phạm Hưng"}
    assert {row[col("Action code")] for row in by_spokesperson} == {
        APPROVAL_ACTION,
        "wagtail.workflow.approve",
    }


def test_the_listing_shows_the_rows_and_the_filters(client, world):
    login(client, world.reviewer)

    response = client.get(reverse(INDEX), {"action": "wagtail.workflow.reject"})

    assert response.status_code == HTTPStatus.OK
    html = listing(response)
    assert SENT_BACK in html
    assert CHANGES in html
    assert TAKEN_DOWN not in html
    assert f'href="{reverse("wagtailadmin_pages:history", args=[world.sent_back.pk])}"' in html
    page_html = response.content.decode()
    for label in ("Time period", "Action", "User", "Page title"):
        assert vi(label) in page_html, label
    assert "?action=wagtail.workflow.reject&amp;export=csv" in page_html  # download what is seen
    results = client.get(reverse(RESULTS), {"action": "wagtail.workflow.reject"})
    assert results.status_code == HTTPStatus.OK
    assert SENT_BACK in results.content.decode()


def test_a_period_that_ends_before_it_starts_is_explained_not_listed(client, world):
    login(client, world.reviewer)

    response = client.get(
        reverse(INDEX), {"timestamp_from": "2025-12-31", "timestamp_to": "2025-09-01"}
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["object_list"] == []
    assert vi("The start of the period is after its end: swap the two dates.") in (
        response.content.decode()
    )


def test_a_download_with_wrong_filters_is_refused_with_a_message(client, world):
    login(client, world.reviewer)
    params = {"timestamp_from": "2025-12-31", "timestamp_to": "2025-09-01"}

    response = client.get(reverse(INDEX), {**params, "export": "csv"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse(INDEX) + "?")
    assert "export" not in response["Location"]
    assert vi("Correct the filters before downloading the audit trail.") in messages_of(response)


# ------------------------------------------------------------------ who may see it


@pytest.mark.parametrize("key", ALL_ROLES)
def test_who_may_open_the_trail_and_sees_its_menu_item(client, world, key):
    login(client, key)

    response = client.get(reverse(INDEX))
    download = client.get(reverse(INDEX), {"export": "csv"})
    menu_has_it = reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()

    if key in ("writer", "translator"):
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse("wagtailadmin_home")
        assert download.status_code == HTTPStatus.FOUND
        assert not hasattr(download, "streaming_content")
        xhr = client.get(reverse(RESULTS), headers={"x-requested-with": "XMLHttpRequest"})
        assert xhr.status_code == HTTPStatus.FORBIDDEN
        assert not menu_has_it
    else:  # reviewer, spokesperson, site administrator, superuser
        assert response.status_code == HTTPStatus.OK
        assert download.status_code == HTTPStatus.OK
        assert menu_has_it


def test_the_permission_is_what_opens_the_trail(client, world):
    writer = login(client, "writer")
    assert client.get(reverse(INDEX)).status_code == HTTPStatus.FOUND

    writer.user_permissions.add(
        Permission.objects.get(content_type__app_label="reporting", codename="export_audit_trail")
    )
    client.force_login(type(writer).objects.get(pk=writer.pk))

    assert client.get(reverse(INDEX)).status_code == HTTPStatus.OK


def test_a_site_administrator_sees_every_entry_but_no_page_link(client, world):
    """Site administrators inspect: they read the whole trail, and edit no page."""
    login(client, "siteadmin")

    response = client.get(reverse(INDEX), {"action": "wagtail.workflow.reject"})

    html = listing(response)
    assert SENT_BACK in html
    assert reverse("wagtailadmin_pages:history", args=[world.sent_back.pk]) not in html


# ------------------------------------------------------------------ cost


def test_the_number_of_queries_does_not_grow_with_the_entries(
    client, world, django_assert_max_num_queries
):
    login(client, world.reviewer)
    client.get(reverse(INDEX))  # warm the per-process caches
    few = {"action": [TAKEDOWN_ACTION, APPROVAL_ACTION]}
    with CaptureQueriesContext(connection) as few_rows:
        response = client.get(reverse(INDEX), few)
    shown = len(response.context["object_list"])
    with CaptureQueriesContext(connection) as few_rows_csv:
        download_csv(client, **few)

    with django_assert_max_num_queries(len(few_rows)):
        response = client.get(reverse(INDEX))
    assert len(response.context["object_list"]) >= shown + 6
    with django_assert_max_num_queries(len(few_rows_csv)):
        assert len(download_csv(client)) >= shown + 6

"""The "Checker findings" report: for each version published in the period, its findings that
were attested or exempted on it, and those fixed on the way (recorded or refused on an
earlier version of the same round, absent from the published one)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import WorkflowState

from articles.models import ArticlePage
from cms.reporting.reports_checker import REFUSED as REFUSED_KIND
from cms.reporting.reports_checker import Evidence, _fixed
from cms.security.services import describe_field, record_exemption, scan_revision
from cms.workflows.approval import submit, take_step
from cms.workflows.exceptions import WorkflowActionRefused
from cms.workflows.models import PublicationApproval
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, editorial_team, paragraphs
from tests.factories.workflows import publish_page
from tests.workflows.gate_helpers import make_person, register, shared_state, vi

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

REPORT = "checker"
PHONE = "0912 345 678"
DEFENCE = "Kho vũ khí của Ban CHQS xã đặt tại thôn 3."  # SEC-03, attest
INVESTIGATION = "Vụ việc đang được Công an xã điều tra."  # SPK-03, attest
X_TITLE = "Công tác quốc phòng địa phương năm 2025"
Y_TITLE = "Hợp tác xã nông nghiệp mở điểm bán gạo"
EXEMPTION_REASON = "Số đường dây nóng của hợp tác xã, được phép công khai."


@dataclass
class World:
    x: int
    y: int
    reviewer: object
    publications: dict[str, int]  # "x1", "y", "x2" → PublicationApproval id


def published_on(approval_id: int, day: datetime.date) -> None:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    PublicationApproval.objects.filter(pk=approval_id).update(used_at=moment)


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """X, version 1: a private phone (PII-02, blocks), defence detail (SEC-03) and a case
    under investigation (SPK-03); the reviewer confirms both statements, is refused for the
    phone and asks for changes. Version 2 keeps the defence detail only; confirmed again
    and published (15/10/2025). Y: the phone, exempted, published (20/11/2025). X again
    (05/12/2025), the defence detail confirmed once more."""
    with shared_state(django_db_blocker):
        writer, reviewer, _spokesperson = editorial_team()
        speaker = make_person("spokesperson", "phatngon-kiemtra", first_name="Phạm")
        register(speaker)
        index = ArticleIndexPageFactory(publish=False)
        x = ArticlePageFactory(
            parent=index,
            title=X_TITLE,
            summary=f"Liên hệ anh Hùng: {PHONE}.",
            body=paragraphs(DEFENCE, INVESTIGATION),
            publish=False,
        )
        submit(x, writer)
        with pytest.raises(WorkflowActionRefused, match="PII-02"):
            take_step(x, reviewer, "approve", attest=True)
        take_step(x, reviewer, "reject", "Bỏ số điện thoại cá nhân và thông tin vụ việc.")
        x = ArticlePage.objects.get(pk=x.pk)
        x.summary = "Ban CHQS xã tổng kết công tác quốc phòng địa phương."
        x.body = paragraphs(DEFENCE)
        x.save_revision(user=writer)
        WorkflowState.objects.get(pk=x.current_workflow_state.pk).resume(user=writer)
        take_step(x, reviewer, "approve", attest=True)
        take_step(x, speaker, "approve")

        y = ArticlePageFactory(
            parent=index, title=Y_TITLE, summary=f"Liên hệ anh Hùng: {PHONE}.", publish=False
        )
        submit(y, writer)
        revision = ArticlePage.objects.get(pk=y.pk).latest_revision
        [phone] = [f for f in scan_revision(revision).findings if f.rule == "PII-02"]
        record_exemption(
            user=reviewer, page=y, revision=revision, finding=phone, reason=EXEMPTION_REASON
        )
        take_step(y, reviewer, "approve", attest=True)
        take_step(y, speaker, "approve")

        x = ArticlePage.objects.get(pk=x.pk)
        x.title = f"{X_TITLE} (cập nhật)"
        publish_page(x)

        approvals = list(
            PublicationApproval.objects.order_by("used_at").values_list("pk", flat=True)
        )
        publications = dict(zip(("x1", "y", "x2"), approvals, strict=True))
        published_on(publications["x1"], datetime.date(2025, 10, 15))
        published_on(publications["y"], datetime.date(2025, 11, 20))
        published_on(publications["x2"], datetime.date(2025, 12, 5))
        yield World(x=x.pk, y=y.pk, reviewer=reviewer, publications=publications)


@pytest.fixture
def world(module_world, db):
    return module_world


def get(client, key="reviewer", **params):
    login(client, key)
    return client.get(url(REPORT), params)


def outcomes(response) -> list[tuple[int, str, str]]:
    """(publication, rule, outcome) of every row, sorted."""
    return sorted(
        (row.publication_pk, row.rule_id, row.outcome) for row in response.context["object_list"]
    )


def test_each_finding_of_a_published_version_is_a_row_with_its_outcome(client, world):
    response = get(client)

    assert response.status_code == HTTPStatus.OK
    p = world.publications
    assert outcomes(response) == sorted(
        [
            (p["x1"], "SEC-03", "attested"),
            (p["x1"], "SPK-03", "fixed"),  # confirmed on version 1, gone from version 2
            (p["x1"], "PII-02", "fixed"),  # refused on version 1, gone from version 2
            (p["y"], "PII-02", "exempted"),
            (p["x2"], "SEC-03", "attested"),  # version 1 belongs to the previous round
        ]
    )
    rows = {(row.publication_pk, row.rule_id): row for row in response.context["object_list"]}
    attested = rows[(p["x1"], "SEC-03")]
    assert attested.page_title == f"{X_TITLE} (cập nhật)"
    assert attested.by == world.reviewer.get_full_name()
    assert attested.field_label == describe_field(ArticlePage, attested.field)
    assert attested.note  # the statement the reviewer confirmed
    exempted = rows[(p["y"], "PII-02")]
    assert (exempted.note, exempted.by) == (EXEMPTION_REASON, world.reviewer.get_full_name())
    fixed = rows[(p["x1"], "PII-02")]
    assert (fixed.by, fixed.note) == ("", "")
    assert fixed.outcome_label == vi("Fixed")


def test_the_summary_counts_findings_per_rule_and_outcome(client, world):
    response = get(client)

    def cells(rule):
        row = soup_of(response).select_one(f'[data-summary="rules"] tr[data-rule="{rule}"]')
        return [cell.get_text(strip=True) for cell in row.select("td")]

    # Columns: fixed, attested, exempted, total.
    assert cells("SEC-03") == ["0", "2", "0", "2"]
    assert cells("SPK-03") == ["1", "0", "0", "1"]
    assert cells("PII-02") == ["1", "0", "1", "2"]
    assert cells("total") == ["2", "2", "1", "5"]
    assert summary(response, '[data-rule="SEC-03"] th').startswith("SEC-03 – ")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"period_from": "2025-10-01", "period_to": "2025-10-31"},
            [("x1", "PII-02", "fixed"), ("x1", "SEC-03", "attested"), ("x1", "SPK-03", "fixed")],
        ),
        (
            {"period_from": "2025-11-01"},
            [("x2", "SEC-03", "attested"), ("y", "PII-02", "exempted")],
        ),
        ({"rule": "PII-02"}, [("x1", "PII-02", "fixed"), ("y", "PII-02", "exempted")]),
        ({"outcome": "fixed"}, [("x1", "PII-02", "fixed"), ("x1", "SPK-03", "fixed")]),
        ({"language": "en"}, []),
    ],
)
def test_filters_narrow_the_rows(client, world, params, expected):
    response = get(client, **params)

    p = world.publications
    assert outcomes(response) == sorted((p[key], rule, outcome) for key, rule, outcome in expected)


def test_excerpts_are_neither_shown_nor_exported(client, world):
    """They are the personal data the checker caught."""
    page = get(client)
    csv_text = "\n".join(
        ",".join(row) for row in csv_rows(client.get(url(REPORT), {"export": "csv"}))
    )

    assert PHONE not in page.content.decode()
    assert PHONE not in csv_text


def test_csv_and_xlsx_exports_have_the_rows(client, world):
    login(client)
    heading, *lines = csv_rows(client.get(url(REPORT), {"export": "csv", "rule": "PII-02"}))
    xlsx_heading, *cells = xlsx_rows(client.get(url(REPORT), {"export": "xlsx", "rule": "PII-02"}))

    assert heading == [
        vi("Published at"),
        vi("Page"),
        vi("Type"),
        vi("Language"),
        vi("Rule"),
        vi("Rule title"),
        vi("Field"),
        vi("Outcome"),
        vi("By"),
        vi("Statement or reason"),
    ]
    assert xlsx_heading == heading
    by_outcome = {line[7]: line for line in lines}
    assert set(by_outcome) == {vi("Fixed"), vi("Exempted")}
    exempted = by_outcome[vi("Exempted")]
    assert exempted[0] == "2025-11-20 10:00"
    assert exempted[1] == Y_TITLE
    assert exempted[4] == "PII-02"
    assert exempted[9] == EXEMPTION_REASON
    assert sorted(row[7] for row in cells) == sorted(by_outcome)
    assert {row[0] for row in cells} == {
        datetime.datetime(2025, 10, 15, 10),
        datetime.datetime(2025, 11, 20, 10),
    }


@pytest.mark.parametrize("key", ALLOWED + REFUSED)
def test_who_may_open_the_report(client, world, key):
    response = get(client, key)

    if key in ALLOWED:
        assert response.status_code == HTTPStatus.OK
    else:
        assert_refused(client, response, REPORT)


@pytest.mark.parametrize("params", [{"period_to": "2025-13-45"}, {"rule": "XXX-99"}])
def test_a_bad_filter_value_is_shown_as_an_error(client, world, params):
    response = get(client, **params)

    assert response.status_code == HTTPStatus.OK
    assert filter_errors(response)
    assert response.context["object_list"] == []


def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, world, django_assert_max_num_queries
):
    login(client)
    client.get(url(REPORT))
    with CaptureQueriesContext(connection) as one_row:
        response = client.get(url(REPORT), {"period_from": "2025-11-01", "period_to": "2025-11-30"})
    assert len(response.context["object_list"]) == 1

    with django_assert_max_num_queries(len(one_row)):
        response = client.get(url(REPORT))
    assert len(response.context["object_list"]) == 5


def evidence(kind, rule, excerpt=None, severity="block", revision=1):
    moment = timezone.make_aware(datetime.datetime(2025, 10, revision))
    return Evidence(kind, 1, revision, moment, rule, severity, excerpt=excerpt)


def test_only_what_the_gate_holds_back_can_have_been_fixed():
    """Advice exempted on an earlier version proves nothing about the published one; a
    refused rule still recorded on the published version was not fixed; a refusal and a
    record of the same rule make one fixed finding."""
    earlier = [
        evidence("exempted", "CITE-02", "09/2017", severity="warn"),
        evidence("exempted", "PII-02", "0912 345 678"),
        evidence(REFUSED_KIND, "PII-02"),
        evidence(REFUSED_KIND, "SEC-03"),
        evidence(REFUSED_KIND, "SOV-01"),
        evidence("attested", "SPK-03", "đang được điều tra", severity="attest"),
    ]
    on_version = [evidence("attested", "SEC-03", "kho vũ khí", severity="attest", revision=2)]

    fixed = _fixed(earlier, on_version)

    assert sorted((item.rule_id, item.excerpt) for item in fixed) == [
        ("PII-02", "0912 345 678"),
        ("SOV-01", None),
        ("SPK-03", "đang được điều tra"),
    ]

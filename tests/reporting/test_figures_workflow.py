"""Workflow, checker and false-information figures (``cms.reporting.figures``): events are
counted by when they happened, from what the workflow, the gate and the register store.

The pages go through the real workflow now, so the period is the last three days.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from cms.reporting import figures
from cms.reporting.models import Incident, IncidentCategory, IncidentStatus, Platform
from cms.security import services as security_services
from cms.security.models import Attestation, Exemption, TermEntry
from cms.workflows import approval
from cms.workflows.exceptions import WorkflowActionRefused
from cms.workflows.models import PublicationApproval
from cms.workflows.takedown import take_down
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    editorial_team,
    paragraphs,
    publish_page,
)
from tests.workflows.gate_helpers import make_person, register, shared_state

pytestmark = pytest.mark.django_db

HOURS = datetime.timedelta(hours=1)
CLEAN_TEXT = "Hội nghị đánh giá kết quả sản xuất vụ mùa của các thôn."
BLOCKED_TERM = "vùng trồng thử nghiệm giống mới"


def period():
    today = timezone.localdate()
    return today - datetime.timedelta(days=2), today


@pytest.fixture(autouse=True)
def fresh_checker():
    security_services.clear_local_cache()
    yield
    security_services.clear_local_cache()


def submitted_hours_before_publication(page, hours: float):
    """Move the page's submission ``hours`` before its publication (the workflow runs in
    a fraction of a second in a test)."""
    used = PublicationApproval.objects.get(page=page, used_at__isnull=False)
    WorkflowState.objects.filter(pk=used.workflow_state_id).update(
        created_at=used.used_at - hours * HOURS
    )


def published_long_ago(page):
    """Move every workflow event of ``page`` 40 days back (the news section existed before)."""
    from wagtail.models import PageLogEntry, TaskState

    past = timezone.now() - datetime.timedelta(days=40)
    PageLogEntry.objects.filter(page=page).update(timestamp=past)
    TaskState.objects.filter(workflow_state__object_id=str(page.pk)).update(finished_at=past)
    PublicationApproval.objects.filter(page=page).update(approved_at=past, used_at=past)


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """Four articles through the workflow, a takedown, checker records and incidents:

    * P1: published straight through (submitted 2 h before publication), then taken down;
    * P2: changes requested at review, resubmitted, published (10 h);
    * P3: its review refused for a blocking term (SEC-02), the term removed, published by
      another reviewer and another spokesperson (4 h);
    * P4: changes requested by the spokesperson, not published.
    """
    with shared_state(django_db_blocker):
        writer, reviewer, _spokesperson = editorial_team()
        news = ArticleIndexPageFactory()
        published_long_ago(news)
        p1 = ArticlePageFactory(
            parent=news, title="Xã tổ chức lễ ra quân làm đường giao thông nông thôn"
        )
        submitted_hours_before_publication(p1, 2)

        p2 = ArticlePageFactory(
            parent=news, title="Xã tổng kết phong trào khuyến học", publish=False
        )
        approval.submit(p2, writer)
        approval.take_step(p2, reviewer, "reject", "Bổ sung số liệu học sinh giỏi.")
        publish_page(p2)
        submitted_hours_before_publication(p2, 10)

        TermEntry.objects.create(rule_id="SEC-02", term=BLOCKED_TERM, language="vi")
        security_services.clear_local_cache()
        p3 = ArticlePageFactory(
            parent=news,
            title="Xã mở rộng diện tích lúa chất lượng cao",
            body=paragraphs(f"Xã bố trí {BLOCKED_TERM} tại cánh đồng thôn 5."),
            publish=False,
        )
        approval.submit(p3, writer)
        with pytest.raises(WorkflowActionRefused):
            approval.take_step(p3, reviewer, "approve", attest=True)
        p3 = type(p3).objects.get(pk=p3.pk)
        p3.body = paragraphs(CLEAN_TEXT)
        p3.save_revision(user=writer)
        other_reviewer = make_person("reviewer", "kd-hoa", first_name="Nguyễn Thị", last_name="Hoa")
        other_spokesperson = make_person(
            "spokesperson", "pn-an", first_name="Nguyễn Văn", last_name="An"
        )
        register(other_spokesperson)
        approval.take_step(p3, other_reviewer, "approve", attest=True)
        approval.take_step(p3, other_spokesperson, "approve")
        submitted_hours_before_publication(p3, 4)

        p4 = ArticlePageFactory(
            parent=news, title="Xã chuẩn bị hội chợ nông sản cuối năm", publish=False
        )
        approval.submit(p4, writer)
        approval.take_step(p4, reviewer, "approve", attest=True)
        approval.take_step(p4, other_spokesperson, "reject", "Chưa có thời gian tổ chức cụ thể.")

        take_down(p1, user=reviewer, reason="Thông tin về lịch ra quân đã thay đổi.")

        revision = p4.latest_revision
        for rule, excerpt in (("SOV-01", "biển đảo"), ("SOV-01", "Biển Đông")):
            Attestation.objects.create(
                page=p4,
                revision=revision,
                rule_id=rule,
                excerpt=excerpt,
                field="body",
                statement="Bản đồ thể hiện đúng chủ quyền.",
                created_by=reviewer,
            )
        old = Attestation.objects.create(
            page=p4,
            revision=revision,
            rule_id="SOV-01",
            excerpt="cũ",
            field="body",
            statement="Đã kiểm tra.",
            created_by=reviewer,
        )
        Attestation.objects.filter(pk=old.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=40)
        )
        Exemption.objects.create(
            page=p4,
            revision=revision,
            rule_id="PII-02",
            excerpt="0912 345 678",
            field="body",
            reason="Số đường dây nóng công khai.",
            created_by=reviewer,
        )

        now = timezone.now()
        incident = {"address": "https://facebook.com/bai-viet", "summary": "Tin sai về thu hồi đất"}
        Incident.objects.create(
            seen_at=now - 5 * HOURS,
            responded_at=now - 2 * HOURS,
            status=IncidentStatus.REBUTTED,
            platform=Platform.FACEBOOK,
            category=IncidentCategory.LOCAL_ADMINISTRATION,
            **incident,
        )
        Incident.objects.create(
            seen_at=now - 3 * HOURS,
            responded_at=now - 2 * HOURS,
            status=IncidentStatus.CLOSED,
            platform=Platform.FACEBOOK,
            category=IncidentCategory.SOVEREIGNTY,
            **incident,
        )
        Incident.objects.create(
            seen_at=now - 1 * HOURS,
            platform=Platform.ZALO,
            category=IncidentCategory.SOVEREIGNTY,
            **incident,
        )
        Incident.objects.create(
            seen_at=now - datetime.timedelta(days=40),
            platform=Platform.TIKTOK,
            category=IncidentCategory.OTHER,
            **incident,
        )
        yield {"p1": p1, "p3": p3, "reviewers": (reviewer, other_reviewer)}


@pytest.fixture
def world(module_world, db):
    return module_world


def test_workflow_counts(world):
    workflow = figures.workflow_figures(*period())

    assert workflow.submitted == 5  # P1, P2 (twice: after the changes), P3, P4
    assert workflow.reviewed == 4
    assert workflow.approved == 3
    assert workflow.published == 3
    assert workflow.changes_requested_review == 1
    assert workflow.changes_requested_spokesperson == 1
    assert workflow.changes_requested == 2
    assert workflow.taken_down == 1
    assert workflow.refused == 1  # P3's review


def test_median_time_from_submission_to_publication_overall_and_per_person(world):
    workflow = figures.workflow_figures(*period())

    assert workflow.median_to_publication == 4 * HOURS  # of 2, 10 and 4 hours
    team_reviewer, other_reviewer = world["reviewers"]
    assert [(row.key, row.count, row.median) for row in workflow.per_reviewer] == [
        (str(team_reviewer.pk), 2, 6 * HOURS),
        (str(other_reviewer.pk), 1, 4 * HOURS),
    ]
    assert workflow.per_reviewer[1].label == "Nguyễn Thị Hoa"
    assert [(row.count, row.median) for row in workflow.per_spokesperson] == [
        (2, 6 * HOURS),
        (1, 4 * HOURS),
    ]


def test_events_outside_the_period_are_not_counted(world):
    before = timezone.localdate() - datetime.timedelta(days=30)
    workflow = figures.workflow_figures(before, before + datetime.timedelta(days=20))

    assert (workflow.submitted, workflow.published, workflow.taken_down) == (0, 0, 0)
    assert workflow.per_reviewer == []
    assert figures.checker_figures(before, before).rules == []


def test_checker_outcomes_per_rule(world):
    checker = figures.checker_figures(*period())

    rules = {rule.rule_id: rule for rule in checker.rules}
    assert set(rules) == {"PII-02", "SEC-02", "SOV-01"}
    assert rules["SEC-02"] == figures.RuleOutcome(
        "SEC-02", held_back=1, fixed=1, exempted=0, attested=0
    )
    assert rules["SOV-01"].attested == 2  # the third was 40 days ago
    assert rules["PII-02"].exempted == 1
    assert checker.total("held_back") == 1


def test_a_held_back_page_not_yet_published_is_not_fixed(world):
    """Before P3 was published again, its SEC-02 finding was held back and not fixed."""
    PublicationApproval.objects.filter(page=world["p3"]).update(
        used_at=timezone.now() - datetime.timedelta(days=10)
    )

    [rule] = [r for r in figures.checker_figures(*period()).rules if r.rule_id == "SEC-02"]

    assert (rule.held_back, rule.fixed) == (1, 0)


def test_incidents(world):
    incidents = figures.incident_figures(*period())

    assert incidents.total == 3
    assert {row.key: row.count for row in incidents.by_status} == {
        "new": 1,
        "verifying": 0,
        "rebutted": 1,
        "closed": 1,
    }
    assert {row.key: row.count for row in incidents.by_platform if row.count} == {
        "facebook": 2,
        "zalo": 1,
    }
    assert {row.key: row.count for row in incidents.by_category if row.count} == {
        "sovereignty": 2,
        "local_administration": 1,
    }
    assert incidents.responded == 2
    assert incidents.median_response == 2 * HOURS  # of 3 and 1 hours

"""The two steps of the workflow in the admin: who may take them, and what they do.

Writer submits → a reviewer (not an author) reviews → a registered spokesperson
(not an author, not the reviewer) approves, which publishes exactly the approved
revision. Any edit after a step was approved sends the page back to review.
"""

from __future__ import annotations

import datetime
import json
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from cms.core.roles import REVIEWER, SPOKESPERSON
from cms.security.models import TermEntry
from cms.workflows import approval
from cms.workflows.exceptions import WorkflowActionRefused
from cms.workflows.models import PublicationApproval, ReviewTask, SpokespersonApprovalTask
from tests.factories import ArticlePageFactory, paragraphs
from tests.workflows.gate_helpers import (
    article_data,
    make_person,
    messages_of,
    refusals,
    register,
    vi,
)

pytestmark = pytest.mark.django_db

TITLE = "UBND xã Xuân Trường tiếp đoàn công tác của tỉnh Ninh Bình"
TEXT = "Đoàn công tác đã làm việc với UBND xã về kết quả xây dựng nông thôn mới."
NEW_TITLE = "UBND xã Xuân Trường làm việc với đoàn công tác của tỉnh"
DEFENCE = "Kho vũ khí của Ban CHQS xã đặt tại thôn 3."


@pytest.fixture
def team(db):
    writer = make_person("writer", "pv-minh")
    reviewer = make_person("reviewer", "kd-lan")
    spokesperson = make_person("spokesperson", "pn-phuc")
    register(spokesperson)
    return writer, reviewer, spokesperson


@pytest.fixture
def draft(home_page, team):
    """A draft article (never published), last saved by the writer."""
    page = ArticlePageFactory(title=TITLE, body=paragraphs(TEXT), publish=False)
    page.save_revision(user=team[0])
    return type(page).objects.get(pk=page.pk)


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def current_task(page):
    task_state = fresh(page).current_workflow_task_state
    return task_state.task.specific if task_state else None


def action_url(page, action):
    task_state = fresh(page).current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def take(client, page, action, comment=""):
    """Open the step's modal, then send its form, as the admin's JavaScript does."""
    url = action_url(page, action)
    xhr = {"x-requested-with": "XMLHttpRequest"}
    modal = client.get(url, headers=xhr)
    assert modal.status_code == HTTPStatus.OK, modal.content[:500]
    assert json.loads(modal.content)["step"] == "action"
    return client.post(url, {"comment": comment}, headers=xhr)


def submit_in_editor(client, page, user, title=NEW_TITLE, text=TEXT):
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        article_data(page, title=title, text=text, **{"action-submit": "1"}),
    )


# ------------------------------------------------------------------ the happy path


def test_happy_path_in_the_admin(client, draft, team):
    writer, reviewer, spokesperson = team

    submitted = submit_in_editor(client, draft, writer)

    assert submitted.status_code == HTTPStatus.FOUND
    assert isinstance(current_task(draft), ReviewTask)
    submitted_revision = fresh(draft).current_workflow_task_state.revision
    assert submitted_revision.user == writer
    assert submitted_revision.content["title"] == NEW_TITLE

    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert action_url(draft, "approve") in dashboard  # "awaiting your review"
    reviewed = take(client, draft, "approve", comment="Nội dung chính xác.")
    assert json.loads(reviewed.content)["step"] == "success"
    assert isinstance(current_task(draft), SpokespersonApprovalTask)
    assert not fresh(draft).live

    client.force_login(spokesperson)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert action_url(draft, "approve") in dashboard
    approved = take(client, draft, "approve")

    assert json.loads(approved.content)["step"] == "success"
    page = fresh(draft)
    assert page.live
    assert page.live_revision_id == submitted_revision.pk  # exactly what was reviewed
    assert page.title == NEW_TITLE
    record = PublicationApproval.objects.get(revision=submitted_revision)
    assert (record.reviewer, record.spokesperson) == (reviewer, spokesperson)
    assert record.used_at is not None
    assert page.current_workflow_state is None
    client.logout()
    public = client.get(page.url)
    assert public.status_code == HTTPStatus.OK
    assert NEW_TITLE in public.content.decode()


# ------------------------------------------------------------------ who may act


def test_the_author_who_is_also_a_reviewer_cannot_review_their_own_text(client, draft, team):
    _writer, reviewer, _spokesperson = team
    draft.get_latest_revision_as_object().save_revision(user=reviewer)  # the reviewer wrote it
    approval.submit(fresh(draft), reviewer)
    client.force_login(reviewer)

    dashboard = client.get(reverse("wagtailadmin_home"))
    refused = client.post(action_url(draft, "approve"), {"comment": ""})

    assert action_url(draft, "approve") not in dashboard.content.decode()
    assert refused.status_code == HTTPStatus.FOUND
    assert messages_of(refused) == [
        vi("You wrote, edited or submitted this version, so another reviewer must review it.")
    ]
    assert isinstance(current_task(draft), ReviewTask)
    assert refusals(draft, "workflow").filter(user=reviewer).exists()


def test_the_submitter_cannot_review(draft, team):
    writer, _reviewer, _spokesperson = team
    writer.groups.add(Group.objects.get(name=REVIEWER.group_name))
    approval.submit(fresh(draft), writer)

    with pytest.raises(WorkflowActionRefused, match="một người kiểm duyệt khác"):
        approval.take_step(draft, writer, "approve")

    assert isinstance(current_task(draft), ReviewTask)


def test_one_person_cannot_take_both_steps(client, draft, team):
    writer, reviewer, _spokesperson = team
    reviewer.groups.add(Group.objects.get(name=SPOKESPERSON.group_name))
    register(reviewer, days_from=-10)
    approval.submit(fresh(draft), writer)
    approval.take_step(draft, reviewer, "approve")
    client.force_login(reviewer)

    refused = client.post(action_url(draft, "approve"), {"comment": ""})

    assert messages_of(refused) == [
        vi("You reviewed this version: the approval must come from another person.")
    ]
    assert isinstance(current_task(draft), SpokespersonApprovalTask)
    assert not fresh(draft).live


@pytest.mark.parametrize(
    ("days_from", "days_until"), [(-60, -1), (1, None)], ids=["expired", "not-yet-valid"]
)
def test_spokesperson_without_a_current_authorisation_cannot_approve(
    client, draft, team, days_from, days_until
):
    writer, reviewer, spokesperson = team
    spokesperson.spokesperson_entries.update(
        valid_from=timezone.localdate() + datetime.timedelta(days=days_from),
        valid_until=(
            None
            if days_until is None
            else timezone.localdate() + datetime.timedelta(days=days_until)
        ),
    )
    approval.submit(fresh(draft), writer)
    approval.take_step(draft, reviewer, "approve")
    client.force_login(spokesperson)

    dashboard = client.get(reverse("wagtailadmin_home"))
    refused = client.post(action_url(draft, "approve"), {"comment": ""})

    assert action_url(draft, "approve") not in dashboard.content.decode()
    assert messages_of(refused) == [
        vi(
            "Your authorisation in the spokesperson register is not current, so you cannot "
            "approve publication."
        )
    ]
    assert not fresh(draft).live
    assert not PublicationApproval.objects.filter(page_id=draft.pk).exists()


# ------------------------------------------------------------------ the checker


def test_an_unconfirmed_attest_item_blocks_the_review(client, home_page, team):
    writer, reviewer, _spokesperson = team
    page = ArticlePageFactory(title=TITLE, body=paragraphs(TEXT, DEFENCE), publish=False)
    approval.submit(fresh(page), writer)
    client.force_login(reviewer)

    refused = take(client, page, "approve")

    [message] = messages_of(refused)
    assert vi("The review cannot be approved.") in message
    assert "SEC-03" in message
    assert isinstance(current_task(page), ReviewTask)
    # Once the reviewer confirms the statement (the findings page), the review passes.
    approval.take_step(page, reviewer, "approve", attest=True)
    assert isinstance(current_task(page), SpokespersonApprovalTask)


def test_a_blocking_finding_blocks_the_review(client, draft, team):
    writer, reviewer, _spokesperson = team
    TermEntry.objects.create(rule_id="SEC-02", term="nông thôn mới", language="vi")
    approval.submit(fresh(draft), writer)
    client.force_login(reviewer)

    refused = take(client, draft, "approve")

    [message] = messages_of(refused)
    assert vi("The review cannot be approved.") in message
    assert "SEC-02" in message
    assert isinstance(current_task(draft), ReviewTask)


# ------------------------------------------------------------------ requesting changes


@pytest.mark.parametrize("step", ["review", "spokesperson"])
def test_request_changes_needs_a_comment(client, draft, team, step):
    writer, reviewer, spokesperson = team
    approval.submit(fresh(draft), writer)
    decider = reviewer
    if step == "spokesperson":
        approval.take_step(draft, reviewer, "approve")
        decider = spokesperson
    client.force_login(decider)

    empty = take(client, draft, "reject", comment="  ")

    assert json.loads(empty.content)["step"] == "action"  # the form again, with its error
    assert vi("Say what the author should change.") in json.loads(empty.content)["html"]
    assert fresh(draft).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    given = take(client, draft, "reject", comment="Bổ sung số liệu cụ thể.")

    assert json.loads(given.content)["step"] == "success"
    state = fresh(draft).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Bổ sung số liệu cụ thể."


# ------------------------------------------------------------------ edits restart the review


def test_an_edit_during_review_restarts_the_review_on_the_new_text(client, draft, team):
    """A reviewer may correct the text in the editor: the review restarts on the corrected
    text, and that reviewer, now one of its authors, can no longer review it."""
    writer, reviewer, _spokesperson = team
    other_reviewer = make_person("reviewer", "kd-hoa")
    approval.submit(fresh(draft), writer)
    first = fresh(draft).current_workflow_task_state

    client.force_login(other_reviewer)
    saved = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        article_data(draft, title=NEW_TITLE, text=TEXT),
    )

    assert saved.status_code == HTTPStatus.FOUND
    first.refresh_from_db()
    assert first.status == TaskState.STATUS_CANCELLED
    current = fresh(draft).current_workflow_task_state
    assert isinstance(current.task.specific, ReviewTask)
    assert current.revision.content["title"] == NEW_TITLE
    with pytest.raises(WorkflowActionRefused, match="một người kiểm duyệt khác"):
        approval.take_step(draft, other_reviewer, "approve")
    approval.take_step(draft, reviewer, "approve")
    assert isinstance(current_task(draft), SpokespersonApprovalTask)


def test_at_the_spokesperson_step_the_text_is_locked_and_any_edit_restarts_review(
    client, draft, team
):
    writer, reviewer, spokesperson = team
    approval.submit(fresh(draft), writer)
    approval.take_step(draft, reviewer, "approve")
    assert isinstance(current_task(draft), SpokespersonApprovalTask)
    reviewed = fresh(draft).latest_revision_id

    client.force_login(writer)
    refused = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        article_data(draft, title=NEW_TITLE, text=TEXT),
    )

    assert refused.status_code == HTTPStatus.OK  # the editor says the page is locked
    assert fresh(draft).latest_revision_id == reviewed
    # A new revision saved any other way (code, the shell) sends the page back to review.
    changed = fresh(draft).get_latest_revision_as_object()
    changed.title = NEW_TITLE
    changed.save_revision(user=writer)
    assert isinstance(current_task(draft), ReviewTask)
    with pytest.raises(WorkflowActionRefused):
        approval.take_step(draft, spokesperson, "approve")
    assert not fresh(draft).live


def test_resubmission_after_changes_requested_restarts_at_review(client, draft, team):
    writer, reviewer, spokesperson = team
    approval.submit(fresh(draft), writer)
    approval.take_step(draft, reviewer, "approve")
    approval.take_step(draft, spokesperson, "reject", "Sửa lại tiêu đề.")
    assert fresh(draft).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    resubmitted = submit_in_editor(client, draft, writer, title=NEW_TITLE)

    assert resubmitted.status_code == HTTPStatus.FOUND
    state = fresh(draft).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(current_task(draft), ReviewTask)  # not the spokesperson step
    with pytest.raises(WorkflowActionRefused):
        approval.take_step(draft, spokesperson, "approve")


def test_approval_publishes_exactly_the_approved_revision(draft, team):
    writer, reviewer, spokesperson = team
    approval.submit(fresh(draft), writer)
    approval.take_step(draft, reviewer, "approve")
    reviewed = fresh(draft).current_workflow_task_state.revision

    approval.take_step(draft, spokesperson, "approve")

    page = fresh(draft)
    assert page.live_revision_id == reviewed.pk
    assert page.title == reviewed.content["title"]
    assert page.latest_revision_id == reviewed.pk
    assert not page.has_unpublished_changes


def test_a_second_approval_of_the_same_step_is_refused(draft, team):
    writer, reviewer, _spokesperson = team
    approval.submit(fresh(draft), writer)
    task_state = fresh(draft).current_workflow_task_state
    approval.take_step(draft, reviewer, "approve")

    with pytest.raises(WorkflowActionRefused, match="đã được người khác quyết định"):
        task_state.task.specific.on_action(task_state, reviewer, "approve")

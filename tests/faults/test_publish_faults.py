"""A database error in the middle of publishing: everything is rolled back.

The article is live at version 1; the writer's version 2 has passed review and
waits for the spokesperson. A trigger in the real test database (SQLite or
PostgreSQL) makes one write of the publication fail:

* ``search_index``: the public search's index entry, written by a
  ``page_published`` receiver just after the page row got the new live version
  (PostgreSQL: a serialization failure, ``OperationalError``);
* ``audit_log``: the ``wagtail.publish`` entry of the audit log, the last write of
  the publication (PostgreSQL: a unique violation, ``IntegrityError``);
* ``at_commit``: a row that breaks a deferred foreign key, so the database
  refuses the whole transaction at COMMIT, after every write and signal.

Through the spokesperson's "Phê duyệt và xuất bản" in the admin (the modal's
request) and through ``publish_scheduled``, each test proves that the public
page (through the real WSGI entry point, full-page cache included) still shows
version 1, ``live_revision`` is unchanged, version 2 is still there and the step
can be taken again, the user reads a Vietnamese message instead of a server
error, the audit log and the outbox say nothing of a publication that did not
happen; and that once the database works again, the same action publishes
version 2 and the cache serves it.

These tests commit for real (``transaction=True``), so the rollback they look
at is the database's own.
"""

from __future__ import annotations

import datetime
import html
import io
import json
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

from cms.workflows import approval
from cms.workflows.approval import APPROVAL_ACTION
from cms.workflows.models import PublicationApproval, SpokespersonApprovalTask
from tests.factories import editorial_team
from tests.faults.conftest import Fault
from tests.pagecache.conftest import call_wsgi
from tests.workflows.gate_helpers import (
    V1_TEXT,
    V1_TITLE,
    V2_TEXT,
    V2_TITLE,
    live_page_with_draft,
    make_person,
    messages_of,
    register,
    vi,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DB_ERROR = (
    "The decision could not be recorded because of a database error, and nothing was "
    "changed: the page on the site, the draft and the workflow are as they were. Try again "
    "in a few minutes; if the error comes back, tell the site administrator."
)
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled", APPROVAL_ACTION)

SEARCH_INDEX = Fault(
    "search_index", "sitesearch_searchentry", ("INSERT", "UPDATE"), pg_errcode="40001"
)
AUDIT_LOG = Fault(
    "audit_log",
    "wagtailcore_pagelogentry",
    ("INSERT",),
    condition="NEW.action LIKE 'wagtail.publish%'",
    pg_errcode="23505",
)


def at_commit_fault() -> Fault:
    """With the publication's log entry, a subscription for a user who does not exist: the
    foreign key is checked at COMMIT (Django declares them deferred on both databases)."""
    return Fault(
        "at_commit",
        "wagtailcore_pagelogentry",
        ("INSERT",),
        condition="NEW.action LIKE 'wagtail.publish%'",
        body=(
            "INSERT INTO wagtailcore_pagesubscription (comment_notifications, page_id, user_id) "
            "VALUES (FALSE, NEW.page_id, -1)"
        ),
    )


FAULTS = {"search_index": SEARCH_INDEX, "audit_log": AUDIT_LOG, "at_commit": at_commit_fault()}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def scene(transactional_db):
    """Version 1 live; version 2 submitted, reviewed, waiting for the spokesperson."""
    live = live_page_with_draft()
    writer = editorial_team()[0]
    reviewer = make_person("reviewer", "kd-fault")
    spokesperson = make_person("spokesperson", "pn-fault")
    register(spokesperson)
    approval.submit(live.page, writer)
    approval.take_step(live.page, reviewer, "approve", attest=True)
    return live, writer, spokesperson


def public(url):
    """The public page as an anonymous visitor gets it (``cms.wsgi``, page cache first)."""
    response = call_wsgi(url)
    assert response.status == HTTPStatus.OK
    return response


def warm_cache(url):
    public(url)
    response = public(url)
    assert response.from_cache
    assert V1_TITLE in response.text


def spokesperson_approves(client, page, spokesperson):
    """The modal's "Phê duyệt và xuất bản" (an XHR POST), as the admin sends it."""
    client.force_login(spokesperson)
    task_state = type(page).objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == HTTPStatus.OK
    answer = json.loads(response.content)
    assert answer["step"] == "success"
    shown = messages_of(response)
    # The modal goes where it is told; the page there shows the messages (and uses them up).
    after = client.get(answer.get("redirect") or reverse("wagtailadmin_home"))
    assert after.status_code == HTTPStatus.OK
    text = html.unescape(after.content.decode())
    assert all(message in text for message in shown)
    return shown


def publication_entries(page, revision, actions=PUBLISH_ACTIONS):
    """The audit log's approval and publication entries for ``revision``."""
    return PageLogEntry.objects.filter(page_id=page.pk, action__in=actions, revision_id=revision.pk)


def assert_rolled_back(live, url, *, draft, approved_before=False):
    """Version 1 live everywhere; ``draft`` (version 2's revision) still there; the audit
    log has no publication of it (nor its approval, unless that was ``approved_before``)."""
    page = live.fresh()
    assert page.live
    assert page.live_revision_id == live.v1.pk
    assert page.title == V1_TITLE
    assert V1_TEXT in str(page.body)
    assert page.latest_revision_id == draft.pk
    assert Revision.objects.filter(pk=draft.pk).exists()
    actions = [a for a in PUBLISH_ACTIONS if not (approved_before and a == APPROVAL_ACTION)]
    assert not publication_entries(page, draft, actions).exists()
    shown = public(url).text
    assert V1_TITLE in shown
    assert V2_TITLE not in shown
    assert V2_TEXT not in shown


@pytest.mark.parametrize("fault", list(FAULTS), ids=list(FAULTS))
def test_spokesperson_approval_rolls_back_on_a_database_error(client, scene, failing_writes, fault):
    live, writer, spokesperson = scene
    url = live.url
    warm_cache(url)
    mail.outbox.clear()

    with failing_writes(FAULTS[fault]):
        shown = spokesperson_approves(client, live.page, spokesperson)

    assert vi(DB_ERROR) in shown, shown
    assert any("lỗi cơ sở dữ liệu" in message for message in shown), shown  # in Vietnamese
    assert_rolled_back(live, url, draft=live.v2)
    task_state = live.fresh().current_workflow_task_state
    assert task_state is not None  # the step waits for the spokesperson again
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert isinstance(task_state.task.specific, SpokespersonApprovalTask)
    assert task_state.revision_id == live.v2.pk
    assert task_state.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not PublicationApproval.objects.filter(revision_id=live.v2.pk).exists()
    assert writer.email not in {address for message in mail.outbox for address in message.to}

    # The database works again: the same click publishes version 2, and the cache shows it.
    assert spokesperson_approves(client, live.page, spokesperson) == []
    page = live.fresh()
    assert page.live_revision_id == live.v2.pk
    assert publication_entries(page, live.v2).filter(action="wagtail.publish").count() == 1
    shown = public(url).text
    assert V2_TITLE in shown
    assert V1_TITLE not in shown
    assert writer.email in {address for message in mail.outbox for address in message.to}


# ------------------------------------------------------------------ publish_scheduled


def approve_for_later(live, spokesperson):
    """Version 2, with a go-live time, approved by the whole workflow; then the time comes."""
    writer, _team_reviewer, _team_spokesperson = editorial_team()
    page = live.fresh()
    task_state = page.current_workflow_task_state
    task_state.workflow_state.cancel(user=writer)
    page = page.get_latest_revision_as_object()
    page.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    revision = page.save_revision(user=writer)
    reviewer = make_person("reviewer", "kd-later")
    approval.publish_through_workflow(
        page, writer=writer, reviewer=reviewer, spokesperson=spokesperson
    )
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None  # scheduled, not published
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    return revision


def run_publish_scheduled():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("publish_scheduled", stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_scheduled_publication_rolls_back_and_keeps_its_schedule(scene, failing_writes):
    """The fault at COMMIT: every write of the publication had been made, and all go."""
    live, _writer, spokesperson = scene
    revision = approve_for_later(live, spokesperson)
    url = live.url
    warm_cache(url)
    due_at = revision.approved_go_live_at

    with failing_writes(FAULTS["at_commit"]):
        code, out, err = run_publish_scheduled()

    assert code == 2, (out, err)
    assert "Lịch xuất bản được giữ để lần chạy sau thử lại." in err
    assert "[1/1]" in err
    assert_rolled_back(live, url, draft=revision, approved_before=True)
    revision.refresh_from_db()
    assert revision.approved_go_live_at == due_at  # the next run tries again
    assert PublicationApproval.objects.get(revision=revision).used_at is None

    code, out, err = run_publish_scheduled()

    assert code == 0, err
    page = live.fresh()
    assert page.live_revision_id == revision.pk
    scheduled = publication_entries(page, revision).filter(action="wagtail.publish.scheduled")
    assert scheduled.count() == 1
    assert V2_TITLE in public(url).text

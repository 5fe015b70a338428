"""Two approvals racing: the page is published once.

Real concurrency needs real transactions and row locks, so these tests run on
PostgreSQL only (``DATABASE_URL=postgres://…``), with committed data
(``transaction=True``). SQLite serialises every write to the whole database and
has no ``SELECT … FOR UPDATE``: there is no race to test there, so they are
skipped.

Two threads start together (a barrier, no sleeps), each with its own database
connection:

* two registered spokespersons approve the same step: the workflow state row is
  locked; the second finds the step decided (``WorkflowActionRefused``);
* two publishers (``publish_scheduled`` running twice, say) publish the same
  approved revision: the approval is used once; the second gets
  ``PublicationRefused``.
"""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from cms.workflows import approval
from cms.workflows.exceptions import PublicationRefused, WorkflowActionRefused
from cms.workflows.models import PublicationApproval
from tests.factories import ArticlePageFactory, get_home_page, paragraphs
from tests.workflows.gate_helpers import make_person, register

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks and serialises all writes",
    ),
]


def race(*calls):
    """Run ``calls`` at the same moment in threads; return what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except Exception as error:  # the outcome is what the test looks at
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results


def publish_entries(page):
    return PageLogEntry.objects.filter(
        page_id=page.pk, action__in=["wagtail.publish", "wagtail.publish.scheduled"]
    )


@pytest.fixture
def team(transactional_db):
    writer = make_person("writer", "pv-race")
    reviewer = make_person("reviewer", "kd-race")
    first = make_person("spokesperson", "pn-one")
    second = make_person("spokesperson", "pn-two")
    register(first)
    register(second, position="vice_chairman")
    return writer, reviewer, first, second


@pytest.fixture
def page(team):
    get_home_page("vi")
    page = ArticlePageFactory(
        title="Xã tổ chức tập huấn phòng cháy chữa cháy",
        body=paragraphs("Buổi tập huấn có sự tham gia của lực lượng dân phòng các thôn."),
        publish=False,
    )
    page.save_revision(user=team[0])
    return type(page).objects.get(pk=page.pk)


def test_two_spokespersons_approving_at_once_publish_once(page, team):
    writer, reviewer, first, second = team
    approval.submit(page, writer)
    approval.take_step(page, reviewer, "approve")
    before = publish_entries(page).count()

    results = race(
        lambda: approval.take_step(page, first, "approve"),
        lambda: approval.take_step(page, second, "approve"),
    )

    refused = [r for r in results if isinstance(r, WorkflowActionRefused | PublicationRefused)]
    unexpected = [r for r in results if isinstance(r, Exception) and r not in refused]
    assert not unexpected, unexpected
    assert len(refused) == 1, results
    fresh = type(page).objects.get(pk=page.pk)
    assert fresh.live
    assert publish_entries(page).count() == before + 1
    approvals = PublicationApproval.objects.filter(page_id=page.pk)
    assert approvals.count() == 1
    assert approvals.get().used_at is not None


def test_two_publishers_of_one_approved_revision_publish_once(page, team):
    writer, reviewer, first, _second = team
    # Approved for later: the approval waits, unused, for its time.
    draft = page.get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    draft.save_revision(user=writer)
    approval.publish_through_workflow(draft, writer=writer, reviewer=reviewer, spokesperson=first)
    revision = type(page).objects.get(pk=page.pk).get_latest_revision()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    before = publish_entries(page).count()

    results = race(
        lambda: Revision.objects.get(pk=revision.pk).publish(),
        lambda: Revision.objects.get(pk=revision.pk).publish(),
    )

    refused = [r for r in results if isinstance(r, PublicationRefused)]
    assert len(refused) == 1, results
    assert not [r for r in results if isinstance(r, Exception) and r not in refused]
    assert {reason.code for reason in refused[0].reasons} & {"approval_used", "no_approval"}
    fresh = type(page).objects.get(pk=page.pk)
    assert fresh.live_revision_id == revision.pk
    assert publish_entries(page).count() == before + 1
    assert PublicationApproval.objects.filter(revision=revision, used_at__isnull=False).count() == 1

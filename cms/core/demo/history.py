"""Dates the demo's editorial history within the plan's period, September–December 2025.

The seed publishes every page the way the admin does — a draft saved, submitted,
reviewed (attest items confirmed), approved by the spokesperson, published by the gate
— and each of those records is stamped "now": the revisions, the submission
(``WorkflowState``), the steps (``TaskState``), the confirmations and exemptions, the
spokesperson's ``PublicationApproval``, the page's log and its publication dates. A demo
seeded later than 2025 would then show nothing in a report for the plan's period.

Once everything is published, :func:`date_history` moves the records *this run* wrote
to plausible times around each page's publication day (:func:`publication_day`): the
draft saved early in the afternoon before, submitted at 14:00, confirmed and reviewed
before 17:00, then approved — which publishes — at 08:00 on the day, commune time.
Every record keeps its place in the sequence (times are shifted, never reordered).
Records written before the run (an earlier seed, real editorial work) are not touched,
so a second run changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

PERIOD_START = datetime.date(2025, 9, 1)
PERIOD_END = datetime.date(2025, 12, 31)
# Pages are submitted the day before they go live: the first day anything goes live.
FIRST_DAY = PERIOD_START + datetime.timedelta(days=1)

PUBLISHED_AT = datetime.time(8, 0)  # the spokesperson's approval publishes at once
SUBMITTED = datetime.timedelta(hours=-18)  # 14:00 the day before
DRAFTED = datetime.timedelta(hours=-19)  # the draft saved an hour before submitting
REVIEWING = datetime.timedelta(hours=-15, minutes=-20)  # confirmations, 16:40
REVIEWED = datetime.timedelta(hours=-15)  # 17:00 the day before
CAMPAIGN_LEAD = datetime.timedelta(days=3)  # a campaign page goes live before it starts
TRANSLATION_LAG = datetime.timedelta(days=1)  # the English version the next day


def publication_day(page) -> datetime.date:
    """The day the demo says ``page`` went live, within the plan's period.

    An article's or feature's publication date; three days before a campaign starts;
    2 September for the home page, the sections and the standing pages (submitted on
    the 1st). An English translation goes live the day after its Vietnamese source.
    """
    day = getattr(page, "publication_date", None)
    if not isinstance(day, datetime.date):
        start = getattr(page, "start_date", None)
        day = start - CAMPAIGN_LEAD if isinstance(start, datetime.date) else FIRST_DAY
    if page.locale.language_code != "vi":
        day += TRANSLATION_LAG
    return min(max(day, FIRST_DAY), PERIOD_END)


def publication_moment(page) -> datetime.datetime:
    """When the demo says ``page`` went live: 08:00 on its publication day, commune time."""
    return timezone.make_aware(datetime.datetime.combine(publication_day(page), PUBLISHED_AT))


def date_history(since: datetime.datetime) -> list[Page]:
    """Date the records written since ``since`` for every page, around its publication day.

    Returns the pages whose history was dated.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = set(
        PageLogEntry.objects.filter(timestamp__gte=since).values_list("page_id", flat=True)
    )
    page_ids.update(
        int(object_id)
        for object_id in Revision.objects.filter(
            base_content_type=page_type, created_at__gte=since
        ).values_list("object_id", flat=True)
    )
    pages = list(Page.objects.filter(pk__in=page_ids).select_related("locale").specific())
    for page in pages:
        _date_page(page, page_type, publication_moment(page), since)
    return pages


def _date_page(page, page_type, published: datetime.datetime, since: datetime.datetime):
    from cms.security.models import Attestation, Exemption
    from cms.workflows.models import PublicationApproval

    this_page = {"base_content_type": page_type, "object_id": str(page.pk)}
    revisions = list(Revision.objects.filter(**this_page, created_at__gte=since))
    logs = list(PageLogEntry.objects.filter(page_id=page.pk, timestamp__gte=since))
    states = list(
        WorkflowState.objects.filter(**this_page, created_at__gte=since).order_by("created_at")
    )
    steps = list(TaskState.objects.filter(workflow_state__in=states))
    approvals = list(
        PublicationApproval.objects.filter(page_id=page.pk, approved_at__gte=since).order_by(
            "approved_at"
        )
    )
    checks = [
        *Attestation.objects.filter(page_id=page.pk, created_at__gte=since),
        *Exemption.objects.filter(page_id=page.pk, created_at__gte=since),
    ]

    moments = [r.created_at for r in revisions] + [e.timestamp for e in logs]
    moments += [s.created_at for s in states] + [c.created_at for c in checks]
    if not moments:
        return
    shift = _timeline(
        published,
        first=min(moments),
        submitted=states[-1].created_at if states else None,
        approval=approvals[-1] if approvals else None,
        checks=[c.created_at for c in checks],
        since=since,
    )

    for revision in revisions:
        revision.created_at = shift(revision.created_at)
    Revision.objects.bulk_update(revisions, ["created_at"])
    for entry in logs:
        entry.timestamp = shift(entry.timestamp)
    PageLogEntry.objects.bulk_update(logs, ["timestamp"])
    for state in states:
        state.created_at = shift(state.created_at)
    WorkflowState.objects.bulk_update(states, ["created_at"])
    for step in steps:
        step.started_at = shift(step.started_at)
        step.finished_at = shift(step.finished_at)
    TaskState.objects.bulk_update(steps, ["started_at", "finished_at"])
    for approval in approvals:
        approval.reviewed_at = shift(approval.reviewed_at)
        approval.approved_at = shift(approval.approved_at)
        approval.used_at = shift(approval.used_at)
    PublicationApproval.objects.bulk_update(approvals, ["reviewed_at", "approved_at", "used_at"])
    for check in checks:
        type(check).objects.filter(pk=check.pk).update(created_at=shift(check.created_at))
    # A queryset update: the page's text does not change, so no save (nor the gate) is needed.
    Page.objects.filter(pk=page.pk).update(
        first_published_at=shift(page.first_published_at),
        last_published_at=shift(page.last_published_at),
        latest_revision_created_at=shift(page.latest_revision_created_at),
    )


def _timeline(
    published: datetime.datetime,
    *,
    first: datetime.datetime,
    submitted: datetime.datetime | None,
    approval,
    checks: list[datetime.datetime],
    since: datetime.datetime,
) -> Callable[[datetime.datetime | None], datetime.datetime | None]:
    """A function moving a moment of this run to the demo's day, keeping the order.

    The run's real moments are cut at the events of the last workflow: the first
    record, the submission, the reviewer's first confirmation or exemption, the
    review's approval and the spokesperson's; each piece keeps its own (short) real
    duration and starts at the demo time of its event.
    """
    anchors = [(first, published + DRAFTED)]
    if submitted is not None:
        anchors.append((submitted, published + SUBMITTED))
    if approval is not None:
        reviewing = [moment for moment in checks if submitted is None or moment >= submitted]
        reviewing = [moment for moment in reviewing if moment < approval.reviewed_at]
        if reviewing:
            anchors.append((min(reviewing), published + REVIEWING))
        anchors.append((approval.reviewed_at, published + REVIEWED))
        anchors.append((approval.approved_at, published))
    anchors.sort(key=lambda anchor: anchor[0])

    def shift(moment):
        if moment is None or moment < since:
            return moment
        origin, target = anchors[0]
        for anchor_origin, anchor_target in anchors:
            if anchor_origin <= moment:
                origin, target = anchor_origin, anchor_target
        return target + (moment - origin)

    return shift

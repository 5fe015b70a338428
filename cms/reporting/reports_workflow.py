"""The "Submissions and approvals" report: one row per submission of a page to the workflow.

A row is one run of the workflow (Wagtail's ``WorkflowState``): from the writer's
submission to its end, through any requests for changes and resubmissions on the way.
For each: who submitted it and when, the reviewer and the spokesperson who decided
last, the review's decision, how many times changes were requested, when the
spokesperson approved (``PublicationApproval``), when that version went live, the hours
from submission to publication, and whether the published version was later taken
down (a ``Takedown`` of that very revision).

The period counts a run by its publication (when the approved version went live), as
the issue asks: runs not published are outside every period. To see work still in
review or abandoned, use the "Submission date" filter instead, which counts runs by their
submission. Above the table: submissions, requests for changes, approvals,
publications and takedowns, and the median time from submission to publication
overall, per reviewer and per spokesperson, for every row that passed the filters.
"""

from __future__ import annotations

from collections import defaultdict

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, TaskState, WorkflowState

from cms.workflows.models import (
    PublicationApproval,
    ReviewTask,
    SpokespersonApprovalTask,
    Takedown,
)

from .reports import (
    MomentColumn,
    ReportingReportView,
    YesNoColumn,
    hours_between,
    median_hours,
    page_edit_urls,
    type_label,
    user_names,
)

TITLE = _("Submissions and approvals")

DECIDED = (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED)


class RunStatus:
    """Where a run ended (or stands): published, approved for a later go-live, sent back
    for changes, cancelled, or still in review."""

    PUBLISHED = "published"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    IN_PROGRESS = "in_progress"
    CANCELLED = "cancelled"

    CHOICES = [
        (PUBLISHED, _("Published on the site")),
        (APPROVED, _("Approved, not yet published")),
        (CHANGES_REQUESTED, _("Changes requested")),
        (IN_PROGRESS, _("In progress")),
        (CANCELLED, _("Cancelled")),
    ]
    LABELS = dict(CHOICES)
    # The same decisions as ``of``, in the database: the first that holds wins.
    FILTERS = {
        PUBLISHED: Q(published_at__isnull=False),
        APPROVED: Q(approved_at__isnull=False, published_at__isnull=True),
        CHANGES_REQUESTED: Q(approved_at__isnull=True, status=WorkflowState.STATUS_NEEDS_CHANGES),
        CANCELLED: Q(approved_at__isnull=True, status=WorkflowState.STATUS_CANCELLED),
        IN_PROGRESS: Q(approved_at__isnull=True)
        & ~Q(status__in=[WorkflowState.STATUS_NEEDS_CHANGES, WorkflowState.STATUS_CANCELLED]),
    }

    @classmethod
    def of(cls, row) -> str:
        for status, condition in (
            (cls.PUBLISHED, row.published_at is not None),
            (cls.APPROVED, row.approved_at is not None),
            (cls.CHANGES_REQUESTED, row.status == WorkflowState.STATUS_NEEDS_CHANGES),
            (cls.CANCELLED, row.status == WorkflowState.STATUS_CANCELLED),
        ):
            if condition:
                return status
        return cls.IN_PROGRESS


DECISION_LABELS = {
    TaskState.STATUS_APPROVED: _("Review passed"),
    TaskState.STATUS_REJECTED: _("Changes requested"),
}


def _decided_steps(task_model) -> QuerySet[TaskState]:
    """The decided steps of ``task_model``'s kind in the outer run, the latest first."""
    return TaskState.objects.filter(
        workflow_state=OuterRef("pk"),
        task_id__in=task_model.objects.values("pk"),
        status__in=DECIDED,
    ).order_by("-finished_at", "-pk")


def workflow_runs() -> QuerySet[WorkflowState]:
    """Every run of the workflow on a page, annotated with ``page_pk``, ``approved_at``,
    ``published_at``, ``published_revision``, ``reviewer_pk``, ``review_decision``,
    ``spokesperson_pk``, ``changes_requested`` and ``taken_down`` (one query)."""
    approvals = PublicationApproval.objects.filter(workflow_state=OuterRef("pk")).order_by(
        F("used_at").desc(nulls_last=True), "-approved_at", "-pk"
    )
    reviews = _decided_steps(ReviewTask)
    decisions = _decided_steps(SpokespersonApprovalTask)
    requests = (
        TaskState.objects.filter(workflow_state=OuterRef("pk"), status=TaskState.STATUS_REJECTED)
        .order_by()
        .values("workflow_state")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    ).annotate(
        page_pk=Cast("object_id", IntegerField()),
        approved_at=Subquery(approvals.values("approved_at")[:1]),
        published_at=Subquery(approvals.values("used_at")[:1]),
        published_revision=Subquery(
            approvals.filter(used_at__isnull=False).values("revision_id")[:1]
        ),
        reviewer_pk=Subquery(reviews.values("finished_by")[:1]),
        review_decision=Subquery(reviews.values("status")[:1]),
        spokesperson_pk=Subquery(decisions.values("finished_by")[:1]),
        changes_requested=Coalesce(Subquery(requests, output_field=IntegerField()), 0),
        taken_down=Exists(Takedown.objects.filter(revision_id=OuterRef("published_revision"))),
    )


def people_who_decided(task_model):
    """Users who decided a step of ``task_model``'s kind, for the filters' choices."""
    decided = TaskState.objects.filter(
        task_id__in=task_model.objects.values("pk"), status__in=DECIDED
    ).values("finished_by")
    return get_user_model().objects.filter(pk__in=decided).order_by("first_name", "last_name")


class UserChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return get_user_display_name(obj)


class UserChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = UserChoiceField


class WorkflowFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        field_name="published_at",
        label=_("Period (publication date)"),
        widget=DateRangePickerWidget,
    )
    submitted = django_filters.DateFromToRangeFilter(
        field_name="created_at", label=_("Submission date"), widget=DateRangePickerWidget
    )
    reviewer = UserChoiceFilter(
        label=_("Reviewer"),
        queryset=lambda request: people_who_decided(ReviewTask),
        empty_label=_("All"),
        method="filter_reviewer",
    )
    spokesperson = UserChoiceFilter(
        label=_("Spokesperson"),
        queryset=lambda request: people_who_decided(SpokespersonApprovalTask),
        empty_label=_("All"),
        method="filter_spokesperson",
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=RunStatus.CHOICES,
        empty_label=_("All"),
        method="filter_outcome",
    )

    class Meta:
        model = WorkflowState
        fields = []

    def filter_reviewer(self, queryset, name, user):
        return queryset.filter(reviewer_pk=user.pk)

    def filter_spokesperson(self, queryset, name, user):
        return queryset.filter(spokesperson_pk=user.pk)

    def filter_outcome(self, queryset, name, value):
        return queryset.filter(RunStatus.FILTERS[value])


def person_figures(rows: list[dict], key: str, names: dict[int, str]) -> list[dict]:
    """Per person in ``rows[key]``: runs they decided last, runs published, and the median
    hours from submission to publication of those."""
    runs: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        if row[key]:
            runs[row[key]].append(row)
    figures = []
    for pk, theirs in runs.items():
        published = [row for row in theirs if row["published_at"] is not None]
        figures.append(
            {
                "name": names.get(pk, ""),
                "runs": len(theirs),
                "published": len(published),
                "median_hours": median_hours(row["hours"] for row in published),
            }
        )
    return sorted(figures, key=lambda figure: figure["name"])


def workflow_summary(queryset: QuerySet[WorkflowState]) -> dict:
    """Counts and medians for every run of ``queryset`` (two queries)."""
    rows = list(
        queryset.order_by().values(
            "created_at",
            "approved_at",
            "published_at",
            "reviewer_pk",
            "spokesperson_pk",
            "changes_requested",
            "taken_down",
        )
    )
    for row in rows:
        row["hours"] = hours_between(row["created_at"], row["published_at"])
    names = user_names(
        [row["reviewer_pk"] for row in rows] + [row["spokesperson_pk"] for row in rows]
    )
    return {
        "submitted": len(rows),
        "changes_requested": sum(row["changes_requested"] for row in rows),
        "approved": sum(1 for row in rows if row["approved_at"] is not None),
        "published": sum(1 for row in rows if row["published_at"] is not None),
        "taken_down": sum(1 for row in rows if row["taken_down"]),
        "median_hours": median_hours(row["hours"] for row in rows),
        "reviewers": person_figures(rows, "reviewer_pk", names),
        "spokespersons": person_figures(rows, "spokesperson_pk", names),
    }


class WorkflowReportView(ReportingReportView):
    page_title = TITLE
    header_icon = "tasks"
    index_url_name = "reporting_reports:workflow"
    index_results_url_name = "reporting_reports:workflow_results"
    filterset_class = WorkflowFilterSet
    summary_template_name = "reporting/reports/workflow_summary.html"
    export_name = "submissions-and-approvals"
    default_ordering = "-created_at"
    columns = [
        TitleColumn(
            "page_title",
            label=_("Page"),
            get_url=lambda row: row.edit_url,
            classname="title reporting-title",
        ),
        Column("type_label", label=_("Type")),
        MomentColumn("created_at", label=_("Submitted at"), sort_key="created_at"),
        Column("submitted_by", label=_("Submitted by")),
        Column("reviewer", label=_("Reviewer")),
        Column("review_decision_label", label=_("Review decision")),
        Column("spokesperson", label=_("Spokesperson")),
        Column("changes_requested", label=_("Requests for changes"), sort_key="changes_requested"),
        Column("status_label", label=_("Status")),
        MomentColumn("published_at", label=_("Published at"), sort_key="published_at"),
        Column("hours_to_publication", label=_("Hours to publication")),
        YesNoColumn("taken_down", label=_("Taken down")),
    ]
    list_export = [
        "page_title",
        "type_label",
        "created_at",
        "submitted_by",
        "reviewer",
        "review_decision_label",
        "spokesperson",
        "changes_requested",
        "status_label",
        "approved_at",
        "published_at",
        "hours_to_publication",
        "taken_down_label",
    ]
    export_headings = {
        "page_title": _("Page"),
        "type_label": _("Type"),
        "created_at": _("Submitted at"),
        "submitted_by": _("Submitted by"),
        "reviewer": _("Reviewer"),
        "review_decision_label": _("Review decision"),
        "spokesperson": _("Spokesperson"),
        "changes_requested": _("Requests for changes"),
        "status_label": _("Status"),
        "approved_at": _("Approved at"),
        "published_at": _("Published at"),
        "hours_to_publication": _("Hours to publication"),
        "taken_down_label": _("Taken down"),
    }

    description = _(
        "One row per submission to the workflow, from the first submission to its end. "
        "The period counts a submission by the day its approved version went live, so "
        "submissions not published are outside every period: use the submission dates "
        "to see them. The reviewer and the spokesperson are the last to decide."
    )

    def get_base_queryset(self):
        return workflow_runs()

    def get_summary(self, queryset):
        return workflow_summary(queryset)

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        pages = Page.objects.only("id", "draft_title", "title").in_bulk(
            {row.page_pk for row in rows}
        )
        edit_urls = page_edit_urls(self.request.user, (row.page_pk for row in rows))
        names = user_names(
            pk for row in rows for pk in (row.requested_by_id, row.reviewer_pk, row.spokesperson_pk)
        )
        for row in rows:
            page = pages.get(row.page_pk)
            row.page_title = page.get_admin_display_title() if page else ""
            row.edit_url = edit_urls.get(row.page_pk)
            row.type_label = type_label(row.content_type_id)
            row.submitted_by = names.get(row.requested_by_id, "")
            row.reviewer = names.get(row.reviewer_pk, "")
            row.spokesperson = names.get(row.spokesperson_pk, "")
            row.review_decision_label = str(DECISION_LABELS.get(row.review_decision, ""))
            row.status_label = str(RunStatus.LABELS[RunStatus.of(row)])
            row.hours_to_publication = hours_between(row.created_at, row.published_at)
            row.taken_down_label = str(_("Yes") if row.taken_down else _("No"))
        return rows

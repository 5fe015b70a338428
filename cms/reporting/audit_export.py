"""The audit trail ("Nhật ký kiểm duyệt"): every decision on publication, for inspection.

The issue asks for "every approval, request for changes, attestation, exemption, gate
refusal and takedown, with who, when and the revision, exportable as CSV". All of them
are already written, once each, to Wagtail's page log (``PageLogEntry``) with the user,
the time and the revision, by the code that makes the decision:

* ``wagtail.workflow.approve`` / ``wagtail.workflow.reject``: Wagtail, when a reviewer or
  the spokesperson takes a step (``TaskState.approve``/``reject``, with the comment and
  the step's name), through ``cms.workflows.approval``;
* ``workflows.publication_approved``: the spokesperson's approval of one revision
  (``approval.APPROVAL_ACTION``, with the reviewer who passed it);
* ``security.attest_finding`` and ``security.exempt_finding``: a reviewer's confirmation
  of an attest item and an exemption of a false positive (``cms.security.services``;
  the ``Attestation`` and ``Exemption`` rows say the same);
* ``workflows.publication_refused``: the gate refusing a publication, whatever the door
  (``gate.REFUSED_ACTION``, with the reasons);
* ``workflows.takedown``: a page taken off the site with its reason;
* ``workflows.review_restarted``: an edit sent a page back to the review step (it
  explains why an approval was cancelled).

So the report reads that one table, filtered to these actions: no second record can
disagree with it. Everyone who holds ``reporting.export_audit_trail`` sees every entry,
pages they may not edit included (site administrators inspect, they edit no page);
links to the pages follow the user's own page rights.

Queries are bounded: the rows (with their users, one query), then, for the rows shown
or exported, the pages (to decide the links) and the reviewers named by approvals, one
query each, whatever the number of rows.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, MultipleUserFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, PageLogEntry
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.core.exports import SafeCsvExportMixin
from cms.workflows.approval import APPROVAL_ACTION, RESTART_ACTION
from cms.workflows.gate import REFUSED_ACTION
from cms.workflows.takedown import TAKEDOWN_ACTION

from .models import EXPORT_AUDIT_TRAIL

TITLE = _("Audit trail")

WORKFLOW_APPROVE = "wagtail.workflow.approve"
WORKFLOW_REJECT = "wagtail.workflow.reject"
ATTEST_ACTION = "security.attest_finding"
EXEMPT_ACTION = "security.exempt_finding"

#: The audited actions, in the order the filter lists them, with the label users read.
AUDIT_ACTIONS: dict[str, str] = {
    WORKFLOW_APPROVE: _("Approve a workflow step"),
    WORKFLOW_REJECT: _("Request changes"),
    APPROVAL_ACTION: _("Approve publication (spokesperson)"),
    ATTEST_ACTION: _("Confirm an information-security statement"),
    EXEMPT_ACTION: _("Exempt an information-security finding"),
    REFUSED_ACTION: _("Publication refused by the gate"),
    TAKEDOWN_ACTION: _("Take down"),
    RESTART_ACTION: _("Review restarted after an edit"),
}


def audit_entries():
    """The page-log entries of the audited actions, newest first, with their users."""
    return (
        PageLogEntry.objects.filter(action__in=list(AUDIT_ACTIONS))
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def audit_users():
    """Everyone who appears in the audit trail (also accounts since deactivated)."""
    user_model = get_user_model()
    return user_model.objects.filter(
        pk__in=PageLogEntry.objects.filter(action__in=list(AUDIT_ACTIONS)).values("user_id")
    ).order_by("last_name", "first_name", user_model.USERNAME_FIELD)


def local_time(value: datetime.datetime) -> datetime.datetime:
    """The commune's time (``TIME_ZONE``): what the people involved saw on their clocks."""
    return timezone.localtime(value)


# ------------------------------------------------------------------ filters


class AuditTrailFilterForm(forms.Form):
    """Refuses a period that ends before it starts (rather than listing nothing)."""

    def clean(self):
        cleaned = super().clean()
        period = cleaned.get("timestamp")
        if period and period.start and period.stop and period.start > period.stop:
            self.add_error(
                "timestamp", _("The start of the period is after its end: swap the two dates.")
            )
        return cleaned


class AuditTrailFilterSet(WagtailFilterSet):
    timestamp = django_filters.DateFromToRangeFilter(
        label=_("Time period"), widget=DateRangePickerWidget
    )
    action = django_filters.MultipleChoiceFilter(
        label=_("Action"),
        choices=list(AUDIT_ACTIONS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    user = MultipleUserFilter(
        label=_("User"),
        widget=forms.CheckboxSelectMultiple,
        queryset=lambda request: audit_users(),
    )
    label = django_filters.CharFilter(label=_("Page title"), lookup_expr="icontains")

    class Meta:
        model = PageLogEntry
        fields = []
        form = AuditTrailFilterForm


# ------------------------------------------------------------------ the rows


def _step_title(entry) -> str:
    try:
        return str(entry.data["workflow"]["task"]["title"])
    except (KeyError, TypeError):
        return ""


def describe(entry, users_by_id: dict) -> str:
    """What happened, in the user's language: the step, the reviewer, the reasons…"""
    data = entry.data or {}
    if entry.action in (WORKFLOW_APPROVE, WORKFLOW_REJECT):
        step = _step_title(entry)
        return _gettext("Step: %(step)s") % {"step": step} if step else ""
    if entry.action == APPROVAL_ACTION:
        reviewer = users_by_id.get(data.get("reviewer_id"))
        if reviewer is None:
            return ""
        return _gettext("Reviewed by %(reviewer)s") % {"reviewer": _display_name(reviewer)}
    formatter = log_action_registry.get_formatter(entry)
    return str(formatter.format_message(entry)) if formatter else ""


def comment_of(entry) -> str:
    """The comment given with a decision (a request for changes must have one)."""
    if entry.action in (WORKFLOW_APPROVE, WORKFLOW_REJECT):
        return str((entry.data or {}).get("comment") or "")
    return ""


def revision_of(entry) -> int | None:
    """The revision decided on. A refusal whose new revision was rolled back keeps its id in
    the data only."""
    return entry.revision_id or (entry.data or {}).get("revision_id")


def _display_name(user) -> str:
    return (user.get_full_name() or "").strip() or user.get_username()


class TimeColumn(Column):
    """The local time to the minute (the export keeps the seconds and the offset)."""

    def get_value(self, instance):
        return local_time(instance.timestamp).strftime("%d/%m/%Y %H:%M")


class AuditTrailView(SafeCsvExportMixin, ReportView):
    page_title = TITLE
    header_icon = "history"
    index_url_name = "reporting_audit:index"
    index_results_url_name = "reporting_audit:results"
    results_template_name = "reporting/audit/results.html"
    filterset_class = AuditTrailFilterSet
    paginate_by = 50
    columns = [
        TimeColumn("timestamp", label=_("Time")),
        Column("action_label", label=_("Action")),
        Column("user_name", label=_("User")),
        TitleColumn(
            "page_title",
            label=_("Page"),
            get_url=lambda entry: entry.page_url,
            classname="title reporting-title",
        ),
        Column("revision_ref", label=_("Revision")),
        Column("details", label=_("Details")),
        Column("comment_text", label=_("Comment")),
    ]
    list_export = [
        "timestamp",
        "action",
        "action_label",
        "user_name",
        "username",
        "page_id",
        "page_title",
        "revision_ref",
        "details",
        "comment_text",
    ]
    export_headings = {
        "timestamp": _("Time"),
        "action": _("Action code"),
        "action_label": _("Action"),
        "user_name": _("User"),
        "username": _("Username"),
        "page_id": _("Page ID"),
        "page_title": _("Page"),
        "revision_ref": _("Revision"),
        "details": _("Details"),
        "comment_text": _("Comment"),
    }

    # Access is the custom permission, not a model permission (see ``dispatch``).
    permission_policy = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "timestamp": {
                # ISO 8601 with the offset: unambiguous for whoever reads the file.
                self.FORMAT_CSV: lambda value: local_time(value).isoformat(timespec="seconds"),
                # Spreadsheets have no time zones: the commune's local time.
                self.FORMAT_XLSX: lambda value: timezone.make_naive(local_time(value)).replace(
                    microsecond=0
                ),
            },
        }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(EXPORT_AUDIT_TRAIL):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.is_export and self.filters is not None and not self.filters.is_valid():
            # Exporting "everything" because a date was mistyped would mislead the reader.
            messages.error(request, _("Correct the filters before downloading the audit trail."))
            params = request.GET.copy()
            params.pop("export", None)
            return redirect(f"{self.index_url}?{params.urlencode()}")
        return super().get(request, *args, **kwargs)

    def get_filename(self):
        return f"audit-trail-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        return audit_entries()

    def filter_queryset(self, queryset):
        # Wrong filters list nothing (the form says what is wrong), not every entry.
        if self.filters is not None and not self.filters.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)

    @property
    def no_results_message(self):
        if self.filters is not None and not self.filters.is_valid():
            return _("Correct the filters to see the audit trail.")
        return _(
            "No approval, request for changes, confirmation, exemption, refusal or takedown "
            "matches these filters."
        )

    def decorate_paginated_queryset(self, object_list):
        entries = list(object_list)
        users_by_id = self._reviewers(entries)
        page_urls = self._page_urls(entries)
        for entry in entries:
            entry.action_label = str(AUDIT_ACTIONS.get(entry.action, entry.action))
            entry.user_name = entry.user_display_name
            entry.username = entry.user.get_username() if entry.user_id and entry.user else ""
            entry.page_title = entry.label
            entry.page_url = page_urls.get(entry.page_id)
            entry.revision_ref = revision_of(entry)
            entry.details = describe(entry, users_by_id)
            entry.comment_text = comment_of(entry)
        return entries

    def _reviewers(self, entries) -> dict:
        ids = {
            (entry.data or {}).get("reviewer_id")
            for entry in entries
            if entry.action == APPROVAL_ACTION
        } - {None}
        return get_user_model().objects.in_bulk(ids) if ids else {}

    def _page_urls(self, entries) -> dict[int, str]:
        """The page's history for users who may edit it (deleted pages have no link)."""
        page_ids = {entry.page_id for entry in entries}
        if self.is_export or not page_ids:
            return {}
        pages = Page.objects.only("id", "path", "depth", "owner").in_bulk(page_ids)
        policy = PagePermissionPolicy()
        user = self.request.user
        return {
            page_id: reverse("wagtailadmin_pages:history", args=[page_id])
            for page_id, page in pages.items()
            if policy.user_has_permission_for_instance(user, "change", page)
        }

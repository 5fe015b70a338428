"""The "Checker findings" report: how the information-security checker's findings ended,
for the versions published in the period.

A row is one finding of a published version (the revision a ``PublicationApproval``
put live; the period counts it by that moment), with its outcome:

* **attested**: a reviewer confirmed its statement on that very version (``Attestation``);
* **exempted**: a reviewer or the spokesperson marked it a false positive on that very
  version (``Exemption``);
* **fixed**: it held an earlier version of the same round of work back (after the
  page's previous publication) and is not in the published version. The gate lets a
  version live only when each of its blocking findings is exempted and each finding
  needing attestation is confirmed *on that version*; so a blocking or attestation
  finding confirmed or exempted on an earlier version, or a rule the gate or a step
  refused an earlier version for (the refusal's reasons name the rules, as the
  periodic report reads them), of which nothing is recorded on the published version,
  was no longer in its text: the writer changed it. The severity of an exemption is
  the one the audit log recorded when it was made; advice (``warn``) proves nothing
  and is not counted.

What the report cannot see: nothing stores the checker's findings themselves, only
the confirmations, exemptions and refusals. A finding the writer corrected before a
reviewer dealt with it or anyone tried to approve the version leaves no trace, so
"fixed" counts only the findings corrected after that. Counting every correction would
need the findings of each version to be kept when it is submitted for review.

Excerpts are not shown or exported: they are the personal data, secret marks or wrong
wording the checker caught (for "fixed" ones, text that never went public). The
findings view shows them to whoever may edit the page.

The rows are built in Python from a fixed number of queries (publications, earlier
publications, attestations, exemptions, the exemptions' log entries, refusals), because
one row may come from any of those or from comparing several versions.
"""

from __future__ import annotations

import bisect
import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, LocaleColumn, TitleColumn
from wagtail.coreutils import get_content_languages
from wagtail.models import Page, PageLogEntry

from cms.security.models import Attestation, Exemption
from cms.security.services import describe_field, rule_catalogue, rule_info
from cms.workflows.gate import REFUSED_ACTION
from cms.workflows.models import PublicationApproval

from .figures import RULE_ID_RE
from .reports import (
    DayColumn,
    ReportingReportView,
    language_names,
    page_edit_urls,
    type_label,
    user_names,
)

TITLE = _("Checker findings")
EXEMPTION_LOG_ACTION = "security.exempt_finding"


class Outcome:
    FIXED = "fixed"
    ATTESTED = "attested"
    EXEMPTED = "exempted"

    CHOICES = [
        (FIXED, _("Fixed")),
        (ATTESTED, _("Attested")),
        (EXEMPTED, _("Exempted")),
    ]
    LABELS = dict(CHOICES)


# Severities whose findings the gate does not let through unrecorded.
GATED_SEVERITIES = {"block", "attest"}


@dataclass
class FindingRow:
    """One row: a finding of a published version and how it ended."""

    publication_pk: int
    published_at: datetime.datetime
    page_pk: int
    rule_id: str
    field: str
    outcome: str
    by_pk: int | None = None
    note: str = ""
    # Filled in for the rows shown or exported (``decorate``).
    page_title: str = ""
    edit_url: str | None = None
    locale_id: int | None = None
    type_label: str = ""
    language_label: str = ""
    rule_label: str = ""
    field_label: str = ""
    outcome_label: str = ""
    by: str = ""


def published_versions() -> QuerySet[PublicationApproval]:
    """Approvals that put their revision live (each is one publication)."""
    return PublicationApproval.objects.filter(used_at__isnull=False)


@dataclass(frozen=True)
class Evidence:
    """Something stored about a finding on one revision of a page: a confirmation or an
    exemption (with its excerpt), or a refusal that named the finding's rule."""

    kind: str  # an ``Outcome`` (attested, exempted) or REFUSED
    page_id: int
    revision_id: int
    revision_created_at: datetime.datetime
    rule_id: str
    severity: str
    field: str = ""
    excerpt: str | None = None  # None for a refusal: it names rules only
    by_pk: int | None = None
    note: str = ""


REFUSED = "refused"


def _records(model, kind, page_ids, severities) -> list[Evidence]:
    note = "statement" if model is Attestation else "reason"
    return [
        Evidence(
            kind=kind,
            page_id=record["page_id"],
            revision_id=record["revision_id"],
            revision_created_at=record["revision__created_at"],
            rule_id=record["rule_id"],
            severity=severities(record),
            field=record["field"],
            excerpt=record["excerpt"],
            by_pk=record["created_by_id"],
            note=record[note],
        )
        for record in model.objects.filter(page_id__in=page_ids).values(
            "pk",
            "page_id",
            "revision_id",
            "revision__created_at",
            "rule_id",
            "field",
            "excerpt",
            "created_by_id",
            note,
        )
    ]


def _exemption_severities(page_ids) -> dict[int, str]:
    """Exemption id → severity of its finding when exempted (from the audit log)."""
    entries = PageLogEntry.objects.filter(
        action=EXEMPTION_LOG_ACTION, page_id__in=page_ids
    ).values_list("data", flat=True)
    return {
        data["exemption_id"]: data.get("severity", "")
        for data in entries
        if isinstance(data, dict) and data.get("exemption_id")
    }


def _refusals(page_ids) -> list[Evidence]:
    """The rules named by the gate's and the steps' refusals (the periodic report reads
    them the same way, ``figures.RULE_ID_RE``); a refused rule was gated."""
    known = {info.id for info in rule_catalogue()}
    evidence = []
    for page_id, revision_id, created_at, data in PageLogEntry.objects.filter(
        action=REFUSED_ACTION, page_id__in=page_ids, revision__isnull=False
    ).values_list("page_id", "revision_id", "revision__created_at", "data"):
        reasons = data.get("reasons") or [] if isinstance(data, dict) else []
        rules = set()
        for reason in reasons:
            rules.update(RULE_ID_RE.findall(str(reason.get("message", ""))))
        evidence += [
            Evidence(REFUSED, page_id, revision_id, created_at, rule, "block")
            for rule in sorted(rules & known)
        ]
    return evidence


def _evidence(page_ids) -> dict[int, list[Evidence]]:
    """Page id → everything stored about its findings (four queries)."""
    exemption_severities = _exemption_severities(page_ids)
    evidence = [
        *_records(Attestation, Outcome.ATTESTED, page_ids, lambda record: "attest"),
        *_records(
            Exemption,
            Outcome.EXEMPTED,
            page_ids,
            lambda record: (
                exemption_severities.get(record["pk"]) or rule_info(record["rule_id"]).severity
            ),
        ),
        *_refusals(page_ids),
    ]
    by_page: dict[int, list[Evidence]] = defaultdict(list)
    for item in evidence:
        by_page[item.page_id].append(item)
    return by_page


def _fixed(earlier: list[Evidence], on_version: list[Evidence]) -> list[Evidence]:
    """What was gated on an earlier version of the round and is not recorded on the
    published one: a confirmation or exemption whose rule and excerpt are not there, or
    a refused rule of which nothing is there (one row per rule and excerpt, or per rule)."""
    kept_findings = {(item.rule_id, item.excerpt) for item in on_version}
    kept_rules = {item.rule_id for item in on_version}
    fixed: dict[tuple[str, str | None], Evidence] = {}
    for item in earlier:
        key = (item.rule_id, item.excerpt)
        if item.kind != REFUSED and item.severity in GATED_SEVERITIES and key not in kept_findings:
            fixed.setdefault(key, item)
    fixed_rules = {rule for rule, _excerpt in fixed}
    for item in earlier:
        if item.kind == REFUSED and item.rule_id not in kept_rules | fixed_rules:
            fixed.setdefault((item.rule_id, None), item)
    return list(fixed.values())


def finding_rows(publications: QuerySet[PublicationApproval]) -> list[FindingRow]:
    """The findings of the published versions in ``publications`` and how each ended."""
    published = list(
        publications.order_by().values(
            "pk", "page_id", "revision_id", "revision__created_at", "used_at"
        )
    )
    if not published:
        return []
    page_ids = publications.order_by().values("page_id")
    publication_moments: dict[int, list[datetime.datetime]] = defaultdict(list)
    for page_id, created_at in (
        published_versions()
        .filter(page_id__in=page_ids)
        .values_list("page_id", "revision__created_at")
    ):
        publication_moments[page_id].append(created_at)
    for moments in publication_moments.values():
        moments.sort()
    evidence = _evidence(page_ids)

    rows: list[FindingRow] = []
    for publication in published:
        page_id, created_at = publication["page_id"], publication["revision__created_at"]
        moments = publication_moments[page_id]
        index = bisect.bisect_left(moments, created_at)
        round_start = moments[index - 1] if index else None  # the previous publication
        on_version = [
            item
            for item in evidence[page_id]
            if item.revision_id == publication["revision_id"] and item.kind != REFUSED
        ]
        earlier = [
            item
            for item in evidence[page_id]
            if item.revision_created_at < created_at
            and (round_start is None or item.revision_created_at > round_start)
        ]

        def row(item, outcome, *, publication=publication):
            return FindingRow(
                publication_pk=publication["pk"],
                published_at=publication["used_at"],
                page_pk=publication["page_id"],
                rule_id=item.rule_id,
                field=item.field,
                outcome=outcome,
                by_pk=item.by_pk if outcome != Outcome.FIXED else None,
                note=item.note if outcome != Outcome.FIXED else "",
            )

        rows += [row(item, item.kind) for item in on_version]
        rows += [row(item, Outcome.FIXED) for item in _fixed(earlier, on_version)]
    return rows


def count_by_rule(rows: list[FindingRow]) -> dict:
    """Per rule (catalogue order) and in total: how many rows of each outcome."""
    counts = Counter((row.rule_id, row.outcome) for row in rows)
    order = {info.id: index for index, info in enumerate(rule_catalogue())}
    rules = sorted({row.rule_id for row in rows}, key=lambda rule: (order.get(rule, 999), rule))
    outcomes = [outcome for outcome, _label in Outcome.CHOICES]
    return {
        "outcomes": [(outcome, Outcome.LABELS[outcome]) for outcome in outcomes],
        "rules": [
            {
                "rule": rule,
                "label": rule_label(rule),
                "counts": [counts[(rule, outcome)] for outcome in outcomes],
                "total": sum(counts[(rule, outcome)] for outcome in outcomes),
            }
            for rule in rules
        ],
        "totals": [sum(counts[(rule, outcome)] for rule in rules) for outcome in outcomes],
        "total": len(rows),
    }


def rule_label(rule_id: str) -> str:
    return f"{rule_id} – {rule_info(rule_id).title}"


class CheckerFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        field_name="used_at", label=_("Period (publication date)"), widget=DateRangePickerWidget
    )
    rule = django_filters.ChoiceFilter(
        label=_("Rule"),
        choices=lambda: [(info.id, rule_label(info.id)) for info in rule_catalogue()],
        empty_label=_("All"),
        method="keep_for_rows",
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Outcome"), choices=Outcome.CHOICES, empty_label=_("All"), method="keep_for_rows"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=lambda: list(get_content_languages().items()),
        empty_label=_("All"),
        field_name="page__locale__language_code",
    )

    class Meta:
        model = PublicationApproval
        fields = []

    def keep_for_rows(self, queryset, name, value):
        """Rule and outcome narrow the finding rows, not the publications
        (``CheckerReportView.get_queryset``)."""
        return queryset


class CheckerReportView(ReportingReportView):
    page_title = TITLE
    header_icon = "warning"
    index_url_name = "reporting_reports:checker"
    index_results_url_name = "reporting_reports:checker_results"
    filterset_class = CheckerFilterSet
    summary_template_name = "reporting/reports/checker_summary.html"
    export_name = "checker-findings"
    default_ordering = "-published_at"
    columns = [
        DayColumn("published_at", label=_("Published at"), sort_key="published_at"),
        TitleColumn(
            "page_title",
            label=_("Page"),
            get_url=lambda row: row.edit_url,
            classname="title reporting-title",
        ),
        LocaleColumn(label=_("Language"), sort_key=None),
        Column("rule_label", label=_("Rule"), sort_key="rule_id"),
        Column("field_label", label=_("Field")),
        Column("outcome_label", label=_("Outcome"), sort_key="outcome"),
        Column("by", label=_("By")),
        Column("note", label=_("Statement or reason")),
    ]
    list_export = [
        "published_at",
        "page_title",
        "type_label",
        "language_label",
        "rule_id",
        "rule_label",
        "field_label",
        "outcome_label",
        "by",
        "note",
    ]
    export_headings = {
        "published_at": _("Published at"),
        "page_title": _("Page"),
        "type_label": _("Type"),
        "language_label": _("Language"),
        "rule_id": _("Rule"),
        "rule_label": _("Rule title"),
        "field_label": _("Field"),
        "outcome_label": _("Outcome"),
        "by": _("By"),
        "note": _("Statement or reason"),
    }

    description = _(
        "Findings of the versions published in the period. Attested and exempted: "
        "confirmed or marked as a false positive on the published version. Fixed: it held "
        "an earlier version back (confirmed, exempted or refused) and is no longer in the "
        "published one; a finding corrected before a reviewer dealt with it is not "
        "recorded, so it is not counted. Excerpts are shown on each page's findings view "
        "only."
    )

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_queryset(self):
        rows = finding_rows(self.filter_queryset(published_versions()))
        rule = self.cleaned_filters.get("rule")
        outcome = self.cleaned_filters.get("outcome")
        rows = [
            row
            for row in rows
            if (not rule or row.rule_id == rule) and (not outcome or row.outcome == outcome)
        ]
        return self.sort_rows(rows)

    def sort_rows(self, rows: list[FindingRow]) -> list[FindingRow]:
        ordering = self.ordering or self.default_ordering
        name = ordering.lstrip("-")
        rows.sort(key=lambda row: (row.published_at, row.page_pk, row.rule_id, row.outcome))
        rows.sort(key=lambda row: getattr(row, name), reverse=ordering.startswith("-"))
        return rows

    def get_summary(self, queryset):
        return count_by_rule(queryset)

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        page_ids = {row.page_pk for row in rows}
        pages = Page.objects.only("id", "draft_title", "title", "content_type", "locale").in_bulk(
            page_ids
        )
        edit_urls = page_edit_urls(self.request.user, page_ids)
        names = user_names(row.by_pk for row in rows)
        languages = language_names()
        for row in rows:
            page = pages.get(row.page_pk)
            model = (
                ContentType.objects.get_for_id(page.content_type_id).model_class() if page else None
            )
            row.page_title = page.get_admin_display_title() if page else ""
            row.edit_url = edit_urls.get(row.page_pk)
            row.locale_id = page.locale_id if page else None
            row.type_label = type_label(page.content_type_id) if page else ""
            row.language_label = languages.get(row.locale_id, "")
            row.rule_label = rule_label(row.rule_id)
            row.field_label = describe_field(model, row.field) if model else row.field
            row.outcome_label = str(Outcome.LABELS[row.outcome])
            row.by = names.get(row.by_pk, "")
        return rows

"""What the five reports of the Reports menu share (``reports_*.py`` hold one report each).

* Who: holders of ``reporting.view_reports`` (reviewers and the spokesperson, see
  ``migrations/0004``) and superusers; anyone else is refused, as Wagtail refuses.
* Periods: the issue asks that a period be counted by each item's publication date.
  As in ``figures`` (the dashboard and the periodic report), that is the *publication
  date* field of an article or a sovereignty feature (the date the site shows) and the
  start date of a campaign; any other page counts by the day it was first published
  (``publication_day``). The workflow and checker reports count a publication by the
  moment the approved version went live.
* Bad filter values (a date such as 2025-13-45) are not ignored, as Wagtail's listings
  would do, which would silently show the whole unfiltered report: the report shows
  the form's errors above an empty table and keeps what was typed, and an export asked
  for with such filters shows the same errors instead of a file.
* Every report is a fixed number of queries whatever the number of rows: values are
  annotated onto the rows, and what a page of rows needs besides (titles, names,
  whether the user may edit each page) is read for all its rows at once.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import DateField
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages, get_content_type_label
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.core.exports import SafeCsvExportMixin

from .models import VIEW_REPORTS


def publication_day():
    """The day a page counts as published on (see the module's docstring), for ``annotate``."""
    return Coalesce(
        "articlepage__publication_date",
        "sovereigntyfeaturepage__publication_date",
        "campaignpage__start_date",
        TruncDate("first_published_at"),
        output_field=DateField(),
    )


def locale_id(language_code: str) -> int | None:
    return Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()


def language_names() -> dict[int, str]:
    """Locale id → the language's name in the user's language (one query)."""
    languages = get_content_languages()
    return {
        locale.pk: str(languages.get(locale.language_code, locale.language_code))
        for locale in Locale.objects.all()
    }


def type_label(content_type_id: int | None) -> str:
    """The page type's name, from Django's content-type cache (no query once warm)."""
    if not content_type_id:
        return ""
    return get_content_type_label(ContentType.objects.get_for_id(content_type_id))


def user_names(user_ids: Iterable[int | None]) -> dict[int, str]:
    """Display names of the given users, in one query."""
    ids = {pk for pk in user_ids if pk}
    if not ids:
        return {}
    users = get_user_model().objects.filter(pk__in=ids)
    return {user.pk: get_user_display_name(user) for user in users}


def page_edit_urls(user, page_ids: Iterable[int | None]) -> dict[int, str]:
    """The edit address of each of the pages ``user`` may change, in one query.

    Page permissions come from Wagtail's per-request cache; a page the user may not
    change gets no link (its title is shown as text).
    """
    ids = {pk for pk in page_ids if pk}
    if not ids:
        return {}
    pages = Page.objects.only("id", "path", "depth", "owner").in_bulk(ids)
    policy = PagePermissionPolicy()
    return {
        pk: reverse("wagtailadmin_pages:edit", args=[pk])
        for pk, page in pages.items()
        if policy.user_has_permission_for_instance(user, "change", page)
    }


def hours_between(start: datetime.datetime | None, end: datetime.datetime | None):
    """Hours from ``start`` to ``end``, to one decimal (None if either is missing)."""
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 3600, 1)


def median_hours(values: Iterable[float | None]):
    values = [value for value in values if value is not None]
    return round(statistics.median(values), 1) if values else None


def local_day(value):
    """A date, or the local date of a moment."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


class DayColumn(Column):
    """A date (or the local date of a moment) as dd/mm/yyyy, not "3 days ago": a report is
    read and printed later."""

    cell_template_name = "reporting/reports/day_cell.html"


class MomentColumn(Column):
    """A date and time as dd/mm/yyyy hh:mm, in the site's time zone."""

    cell_template_name = "reporting/reports/moment_cell.html"


class YesNoColumn(Column):
    cell_template_name = "reporting/reports/yes_no_cell.html"


def _local_moment(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


class ReportingReportView(SafeCsvExportMixin, ReportView):
    """Base of the reports: the permission, filter errors, exports in the site's time zone
    and a summary block.

    A subclass names its ``summary_template_name`` and returns what that template shows
    from ``get_summary(queryset)``, where ``queryset`` is every row that passed the
    filters (not just the page on screen).
    """

    results_template_name = "reporting/reports/results.html"
    summary_template_name: str | None = None
    description = ""
    export_name = "report"
    paginate_by = 50

    # Access is the custom permission, not a model permission (see ``dispatch``).
    permission_policy = None

    # Moments in the site's time zone (Wagtail writes UTC), as the report shows them.
    custom_value_preprocess = {
        datetime.datetime: {
            ReportView.FORMAT_XLSX: _local_moment,
            ReportView.FORMAT_CSV: lambda value: f"{_local_moment(value):%Y-%m-%d %H:%M}",
        },
        **{
            kind: functions
            for kind, functions in ReportView.custom_value_preprocess.items()
            if kind is not datetime.datetime
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_REPORTS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.filter_errors:
            self.is_export = False  # show what is wrong rather than a file of the wrong rows
        return super().get(request, *args, **kwargs)

    @cached_property
    def filter_errors(self) -> list[tuple[str, list[str]]]:
        """(field label, messages) for every filter whose value could not be read."""
        if not self.filters or self.filters.is_valid():
            return []
        form = self.filters.form
        return [
            (str(form.fields[name].label) if name in form.fields else "", list(messages))
            for name, messages in form.errors.items()
        ]

    def filter_queryset(self, queryset):
        if self.filter_errors:
            return queryset.none()
        return super().filter_queryset(queryset)

    def order_queryset(self, queryset):
        # A tie-breaker keeps the pagination stable.
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "pk")

    @cached_property
    def cleaned_filters(self) -> dict:
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data
        return {}

    def get_filename(self):
        return f"{self.export_name}-{timezone.localdate():%Y-%m-%d}"

    def get_summary(self, queryset):
        return None

    @property
    def no_results_message(self):
        if self.filter_errors:
            return _("Correct the filters to see the report.")
        return _("Nothing matches these filters.")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["filter_errors"] = self.filter_errors
        context["description"] = self.description
        if self.summary_template_name and not self.filter_errors and not self.is_export:
            context["summary"] = self.get_summary(self.object_list)
            context["summary_template_name"] = self.summary_template_name
        return context

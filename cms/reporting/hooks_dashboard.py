"""The charts on the admin dashboard: published items per month by topic, the time from
submission to publication, and the open false-information incidents.

Shown to holders of ``reporting.view_reports`` (reviewers, the spokesperson, superusers);
the incidents chart also needs ``reporting.view_incident``. Drawn by ``charts`` as SVG
on the server: no script, no CDN, no inline style.

**The period.** By default the last 12 months (this month and the 11 before), the
usual view of a running office. A small GET form (``?reporting_period=``) also offers
this year and last year: whole calendar years are how the commune plans and reports
(the 2025 plan covers September to December 2025, which "last year" shows in 2026).
No free dates: a dashboard stays a glance, the reports take any period. An unknown
value shows Django's "Select a valid choice" message and the default period.

**Queries.** Five at most, whatever the content: articles and features per month and
topic, the topics' names (``figures.monthly_by_topic``), the publications of the period
with their submission time, and the open incidents per severity and status.
``figures`` has no median per month (only one for the whole period), so the one query
for it is here.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict

from django import forms
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import figures
from .charts import PALETTE_SIZE, BarChart, Series, render_bar_chart
from .models import OPEN_STATUSES, VIEW_REPORTS, Incident, IncidentSeverity
from .register import VIEW_INCIDENT

#: Above this, the time to publication is shown in days rather than hours.
DAYS_FROM_HOURS = 48


class Period(models.TextChoices):
    LAST_12_MONTHS = "12m", gettext_lazy("Last 12 months")
    THIS_YEAR = "year", gettext_lazy("This year")
    LAST_YEAR = "last-year", gettext_lazy("Last year")


def period_dates(period: str, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day (both included) of ``period`` as seen on ``today``."""
    if period == Period.THIS_YEAR:
        return today.replace(month=1, day=1), today
    if period == Period.LAST_YEAR:
        return datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)
    first = today.year * 12 + today.month - 1 - 11  # months since year 0, 11 months back
    return datetime.date(first // 12, first % 12 + 1, 1), today


class PeriodForm(forms.Form):
    reporting_period = forms.ChoiceField(
        label=gettext_lazy("Reporting period"), choices=Period.choices, required=False
    )

    def period(self) -> str:
        if self.is_valid() and self.cleaned_data["reporting_period"]:
            return self.cleaned_data["reporting_period"]
        return Period.LAST_12_MONTHS


def month_label(month: datetime.date) -> str:
    return month.strftime("%m/%Y")


def month_axis_labels(months: list[datetime.date]) -> list[str]:
    """Under the bars: the month's number, and the year under the first month and January
    (twelve "09/2025" side by side do not fit a dashboard column)."""
    return [
        f"{month:%m}\n{month:%Y}" if number == 0 or month.month == 1 else f"{month:%m}"
        for number, month in enumerate(months)
    ]


def published_chart(monthly: figures.MonthlyTopics) -> BarChart:
    """Articles and features per month, stacked by topic (the largest topics keep a colour
    of their own, the rest are summed as "Other topics")."""
    series = [Series(str(row.label), counts) for row, counts in monthly.series]
    if len(series) > PALETTE_SIZE:
        kept, rest = series[: PALETTE_SIZE - 1], series[PALETTE_SIZE - 1 :]
        summed = [sum(values) for values in zip(*(s.values for s in rest), strict=True)]
        series = [*kept, Series(_("Other topics"), summed)]
    return BarChart(
        key="reporting-chart-published",
        title=_("Published per month by topic"),
        description=_(
            "Articles and sovereignty features published each month, one bar per month, "
            "stacked by topic."
        ),
        category_heading=_("Month"),
        categories=[month_label(month) for month in monthly.months],
        axis_labels=month_axis_labels(monthly.months),
        series=series,
        empty_text=_("Nothing was published in this period."),
    )


def publication_medians(
    date_from: datetime.date, date_to: datetime.date, months: list[datetime.date]
) -> list[float | None]:
    """Per month, the median number of seconds from the first submission of a workflow
    (``WorkflowState.created_at``) to the publication it led to (``used_at``, in the
    site's time zone), as ``figures.workflow_figures`` counts it; ``None`` for a month
    without publications. One query."""
    from cms.workflows.models import PublicationApproval

    start, end = figures.time_bounds(date_from, date_to)
    rows = PublicationApproval.objects.filter(
        used_at__gte=start, used_at__lt=end, workflow_state__isnull=False
    ).values_list("used_at", "workflow_state__created_at")
    per_month = defaultdict(list)
    for used_at, submitted_at in rows:
        month = timezone.localtime(used_at).date().replace(day=1)
        per_month[month].append((used_at - submitted_at).total_seconds())
    return [statistics.median(per_month[m]) if per_month[m] else None for m in months]


def workflow_time_chart(months: list[datetime.date], medians: list[float | None]) -> BarChart:
    """The median time to publication per month, in hours, or in days when it is long."""
    in_days = max((m for m in medians if m is not None), default=0) >= DAYS_FROM_HOURS * 3600
    seconds = 86400 if in_days else 3600
    values = [None if m is None else m / seconds for m in medians]
    if in_days:
        label = _("Median (days)")
        description = _(
            "The median time, in days, from submission for review to publication, "
            "for the items published each month."
        )
    else:
        label = _("Median (hours)")
        description = _(
            "The median time, in hours, from submission for review to publication, "
            "for the items published each month."
        )
    return BarChart(
        key="reporting-chart-workflow",
        title=_("Time from submission to publication"),
        description=description,
        category_heading=_("Month"),
        categories=[month_label(month) for month in months],
        axis_labels=month_axis_labels(months),
        series=[Series(label, values)],
        decimals=1,
        zero_is_figure=True,
        empty_text=_("Nothing went through the workflow in this period."),
    )


def incidents_chart() -> BarChart:
    """Incidents open now (whatever the period), by severity, highest first, stacked by
    status. One query."""
    counts = {
        (row["severity"], row["status"]): row["count"]
        for row in Incident.objects.open()
        .order_by()
        .values("severity", "status")
        .annotate(count=Count("pk"))
    }
    severities = list(reversed(IncidentSeverity))
    return BarChart(
        key="reporting-chart-incidents",
        title=_("Open incidents by severity"),
        description=_(
            "False-information incidents not yet rebutted or closed, one bar per severity, "
            "stacked by status. Counted today, whatever the period."
        ),
        category_heading=_("Severity"),
        categories=[str(severity.label) for severity in severities],
        series=[
            Series(str(status.label), [counts.get((sev, status), 0) for sev in severities])
            for status in OPEN_STATUSES
        ],
        empty_text=_("No open incidents."),
    )


class ChartsPanel(Component):
    name = "reporting_charts"
    order = 130  # after the pages awaiting the user's review and the open incidents
    template_name = "reporting/dashboard/charts_panel.html"

    class Media:
        css = {"all": ["reporting/charts.css"]}

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        form = PeriodForm(request.GET)
        date_from, date_to = period_dates(form.period(), timezone.localdate())
        monthly = figures.monthly_by_topic(date_from, date_to)
        charts = [
            published_chart(monthly),
            workflow_time_chart(
                monthly.months, publication_medians(date_from, date_to, monthly.months)
            ),
        ]
        if request.user.has_perm(VIEW_INCIDENT):
            charts.append(incidents_chart())
        return {
            "form": form,
            "date_from": date_from,
            "date_to": date_to,
            "charts": [render_bar_chart(chart) for chart in charts],
        }


@hooks.register("construct_homepage_panels")
def add_charts_panel(request, panels):
    if request.user.has_perm(VIEW_REPORTS):
        panels.append(ChartsPanel())

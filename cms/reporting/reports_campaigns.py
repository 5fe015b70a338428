"""The "Campaign coverage" report: how many articles each campaign and each occasion had.

One row per live Vietnamese campaign (an English campaign is its translation, not
another campaign): its occasion, dates, plan task, and the live articles and
sovereignty features that name it as their campaign, in Vietnamese and in English (an
English article names the English translation of the campaign, so articles are matched
on the campaign's translation key). Above the table, the same counts per occasion.

With a period, the articles are counted by their publication date within it, and the
campaigns listed are those that ran during the period or had an article in it. One
query for the rows (the counts are correlated subqueries), one for the summary.
"""

from __future__ import annotations

from collections import defaultdict

import django_filters
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Locale

from articles.models import ArticlePage, SovereigntyFeaturePage
from campaigns.models import CampaignPage, Occasion

from .figures import NOT_ASSIGNED_LABEL
from .models import PlanTask
from .reports import (
    DayColumn,
    ReportingReportView,
    local_day,
    locale_id,
    page_edit_urls,
)

TITLE = _("Campaign coverage")
ARTICLE_MODELS = (ArticlePage, SovereigntyFeaturePage)
LANGUAGES = ("vi", "en")
NO_OCCASION = _("No occasion")


def _article_count(model, language_id, start, stop):
    """Live ``model`` pages in ``language_id`` naming the outer campaign (or its translation)."""
    articles = model.objects.filter(
        live=True,
        alias_of__isnull=True,
        locale_id=language_id,
        related_campaign__translation_key=OuterRef("translation_key"),
    )
    if start:
        articles = articles.filter(publication_date__gte=start)
    if stop:
        articles = articles.filter(publication_date__lte=stop)
    counted = (
        articles.order_by()
        .values("related_campaign__translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def campaign_coverage(start=None, stop=None) -> QuerySet[CampaignPage]:
    """Live Vietnamese campaigns annotated with ``articles_vi``, ``articles_en`` and
    ``articles_total``, counting the articles published from ``start`` to ``stop``
    (dates, either may be None)."""
    counts = {}
    for language in LANGUAGES:
        language_id = locale_id(language)
        terms = [_article_count(model, language_id, start, stop) for model in ARTICLE_MODELS]
        counts[f"articles_{language}"] = terms[0] + terms[1]
    return (
        CampaignPage.objects.filter(live=True, alias_of__isnull=True, locale_id=locale_id("vi"))
        .annotate(**counts)
        .annotate(articles_total=F("articles_vi") + F("articles_en"))
    )


def count_by_occasion(queryset: QuerySet[CampaignPage]) -> list[dict]:
    """Per occasion (and campaigns without one): campaigns and articles in each language."""
    totals: dict = defaultdict(lambda: {"campaigns": 0, "vi": 0, "en": 0, "total": 0})
    for occasion_id, name, vi, en in queryset.order_by().values_list(
        "occasion_id", "occasion__name", "articles_vi", "articles_en"
    ):
        entry = totals[(name or "", occasion_id)]
        entry["campaigns"] += 1
        entry["vi"] += vi
        entry["en"] += en
        entry["total"] += vi + en
    rows = [
        {"occasion": name or str(NO_OCCASION), "occasion_pk": pk, **figures}
        for (name, pk), figures in totals.items()
    ]
    return sorted(rows, key=lambda row: (row["occasion_pk"] is None, row["occasion"]))


class CampaignCoverageFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        label=_("Period (publication date of the articles)"),
        widget=DateRangePickerWidget,
        method="filter_period",
    )
    occasion = django_filters.ModelChoiceFilter(
        label=_("Occasion"),
        queryset=lambda request: Occasion.objects.filter(locale=Locale.get_default()),
        empty_label=_("All"),
    )
    plan_task = django_filters.ModelChoiceFilter(
        label=_("Plan task"),
        queryset=lambda request: PlanTask.objects.all(),
        empty_label=_("All"),
        null_label=NOT_ASSIGNED_LABEL,
    )

    class Meta:
        model = CampaignPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("locale", None)  # Vietnamese campaigns, articles in both languages

    def filter_period(self, queryset, name, value):
        """Campaigns that ran during the period or had an article in it (the articles are
        counted within the period by ``campaign_coverage``)."""
        start, stop = local_day(value.start), local_day(value.stop)
        if not (start or stop):
            return queryset
        ran = Q()
        if start:
            ran &= Q(end_date__gte=start)
        if stop:
            ran &= Q(start_date__lte=stop)
        return queryset.filter(ran | Q(articles_total__gt=0))


class CampaignCoverageReportView(ReportingReportView):
    page_title = TITLE
    header_icon = "calendar"
    index_url_name = "reporting_reports:campaign_coverage"
    index_results_url_name = "reporting_reports:campaign_coverage_results"
    filterset_class = CampaignCoverageFilterSet
    summary_template_name = "reporting/reports/campaign_summary.html"
    export_name = "campaign-coverage"
    default_ordering = "-start_date"
    columns = [
        TitleColumn("title", label=_("Campaign"), get_url=lambda row: row.edit_url),
        Column("occasion_name", label=_("Occasion")),
        DayColumn("start_date", label=_("Start date"), sort_key="start_date"),
        DayColumn("end_date", label=_("End date"), sort_key="end_date"),
        Column("articles_vi", label=_("Articles in Vietnamese"), sort_key="articles_vi"),
        Column("articles_en", label=_("Articles in English"), sort_key="articles_en"),
        Column("articles_total", label=_("Articles in total"), sort_key="articles_total"),
        Column("plan_task_label", label=_("Plan task")),
    ]
    list_export = [
        "title",
        "occasion_name",
        "start_date",
        "end_date",
        "articles_vi",
        "articles_en",
        "articles_total",
        "plan_task_label",
    ]
    export_headings = {
        "title": _("Campaign"),
        "occasion_name": _("Occasion"),
        "start_date": _("Start date"),
        "end_date": _("End date"),
        "articles_vi": _("Articles in Vietnamese"),
        "articles_en": _("Articles in English"),
        "articles_total": _("Articles in total"),
        "plan_task_label": _("Plan task"),
    }

    description = _(
        "Live campaigns and the live articles and sovereignty features that name them, "
        "in each language. With a period, articles are counted by their publication date "
        "within it, and the campaigns shown are those that ran during it or had an article "
        "in it."
    )

    def get_base_queryset(self):
        period = self.cleaned_filters.get("period")
        start = local_day(period.start) if period else None
        stop = local_day(period.stop) if period else None
        return campaign_coverage(start, stop).select_related("occasion", "plan_task")

    def get_summary(self, queryset):
        return {"occasions": count_by_occasion(queryset)}

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        edit_urls = page_edit_urls(self.request.user, (row.pk for row in rows))
        for row in rows:
            row.edit_url = edit_urls.get(row.pk)
            row.occasion_name = row.occasion.name if row.occasion else ""
            row.plan_task_label = str(row.plan_task) if row.plan_task else str(NOT_ASSIGNED_LABEL)
        return rows

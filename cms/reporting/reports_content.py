"""The "Published content" report: every live article, sovereignty feature and campaign.

One row per page on the public site, with its type, language, topic, plan task,
responsible unit and publication date, filtered by period, topic, type, language, unit
and plan task; above the table, how many of the filtered pages serve each task of the
plan, "not assigned" included (the plan's tasks are records, ``PlanTask``, and content
names the one it serves).

What counts is decided as in ``figures`` (the dashboard and the periodic report): a
live page, not an alias, each language a publication of its own; articles are split by
kind (news, press release, rebuttal); the period counts an article or feature by its
publication date and a campaign by its start date. A campaign has no topic or unit:
those cells stay empty and the topic and unit filters leave campaigns out. Topics are
translated snippets: choosing a topic also finds the English pages filed under its
English translation (same translation key).

The three page types live in three tables: the rows are read from Wagtail's page table
joined to each of them (``articlepage__…``), so the report is one query whatever the mix.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, LocaleFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, LocaleColumn, TitleColumn
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from articles.models import ArticlePage, SovereigntyFeaturePage
from campaigns.models import CampaignPage
from cms.core.models import ResponsibleUnit, Topic

from .figures import (
    CAMPAIGN,
    NOT_ASSIGNED_LABEL,
    PAGE_TYPE_LABELS,
    PAGE_TYPES,
    SOVEREIGNTY_FEATURE,
)
from .models import PlanTask
from .reports import (
    DayColumn,
    ReportingReportView,
    page_edit_urls,
    publication_day,
)

TITLE = _("Published content")
CONTENT_MODELS = (ArticlePage, SovereigntyFeaturePage, CampaignPage)
ARTICLE_MODELS = ("articlepage", "sovereigntyfeaturepage")  # the joins with a topic and unit


def content_types() -> dict[type, ContentType]:
    """Model → content type of each reported page type (cached by Django)."""
    return ContentType.objects.get_for_models(*CONTENT_MODELS)


def page_type_of(row) -> str:
    """The row's type in ``figures``' vocabulary: the article's kind, or the page type."""
    types = content_types()
    if row.content_type_id == types[SovereigntyFeaturePage].pk:
        return SOVEREIGNTY_FEATURE
    if row.content_type_id == types[CampaignPage].pk:
        return CAMPAIGN
    return row.kind


def published_content() -> QuerySet[Page]:
    """Live articles, features and campaigns (aliases are copies, not publications),
    annotated with ``publication_day``, ``plan_task_pk``, ``topic_name``, ``topic_key``,
    ``unit`` and the article's ``kind``."""
    return Page.objects.filter(
        live=True, alias_of__isnull=True, content_type__in=list(content_types().values())
    ).annotate(
        publication_day=publication_day(),
        plan_task_pk=Coalesce(
            "articlepage__plan_task_id",
            "sovereigntyfeaturepage__plan_task_id",
            "campaignpage__plan_task_id",
        ),
        topic_name=Coalesce(*(f"{join}__topic__name" for join in ARTICLE_MODELS)),
        topic_key=Coalesce(*(f"{join}__topic__translation_key" for join in ARTICLE_MODELS)),
        unit=Coalesce(*(f"{join}__unit" for join in ARTICLE_MODELS)),
        kind=F("articlepage__kind"),
    )


def count_by_plan_task(queryset: QuerySet[Page]) -> list[dict]:
    """[{"task": PlanTask or None, "label", "count"}] for every task of the plan, then the
    pages that name none, for the rows of ``queryset`` (two queries)."""
    counts = dict(queryset.order_by().values_list("plan_task_pk").annotate(count=Count("pk")))
    rows = [
        {"task": task, "label": str(task), "count": counts.get(task.pk, 0)}
        for task in PlanTask.objects.all()
    ]
    rows.append({"task": None, "label": str(NOT_ASSIGNED_LABEL), "count": counts.get(None, 0)})
    return rows


NULL_CHOICE = "null"  # django-filter's value for the "not assigned" choice


class PublishedContentFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        field_name="publication_day",
        label=_("Period (publication date)"),
        widget=DateRangePickerWidget,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        queryset=lambda request: Topic.objects.filter(
            locale__language_code=Locale.get_default().language_code
        ),
        empty_label=_("All"),
        method="filter_topic",
    )
    page_type = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=[(key, PAGE_TYPE_LABELS[key]) for key in PAGE_TYPES],
        empty_label=_("All"),
        method="filter_page_type",
    )
    unit = django_filters.ChoiceFilter(
        label=_("Responsible unit"),
        choices=ResponsibleUnit.choices,
        empty_label=_("All"),
        method="filter_unit",
    )
    plan_task = django_filters.ModelChoiceFilter(
        label=_("Plan task"),
        queryset=lambda request: PlanTask.objects.all(),
        empty_label=_("All"),
        null_label=NOT_ASSIGNED_LABEL,
        method="filter_plan_task",
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["locale"] = LocaleFilter(
            label=_("Language"),
            choices=list(get_content_languages().items()),
            empty_label=_("All"),
            widget=forms.RadioSelect,
        )

    def filter_topic(self, queryset, name, topic):
        return queryset.filter(topic_key=topic.translation_key)

    def filter_page_type(self, queryset, name, value):
        types = content_types()
        if value == SOVEREIGNTY_FEATURE:
            return queryset.filter(content_type=types[SovereigntyFeaturePage])
        if value == CAMPAIGN:
            return queryset.filter(content_type=types[CampaignPage])
        return queryset.filter(content_type=types[ArticlePage], kind=value)

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit=value)

    def filter_plan_task(self, queryset, name, task):
        if task == NULL_CHOICE:
            return queryset.filter(plan_task_pk__isnull=True)
        return queryset.filter(plan_task_pk=task.pk)


class PublishedContentReportView(ReportingReportView):
    page_title = TITLE
    header_icon = "doc-full"
    index_url_name = "reporting_reports:published_content"
    index_results_url_name = "reporting_reports:published_content_results"
    filterset_class = PublishedContentFilterSet
    summary_template_name = "reporting/reports/plan_task_summary.html"
    export_name = "published-content"
    default_ordering = "-publication_day"
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
        Column("type_label", label=_("Type")),
        LocaleColumn(label=_("Language"), sort_key="locale"),
        Column("topic_name", label=_("Topic"), sort_key="topic_name"),
        Column("plan_task_label", label=_("Plan task")),
        Column("unit_label", label=_("Responsible unit")),
        DayColumn("publication_day", label=_("Publication date"), sort_key="publication_day"),
    ]
    list_export = [
        "title",
        "type_label",
        "language_label",
        "topic_name",
        "plan_task_label",
        "unit_label",
        "publication_day",
    ]
    export_headings = {
        "title": _("Title"),
        "type_label": _("Type"),
        "language_label": _("Language"),
        "topic_name": _("Topic"),
        "plan_task_label": _("Plan task"),
        "unit_label": _("Responsible unit"),
        "publication_day": _("Publication date"),
    }

    description = _(
        "Live articles, sovereignty features and campaigns. The period counts an article "
        "or a feature by its publication date and a campaign by its start date. Campaigns "
        "have no topic or responsible unit."
    )

    def get_base_queryset(self):
        return published_content().select_related("locale")

    def get_summary(self, queryset):
        return {"plan_tasks": count_by_plan_task(queryset), "total": queryset.count()}

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        edit_urls = page_edit_urls(self.request.user, (row.pk for row in rows))
        tasks = PlanTask.objects.in_bulk({row.plan_task_pk for row in rows if row.plan_task_pk})
        languages = get_content_languages()
        for row in rows:
            row.edit_url = edit_urls.get(row.pk)
            row.type_label = str(PAGE_TYPE_LABELS.get(page_type_of(row), ""))
            row.language_label = str(languages.get(row.locale.language_code, row.locale))
            task = tasks.get(row.plan_task_pk)
            row.plan_task_label = str(task) if task else str(NOT_ASSIGNED_LABEL)
            row.unit_label = str(ResponsibleUnit(row.unit).label) if row.unit else ""
            row.topic_name = row.topic_name or ""
        return rows

"""The "Translation coverage" report: which live Vietnamese pages have a current English version.

One row per live Vietnamese page (aliases left out: they are copies), with the state of
its English version:

* **up to date**: a live English page that is not out of date;
* **out of date**: a live English page whose Vietnamese source was published after the
  translation was last synced — the rule of the out-of-date translations report
  (``cms.translations.reports.outdated_translations``), reused here;
* **draft only**: the English page exists only as a draft;
* **no English page** (an English alias shows the Vietnamese text: it counts here).

Above the table, the share of the filtered Vietnamese pages whose English version is
current, and how many are in each state. The period counts a page by its publication
date (``reports.publication_day``: the *publication date* of articles and features, the
start of a campaign, otherwise the day it was first published). Every live Vietnamese
page is a row, the investor pages included, whereas ``figures`` (the periodic report)
counts articles, features and campaigns only. One query for the rows, whatever their
number.
"""

from __future__ import annotations

from collections import Counter

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Exists, OuterRef, QuerySet, Subquery, Value, When
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page

from cms.translations.reports import outdated_translations

from .reports import (
    DayColumn,
    ReportingReportView,
    locale_id,
    page_edit_urls,
    publication_day,
    type_label,
)

TITLE = _("Translation coverage")
SOURCE_LANGUAGE = "vi"
TARGET_LANGUAGE = "en"


class EnglishVersion:
    CURRENT = "current"
    OUTDATED = "outdated"
    DRAFT = "draft"
    NONE = "none"

    CHOICES = [
        (CURRENT, _("Up to date")),
        (OUTDATED, _("Out of date")),
        (DRAFT, _("Draft only")),
        (NONE, _("No English page")),
    ]
    LABELS = dict(CHOICES)


def translation_coverage() -> QuerySet[Page]:
    """Live Vietnamese pages annotated with ``publication_day``, ``english_pk`` and
    ``english_version`` (an ``EnglishVersion`` value)."""
    source_locale, target_locale = locale_id(SOURCE_LANGUAGE), locale_id(TARGET_LANGUAGE)
    english = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale_id=target_locale,
        alias_of__isnull=True,
    )
    outdated = outdated_translations().filter(
        target_locale_id=target_locale, source_page_id=OuterRef("pk")
    )
    return Page.objects.filter(
        locale_id=source_locale, live=True, alias_of__isnull=True, depth__gt=1
    ).annotate(
        publication_day=publication_day(),
        english_pk=Subquery(english.values("pk")[:1]),
        english_live=Subquery(english.values("live")[:1]),
        english_outdated=Exists(outdated),
        english_version=Case(
            When(english_pk__isnull=True, then=Value(EnglishVersion.NONE)),
            When(english_live=False, then=Value(EnglishVersion.DRAFT)),
            When(english_outdated=True, then=Value(EnglishVersion.OUTDATED)),
            default=Value(EnglishVersion.CURRENT),
            output_field=CharField(),
        ),
    )


def coverage_summary(queryset: QuerySet[Page]) -> dict:
    """How many pages are in each state, and the share with a current English version."""
    counts = Counter(queryset.order_by().values_list("english_version", flat=True))
    total = sum(counts.values())
    current = counts[EnglishVersion.CURRENT]
    share = round(100 * current / total, 1) if total else None
    return {
        "total": total,
        "current": current,
        "share": share,
        "share_text": f"{number_format(share, 1)}%" if share is not None else "",
        "states": [
            {"state": state, "label": label, "count": counts[state]}
            for state, label in EnglishVersion.CHOICES
        ],
    }


def source_page_types(request):
    """The types of the live Vietnamese pages, for the type filter."""
    ids = (
        Page.objects.filter(live=True, locale__language_code=SOURCE_LANGUAGE, depth__gt=1)
        .values_list("content_type_id", flat=True)
        .distinct()
    )
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class TranslationCoverageFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        field_name="publication_day",
        label=_("Period (publication date)"),
        widget=DateRangePickerWidget,
    )
    content_type = ContentTypeFilter(
        label=_("Type"), queryset=source_page_types, empty_label=_("All")
    )
    english_version = django_filters.ChoiceFilter(
        label=_("English version"), choices=EnglishVersion.CHOICES, empty_label=_("All")
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("locale", None)  # Vietnamese pages only


class OptionalTitleColumn(TitleColumn):
    """A page title that may be missing (no English page): an empty cell, not "(blank)"."""

    empty_value_display = ""


class TranslationCoverageReportView(ReportingReportView):
    page_title = TITLE
    header_icon = "globe"
    index_url_name = "reporting_reports:translation_coverage"
    index_results_url_name = "reporting_reports:translation_coverage_results"
    filterset_class = TranslationCoverageFilterSet
    summary_template_name = "reporting/reports/translation_summary.html"
    export_name = "translation-coverage"
    default_ordering = "-publication_day"
    columns = [
        TitleColumn("title", label=_("Vietnamese page"), get_url=lambda row: row.edit_url),
        Column("type_label", label=_("Type")),
        DayColumn("publication_day", label=_("Publication date"), sort_key="publication_day"),
        Column("english_version_label", label=_("English version"), sort_key="english_version"),
        OptionalTitleColumn(
            "english_title", label=_("English page"), get_url=lambda row: row.english_edit_url
        ),
    ]
    list_export = [
        "title",
        "type_label",
        "publication_day",
        "english_version_label",
        "english_title",
    ]
    export_headings = {
        "title": _("Vietnamese page"),
        "type_label": _("Type"),
        "publication_day": _("Publication date"),
        "english_version_label": _("English version"),
        "english_title": _("English page"),
    }

    description = _(
        "Live Vietnamese pages and the state of their English version. Out of date: the "
        "Vietnamese page was published after the translation was last synced. The period "
        "counts each page by its publication date."
    )

    def get_base_queryset(self):
        return translation_coverage()

    def get_summary(self, queryset):
        return coverage_summary(queryset)

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        english = Page.objects.only("id", "draft_title", "title").in_bulk(
            {row.english_pk for row in rows if row.english_pk}
        )
        edit_urls = page_edit_urls(
            self.request.user, [row.pk for row in rows] + [row.english_pk for row in rows]
        )
        for row in rows:
            row.edit_url = edit_urls.get(row.pk)
            row.type_label = type_label(row.content_type_id)
            row.english_version_label = str(EnglishVersion.LABELS[row.english_version])
            page = english.get(row.english_pk)
            row.english_title = page.get_admin_display_title() if page else ""
            row.english_edit_url = edit_urls.get(row.english_pk)
        return rows

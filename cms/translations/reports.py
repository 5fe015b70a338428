"""The out-of-date translations report ("Bản dịch cần cập nhật").

It lists the translated (English) pages whose source (Vietnamese) page was
**published** after the translation was last synchronised with it.

Why the published version counts, and not a newer draft: wagtail-localize's
"Sync translated pages" (``TranslationSource.update_from_db``) copies the source
page's *row*, which holds the published text (a draft lives in a revision until the
workflow publishes it). A source with only a newer draft has nothing new to give
the translation; listing it would send the translator to a sync that changes
nothing, and the page would stay on the report. Once the draft is approved and
published, the page appears. The time compared is the source page's
``last_published_at`` (when its text last changed in the row, scheduled
publications included) against ``TranslationSource.last_updated_at`` (when the
content was last extracted for translation).

The whole report is two queries whatever the number of pages: the rows (every
value comes from correlated subqueries on the page table) and the pages of the
rows on screen, to decide which links the user may follow (page permissions come
from Wagtail's per-request cache).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from cms.core.exports import SafeCsvExportMixin

from .models import VIEW_OUTDATED_REPORT

SYNC_PERMISSION = "wagtail_localize.submit_translation"
TITLE = _("Out-of-date translations")


def outdated_translations() -> QuerySet[Translation]:
    """Enabled translations of pages whose source was published after their last sync.

    Each row is a wagtail-localize ``Translation`` annotated with ``source_page_id``,
    ``source_title``, ``source_published_at``, ``target_page_id``, ``target_title``
    and ``synced_at``. Every translatable page type is covered (the page table is
    shared); snippets have no page and are left out, and so are aliases (Wagtail
    keeps them in step with their original by itself).
    """
    pages = Page.objects.filter(translation_key=OuterRef("source__object_id"))
    source = pages.filter(locale_id=OuterRef("source__locale_id"))
    target = pages.filter(locale_id=OuterRef("target_locale_id"), alias_of__isnull=True)
    return (
        Translation.objects.filter(enabled=True)
        .annotate(
            source_page_id=Subquery(source.values("pk")[:1]),
            source_title=Subquery(source.values("draft_title")[:1]),
            source_published_at=Subquery(source.values("last_published_at")[:1]),
            target_page_id=Subquery(target.values("pk")[:1]),
            target_title=Subquery(target.values("draft_title")[:1]),
            synced_at=F("source__last_updated_at"),
        )
        .filter(target_page_id__isnull=False, source_published_at__gt=F("synced_at"))
        .select_related("target_locale")
    )


class UpdateColumn(Column):
    """The link to wagtail-localize's "Sync translated pages" for the row's source."""

    cell_template_name = "translations/tables/update_cell.html"


class OutdatedTranslationsReportView(SafeCsvExportMixin, ReportView):
    page_title = TITLE
    header_icon = "warning"
    index_url_name = "translations:outdated_report"
    index_results_url_name = "translations:outdated_report_results"
    results_template_name = "translations/outdated_report_results.html"
    default_ordering = "-source_published_at"
    paginate_by = 50
    columns = [
        TitleColumn(
            "target_title",
            label=_("Translated page"),
            get_url=lambda row: row.target_edit_url,
        ),
        LocaleColumn(accessor="target_locale_id", label=_("Language"), sort_key=None),
        TitleColumn(
            "source_title",
            label=_("Source page"),
            get_url=lambda row: row.source_edit_url,
        ),
        DateColumn(
            "source_published_at",
            label=_("Source published at"),
            sort_key="source_published_at",
        ),
        DateColumn("synced_at", label=_("Last synced at"), sort_key="synced_at"),
        UpdateColumn("update_url", label=_("Actions")),
    ]
    list_export = [
        "target_title",
        "target_locale",
        "source_title",
        "source_published_at",
        "synced_at",
    ]
    export_headings = {
        "target_title": _("Translated page"),
        "target_locale": _("Language"),
        "source_title": _("Source page"),
        "source_published_at": _("Source published at"),
        "synced_at": _("Last synced at"),
    }

    # Access is the custom permission, not a model permission (see ``dispatch``).
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_OUTDATED_REPORT):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"out-of-date-translations-{datetime.date.today():%Y-%m-%d}"

    def get_base_queryset(self):
        return outdated_translations()

    def order_queryset(self, queryset):
        # A tie-breaker keeps the pagination stable.
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "pk")

    @property
    def no_results_message(self):
        return _(
            "No translation is out of date: every translation was synced after its "
            "source page was last published."
        )

    def decorate_paginated_queryset(self, object_list):
        """The links the user may follow: edit each page they may change, update if they
        may sync translations."""
        rows = list(object_list)
        user = self.request.user
        page_ids = {row.target_page_id for row in rows} | {row.source_page_id for row in rows}
        pages = Page.objects.only("id", "path", "depth", "owner").in_bulk(page_ids)
        policy = PagePermissionPolicy()
        can_sync = user.has_perm(SYNC_PERMISSION)
        back = urlencode({"next": self.index_url})

        def edit_url(page_id):
            page = pages.get(page_id)
            if page is not None and policy.user_has_permission_for_instance(user, "change", page):
                return reverse("wagtailadmin_pages:edit", args=[page_id])
            return None

        for row in rows:
            row.target_edit_url = edit_url(row.target_page_id)
            row.source_edit_url = edit_url(row.source_page_id)
            row.update_url = (
                f"{reverse('wagtail_localize:update_translations', args=[row.source_id])}?{back}"
                if can_sync
                else None
            )
        return rows

"""The reports in the admin's Reports menu (``reports_*.py``), for ``reporting.view_reports``.

Each report has two addresses, as Wagtail's own reports do: the page, and its results
alone (what the filters reload). The menu items are hidden from users without the
permission, who are refused at the addresses too (``reports.ReportingReportView``).
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import (
    reports_campaigns,
    reports_checker,
    reports_content,
    reports_translation,
    reports_workflow,
)
from .models import VIEW_REPORTS

NAMESPACE = "reporting_reports"


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_REPORTS)


@dataclass(frozen=True)
class Report:
    address: str
    url_name: str
    view: type
    icon: str
    order: int

    def menu_item(self) -> MenuItem:
        return ReportMenuItem(
            self.view.page_title,
            reverse(f"{NAMESPACE}:{self.url_name}"),
            name=f"reporting-{self.address}",
            icon_name=self.icon,
            order=self.order,
        )

    def urls(self) -> list:
        return [
            path(f"{self.address}/", self.view.as_view(), name=self.url_name),
            path(
                f"{self.address}/results/",
                self.view.as_view(results_only=True),
                name=f"{self.url_name}_results",
            ),
        ]


REPORTS = [
    Report(
        "published-content",
        "published_content",
        reports_content.PublishedContentReportView,
        "doc-full",
        1400,
    ),
    Report("workflow", "workflow", reports_workflow.WorkflowReportView, "tasks", 1410),
    Report("checker", "checker", reports_checker.CheckerReportView, "warning", 1420),
    Report(
        "translation-coverage",
        "translation_coverage",
        reports_translation.TranslationCoverageReportView,
        "globe",
        1430,
    ),
    Report(
        "campaign-coverage",
        "campaign_coverage",
        reports_campaigns.CampaignCoverageReportView,
        "calendar",
        1440,
    ),
]

for _report in REPORTS:
    hooks.register("register_reports_menu_item", _report.menu_item)


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [url for report in REPORTS for url in report.urls()]
    return [path("reporting/reports/", include((urls, NAMESPACE), namespace=NAMESPACE))]


@hooks.register("register_permissions")
def register_view_reports_permission():
    """``reporting.view_reports`` in the group editor (for these reports, the dashboard's
    charts and the periodic report)."""
    app_label, codename = VIEW_REPORTS.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("insert_global_admin_css")
def reports_css():
    return format_html('<link rel="stylesheet" href="{}">', static("reporting/reports.css"))

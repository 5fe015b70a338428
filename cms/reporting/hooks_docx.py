"""Admin integration of the periodic report (``docx_views``): its address and menu item.

The menu item *Reports → Periodic report (DOCX)* is shown to holders of
``reporting.view_reports`` (reviewers and the spokesperson, ``migrations/0004``) and to
superusers; the view refuses everyone else. The permission itself is offered in the
group editor by ``hooks_reports``.
"""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .docx_views import TITLE, PeriodicReportView
from .models import VIEW_REPORTS

NAMESPACE = "reporting_docx"


class PeriodicReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_REPORTS)


@hooks.register("register_reports_menu_item")
def register_periodic_report_menu_item():
    return PeriodicReportMenuItem(
        TITLE,
        reverse(f"{NAMESPACE}:periodic_report"),
        name="periodic-report-docx",
        icon_name="doc-full",
        order=1450,
    )


@hooks.register("register_admin_urls")
def register_periodic_report_urls():
    urls = [path("", PeriodicReportView.as_view(), name="periodic_report")]
    return [path("reporting/periodic-report/", include((urls, NAMESPACE), namespace=NAMESPACE))]

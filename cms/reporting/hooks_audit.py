"""Admin integration of the audit trail (``audit_export``): its menu item, addresses, permission.

The menu item *Reports → Audit trail* is shown to holders of
``reporting.export_audit_trail`` (reviewers, the spokesperson and site administrators,
``migrations/0004``) and to superusers; the view refuses everyone else.
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .audit_export import TITLE, AuditTrailView
from .models import EXPORT_AUDIT_TRAIL


class AuditTrailMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(EXPORT_AUDIT_TRAIL)


@hooks.register("register_reports_menu_item")
def register_audit_trail_menu_item():
    return AuditTrailMenuItem(
        TITLE,
        reverse("reporting_audit:index"),
        name="audit-trail",
        icon_name="history",
        order=1200,
    )


@hooks.register("register_admin_urls")
def register_audit_trail_urls():
    urls = [
        path("", AuditTrailView.as_view(), name="index"),
        path("results/", AuditTrailView.as_view(results_only=True), name="results"),
    ]
    return [
        path(
            "reports/audit-trail/",
            include((urls, "reporting_audit"), namespace="reporting_audit"),
        )
    ]


@hooks.register("register_permissions")
def register_audit_trail_permission():
    app_label, codename = EXPORT_AUDIT_TRAIL.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)

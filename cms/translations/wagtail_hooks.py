"""Admin integration of the translators' tools.

* The out-of-date translations report in the Reports menu, for holders of
  ``translations.view_outdated_report`` (``migrations/0002``) and superusers.
* wagtail-localize's "Download PO" and "Upload PO", answered at wagtail-localize's own
  addresses by ``cms.translations.po_views`` (registered before wagtail-localize's URLs):
  the download passes ``msgfmt -c``, the upload is checked before anything is stored.
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import po_views
from .models import VIEW_OUTDATED_REPORT
from .reports import TITLE, OutdatedTranslationsReportView


class OutdatedReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_OUTDATED_REPORT)


@hooks.register("register_reports_menu_item")
def register_outdated_report_menu_item():
    return OutdatedReportMenuItem(
        TITLE,
        reverse("translations:outdated_report"),
        name="outdated-translations",
        icon_name="warning",
        order=1300,
    )


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path(
            "reports/outdated/",
            OutdatedTranslationsReportView.as_view(),
            name="outdated_report",
        ),
        path(
            "reports/outdated/results/",
            OutdatedTranslationsReportView.as_view(results_only=True),
            name="outdated_report_results",
        ),
    ]
    return [path("translations/", include((urls, "translations"), namespace="translations"))]


@hooks.register("register_admin_urls", order=-1)
def register_po_urls():
    """At wagtail-localize's own addresses, before its URLs: its editor's "Download PO" and
    "Upload PO" buttons (``reverse("wagtail_localize:download_pofile")``...) reach these."""
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            po_views.download_pofile,
            name="translations_download_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_views.upload_pofile,
            name="translations_upload_pofile",
        ),
    ]


@hooks.register("register_permissions")
def register_outdated_report_permission():
    app_label, codename = VIEW_OUTDATED_REPORT.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)

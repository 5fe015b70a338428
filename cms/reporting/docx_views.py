"""The admin screen of the periodic report: choose a period, download the Word document.

The screen answers GET only and changes nothing: the period travels in the query
string, and a valid one is answered with the .docx file (an attachment, so the browser
downloads it and the form stays on screen); a bad one shows the form again with the
error, and what was typed. Access: ``reporting.view_reports`` (``migrations/0004``).

The period offered by default is the current quarter, from its first to its last day:
the plan runs for the last four months of 2025, but the commune reports every quarter
and at the end of the year, and a default that moves with the calendar stays right
after 2025.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import docx_report
from .models import VIEW_REPORTS

TITLE = _("Periodic report (DOCX)")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DATE_ERRORS = {
    "required": _("Enter a date."),
    "invalid": _("Enter a valid date, for example 01/09/2025."),
}


def current_quarter(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the quarter of ``today``."""
    today = today or timezone.localdate()
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = today.replace(month=first_month, day=1)
    next_start = (start + datetime.timedelta(days=95)).replace(day=1)
    return start, next_start - datetime.timedelta(days=1)


def _date_field(label, help_text=""):
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
        error_messages=DATE_ERRORS,
    )


class PeriodForm(forms.Form):
    """The period of the report, both days included."""

    date_from = _date_field(_("From"), _("The first day of the period."))
    date_to = _date_field(_("To"), _("The last day of the period, included."))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return cleaned

    @staticmethod
    def initial_period() -> dict:
        start, end = current_quarter()
        return {"date_from": start, "date_to": end}


class PeriodicReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/docx/periodic_report.html"
    page_title = TITLE
    header_icon = "doc-full"
    http_method_names = ["get", "head"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_REPORTS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": TITLE}]

    def get(self, request, *args, **kwargs):
        if not request.GET:
            form = PeriodForm(initial=PeriodForm.initial_period())
            return self.render_to_response(self.get_context_data(form=form))
        form = PeriodForm(request.GET)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        response = HttpResponse(docx_report.report_bytes(start, end), content_type=DOCX_TYPE)
        filename = docx_report.filename(start, end)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response

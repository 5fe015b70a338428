"""The false-information register in the admin: listing, filters, form, viewset, dashboard panel.

The Culture and Society Division watches Zalo, Facebook and fanpages (plan, section
IV.1) and records here every item of false or hostile information it finds, until
it is rebutted or closed. Who may do what comes from the model permissions granted
by ``migrations/0004_permissions``: reviewers add and change, writers and the
spokesperson read, nobody but a superuser deletes (the register is a record).

The address where an item was seen is evidence, not a reference: following it
spreads the item further, so it is stored and shown as plain text only (form
input, inspect view, history), never as a link, and the listing and the panel do
not show it at all.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.apps import apps
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, Table, TitleColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from cms.core.audit import AuditedChangeFormatter

from .models import (
    OPEN_STATUSES,
    Incident,
    IncidentCategory,
    IncidentSeverity,
    IncidentStatus,
    Platform,
    overdue_hours,
)

#: Holders of this permission see the register's menu item and the dashboard panel.
VIEW_INCIDENT = "reporting.view_incident"
#: Characters of the summary shown in the listing and the dashboard panel.
SUMMARY_LENGTH = 90
#: Open incidents listed on the dashboard, oldest first.
PANEL_SIZE = 8
#: The page type a rebuttal is published as.
REBUTTAL_PAGE_TYPE = "articles.ArticlePage"


def field_label(name: str):
    """The field's label in the register, capitalised (lazily: translated per request)."""
    return capfirst(Incident._meta.get_field(name).verbose_name)


def excerpt(incident: Incident) -> str:
    return Truncator(" ".join(incident.summary.split())).chars(SUMMARY_LENGTH)


def plain_value(value):
    """Nothing, yes/no and times as the register writes them (times in the commune's zone,
    dd/mm/yyyy as everywhere in the admin); any other value unchanged."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "d/m/Y H:i")
    return value


def open_status_query() -> str:
    """The listing's query string for the open incidents (``?status=new&status=verifying``)."""
    return "&".join(f"status={status}" for status in OPEN_STATUSES)


# ------------------------------------------------------------------ listing


class IncidentFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=field_label("status"),
        choices=IncidentStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    platform = django_filters.MultipleChoiceFilter(
        label=field_label("platform"),
        choices=Platform.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    category = django_filters.MultipleChoiceFilter(
        label=field_label("category"),
        choices=IncidentCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    severity = django_filters.MultipleChoiceFilter(
        label=field_label("severity"),
        choices=IncidentSeverity.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    unit = django_filters.MultipleChoiceFilter(
        label=field_label("unit"),
        choices=Incident._meta.get_field("unit").choices,
        widget=forms.CheckboxSelectMultiple,
    )
    seen_at = django_filters.DateFromToRangeFilter(
        label=field_label("seen_at"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Incident
        fields = []


class SeenAtColumn(Column):
    """The day and time seen, as a ``<time>`` element in the commune's time zone."""

    cell_template_name = "reporting/register/seen_at_cell.html"


class SummaryColumn(ButtonsColumnMixin, TitleColumn):
    """The summary, shortened, as the row's link (to edit, or to inspect for readers)."""

    def __init__(self, name, *, get_buttons, **kwargs):
        super().__init__(name, **kwargs)
        self._get_buttons = get_buttons

    def get_value(self, instance):
        return excerpt(instance)

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


class StatusColumn(Column):
    """The status as a tag, and an "Overdue" tag (text, not only colour) when it is late."""

    cell_template_name = "reporting/register/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["is_open"] = instance.is_open
        context["is_overdue"] = instance.is_overdue()
        return context


class IncidentTable(Table):
    """Rows of overdue incidents are tinted; the status cell says so in words."""

    def get_row_classname(self, instance):
        return "incident-overdue w-bg-critical-50" if instance.is_overdue() else ""


class IncidentIndexView(IndexView):
    table_class = IncidentTable

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("rebuttal_page")

    def get_object_url(self, instance):
        return self.get_edit_url(instance) or self.get_inspect_url(instance)

    @cached_property
    def columns(self):
        return [
            SeenAtColumn("seen_at", label=field_label("seen_at"), sort_key="seen_at"),
            Column(
                "platform",
                label=field_label("platform"),
                accessor="get_platform_display",
                sort_key="platform",
            ),
            SummaryColumn(
                "summary",
                label=field_label("summary"),
                get_url=self.get_object_url,
                get_buttons=self.get_list_buttons,
            ),
            Column(
                "category",
                label=field_label("category"),
                accessor="get_category_display",
                sort_key="category",
            ),
            Column(
                "severity",
                label=field_label("severity"),
                accessor="get_severity_display",
                sort_key="severity",
            ),
            StatusColumn(
                "status",
                label=field_label("status"),
                accessor="get_status_display",
                sort_key="status",
            ),
            Column("unit", label=field_label("unit"), accessor="get_unit_display"),
            Column(
                "rebuttal_page",
                label=field_label("rebuttal_page"),
                accessor="rebuttal_page.title",
            ),
        ]


# ------------------------------------------------------------------ form


class IncidentForm(WagtailAdminModelForm):
    """The rebuttal is one of the commune's articles, published before the item counts as
    rebutted; the model checks the screenshot's redaction and the time seen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rebuttal = self.fields["rebuttal_page"]
        rebuttal.queryset = Page.objects.type(apps.get_model(REBUTTAL_PAGE_TYPE))
        rebuttal.error_messages["invalid_choice"] = _("Choose one of the commune's articles.")

    def clean(self):
        cleaned_data = super().clean()
        page = cleaned_data.get("rebuttal_page")
        rebutted = cleaned_data.get("status") == IncidentStatus.REBUTTED
        if rebutted and page is not None and not page.live:
            self.add_error(
                "rebuttal_page",
                _(
                    "This article is not published yet. Keep the status at "
                    "“Verifying” until the rebuttal is published."
                ),
            )
        return cleaned_data


class IncidentCreateView(CreateView):
    def save_instance(self):
        """Record who entered the incident (``created_by`` is not in the form)."""
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class IncidentInspectView(InspectView):
    """Every value as text: times in the commune's time zone, "—" for nothing, yes/no."""

    def get_field_label(self, field_name, field):
        return field_label(field_name)

    def get_field_display_value(self, field_name, field):
        return plain_value(super().get_field_display_value(field_name, field))

    def get_created_by_display_value(self):
        user = self.object.created_by
        return get_user_display_name(user) if user else ""


class IncidentViewSet(ModelViewSet):
    """The register's listing, add, edit, inspect and history views and its menu item."""

    model = Incident
    name = "incidents"
    icon = "warning"
    menu_label = _("False-information register")
    menu_name = "false-information-register"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = IncidentIndexView
    add_view_class = IncidentCreateView
    inspect_view_class = IncidentInspectView
    filterset_class = IncidentFilterSet
    search_fields = ["summary", "address"]
    search_backend_name = None  # plain database search: the model is not indexed
    ordering = "-seen_at"
    list_per_page = 30
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "seen_at",
        "platform",
        "address",
        "summary",
        "category",
        "severity",
        "status",
        "unit",
        "rebuttal_page",
        "screenshot",
        "screenshot_redacted",
        "responded_at",
        "closed_at",
        "created_by",
        "created_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("seen_at"), FieldPanel("platform")]),
                    FieldPanel("address"),
                    FieldPanel("summary"),
                ],
                heading=_("What was seen"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("category"), FieldPanel("severity")]),
                    FieldPanel("unit"),
                ],
                heading=_("Assessment"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    PageChooserPanel("rebuttal_page", page_type=REBUTTAL_PAGE_TYPE),
                ],
                heading=_("Response"),
            ),
            MultiFieldPanel(
                [FieldPanel("screenshot"), FieldPanel("screenshot_redacted")],
                heading=_("Screenshot"),
            ),
        ],
        base_form_class=IncidentForm,
    )


# ------------------------------------------------------------------ dashboard


class OpenIncidentsPanel(Component):
    """How many incidents are open and overdue, and the oldest open ones (two queries)."""

    name = "open_incidents"
    order = 120
    template_name = "reporting/panels/open_incidents.html"

    def __init__(self, viewset: IncidentViewSet):
        self.viewset = viewset

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        now = timezone.now()
        cutoff = now - datetime.timedelta(hours=overdue_hours())
        opened = Incident.objects.open()
        counts = opened.aggregate(
            open=Count("pk"), overdue=Count("pk", filter=Q(seen_at__lt=cutoff))
        )
        may_change = request.user.has_perm("reporting.change_incident")
        url_name = self.viewset.get_url_name("edit" if may_change else "inspect")
        items = [
            {
                "incident": incident,
                "excerpt": excerpt(incident),
                "overdue": incident.is_overdue(now),
                "url": reverse(url_name, args=[incident.pk]),
            }
            for incident in opened.order_by("seen_at", "pk")[:PANEL_SIZE]
        ]
        index_url = reverse(self.viewset.get_url_name("index"))
        return {
            "open_count": counts["open"],
            "overdue_count": counts["overdue"],
            "overdue_hours": overdue_hours(),
            "items": items,
            "labels": {
                name: field_label(name) for name in ("seen_at", "platform", "summary", "status")
            },
            "open_url": f"{index_url}?{open_status_query()}",
        }


# ------------------------------------------------------------------ history


class IncidentChangeFormatter(AuditedChangeFormatter):
    """The incident's history in words: field labels and choice labels, local times.

    The values are plain text in the history view (the address too: never a link).
    """

    label = _("Change the false-information register")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        before = data.get("before") or {}
        after = data.get("after") or {}
        if not before:
            return _("Added: %(values)s") % {"values": describe_values(after)}
        if not after:
            return _("Deleted: %(values)s") % {"values": describe_values(before)}
        changes = [
            f"{field_label(name)}: {display_value(name, before.get(name))} → "
            f"{display_value(name, after.get(name))}"
            for name in data.get("changed") or []
        ]
        return _("Changed: %(changes)s") % {"changes": "; ".join(changes)}


def describe_values(values: dict) -> str:
    return "; ".join(
        f"{field_label(name)}: {display_value(name, value)}"
        for name, value in values.items()
        if value not in ("", None, False)
    )


def display_value(name: str, value) -> str:
    """An audited value as the admin shows it (``name`` may be a foreign key's ``…_id``)."""
    if value in ("", None) or isinstance(value, bool):
        return plain_value(value)
    field = Incident._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        title = (
            field.related_model._default_manager.filter(pk=value)
            .values_list("title", flat=True)
            .first()
        )
        return f"{title} (#{value})" if title else f"#{value}"
    if isinstance(field, models.DateTimeField):
        return plain_value(datetime.datetime.fromisoformat(value))
    return str(value)

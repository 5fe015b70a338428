"""Admin integration: the checker's data as snippets, the findings view, log actions."""

from django.contrib.auth import get_user_model
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.audit import AuditedChangeFormatter

from . import admin_views
from .models import AllowlistEntry, DocumentRegistryEntry, RuleSetting, TermEntry
from .services import can_view_findings
from .signal_handlers import RULE_DATA_CHANGE

# ------------------------------------------------------------------ snippets


class RuleSettingPermissionPolicy(ModelPermissionPolicy):
    """One setting per rule of the catalogue: settings are edited, never added or deleted."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete", "copy"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in ("add", "delete", "copy")]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


register_permission_policy(RuleSetting, RuleSettingPermissionPolicy(RuleSetting))


class RuleSettingViewSet(SnippetViewSet):
    model = RuleSetting
    icon = "cog"
    menu_label = _("Rules")
    list_display = [
        "rule_id",
        BooleanColumn("enabled", label=_("Enabled")),
        "effective_severity_label",
        "updated_at",
    ]
    list_filter = ["enabled", "severity"]
    search_fields = ["rule_id", "legal_basis", "notes"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("rule_id", read_only=True),
        FieldPanel("enabled"),
        FieldPanel("severity"),
        FieldPanel("legal_basis"),
        FieldPanel("notes"),
    ]


class TermEntryViewSet(SnippetViewSet):
    model = TermEntry
    icon = "tag"
    menu_label = _("Term lists")
    list_display = ["term", "replacement", "rule_id", "language", "updated_at"]
    list_filter = ["rule_id", "language"]
    search_fields = ["term", "replacement", "note"]


class AllowlistEntryViewSet(SnippetViewSet):
    model = AllowlistEntry
    icon = "success"
    menu_label = _("Allowlist")
    list_display = ["label", "value", "kind", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["label", "value", "normalised"]
    form_fields = ["kind", "value", "label"]


class DocumentRegistryViewSet(SnippetViewSet):
    model = DocumentRegistryEntry
    icon = "doc-full"
    menu_label = _("Document registry")
    list_display = ["symbol", "issued_on", "title"]
    search_fields = ["symbol", "title"]


class InfosecViewSetGroup(SnippetViewSetGroup):
    items = (RuleSettingViewSet, TermEntryViewSet, AllowlistEntryViewSet, DocumentRegistryViewSet)
    menu_icon = "warning"
    menu_label = _("Information security")
    menu_name = "information-security"
    menu_order = 230


register_snippet(InfosecViewSetGroup)


# ------------------------------------------------------------- audit log


class RuleDataChangeFormatter(AuditedChangeFormatter):
    label = _("Change information-security rule data")


class ExemptionFormatter(LogFormatter):
    label = _("Exempt an information-security finding")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Exempted %(rule)s «%(excerpt)s» in %(field)s: %(reason)s") % {
            "rule": data.get("rule", ""),
            "excerpt": data.get("excerpt", ""),
            "field": data.get("field", ""),
            "reason": data.get("reason", ""),
        }


class AttestationFormatter(LogFormatter):
    label = _("Confirm an information-security statement")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Confirmed for %(rule)s «%(excerpt)s»: %(statement)s") % {
            "rule": data.get("rule", ""),
            "excerpt": data.get("excerpt", ""),
            "statement": data.get("statement", ""),
        }


@hooks.register("register_log_actions")
def register_infosec_log_actions(actions):
    actions.register_action("security.attest_finding")(AttestationFormatter)
    actions.register_action(RULE_DATA_CHANGE)(RuleDataChangeFormatter)
    actions.register_action("security.exempt_finding")(ExemptionFormatter)


# ------------------------------------------------------------ admin views


@hooks.register("register_admin_urls")
def register_infosec_urls():
    urls = [
        path("pages/<int:page_id>/", admin_views.page_findings, name="page_findings"),
        path("pages/<int:page_id>/exempt/", admin_views.exempt_finding, name="exempt_finding"),
        path("pages/<int:page_id>/attest/", admin_views.attest_findings, name="attest_findings"),
        path("exemptions/", admin_views.exemption_list, name="exemptions"),
    ]
    return [path("infosec/", include((urls, "security"), namespace="security"))]


class PageFindingsMenuItem(PageMenuItem):
    label = _("Information-security findings")
    icon_name = "warning"
    url_name = "security:page_findings"
    priority = 45

    def is_shown(self, user):
        return can_view_findings(user, self.page)


@hooks.register("register_page_listing_more_buttons")
def page_listing_findings_button(page, user, next_url=None):
    yield PageFindingsMenuItem(page=page)


@hooks.register("register_page_header_buttons")
def page_header_findings_button(page, user, view_name, next_url=None):
    yield PageFindingsMenuItem(page=page, priority=62)


class ExemptionsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("security.view_exemption")


@hooks.register("register_reports_menu_item")
def register_exemptions_report_menu_item():
    return ExemptionsReportMenuItem(
        _("Exempted security findings"),
        reverse("security:exemptions"),
        icon_name="warning",
        order=900,
    )

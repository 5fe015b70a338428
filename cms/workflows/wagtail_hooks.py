"""Admin integration: the spokesperson register as a snippet with its own menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.core.audit import AuditedChangeFormatter

from .models import SpokespersonEntry
from .signal_handlers import SPOKESPERSON_CHANGE


class SpokespersonEntryViewSet(SnippetViewSet):
    """Site administrators keep the register; reviewers and spokespersons may look at it.

    Who may do what comes from the model permissions granted by the data
    migration ``0002_register_permissions``.
    """

    model = SpokespersonEntry
    icon = "user"
    menu_label = _("Spokesperson register")
    menu_name = "spokesperson-register"
    menu_order = 240
    add_to_admin_menu = True
    list_display = [
        "full_name",
        "position",
        "valid_from",
        "valid_until",
        BooleanColumn("is_current", label=_("Current")),
    ]
    list_filter = ["position"]
    search_fields = ["full_name", "authorisation", "phone", "email"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        MultiFieldPanel(
            [FieldPanel("user"), FieldPanel("full_name"), FieldPanel("position")],
            heading=_("Spokesperson"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("authorisation"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
            ],
            heading=_("Authorisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email")],
            heading=_("Published contacts"),
        ),
        FieldPanel("notes"),
    ]

    def get_queryset(self, request):
        return SpokespersonEntry.objects.select_related("user")


register_snippet(SpokespersonEntryViewSet)


class SpokespersonChangeFormatter(AuditedChangeFormatter):
    label = _("Change the spokesperson register")


@hooks.register("register_log_actions")
def register_spokesperson_log_actions(actions):
    actions.register_action(SPOKESPERSON_CHANGE)(SpokespersonChangeFormatter)

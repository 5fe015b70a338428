from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from .models import Occasion
from .occasions import anniversary_label, lunar_label
from .services import campaign_index_for
from .views import create_campaign_from_occasion


class CreateCampaignButton(Button):
    """A button that POSTs (with the CSRF token) to create a campaign from an occasion."""

    template_name = "campaigns/admin/create_campaign_button.html"
    allow_in_dropdown = False

    def __init__(self, occasion, **kwargs):
        super().__init__(
            _("Create a campaign"),
            url=reverse("campaigns_create_from_occasion", args=[occasion.pk]),
            icon_name="calendar-alt",
            attrs={"aria-label": _("Create a campaign for “%(name)s”") % {"name": occasion}},
            **kwargs,
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = context.get("request")
        context["csrf_token"] = parent_context.get("csrf_token") or (
            get_token(request) if request is not None else ""
        )
        return context


def may_create_campaign(occasion, user) -> bool:
    """Whether ``user`` may add a campaign under the campaign index of the occasion's
    language; remembered on the user object for the rest of the request (the listing
    asks once per row)."""
    remembered = user.__dict__.setdefault("_may_create_campaign", {})
    if occasion.locale_id not in remembered:
        index = campaign_index_for(occasion)
        remembered[occasion.locale_id] = (
            index is not None and index.permissions_for_user(user).can_add_subpage()
        )
    return remembered[occasion.locale_id]


def next_occurrence_label(occasion) -> str:
    """ "20/11/2027 (45 năm)", "11/10/2027 (12–15/9 âm lịch)": when the occasion comes next."""
    upcoming = occasion.next_occurrences(count=1)
    if not upcoming:
        return ""
    occurrence = upcoming[0]
    label = occurrence.start.strftime("%d/%m/%Y")
    details = [lunar_label(occurrence), anniversary_label(occurrence.anniversary)]
    details = [text for text in details if text]
    return f"{label} ({'; '.join(details)})" if details else label


class OccasionEditView(EditView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if may_create_campaign(self.object, self.request.user):
            buttons.append(CreateCampaignButton(self.object, classname="button", priority=50))
        return buttons


class OccasionViewSet(SnippetViewSet):
    model = Occasion
    icon = "date"
    menu_label = _("Occasions")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("date_label", label=_("Date")),
        Column("next_occurrence", label=_("Next occurrence"), accessor=next_occurrence_label),
        "founding_year",
        "locale",
    ]
    search_fields = ["name"]
    edit_view_class = OccasionEditView


register_snippet(OccasionViewSet)


@hooks.register("register_snippet_listing_buttons")
def occasion_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Occasion) and may_create_campaign(snippet, user):
        yield CreateCampaignButton(snippet, classname="button button-small button-secondary")


@hooks.register("register_admin_urls")
def campaign_admin_urls():
    return [
        path(
            "campaigns/occasions/<int:pk>/create-campaign/",
            create_campaign_from_occasion,
            name="campaigns_create_from_occasion",
        )
    ]

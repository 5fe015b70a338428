"""Admin integration: the spokesperson register, the workflow's doors, takedown, log actions.

Every way the admin offers to publish is closed here with a message, before
the gate (``gate.guard_save``) would refuse it anyway: the editor's Publish
button is removed for everyone, superusers included, and refused if posted;
bulk publish and copy-and-publish are refused; Wagtail's "Unpublish" leads to
the takedown form, which asks for a reason. wagtail-localize's Publish and
"Sync translated pages … Publish immediately" submit the translation for review
(``translation``).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.core.audit import AuditedChangeFormatter

from . import gate
from .approval import APPROVAL_ACTION, RESTART_ACTION
from .models import SpokespersonEntry
from .signal_handlers import SPOKESPERSON_CHANGE
from .takedown import TAKEDOWN_ACTION, TakedownView, can_take_down
from .translation import (
    LOCALIZE_SYNC_URL_NAME,
    GatedUpdateTranslationsView,
    source_edit_refusal,
    submit_from_editor,
)


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


class PublicationRefusedFormatter(LogFormatter):
    label = _("Publication refused by the gate")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        reasons = " ".join(str(reason.get("message", "")) for reason in data.get("reasons") or [])
        door = gate.DOORS.get(data.get("door") or "")
        return f"{door}: {reasons}" if door else reasons


class PublicationApprovedFormatter(LogFormatter):
    label = _("Approve publication (spokesperson)")


class ReviewRestartedFormatter(LogFormatter):
    label = _("Review restarted after an edit")


class TakedownFormatter(LogFormatter):
    label = _("Take down")

    def format_message(self, log_entry):
        return _("Taken down: %(reason)s") % {"reason": (log_entry.data or {}).get("reason", "")}


@hooks.register("register_log_actions")
def register_workflow_log_actions(actions):
    actions.register_action(gate.REFUSED_ACTION)(PublicationRefusedFormatter)
    actions.register_action(APPROVAL_ACTION)(PublicationApprovedFormatter)
    actions.register_action(RESTART_ACTION)(ReviewRestartedFormatter)
    actions.register_action(TAKEDOWN_ACTION)(TakedownFormatter)


@hooks.register("register_admin_urls")
def register_workflow_urls():
    urls = [path("pages/<int:page_id>/takedown/", TakedownView.as_view(), name="takedown")]
    return [path("workflows/", include((urls, "workflows"), namespace="workflows"))]


@hooks.register("register_admin_urls", order=-1)
def register_gated_localize_sync():
    """wagtail-localize's "Sync translated pages", at its own address, registered before
    wagtail-localize's URLs: "publish" submits the translations for review instead."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            GatedUpdateTranslationsView.as_view(),
            name=LOCALIZE_SYNC_URL_NAME,
        )
    ]


# ------------------------------------------------------------------ the doors


def _refuse_in_admin(request, page, door: str, reason: str, url: str):
    """Log the refusal, tell the user why in their language, send them back."""
    error = gate.refuse(
        [gate.Reason("not_through_workflow", reason)],
        page=page,
        revision=getattr(page, "latest_revision", None),
        door=door,
        user=request.user,
    )
    messages.error(request, error.message)
    return redirect(url)


@hooks.register("construct_page_action_menu")
def remove_publish_and_unpublish(menu_items, request, context):
    """No Publish button for anyone: pages go live only through the workflow.

    Wagtail's Unpublish is replaced by the takedown entry of the page's menu.
    """
    menu_items[:] = [
        item for item in menu_items if item.name not in ("action-publish", "action-unpublish")
    ]


# The editor's Publish (edit and create views). Nobody holds Wagtail's publish
# right, so for most users Wagtail already treats a posted ``action-publish`` as
# "save draft"; superusers hold every right. Either way the request is turned
# into "save draft" before the view runs (the text is kept) and the refusal is
# shown and logged once the draft is saved.

_PUBLISH_REFUSED_ATTR = "_workflows_publish_refused"
DIRECT_PUBLISH_REFUSAL = gettext_lazy(
    "Pages are published only through the review workflow. Your changes were saved "
    "as a draft: submit them for review."
)


def _strip_publish(request) -> None:
    if request.method != "POST" or not request.POST.get("action-publish"):
        return
    data = request.POST.copy()
    data.pop("action-publish", None)
    request.POST = data
    setattr(request, _PUBLISH_REFUSED_ATTR, True)


def _report_stripped_publish(request, page, door: str) -> None:
    if not getattr(request, _PUBLISH_REFUSED_ATTR, False):
        return
    setattr(request, _PUBLISH_REFUSED_ATTR, False)
    error = gate.refuse(
        [gate.Reason("not_through_workflow", str(DIRECT_PUBLISH_REFUSAL))],
        page=page,
        revision=getattr(page, "latest_revision", None),
        door=gate.current_door(door),
        user=request.user,
    )
    messages.error(request, error.message)


@hooks.register("before_edit_page")
def edit_publish_becomes_save(request, page):
    _strip_publish(request)


@hooks.register("before_edit_page", order=-2)
def translators_keep_to_translations(request, page):
    """A translator does not open, revert or save the Vietnamese source (``translation``)."""
    refusal = source_edit_refusal(request.user, page)
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))


@hooks.register("before_edit_page", order=-1)
def localize_publish_becomes_submit(request, page):
    """wagtail-localize's translation editor posts ``action=publish`` to the edit URL and
    answers it in its own ``before_edit_page`` hook, which runs after this one: the
    translation is saved as a draft and submitted for review instead (``translation``)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    return submit_from_editor(request, page)


@hooks.register("before_create_page")
def create_publish_becomes_save(request, parent_page, page_class):
    _strip_publish(request)


@hooks.register("after_edit_page")
def report_refused_edit_publish(request, page):
    _report_stripped_publish(request, page, "edit_publish")


@hooks.register("after_create_page")
def report_refused_create_publish(request, page):
    _report_stripped_publish(request, page, "create")


@hooks.register("before_publish_page")
def refuse_direct_publish(request, page):
    """Any other admin view that publishes a page directly: refused, the draft is kept."""
    return _refuse_in_admin(
        request,
        page,
        "edit_publish",
        str(DIRECT_PUBLISH_REFUSAL),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
    )


def _bulk_pages(request, objects):
    from wagtail.models import Page

    if objects:
        return list(objects)
    ids = [value for value in request.GET.getlist("id") if value.isdigit()]
    return list(Page.objects.filter(pk__in=ids).specific())


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    """Bulk publish, for everyone (also for pages the user may not publish anyway)."""
    if action_type != "publish":
        return None
    pages = [page for page in _bulk_pages(request, objects) if hasattr(page, "get_parent")]
    reason = gettext(
        "Pages cannot be published in bulk: each one goes through review and the "
        "spokesperson's approval."
    )
    error = None
    for page in pages:
        error = gate.refuse(
            [gate.Reason("not_through_workflow", reason)],
            page=page,
            revision=getattr(page, "latest_revision", None),
            door="bulk_publish",
            user=request.user,
        )
    messages.error(request, error.message if error else gate.PublicationRefused([reason]).message)
    parent = pages[0].get_parent() if pages else None
    url = (
        reverse("wagtailadmin_explore", args=[parent.pk])
        if parent
        else reverse("wagtailadmin_home")
    )
    return redirect(url)


@hooks.register("before_copy_page")
def refuse_copy_and_publish(request, page):
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    return _refuse_in_admin(
        request,
        page,
        "copy",
        gettext(
            "A copy cannot be published directly: copy it as a draft and submit it for review."
        ),
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
    )


@hooks.register("construct_admin_api")
def close_admin_api_doors(router):
    """The admin API's publish, unpublish and copy-live actions are refused (``api``)."""
    from .api import GatedPagesAdminAPIViewSet

    router.register_endpoint("pages", GatedPagesAdminAPIViewSet)


@hooks.register("before_unpublish_page")
def unpublish_is_takedown(request, page):
    """Wagtail's Unpublish goes to the takedown form, which records a reason."""
    return redirect(reverse("workflows:takedown", args=[page.pk]))


# ------------------------------------------------------------------ takedown


class TakedownMenuItem(PageMenuItem):
    label = _("Take down")
    icon_name = "warning"
    url_name = "workflows:takedown"
    priority = 46

    def is_shown(self, user):
        return bool(self.page.live and can_take_down(user, self.page))


@hooks.register("register_page_listing_more_buttons")
def page_listing_takedown_button(page, user, next_url=None):
    yield TakedownMenuItem(page=page)


@hooks.register("register_page_header_buttons")
def page_header_takedown_button(page, user, view_name, next_url=None):
    yield TakedownMenuItem(page=page, priority=63)

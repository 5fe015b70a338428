"""The information-security findings panel of the page editor.

``InfosecFindingsPanel`` scans the page being edited (the latest revision, as
the editor shows it) and lists every finding with its field, excerpt, rule,
severity, message and suggested fix. On the "add page" form nothing is saved
yet, so it says that findings appear after the first save.

``InfosecEditorMixin`` puts the panel into every page type's editor without
touching their panel lists: add it in front of ``Page`` in ``BasePage``'s bases
(``class BasePage(InfosecEditorMixin, Page)``). It inserts the panel into the
Content tab right after the title.
"""

from __future__ import annotations

import logging

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel, TabbedInterface
from wagtail.utils.decorators import cached_classmethod

logger = logging.getLogger(__name__)


class InfosecFindingsPanel(Panel):
    def __init__(self, heading=None, **kwargs):
        super().__init__(heading=heading or _("Information-security findings"), **kwargs)

    @property
    def clean_name(self):
        return "infosec_findings"

    class BoundPanel(Panel.BoundPanel):
        template_name = "security/panels/findings_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self._base_heading = self.panel.heading

        @cached_property
        def scan(self):
            """(result, error): the scan of the page being edited, or why it failed."""
            from .services import scan_page

            page = self.instance
            if page is None or not getattr(page, "pk", None):
                return None, None
            try:
                return scan_page(page), None
            except Exception as error:  # the editor must open even if the checker fails
                logger.exception("Information-security scan of page %s failed", page.pk)
                return None, error

        @property
        def heading(self):
            result, _error = self.scan
            if result is None:
                return self._base_heading
            count = len(result.findings)
            return f"{self._base_heading} ({count})"

        @heading.setter
        def heading(self, value):
            self._base_heading = value

        def get_context_data(self, parent_context=None):
            from .services import describe_field

            context = super().get_context_data(parent_context)
            result, error = self.scan
            page = self.instance
            rows = []
            if result is not None:
                for reported in result.reported:
                    rows.append(
                        {
                            "reported": reported,
                            "finding": reported.finding,
                            "context": result.excerpt_context(reported.finding),
                            "field_label": describe_field(page, reported.finding.field or ""),
                        }
                    )
            attest = self._attest_items(result)
            pending = [item for item in attest if item["attestation"] is None]
            context.update(
                {
                    "result": result,
                    "error": error,
                    "rows": rows,
                    "attest_pending": pending,
                    "attest_confirmed": [item for item in attest if item["attestation"]],
                    "workflow": self._workflow_status(pending),
                    "unsaved": page is None or not getattr(page, "pk", None),
                    "findings_url": (
                        reverse("security:page_findings", args=[page.pk])
                        if page is not None and getattr(page, "pk", None)
                        else None
                    ),
                }
            )
            return context

        def _attest_items(self, result):
            """The attest items of the scan with their confirmation state (see admin_views)."""
            if result is None:
                return []
            try:
                from .admin_views import attest_items

                return attest_items(self.instance, result)
            except Exception:  # the editor must open even if this part fails
                logger.exception("Listing the attest items of page %s failed", self.instance.pk)
                return []

        def _workflow_status(self, pending):
            """Where the page stands in the workflow, for the current user (or None)."""
            page = self.instance
            user = getattr(self.request, "user", None)
            if page is None or not getattr(page, "pk", None) or user is None:
                return None
            try:
                return workflow_status(page, user, pending=len(pending))
            except Exception:  # the editor must open even if this part fails
                logger.exception("Reading the workflow status of page %s failed", page.pk)
                return None


def workflow_status(page, user, *, pending=0) -> dict | None:
    """The current workflow step of ``page`` and whether ``user`` may take it, and why not.

    Returns None when the page is not in a workflow; otherwise a dict with
    ``needs_changes`` (the author must edit and resubmit), ``step`` (the step's
    name), ``refusal`` (why ``user`` cannot take it, or None) and ``pending``
    (attest items still to confirm, for the review step).
    """
    from wagtail.models import WorkflowState

    from cms.workflows.approval import review_refusal, spokesperson_refusal
    from cms.workflows.models import ReviewTask, SpokespersonApprovalTask

    state = page.current_workflow_state
    if state is None:
        return None
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return {"needs_changes": True, "step": None, "refusal": None, "pending": 0}
    task = page.current_workflow_task
    if task is None:
        return None
    if isinstance(task, ReviewTask):
        refusal = review_refusal(task, page, user)
    elif isinstance(task, SpokespersonApprovalTask):
        refusal = spokesperson_refusal(task, page, user)
    else:
        refusal = None if task.get_actions(page, user) else _("You cannot take this step.")
    return {
        "needs_changes": False,
        "step": task.name,
        "refusal": refusal,
        "pending": pending if isinstance(task, ReviewTask) else 0,
    }


def _with_children(panel_group, children):
    kwargs = panel_group.clone_kwargs()
    kwargs["children"] = children
    return type(panel_group)(**kwargs)


def add_findings_panel(edit_handler):
    """A copy of a page's (unbound) edit handler with the findings panel in its first tab.

    The panel goes right after the first panel of the tab (the title).
    """
    if isinstance(edit_handler, TabbedInterface):
        tabs = list(edit_handler.children)
        if tabs and isinstance(tabs[0], ObjectList):
            panels = list(tabs[0].children)
            panels.insert(1 if panels else 0, InfosecFindingsPanel())
            tabs[0] = _with_children(tabs[0], panels)
        else:
            tabs.insert(0, ObjectList([InfosecFindingsPanel()], heading=_("Content")))
        return _with_children(edit_handler, tabs)
    if isinstance(edit_handler, ObjectList):
        panels = list(edit_handler.children)
        panels.insert(1 if panels else 0, InfosecFindingsPanel())
        return _with_children(edit_handler, panels)
    return edit_handler


def _default_page_tabs(cls):
    """What Wagtail builds for a page type without ``edit_handler``."""
    from django.utils.translation import gettext_lazy

    tabs = []
    if cls.content_panels:
        tabs.append(ObjectList(cls.content_panels, heading=gettext_lazy("Content")))
    if cls.promote_panels:
        tabs.append(ObjectList(cls.promote_panels, heading=gettext_lazy("Promote")))
    if cls.settings_panels:
        tabs.append(ObjectList(cls.settings_panels, heading=gettext_lazy("Settings")))
    return TabbedInterface(tabs, base_form_class=cls.base_form_class)


class InfosecEditorMixin:
    """Gives a page type's editor the findings panel (see the module docstring)."""

    @cached_classmethod
    def get_edit_handler(cls):
        edit_handler = cls.edit_handler if hasattr(cls, "edit_handler") else _default_page_tabs(cls)
        return add_findings_panel(edit_handler).bind_to_model(cls)

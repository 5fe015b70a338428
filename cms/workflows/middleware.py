"""Turns a refused publication or workflow step into a message, wherever in the admin it happens.

The gate (``gate.guard_save``) and the workflow steps (``approval``) raise
before anything is written. Whatever admin view was running — the editor, a
workflow modal, bulk actions, copy, wagtail-localize's editor — the user gets
the reason in their language and is sent back to where they were; no traceback
reaches them. The refusal is (re)written to the audit log here, after the
view's transaction was rolled back (``gate.log_refusal`` writes it once).
A database error while a workflow step is taken (publishing included) undid the
whole step: the user reads that nothing changed and may try again.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy

from .exceptions import PublicationRefused, WorkflowActionRefused

logger = logging.getLogger(__name__)


def _back(request, page) -> str:
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    if page is not None and getattr(page, "pk", None):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    return reverse("wagtailadmin_home")


class PublicationRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .gate import _DOOR

        token = _DOOR.set("")
        try:
            return self.get_response(request)
        finally:
            _DOOR.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Wagtail's "Unpublish" is the takedown form (which asks for a reason), for everyone,
        before Wagtail's own permission check; a workflow step the user may not take: say
        why, before Wagtail answers a bare 403 (or "you do not have permission")."""
        match = getattr(request, "resolver_match", None)
        door = _door_of(request, match)
        if door:
            from .gate import _DOOR

            _DOOR.set(door)
        if (
            match is not None
            and match.url_name == "unpublish"
            and "wagtailadmin_pages" in match.namespaces
            and match.kwargs.get("page_id")
        ):
            return redirect(reverse("workflows:takedown", args=[match.kwargs["page_id"]]))
        refused = _refused_workflow_step(request)
        if refused is None:
            return None
        from .gate import log_step_refusal

        log_step_refusal(refused, user=request.user)
        with translation.override(_admin_language(request.user)):
            message = str(refused)
        return self._respond(request, message, refused.page)

    def _respond(self, request, message, page):
        messages.error(request, message)
        url = _back(request, page)
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow modal follows a "success" step's redirect.
            return JsonResponse({"step": "success", "redirect": url})
        return redirect(url)

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            exception = _refused_workflow_step(request) or exception
        if isinstance(exception, PublicationRefused):
            from .gate import log_refusal

            log_refusal(exception, user=getattr(request, "user", None))
        elif isinstance(exception, WorkflowActionRefused):
            from .gate import log_step_refusal

            log_step_refusal(exception, user=getattr(request, "user", None))
        elif isinstance(exception, DatabaseError) and _takes_a_step(request):
            return self._database_error(request, exception)
        else:
            return None
        return self._respond(request, str(exception), exception.page)

    def _database_error(self, request, exception):
        """A workflow step runs in one transaction (``approval``): a database error in it,
        publication included, undid all of it. Say so, and log the error for the admins."""
        from wagtail.models import Page

        logger.error("Database error during a workflow step: %s", request.path, exc_info=exception)
        try:  # the database may be gone altogether
            page = Page.objects.filter(pk=request.resolver_match.kwargs.get("page_id")).first()
            language = _admin_language(request.user)
        except DatabaseError:
            page, language = None, translation.get_language()
        with translation.override(language):
            message = str(DATABASE_ERROR_MESSAGE)
        return self._respond(request, message, page)


_WORKFLOW_ACTION_VIEWS = {"workflow_action", "collect_workflow_action_data"}

DATABASE_ERROR_MESSAGE = gettext_lazy(
    "The decision could not be recorded because of a database error, and nothing was "
    "changed: the page on the site, the draft and the workflow are as they were. Try again "
    "in a few minutes; if the error comes back, tell the site administrator."
)


def _takes_a_step(request) -> bool:
    """A workflow step taken in the admin: the modal's view, or the editor's action buttons."""
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    if match is None or user is None or not user.is_authenticated:
        return False
    if "wagtailadmin_pages" not in match.namespaces or request.method != "POST":
        return False
    return match.url_name in _WORKFLOW_ACTION_VIEWS or (
        match.url_name == "edit" and bool(request.POST.get("action-workflow-action"))
    )


def _door_of(request, match) -> str:
    """The door an admin request would publish through, for the audit log (``gate.DOORS``)."""
    if match is None:
        return ""
    from .translation import LOCALIZE_SYNC_URL_NAME

    namespaces = set(match.namespaces)
    if "wagtail_localize" in namespaces or match.url_name == LOCALIZE_SYNC_URL_NAME:
        return "localize"
    if "wagtailadmin_api" in namespaces:
        return "api"
    if match.url_name == "wagtail_bulk_action":
        return "bulk_publish"
    if "wagtailadmin_pages" not in namespaces:
        return ""
    if match.url_name == "revisions_revert":
        return "revert"
    if match.url_name == "copy":
        return "copy"
    if match.url_name in _WORKFLOW_ACTION_VIEWS:
        return "workflow"
    if match.url_name == "edit" and request.POST.get("action") == "publish":
        return "localize"  # wagtail-localize's translation editor posts to the edit URL
    return ""


def _admin_language(user) -> str:
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language()


def _refused_workflow_step(request) -> WorkflowActionRefused | None:
    """Wagtail refuses a step's action that ``get_actions`` does not offer the user (a 403,
    or "you do not have permission"): the reason instead (an author, the reviewer at the
    spokesperson step, an expired authorisation...)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in _WORKFLOW_ACTION_VIEWS:
        return None
    if "wagtailadmin_pages" not in match.namespaces:
        return None
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return None
    from wagtail.models import Page, TaskState

    from .approval import refusal_for

    page = Page.objects.filter(pk=match.kwargs.get("page_id")).first()
    task_state = TaskState.objects.filter(pk=match.kwargs.get("task_state_id")).first()
    if page is None or task_state is None:
        return None
    page = page.specific
    with translation.override(_admin_language(user)):
        reason = refusal_for(task_state.task, page, user)
    if not reason:
        return None
    return WorkflowActionRefused(
        reason,
        page=page,
        revision=task_state.revision,
        publication=match.kwargs.get("action_name") == "approve",
    )

"""Turns a refused publication or workflow step into a message, wherever in the admin it happens.

The gate (``gate.guard_save``) and the workflow steps (``approval``) raise
before anything is written. Whatever admin view was running — the editor, a
workflow modal, bulk actions, copy, wagtail-localize's editor — the user gets
the reason in their language and is sent back to where they were; no traceback
reaches them. The refusal is (re)written to the audit log here, after the
view's transaction was rolled back (``gate.log_refusal`` writes it once).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .exceptions import PublicationRefused, WorkflowActionRefused


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
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PublicationRefused):
            from .gate import log_refusal

            log_refusal(exception, user=getattr(request, "user", None))
        elif not isinstance(exception, WorkflowActionRefused):
            return None
        messages.error(request, str(exception))
        url = _back(request, exception.page)
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow modal follows a "success" step's redirect.
            return JsonResponse({"step": "success", "redirect": url})
        return redirect(url)

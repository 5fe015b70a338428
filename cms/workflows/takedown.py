"""Takedown: reviewers and the spokesperson take a live page off the site at once, with a reason.

For misinformation and security incidents (the plan's rapid response). The
page is unpublished (its drafts and history are kept), a ``Takedown`` row keeps
the reason, and the audit log says who, when and why
(``workflows.takedown``). Wagtail's own "Unpublish" leads here, so no page is
taken down without a reason.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Page

from cms.core.roles import REVIEWER, SPOKESPERSON

from .models import Takedown

TAKEDOWN_ACTION = "workflows.takedown"
MIN_REASON_LENGTH = 10


class TakedownForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the takedown"),
        help_text=gettext_lazy(
            "Required. For example: the article contains wrong information about …; "
            "a security incident reported by …"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=MIN_REASON_LENGTH,
        error_messages={
            "required": gettext_lazy("Give the reason for taking this page down."),
            "min_length": gettext_lazy(
                "Describe the reason in at least %(limit_value)d characters."
            ),
        },
    )


def can_take_down(user, page) -> bool:
    if not (user.is_active and user.is_authenticated):
        return False
    return user.groups.filter(name__in=[REVIEWER.group_name, SPOKESPERSON.group_name]).exists()


def take_down(page, *, user, reason: str) -> Takedown:
    """Unpublish ``page`` now and record why. Raises ``PermissionDenied`` if ``user`` may not."""
    reason = (reason or "").strip()
    if not can_take_down(user, page):
        raise PermissionDenied
    if len(reason) < MIN_REASON_LENGTH:
        raise ValueError(_("Give the reason for taking this page down."))
    page = page.specific
    with transaction.atomic():
        record = Takedown.objects.create(
            page=page, revision_id=page.live_revision_id, reason=reason, user=user
        )
        UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
        log(
            instance=page,
            action=TAKEDOWN_ACTION,
            user=user,
            revision=record.revision,
            data={"reason": reason, "takedown_id": record.pk, "revision_id": record.revision_id},
        )
    return record


class TakedownView(WagtailAdminTemplateMixin, FormView):
    template_name = "workflows/takedown.html"
    form_class = TakedownForm
    header_icon = "warning"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not can_take_down(request.user, self.page):
            raise PermissionDenied
        self.next_url = get_valid_next_url_from_request(request) or reverse(
            "wagtailadmin_explore", args=[self.page.get_parent().pk]
        )
        if not self.page.live:
            messages.warning(
                request, _("The page “%(title)s” is not published.") % {"title": self.page}
            )
            return redirect(self.next_url)
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_page_title(self):
        return _("Take down")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, next=self.next_url, **kwargs)

    def form_valid(self, form):
        take_down(self.page, user=self.request.user, reason=form.cleaned_data["reason"])
        messages.success(
            self.request,
            _("The page “%(title)s” has been taken off the public site.") % {"title": self.page},
        )
        return redirect(self.next_url)

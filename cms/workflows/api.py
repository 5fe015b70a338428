"""The admin API's page actions, with the doors to ``live`` closed.

Wagtail routes ``POST /admin/api/main/pages/<id>/action/<name>/``. Its
``publish`` action publishes the latest revision, ``unpublish`` takes a page
down without a reason and ``copy`` keeps the copy live by default: each would
bypass the workflow (the gate would refuse the publication anyway, but the
caller would get a redirect instead of an answer). Here they answer
``403 Forbidden`` with the reason in the user's language, and the refusal is in
the audit log; ``copy`` makes a draft copy unless ``keep_live`` is asked for,
which is refused. ``revert_to_page_revision`` answers 403 to a translator reverting a
Vietnamese page, as the editor refuses them (``translation.source_edit_refusal``). The
other actions are Wagtail's.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import fields, status
from rest_framework.response import Response
from wagtail.admin.api.actions.copy import CopyPageAPIAction, CopyPageAPIActionSerializer
from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.actions.revert_to_page_revision import RevertToPageRevisionAPIAction
from wagtail.admin.api.actions.unpublish import UnpublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page

from . import gate
from .translation import source_edit_refusal


def _refused(request, instance, reason: str, *, log_it: bool = True) -> Response:
    page = instance.specific if isinstance(instance, Page) else instance
    error = gate.PublicationRefused([gate.Reason("not_through_workflow", reason)], page=page)
    if log_it:
        error = gate.refuse(
            error.reasons,
            page=page,
            revision=getattr(page, "latest_revision", None),
            door="api",
            user=request.user,
        )
    return Response({"message": error.message}, status=status.HTTP_403_FORBIDDEN)


class RefusedPublishAPIAction(PublishPageAPIAction):
    def execute(self, instance, data):
        return _refused(
            self.request,
            instance,
            _("Pages are published only through the review workflow: submit the page for review."),
        )


class TakedownOnlyUnpublishAPIAction(UnpublishPageAPIAction):
    def execute(self, instance, data):
        return _refused(
            self.request,
            instance,
            _("A page is taken off the site only with the takedown form, which asks for a reason."),
            log_it=False,
        )


class DraftCopySerializer(CopyPageAPIActionSerializer):
    keep_live = fields.BooleanField(default=False, required=False)


class DraftCopyAPIAction(CopyPageAPIAction):
    serializer = DraftCopySerializer

    def execute(self, instance, data):
        if data.get("keep_live"):
            return _refused(
                self.request,
                instance,
                _(
                    "A copy cannot be published directly: copy it as a draft and submit it "
                    "for review."
                ),
            )
        return super().execute(instance, data)


class SourceGuardedRevertAPIAction(RevertToPageRevisionAPIAction):
    """A translator does not revert the Vietnamese source (``translation.source_edit_refusal``)."""

    def execute(self, instance, data):
        refusal = source_edit_refusal(self.request.user, instance)
        if refusal is not None:
            return Response({"message": str(refusal)}, status=status.HTTP_403_FORBIDDEN)
        return super().execute(instance, data)


class GatedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {
        **PagesAdminAPIViewSet.actions,
        "publish": RefusedPublishAPIAction,
        "unpublish": TakedownOnlyUnpublishAPIAction,
        "copy": DraftCopyAPIAction,
        "revert_to_page_revision": SourceGuardedRevertAPIAction,
    }

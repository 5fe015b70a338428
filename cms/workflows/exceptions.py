"""Refusals of the workflow and the publication gate. ``str()`` is the message for the user."""

from __future__ import annotations

import uuid

from django.utils.translation import gettext as _


class WorkflowActionRefused(Exception):
    """A workflow step the user may not take now.

    ``publication=True``: an approval was refused, which is a refused attempt to
    publish; it is written to the audit log like the gate's refusals
    (``gate.log_step_refusal``).
    """

    def __init__(self, message, *, page=None, revision=None, publication=False, token=""):
        self.page = page
        self.revision = revision
        self.publication = publication
        self.token = token or uuid.uuid4().hex
        super().__init__(str(message))


class PublicationRefused(Exception):
    """The gate refused to let a revision go live (``cms.workflows.gate``)."""

    def __init__(self, reasons, *, page=None, revision=None, door: str = "", token: str = ""):
        self.reasons = list(reasons)
        self.page = page
        self.revision = revision
        self.door = door
        self.token = token or uuid.uuid4().hex
        super().__init__(self.message)

    @property
    def message(self) -> str:
        head = _("Publication refused by the information-security gate.")
        return " ".join([head, *[str(reason) for reason in self.reasons]])

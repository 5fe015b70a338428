"""Audit log and cache invalidation for the spokesperson register.

Connected in ``WorkflowsConfig.ready``. Every save or delete of an entry:

* is written to Wagtail's audit log as ``workflows.spokesperson_change`` with the
  values before and after (Wagtail's ``wagtail.create`` / ``wagtail.edit`` /
  ``wagtail.delete`` entries of the admin say who and when, not what);
* clears the cached public spokesperson (footer, spokesperson page), now and
  again when the transaction commits, so that no other request keeps what it
  read before the commit;
* bumps the information-security checker's data version, whose allowlists
  contain the current spokespersons' published phone numbers and e-mails.

The author's "approved" e-mail waits for the publication's COMMIT
(``approval_email_on_commit``).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .models import SpokespersonEntry

SPOKESPERSON_CHANGE = SpokespersonEntry.audit_action
SENDER = SpokespersonEntry


def _invalidate():
    from cms.security.services import bump_data_version

    from .services import clear_public_cache

    clear_public_cache()
    transaction.on_commit(clear_public_cache)
    bump_data_version()


def entry_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    instance.log_audited_save(created)
    _invalidate()


def entry_deleted(sender, instance, **kwargs):
    instance.log_audited_delete()
    _invalidate()


# Wagtail's receiver of ``workflow_approved`` that e-mails the author.
APPROVAL_EMAIL_UID = "workflow_state_approved_email_notification"


def approval_email_on_commit(sender, instance=None, **kwargs):
    """Wagtail e-mails "approved" from inside the transaction that publishes: should the
    database refuse anything after it (up to the COMMIT), the publication is undone but the
    e-mail is gone. It is sent once the transaction has committed, and never otherwise."""
    from wagtail.admin.signal_handlers import workflow_approval_email_notifier

    transaction.on_commit(
        lambda: workflow_approval_email_notifier(sender=sender, instance=instance, **kwargs)
    )


def connect():
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_approved

    post_save.connect(entry_saved, sender=SENDER, dispatch_uid="workflows-spokesperson-save")
    post_delete.connect(entry_deleted, sender=SENDER, dispatch_uid="workflows-spokesperson-del")
    # Takes the place of Wagtail's receiver: whichever app is ready first, one is left.
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL_UID)
    workflow_approved.connect(
        approval_email_on_commit, sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL_UID
    )

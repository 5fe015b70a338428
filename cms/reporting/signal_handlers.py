"""Audit log of the false-information register.

Connected in ``ReportingConfig.ready``. Every save or delete of an incident is
written to Wagtail's audit log as ``reporting.incident_change`` with the values
before and after (Wagtail's own ``wagtail.create`` / ``wagtail.edit`` /
``wagtail.delete`` entries say who and when, not what): the register is a record
of how each item was handled, and its history must show it.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from .models import Incident

INCIDENT_CHANGE = Incident.audit_action


def incident_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    instance.log_audited_save(created)


def incident_deleted(sender, instance, **kwargs):
    instance.log_audited_delete()


def connect():
    post_save.connect(incident_saved, sender=Incident, dispatch_uid="reporting-incident-save")
    post_delete.connect(incident_deleted, sender=Incident, dispatch_uid="reporting-incident-del")

"""Models whose changes are written to Wagtail's audit log with the values before and after.

Wagtail's own ``wagtail.create`` / ``wagtail.edit`` / ``wagtail.delete`` entries say who
changed a row and when, not what changed. ``AuditedModel`` adds an entry of its own
``audit_action`` holding the audited fields' values before and after, and
``AuditedChangeFormatter`` shows that entry in the admin's history reports. The apps
connect ``log_audited_save`` / ``log_audited_delete`` to ``post_save`` / ``post_delete``
and register the formatter for their action with the ``register_log_actions`` hook.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


class AuditedModel(models.Model):
    """A model whose changes are logged with before/after values of ``audited_fields``.

    The snapshot taken when the row is loaded is the "before" of the next save.
    """

    audited_fields: tuple[str, ...] = ()
    audit_action: str = ""  # the audit-log action recording the values, e.g. "security.…"

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._audit_snapshot = instance.audit_snapshot()
        return instance

    def audit_snapshot(self) -> dict:
        """JSON-ready values of the audited fields (dates as ISO strings)."""
        data = {}
        for name in self.audited_fields:
            value = getattr(self, name)
            if isinstance(value, datetime.datetime) and value.tzinfo is not None:
                # One moment, one text: a time read from the form in +07:00 and the
                # same time read from the database in UTC are not a change.
                value = value.astimezone(datetime.UTC)
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            data[name] = value
        return data

    def log_audited_save(self, created: bool):
        """Log the values before and after a save (post_save); the new values become
        the "before" of the next save."""
        before = None if created else getattr(self, "_audit_snapshot", None)
        after = self.audit_snapshot()
        self._audit_snapshot = after
        return self._log_audited_change(before, after)

    def log_audited_delete(self):
        """Log the values of a deleted row (post_delete)."""
        if self.pk is None:
            return None
        before = getattr(self, "_audit_snapshot", None) or self.audit_snapshot()
        return self._log_audited_change(before, None, deleted=True)

    def _log_audited_change(self, before, after, *, deleted=False):
        from wagtail.log_actions import log

        changed = sorted(
            name
            for name in set(before or {}) | set(after or {})
            if (before or {}).get(name) != (after or {}).get(name)
        )
        if not changed and not deleted:
            return None
        return log(
            instance=self,
            action=self.audit_action,
            title=str(self),
            data={
                "model": self._meta.model_name,
                "before": before,
                "after": after,
                "changed": changed,
            },
            content_changed=True,
            deleted=deleted,
        )


class AuditedChangeFormatter(LogFormatter):
    """Shows an ``AuditedModel`` entry: what was added or deleted, or which values changed."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        before = data.get("before") or {}
        after = data.get("after") or {}
        if not before:
            return _("Added: %(values)s") % {"values": _describe(after)}
        if not after:
            return _("Deleted: %(values)s") % {"values": _describe(before)}
        changes = [
            f"{name}: {before.get(name)!r} → {after.get(name)!r}"
            for name in data.get("changed") or []
        ]
        return _("Changed: %(changes)s") % {"changes": "; ".join(changes)}


def _describe(values: dict) -> str:
    return ", ".join(
        f"{name}={value!r}" for name, value in values.items() if value not in ("", None)
    )

"""Audit log and cache invalidation for the checker's editable data.

Connected when ``cms.security.models`` is imported (at app loading). Every save
or delete of a rule setting, term, allowlist entry or registered document:

* is written to Wagtail's audit log as ``security.rule_data_change`` with the
  field values before and after (Wagtail's own ``wagtail.create`` /
  ``wagtail.edit`` / ``wagtail.delete`` entries say who and when, not what);
* bumps ``RuleDataVersion`` so that every process rebuilds its scanner
  configuration.

Changes to ``campaigns.Occasion`` (the holidays HOL-01 checks) bump the version too.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from .models import RULE_DATA_CHANGE

__all__ = ["RULE_DATA_CHANGE"]


def rule_data_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from .services import bump_data_version

    instance.log_audited_save(created)
    bump_data_version()


def rule_data_deleted(sender, instance, **kwargs):
    from .services import bump_data_version

    instance.log_audited_delete()
    bump_data_version()


def occasion_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .services import bump_data_version

    bump_data_version()


AUDITED_MODELS = (
    "security.RuleSetting",
    "security.TermEntry",
    "security.AllowlistEntry",
    "security.DocumentRegistryEntry",
)

for _label in AUDITED_MODELS:
    post_save.connect(rule_data_saved, sender=_label, dispatch_uid=f"infosec-save-{_label}")
    post_delete.connect(rule_data_deleted, sender=_label, dispatch_uid=f"infosec-delete-{_label}")
post_save.connect(occasion_changed, sender="campaigns.Occasion", dispatch_uid="infosec-occ-save")
post_delete.connect(occasion_changed, sender="campaigns.Occasion", dispatch_uid="infosec-occ-del")


@receiver(post_migrate, dispatch_uid="infosec-ensure-rule-settings")
def ensure_rule_settings_after_migrate(sender, app_config=None, using="default", **kwargs):
    """A new rule in the scanner gets its (enabled) setting row without a data migration."""
    if app_config is None or app_config.label != "security":
        return
    from .models import RuleSetting
    from .services import ensure_rule_settings

    if RuleSetting._meta.db_table not in _tables(using):
        return
    ensure_rule_settings(RuleSetting.objects.db_manager(using).model)


def _tables(using):
    from django.db import connections

    return set(connections[using].introspection.table_names())


# ----------------------------------------------------------- image uploads


def strip_image_location(sender, instance, raw=False, **kwargs):
    """Remove GPS and other location metadata from a newly uploaded image file.

    Runs before the image row is saved, whatever the upload path (single or
    multiple upload, API, seed data): only a file not yet written to storage
    is touched. Orientation and everything else are kept (see
    ``cms.security.extractors.exif``). The file hash is recomputed so that it
    matches the stored file.
    """
    if raw:
        return
    from .services import strip_location_from_file

    strip_location_from_file(instance)


def warm_image_cache(sender, instance, created=False, raw=False, **kwargs):
    """Read a new image's text (OCR) after the upload is committed, so editors never wait."""
    if raw:
        return
    from django.db import transaction

    from .services import enqueue_warm_file_cache

    pk = instance.pk
    transaction.on_commit(lambda: enqueue_warm_file_cache("image", pk))


def warm_document_cache(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    from django.db import transaction

    from .services import enqueue_warm_file_cache

    pk = instance.pk
    transaction.on_commit(lambda: enqueue_warm_file_cache("document", pk))


def _connect_file_signals():
    from django.conf import settings
    from django.db.models.signals import pre_save

    image_model = getattr(settings, "WAGTAILIMAGES_IMAGE_MODEL", "wagtailimages.Image")
    document_model = getattr(settings, "WAGTAILDOCS_DOCUMENT_MODEL", "wagtaildocs.Document")
    pre_save.connect(strip_image_location, sender=image_model, dispatch_uid="infosec-strip-gps")
    post_save.connect(warm_image_cache, sender=image_model, dispatch_uid="infosec-warm-image")
    post_save.connect(warm_document_cache, sender=document_model, dispatch_uid="infosec-warm-doc")


_connect_file_signals()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupConfig(AppConfig):
    """``manage.py backup`` and ``manage.py restore`` (``archive.py``); no models."""

    name = "cms.backup"
    label = "backup"
    verbose_name = _("Backup and restore")

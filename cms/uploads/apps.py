from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    name = "cms.uploads"
    label = "uploads"
    verbose_name = _("Uploads and documents")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()

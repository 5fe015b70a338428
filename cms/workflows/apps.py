from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "cms.workflows"
    label = "workflows"
    verbose_name = _("Editorial workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from . import signal_handlers
        from .machine_translation import check_machine_translator

        signal_handlers.connect()
        checks.register(check_machine_translator)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from . import signal_handlers
        from .models import BasePage
        from .page_forms import BasePageForm

        BasePage.base_form_class = BasePageForm

        post_save.connect(
            signal_handlers.default_admin_language,
            sender=get_user_model(),
            dispatch_uid="core.default_admin_language",
        )

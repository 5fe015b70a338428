from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "cms.security"
    label = "security"
    verbose_name = _("Information security")
    default_auto_field = "django.db.models.BigAutoField"

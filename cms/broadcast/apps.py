from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BroadcastConfig(AppConfig):
    name = "cms.broadcast"
    label = "broadcast"
    verbose_name = _("Radio bulletin")
    default_auto_field = "django.db.models.BigAutoField"

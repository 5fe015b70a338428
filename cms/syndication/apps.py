from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "cms.syndication"
    label = "syndication"
    verbose_name = _("Feeds and sharing")
    default_auto_field = "django.db.models.BigAutoField"

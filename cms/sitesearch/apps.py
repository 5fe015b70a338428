from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesearchConfig(AppConfig):
    name = "cms.sitesearch"
    label = "sitesearch"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import signal_handlers

        page_published.connect(
            signal_handlers.page_published, dispatch_uid="sitesearch.page_published"
        )
        page_unpublished.connect(
            signal_handlers.page_unpublished, dispatch_uid="sitesearch.page_unpublished"
        )
        post_page_move.connect(signal_handlers.page_moved, dispatch_uid="sitesearch.page_moved")
        for signal in (post_save, post_delete):
            signal.connect(
                signal_handlers.view_restriction_changed,
                sender=PageViewRestriction,
                dispatch_uid=f"sitesearch.view_restriction_{signal is post_save}",
            )

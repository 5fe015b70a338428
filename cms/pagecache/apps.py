from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagecacheConfig(AppConfig):
    name = "cms.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save, pre_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import signal_handlers
        from .invalidation import SITE_WIDE_MODELS

        page_published.connect(
            signal_handlers.page_published_or_unpublished, dispatch_uid="pagecache.published"
        )
        page_unpublished.connect(
            signal_handlers.page_published_or_unpublished, dispatch_uid="pagecache.unpublished"
        )
        pre_delete.connect(signal_handlers.page_deleted, dispatch_uid="pagecache.deleted")
        post_page_move.connect(signal_handlers.page_moved, dispatch_uid="pagecache.moved")
        for label in SITE_WIDE_MODELS:
            model = apps.get_model(label)
            for signal in (post_save, post_delete):
                signal.connect(
                    signal_handlers.site_wide_model_changed,
                    sender=model,
                    dispatch_uid=f"pagecache.{label}.{signal is post_save}",
                )

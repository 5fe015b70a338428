from . import invalidation, store


def page_published_or_unpublished(sender, instance, **kwargs):
    invalidation.page_changed(instance)


def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidation.page_changed(instance)


def page_moved(sender, instance, **kwargs):
    """Every URL under the moved page changes, and the menus may: drop everything."""
    store.invalidate_all()


def site_wide_model_changed(sender, instance, **kwargs):
    label = sender._meta.label_lower
    if label in invalidation.SITE_WIDE_MODELS:
        store.invalidate_all(tree=label in invalidation.TREE_MODELS)

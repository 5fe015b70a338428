from wagtail import hooks

from .rich_text import LocalizedPageLinkHandler


# After Wagtail's own registration (order 0), which this replaces.
@hooks.register("register_rich_text_features", order=100)
def register_localized_page_links(features):
    features.register_link_type(LocalizedPageLinkHandler)

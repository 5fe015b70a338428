"""Signal handlers of the site search; connected in ``SitesearchConfig.ready``.

They only pass the page on to ``cms.sitesearch.indexing``. A deleted page loses
its index row through the foreign key (``on_delete=CASCADE``).
"""

from . import indexing


def page_published(sender, instance, **kwargs):
    indexing.index_page(instance)


def page_unpublished(sender, instance, **kwargs):
    indexing.remove_page(instance)


def page_moved(sender, instance, **kwargs):
    """A moved page may have come under (or out of) a view restriction."""
    indexing.reindex_subtree(instance)


def view_restriction_changed(sender, instance, raw=False, **kwargs):
    """A private section leaves the search, a section made public again comes back.

    Run after the commit: when a page is deleted, its restrictions are deleted first
    and its subtree must not be indexed again meanwhile."""
    if not raw:
        indexing.reindex_subtree_later(instance.page_id)

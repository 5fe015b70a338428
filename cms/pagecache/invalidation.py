"""Which cached pages a change makes stale.

A page shows itself, its listing shows it (the parent), the home pages show the
latest items, a campaign lists its articles and an article names its campaign,
the investor page lists the latest articles; every page shows the main menu (the
home page and its children), the breadcrumbs (the ancestors), the topics, the
images and the spokesperson. A change is applied to the pages that show it, in
every language, and to no other page.
"""

from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from . import store

#: Models shown on every page, or on many: a change drops the whole cache.
SITE_WIDE_MODELS = (
    "core.topic",
    "core.customimage",
    "taggit.tag",
    "campaigns.occasion",
    "workflows.spokespersonentry",
    "wagtailcore.site",
    "wagtailcore.locale",
)
#: Of those, the ones that change the page tree's URLs (and so the navigation).
TREE_MODELS = ("wagtailcore.site", "wagtailcore.locale")

#: Depth of a home page's children: the menu pages, shown on every page.
MENU_DEPTH = 3


def pages_showing(page) -> set[int]:
    """The ids of the pages whose cached copies show ``page``, in every language."""
    from articles.models import ArticleBase
    from campaigns.models import CampaignPage
    from home.models import HomePage, InvestorPage

    page = page.specific_deferred if type(page) is Page else page
    translation_keys = [page.translation_key]
    parent = page.get_parent()
    if parent is not None:
        translation_keys.append(parent.translation_key)
    if isinstance(page, ArticleBase) and page.related_campaign_id:
        campaign = Page.objects.filter(pk=page.related_campaign_id).first()
        if campaign is not None:
            translation_keys.append(campaign.translation_key)

    pages = Page.objects.filter(
        Q(translation_key__in=translation_keys) | Q(alias_of_id=page.pk) | Q(pk=page.pk)
    )
    ids = set(pages.values_list("pk", flat=True))
    ids.update(HomePage.objects.values_list("pk", flat=True))
    if isinstance(page, ArticleBase):
        ids.update(InvestorPage.objects.values_list("pk", flat=True))
    if isinstance(page, CampaignPage):
        ids.update(_articles_of_campaign(page))
    return ids


def _articles_of_campaign(campaign) -> set[int]:
    from articles.models import ArticlePage, SovereigntyFeaturePage

    campaigns = Page.objects.filter(translation_key=campaign.translation_key).values("pk")
    ids = set()
    for model in (ArticlePage, SovereigntyFeaturePage):
        ids.update(
            model.objects.filter(related_campaign__in=campaigns).values_list("pk", flat=True)
        )
    return ids


def changes_every_page(page) -> bool:
    """The home page and the menu pages are on every page; a page with children is in
    their breadcrumbs."""
    return page.depth <= MENU_DEPTH or page.numchild > 0


def page_changed(page) -> None:
    """``page`` was published, unpublished or deleted: drop the copies that show it.

    Done at once and again when the transaction commits, so a copy rendered from
    the old content while the change was being saved is not kept either.
    """
    if changes_every_page(page):
        _now_and_on_commit(store.invalidate_all)
        return
    ids = pages_showing(page)
    _now_and_on_commit(lambda: store.invalidate_pages(ids))


def _now_and_on_commit(action) -> None:
    action()
    transaction.on_commit(action)

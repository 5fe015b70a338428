from functools import cache

from django.db import models
from django.db.models import Subquery
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import BaseStreamBlock
from cms.core.models import BasePage

from . import untranslated


@cache
def routing_follows_url_paths() -> bool:
    """True while no page type below the home page changes Wagtail's routing."""
    from wagtail.models import Page, get_page_models

    return all(model.route is Page.route for model in get_page_models() if model is not HomePage)


class HomePage(BasePage):
    """The portal's front page, one per language."""

    intro = models.TextField(_("welcome text"), blank=True)
    featured_story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The article or feature shown large at the top of the home page."),
    )
    investment_title = models.CharField(_("investment heading"), max_length=255, blank=True)
    investment_text = models.TextField(_("investment text"), blank=True)
    investment_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("investment page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        PageChooserPanel(
            "featured_story", ["articles.ArticlePage", "articles.SovereigntyFeaturePage"]
        ),
        MultiFieldPanel(
            [
                FieldPanel("investment_title"),
                FieldPanel("investment_text"),
                PageChooserPanel("investment_page"),
            ],
            heading=_("Investment environment"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "articles.ArticleIndexPage",
        "articles.SovereigntyIndexPage",
        "campaigns.CampaignIndexPage",
        "home.SpokespersonPage",
        "home.InvestorPage",
    ]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home page")

    # Every request for a page starts here (the site root, or its translation).

    def route(self, request, path_components):
        """As Wagtail's, but in a second language (English) a page that is not
        translated yet answers with a notice, never with Vietnamese text (see
        ``home.untranslated``)."""
        if untranslated.is_default_language(translation.get_language()):
            return self.route_to_descendant(request, path_components)
        return untranslated.route_result(self, request, path_components, self.route_to_descendant)

    def route_to_descendant(self, request, path_components):
        """Wagtail's routing in two queries instead of two per level.

        Wagtail walks down the tree a slug at a time (the child, then its specific
        page, at every level). Below the home page no page type changes routing, so
        the pages that can lie on the path (those at its depths bearing one of its
        slugs) are read at once and walked in memory, child by slug as Wagtail does;
        then the specific page found routes the rest (``live`` or 404).
        """
        if not path_components or not routing_follows_url_paths():
            return super().route(request, path_components)
        from wagtail.models import Page

        candidates = Page.objects.filter(
            path__startswith=self.path,
            depth__gt=self.depth,
            depth__lte=self.depth + len(path_components),
            slug__in=set(path_components),
        ).order_by("path")
        children = {}
        for candidate in candidates:
            children.setdefault((candidate.path[: -Page.steplen], candidate.slug), candidate)
        page = self
        for slug in path_components:
            child = children.get((page.path, slug))
            if child is None:
                raise Http404
            child._cached_parent_obj = page
            page = child
        return page.specific.route(request, [])

    def serve(self, request, *args, **kwargs):
        outcome = kwargs.pop(untranslated.OUTCOME_KWARG, None)
        if outcome is not None:
            return outcome.respond(request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from articles.models import ArticlePage, SovereigntyFeaturePage
        from campaigns.models import CampaignPage

        context = super().get_context(request, *args, **kwargs)
        featured = None
        if self.featured_story_id:
            # Follow the visitor's language: an English home page features the English
            # version, and nothing while there is none (not the Vietnamese text).
            featured = untranslated.live_translation(self.featured_story, self.locale_id)
            featured = featured.specific if featured is not None else None
        latest = (
            ArticlePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(untranslated.in_own_language_q())
        )
        if featured is not None:
            latest = latest.exclude(pk=featured.pk)
        context["featured"] = featured
        context["latest_articles"] = list(latest.for_listing()[:6])
        campaigns = (
            CampaignPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(untranslated.in_own_language_q())
        )
        current = list(campaigns.current()[:4])
        # Between campaigns the front page still shows the latest ones, marked as ended.
        context["campaigns_are_current"] = bool(current)
        context["campaigns"] = current or list(campaigns.recent()[:3])
        context["sovereignty_features"] = list(
            SovereigntyFeaturePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(untranslated.in_own_language_q())
            .for_listing()[:3]
        )
        return context


class ContentPage(BasePage):
    """A standing page: commune introduction, contacts, investment guide."""

    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    template = "pages/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content page")


class SpokespersonPage(BasePage):
    """The commune's spokesperson (Decree No. 09/2017/ND-CP): name, position, phone, e-mail.

    The details come from the spokesperson register (``cms.workflows``), so the
    page always shows whoever is designated today; editors write only the
    introduction. One per language, directly under the home page.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "Shown above the spokesperson's details, which come from the spokesperson register."
        ),
    )
    general_contact = RichTextField(
        _("general contact"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "The commune's general contact (office, hotline, e-mail), shown when no "
            "spokesperson is designated for today."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("general_contact")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/spokesperson_page.html"

    class Meta:
        verbose_name = _("spokesperson page")
        verbose_name_plural = _("spokesperson page")

    def get_context(self, request, *args, **kwargs):
        from cms.workflows.services import public_spokesperson

        context = super().get_context(request, *args, **kwargs)
        context["spokesperson"] = public_spokesperson(request)
        return context


INVESTOR_SECTION_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class InvestorPage(BasePage):
    """The landing page for investors, "Invest in Xuan Truong".

    Where the commune is, its infrastructure, its industrial cluster, how to reach
    the commune's investment office, and the latest articles on the economy in the
    page's own language. Written in Vietnamese and translated for foreign investors,
    like every page; one per language, directly under the home page.
    """

    intro = models.TextField(_("summary"), blank=True)
    location = RichTextField(_("location"), blank=True, features=INVESTOR_SECTION_FEATURES)
    infrastructure = RichTextField(
        _("infrastructure"), blank=True, features=INVESTOR_SECTION_FEATURES
    )
    industrial_cluster = RichTextField(
        _("industrial cluster"),
        blank=True,
        features=INVESTOR_SECTION_FEATURES,
        help_text=_("Where a figure is not known yet, say so rather than estimate it."),
    )
    office_name = models.CharField(
        _("investment office"),
        max_length=255,
        blank=True,
        help_text=_("The commune office that receives investors' enquiries."),
    )
    office_address = models.CharField(_("address"), max_length=255, blank=True)
    office_phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("An official number on the information-security checker's allowlist."),
    )
    office_email = models.EmailField(_("e-mail"), blank=True)
    news_topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("news topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page lists the latest articles on this topic, in its own language "
            "(for example Economy and Investment)."
        ),
    )

    #: How many articles the page lists.
    news_count = 5

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("location"),
        FieldPanel("infrastructure"),
        FieldPanel("industrial_cluster"),
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("office_address"),
                FieldPanel("office_phone"),
                FieldPanel("office_email"),
            ],
            heading=_("Investment office"),
        ),
        FieldPanel("news_topic"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("location"),
        index.SearchField("infrastructure"),
        index.SearchField("industrial_cluster"),
    ]
    # The phone number and e-mail address are the same in every language.
    override_translatable_fields = [
        SynchronizedField("office_phone"),
        SynchronizedField("office_email"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/investor_page.html"

    class Meta:
        verbose_name = _("investor page")
        verbose_name_plural = _("investor page")

    @property
    def office_tel_href(self) -> str:
        """The office number for a ``tel:`` link, in international form: "+842293888999"."""
        from cms.security.models import normalise_phone

        digits = normalise_phone(self.office_phone)
        return "+84" + digits[1:] if digits.startswith("0") else digits

    def latest_articles(self):
        """The latest live, public articles on the page's topic, in the page's language.

        Matches the topic by its ``translation_key``, so an English page lists the
        English articles of the English topic whichever version of the topic it
        points to. A fixed number of queries, however many articles there are.
        """
        from articles.models import ArticlePage
        from cms.core.models import Topic

        if not self.news_topic_id:
            return []
        topic_key = Topic.objects.filter(pk=self.news_topic_id).values("translation_key")
        return list(
            ArticlePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, topic__translation_key=Subquery(topic_key))
            .filter(untranslated.in_own_language_q())
            .for_listing()[: self.news_count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["economy_articles"] = self.latest_articles()
        return context

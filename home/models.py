from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.core.blocks import BaseStreamBlock
from cms.core.models import BasePage


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
    ]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home page")

    def get_context(self, request, *args, **kwargs):
        from articles.models import ArticlePage, SovereigntyFeaturePage
        from campaigns.models import CampaignPage

        context = super().get_context(request, *args, **kwargs)
        featured = None
        if self.featured_story_id:
            # Follow the visitor's language: an English home page features the English version.
            featured = self.featured_story.get_translation_or_none(self.locale_id)
            featured = featured.specific if featured is not None and featured.live else None
        latest = ArticlePage.objects.live().public().filter(locale_id=self.locale_id)
        if featured is not None:
            latest = latest.exclude(pk=featured.pk)
        context["featured"] = featured
        context["latest_articles"] = list(latest.for_listing()[:6])
        campaigns = CampaignPage.objects.live().public().filter(locale_id=self.locale_id)
        current = list(campaigns.current()[:4])
        # Between campaigns the front page still shows the latest ones, marked as ended.
        context["campaigns_are_current"] = bool(current)
        context["campaigns"] = current or list(campaigns.recent()[:3])
        context["sovereignty_features"] = list(
            SovereigntyFeaturePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
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

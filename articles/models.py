"""News, press releases, rebuttals (ArticlePage) and sovereignty features."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from cms.core.blocks import BaseStreamBlock, MapStreamBlock, ReferenceStreamBlock
from cms.core.models import BasePage, IndexPage, ResponsibleUnit


class ArticleQuerySet(PageQuerySet):
    def for_listing(self):
        """Newest first, with everything a teaser shows fetched up front."""
        return (
            self.select_related("feed_image", "topic", "locale")
            .prefetch_related("feed_image__renditions")
            .order_by("-publication_date", "-first_published_at", "-pk")
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class ArticleKind(models.TextChoices):
    NEWS = "news", _("News")
    PRESS_RELEASE = "press_release", _("Press release")
    REBUTTAL = "rebuttal", _("Rebuttal of false information")


class SpokespersonPosition(models.TextChoices):
    CHAIRMAN = "chairman", _("Chairman of the commune People's Committee")
    VICE_CHAIRMAN = "vice_chairman", _("Vice Chairman of the commune People's Committee")


class SovereigntySubject(models.TextChoices):
    EAST_SEA = "bien_dong", _("East Sea")
    HOANG_SA = "hoang_sa", _("Hoang Sa (Paracel)")
    TRUONG_SA = "truong_sa", _("Truong Sa (Spratly)")
    LAND_BORDER = "bien_gioi", _("Land border")


class ArticleBase(BasePage):
    """Everything a news item and a sovereignty feature have in common."""

    summary = models.TextField(
        _("summary"),
        help_text=_("A lead of one to three sentences, shown under the title and in listings."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author_name = models.CharField(_("author"), max_length=255, blank=True)
    unit = models.CharField(
        _("responsible unit"),
        max_length=10,
        choices=ResponsibleUnit.choices,
        default=ResponsibleUnit.OFFICE,
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    references = StreamField(
        ReferenceStreamBlock(), verbose_name=_("source references"), blank=True
    )
    related_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("related campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feed_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("feed image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    plan_task = models.ForeignKey(
        "reporting.PlanTask",
        verbose_name=_("plan task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The task of the commune's plan this item serves; the reports count by it."),
    )

    objects = ArticleManager()

    meta_panels = [
        FieldPanel("topic"),
        FieldPanel("plan_task"),
        FieldPanel("tags"),
        FieldRowPanel([FieldPanel("author_name"), FieldPanel("unit")]),
        FieldPanel("publication_date"),
        PageChooserPanel("related_campaign", "campaigns.CampaignPage"),
        FieldPanel("feed_image"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("topic"),
    ]

    class Meta:
        abstract = True

    @property
    def all_tags(self):
        return list(self.tags.all())


class ArticleIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    template = "pages/articles/article_index_page.html"

    class Meta:
        verbose_name = _("article index")
        verbose_name_plural = _("article index")

    def get_listing(self):
        return ArticlePage.objects.child_of(self).live().public().for_listing()


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(ArticleBase):
    """A news item (tin bài): news, press release or rebuttal of false information."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    spokesperson_name = models.CharField(_("spokesperson"), max_length=255, blank=True)
    spokesperson_position = models.CharField(
        _("spokesperson's position"),
        max_length=20,
        choices=SpokespersonPosition.choices,
        blank=True,
    )
    spokesperson_authorisation = models.CharField(
        _("spokesperson's authorisation"),
        max_length=255,
        blank=True,
        help_text=_(
            "Number, symbol and date of the decision, e.g. Quyết định số 15/QĐ-UBND ngày 01/7/2025."
        ),
    )
    rebutted_claim = models.TextField(
        _("false claim rebutted"),
        blank=True,
        help_text=_("Summary of the false claim (do not link to the original post)."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("spokesperson_name"),
                FieldPanel("spokesperson_position"),
                FieldPanel("spokesperson_authorisation"),
            ],
            heading=_("Spokesperson (required for press releases)"),
        ),
        FieldPanel("rebutted_claim"),
        MultiFieldPanel(ArticleBase.meta_panels, heading=_("Article details")),
        FieldPanel("references"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    template = "pages/articles/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("article")

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == ArticleKind.PRESS_RELEASE:
            message = _("A press release must name its spokesperson (Decree 09/2017/ND-CP).")
            for field in (
                "spokesperson_name",
                "spokesperson_position",
                "spokesperson_authorisation",
            ):
                if not getattr(self, field).strip():
                    errors[field] = message
        if self.kind == ArticleKind.REBUTTAL and not self.rebutted_claim.strip():
            errors["rebutted_claim"] = _("A rebuttal must summarise the false claim it rebuts.")
        if errors:
            raise ValidationError(errors)


class SovereigntyIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.SovereigntyFeaturePage"]
    template = "pages/articles/sovereignty_index_page.html"

    class Meta:
        verbose_name = _("sovereignty index")
        verbose_name_plural = _("sovereignty index")

    def get_listing(self):
        return SovereigntyFeaturePage.objects.child_of(self).live().public().for_listing()


class SovereigntyFeaturePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.SovereigntyFeaturePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class SovereigntyFeaturePage(ArticleBase):
    """A long-form feature on sea and islands, borders and sovereignty (chuyên đề)."""

    subject = models.CharField(_("subject"), max_length=20, choices=SovereigntySubject.choices)
    tags = ClusterTaggableManager(
        through=SovereigntyFeaturePageTag, blank=True, verbose_name=_("tags")
    )
    legal_references = StreamField(
        ReferenceStreamBlock(), verbose_name=_("legal references"), blank=True
    )
    historical_references = StreamField(
        ReferenceStreamBlock(), verbose_name=_("historical references"), blank=True
    )
    maps = StreamField(
        MapStreamBlock(),
        verbose_name=_("maps"),
        blank=True,
        help_text=_(
            "A reviewer must confirm that every map shows Viet Nam's sovereignty over "
            "Hoang Sa and Truong Sa correctly before publication."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("subject"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("maps"),
        FieldPanel("legal_references"),
        FieldPanel("historical_references"),
        MultiFieldPanel(ArticleBase.meta_panels, heading=_("Feature details")),
        FieldPanel("references"),
    ]

    search_fields = [*ArticleBase.search_fields, index.FilterField("subject")]

    parent_page_types = ["articles.SovereigntyIndexPage"]
    subpage_types = []
    template = "pages/articles/sovereignty_feature_page.html"

    class Meta:
        verbose_name = _("sovereignty feature")
        verbose_name_plural = _("sovereignty feature")

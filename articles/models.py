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
from cms.core.models import BasePage, ListingMixin, ResponsibleUnit


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
    NEWS = "news", _("Tin tức")
    PRESS_RELEASE = "press_release", _("Thông cáo báo chí")
    REBUTTAL = "rebuttal", _("Phản bác thông tin sai sự thật")


class SpokespersonPosition(models.TextChoices):
    CHAIRMAN = "chairman", _("Chủ tịch UBND xã")
    VICE_CHAIRMAN = "vice_chairman", _("Phó Chủ tịch UBND xã")


class SovereigntySubject(models.TextChoices):
    EAST_SEA = "bien_dong", _("Biển Đông")
    HOANG_SA = "hoang_sa", _("Hoàng Sa")
    TRUONG_SA = "truong_sa", _("Trường Sa")
    LAND_BORDER = "bien_gioi", _("Biên giới đất liền")


class ArticleBase(BasePage):
    """Everything a news item and a sovereignty feature have in common."""

    summary = models.TextField(
        _("sapo"), help_text=_("Đoạn dẫn 1–3 câu, hiển thị dưới tiêu đề và trong danh sách tin.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("nội dung"))
    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("chủ đề"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author_name = models.CharField(_("tác giả"), max_length=255, blank=True)
    unit = models.CharField(
        _("đơn vị thực hiện"),
        max_length=10,
        choices=ResponsibleUnit.choices,
        default=ResponsibleUnit.OFFICE,
    )
    publication_date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    references = StreamField(ReferenceStreamBlock(), verbose_name=_("văn bản căn cứ"), blank=True)
    related_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("thuộc chiến dịch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feed_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ArticleManager()

    meta_panels = [
        FieldPanel("topic"),
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


class ArticleIndexPage(ListingMixin, BasePage):
    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    template = "pages/articles/article_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục tin bài")
        verbose_name_plural = _("chuyên mục tin bài")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).live().public().for_listing()
        context["articles"] = self.paginate(request, articles)
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(ArticleBase):
    """A news item (tin bài): news, press release or rebuttal of false information."""

    kind = models.CharField(
        _("loại tin"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("từ khóa"))

    spokesperson_name = models.CharField(_("người phát ngôn"), max_length=255, blank=True)
    spokesperson_position = models.CharField(
        _("chức vụ người phát ngôn"),
        max_length=20,
        choices=SpokespersonPosition.choices,
        blank=True,
    )
    spokesperson_authorisation = models.CharField(
        _("văn bản giao nhiệm vụ / ủy quyền phát ngôn"),
        max_length=255,
        blank=True,
        help_text=_(
            "Số, ký hiệu và ngày của văn bản, ví dụ: Quyết định số 15/QĐ-UBND ngày 01/7/2025."
        ),
    )
    rebutted_claim = models.TextField(
        _("thông tin sai sự thật bị phản bác"),
        blank=True,
        help_text=_("Tóm tắt luận điệu sai trái (không dẫn đường link tới bài gốc)."),
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
            heading=_("Người phát ngôn (bắt buộc với thông cáo báo chí)"),
        ),
        FieldPanel("rebutted_claim"),
        MultiFieldPanel(ArticleBase.meta_panels, heading=_("Thông tin tin bài")),
        FieldPanel("references"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    template = "pages/articles/article_page.html"

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == ArticleKind.PRESS_RELEASE:
            message = _("Thông cáo báo chí phải ghi rõ người phát ngôn (Nghị định 09/2017/NĐ-CP).")
            for field in (
                "spokesperson_name",
                "spokesperson_position",
                "spokesperson_authorisation",
            ):
                if not getattr(self, field).strip():
                    errors[field] = message
        if self.kind == ArticleKind.REBUTTAL and not self.rebutted_claim.strip():
            errors["rebutted_claim"] = _(
                "Bài phản bác phải tóm tắt thông tin sai sự thật đang được phản bác."
            )
        if errors:
            raise ValidationError(errors)


class SovereigntyIndexPage(ListingMixin, BasePage):
    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.SovereigntyFeaturePage"]
    template = "pages/articles/sovereignty_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục chủ quyền biển đảo – biên giới")
        verbose_name_plural = _("chuyên mục chủ quyền biển đảo – biên giới")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        features = SovereigntyFeaturePage.objects.child_of(self).live().public().for_listing()
        context["articles"] = self.paginate(request, features)
        return context


class SovereigntyFeaturePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.SovereigntyFeaturePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class SovereigntyFeaturePage(ArticleBase):
    """A long-form feature on sea and islands, borders and sovereignty (chuyên đề)."""

    subject = models.CharField(_("vấn đề"), max_length=20, choices=SovereigntySubject.choices)
    tags = ClusterTaggableManager(
        through=SovereigntyFeaturePageTag, blank=True, verbose_name=_("từ khóa")
    )
    legal_references = StreamField(
        ReferenceStreamBlock(), verbose_name=_("căn cứ pháp lý"), blank=True
    )
    historical_references = StreamField(
        ReferenceStreamBlock(), verbose_name=_("tư liệu lịch sử"), blank=True
    )
    maps = StreamField(
        MapStreamBlock(),
        verbose_name=_("bản đồ"),
        blank=True,
        help_text=_(
            "Mỗi bản đồ phải được người kiểm duyệt xác nhận thể hiện đúng chủ quyền "
            "Hoàng Sa, Trường Sa của Việt Nam trước khi xuất bản."
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
        MultiFieldPanel(ArticleBase.meta_panels, heading=_("Thông tin chuyên đề")),
        FieldPanel("references"),
    ]

    search_fields = [*ArticleBase.search_fields, index.FilterField("subject")]

    parent_page_types = ["articles.SovereigntyIndexPage"]
    subpage_types = []
    template = "pages/articles/sovereignty_feature_page.html"

    class Meta:
        verbose_name = _("chuyên đề chủ quyền")
        verbose_name_plural = _("chuyên đề chủ quyền")

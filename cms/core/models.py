"""Project-wide models: the image model, topics, responsible units and the page base."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from cms.security.panels import InfosecEditorMixin


class CustomImage(AbstractImage):
    """An image that carries its alt text (Wagtail's ``description``) and a credit.

    Both are required in the admin form. The model fields stay optional because
    Wagtail's multiple upload stores the file before the editor fills them in;
    the information-security checker refuses to publish a page whose image lacks
    either (rules IMG-02 and IMG-03).
    """

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_(
            "Who took or supplied the photo, e.g. Photo: Van Minh (commune Culture Centre)."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("image")

    @property
    def alt_text(self) -> str:
        return self.description


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ResponsibleUnit(models.TextChoices):
    """The commune units the plan assigns (section IV)."""

    CULTURE_SOCIETY = "vhxh", _("Culture and Society Division")
    OFFICE = "vp", _("Office of the People's Council and People's Committee")
    ECONOMY = "kt", _("Economic Division")
    CULTURE_CENTRE = "ttvh", _("Culture, Sports and Communication Centre")
    MILITARY = "qs", _("Commune Military Command")
    POLICE = "ca", _("Commune Police")


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject area of external information (Kinh tế – Đầu tư, Chủ quyền biển đảo...)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topic")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


class BasePage(InfosecEditorMixin, Page):
    """Abstract base for every page of the site.

    Puts the information-security findings panel into every page editor, gives
    templates a uniform way to ask for the live translations of the page (for
    the language switcher and ``hreflang`` links), and sends every save through
    the publication gate (``cms.workflows.gate``): whatever path makes a page
    live, it ends here.
    """

    # base_form_class: cms.core.page_forms.BasePageForm, set in CoreConfig.ready()
    # (Wagtail's admin forms cannot be imported while models load).

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from cms.workflows.approval import restart_after_edit
        from cms.workflows.gate import guard_save

        guard_save(self)
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if self.latest_revision_id and (
            update_fields is None or "latest_revision" in update_fields
        ):
            restart_after_edit(self)  # an edit during the workflow sends it back to review
        return result

    def save_revision(self, *args, overwrite_revision=None, **kwargs):
        """As Wagtail's, but a revision that was submitted, approved or published is never
        rewritten in place (the editor's autosave would otherwise do so): the new text
        becomes a new revision, and what was approved stays what it was."""
        if overwrite_revision is not None:
            from cms.workflows.gate import revision_is_on_record

            if revision_is_on_record(overwrite_revision, self):
                overwrite_revision = None
        return super().save_revision(*args, overwrite_revision=overwrite_revision, **kwargs)

    def get_live_translations(self):
        return (
            self.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        )


class IndexPage(BasePage):
    """Abstract section page that lists its children newest first, a page at a time."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    per_page = 12

    class Meta:
        abstract = True

    def get_listing(self):
        """The live, public items of this section, in display order."""
        raise NotImplementedError

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, self.per_page)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.paginate(request, self.get_listing())
        return context

"""The site search index: one row per live, public content page.

Wagtail's database search backend neither ignores Vietnamese diacritics nor
filters across page types on fields only some of them have, so the site keeps
its own small index. Each row holds what the results list shows (title, kind,
topic, date, text) and folded copies of the title and text for matching
(``cms.sitesearch.folding``): a ``contains`` on a folded column behaves the same
on SQLite and PostgreSQL. The rows follow the live version of each page
(``cms.sitesearch.indexing``, kept up to date by the signal handlers).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    """What a result is, as the type filter offers it."""

    NEWS = "news", _("News")
    PRESS_RELEASE = "press_release", _("Press release")
    REBUTTAL = "rebuttal", _("Rebuttal of false information")
    SOVEREIGNTY = "sovereignty", _("Sovereignty feature")
    CAMPAIGN = "campaign", _("Campaign")
    PAGE = "page", _("Information page")


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("locale"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SearchKind.choices)
    topic = models.ForeignKey(
        "core.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date = models.DateField(_("date"))
    title = models.TextField(_("title"))
    text = models.TextField(_("text"), blank=True)
    title_folded = models.TextField(_("folded title"))
    text_folded = models.TextField(_("folded text"), blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "date"], name="sitesearch_locale_date")]

    def __str__(self) -> str:
        return self.title

"""Holiday and anniversary campaigns and the occasions they celebrate."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index

from cms.core.blocks import BaseStreamBlock, KeyMessageBlock
from cms.core.models import BasePage

from .calendar import DateRule, Occurrence


class CalendarKind(models.TextChoices):
    SOLAR = "solar", _("Solar calendar")
    LUNAR = "lunar", _("Lunar calendar")


class Occasion(TranslatableMixin, index.Indexed, models.Model):
    """A holiday or anniversary with its date rule (e.g. 2/9, founded 1945)."""

    name = models.CharField(_("name"), max_length=255)
    calendar = models.CharField(
        _("calendar"), max_length=5, choices=CalendarKind.choices, default=CalendarKind.SOLAR
    )
    day = models.PositiveSmallIntegerField(
        _("day"), validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        help_text=_("The year the event first took place, used to count the anniversary."),
    )
    duration_days = models.PositiveSmallIntegerField(
        _("number of days"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("How many days it lasts: 4 for a festival from the 12th to the 15th."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [
                FieldPanel("calendar"),
                FieldPanel("day"),
                FieldPanel("month"),
                FieldPanel("duration_days"),
            ]
        ),
        FieldPanel("founding_year"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("occasion")
        verbose_name_plural = _("occasion")
        ordering = ["month", "day"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.calendar == CalendarKind.SOLAR and self.day and self.month:
            try:
                timezone.datetime(2024, self.month, self.day)  # 2024: leap year allows 29/2
            except ValueError:
                raise ValidationError(
                    {
                        "day": _("The date %(day)s/%(month)s does not exist.")
                        % {"day": self.day, "month": self.month}
                    }
                ) from None
        elif self.calendar == CalendarKind.LUNAR and self.day and self.day > 30:
            raise ValidationError({"day": _("A lunar month has at most 30 days.")})

    @property
    def is_lunar(self) -> bool:
        return self.calendar == CalendarKind.LUNAR

    @property
    def date_rule(self) -> DateRule:
        """The date rule (``campaigns.calendar``) shared with the checker's HOL-01 rule."""
        return DateRule(
            day=self.day,
            month=self.month,
            lunar=self.is_lunar,
            founding_year=self.founding_year,
            duration_days=self.duration_days or 1,
        )

    def anniversary_in(self, year: int) -> int | None:
        """The anniversary number celebrated in ``year`` (80 for National Day in 2025); for a
        lunar occasion ``year`` is the lunar year."""
        return self.date_rule.anniversary_in(year)

    def occurrence_in(self, year: int) -> Occurrence | None:
        """The occurrence in ``year`` (the lunar year for a lunar occasion)."""
        return self.date_rule.occurrence_in(year)

    def next_occurrences(self, today=None, count: int = 1) -> list[Occurrence]:
        """The next ``count`` occurrences not ended before ``today`` (default: today)."""
        return self.date_rule.next_occurrences(today or timezone.localdate(), count)

    def occurrences_between(self, first, last) -> list[Occurrence]:
        return self.date_rule.occurrences_between(first, last)

    @property
    def date_label(self) -> str:
        last_day = self.day + (self.duration_days or 1) - 1
        days = f"{self.day}–{last_day}" if last_day != self.day else str(self.day)
        label = f"{days}/{self.month}"
        if self.is_lunar:
            return f"{label} ({CalendarKind.LUNAR.label.lower()})"
        return label


# How far from an occurrence a campaign's dates may lie and still be for it.
CAMPAIGN_MATCH_DAYS = 45


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    RUNNING = "running", _("Running")
    ENDED = "ended", _("Ended")


class CampaignQuerySet(PageQuerySet):
    def current(self, today=None):
        """Running and upcoming campaigns, soonest first."""
        today = today or timezone.localdate()
        return (
            self.filter(end_date__gte=today)
            .select_related("banner", "occasion")
            .prefetch_related("banner__renditions")
            .order_by("start_date", "pk")
        )

    def recent(self, today=None):
        """Campaigns that have ended, the latest first."""
        today = today or timezone.localdate()
        return (
            self.filter(end_date__lt=today)
            .select_related("banner", "occasion")
            .prefetch_related("banner__renditions")
            .order_by("-end_date", "-pk")
        )


CampaignManager = PageManager.from_queryset(CampaignQuerySet)


class CampaignIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    template = "pages/campaigns/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        campaigns = list(
            CampaignPage.objects.child_of(self)
            .live()
            .public()
            .select_related("banner", "occasion")
            .prefetch_related("banner__renditions")
            .order_by("-start_date", "pk")
        )
        groups = {status: [] for status in CampaignStatus.values}
        for campaign in campaigns:
            groups[campaign.status_on(today)].append(campaign)
        groups[CampaignStatus.UPCOMING].reverse()
        context["campaign_groups"] = [
            (CampaignStatus(status), groups[status])
            for status in (CampaignStatus.RUNNING, CampaignStatus.UPCOMING, CampaignStatus.ENDED)
        ]
        context["upcoming_occasions"] = self.upcoming_occasions(today, campaigns)
        context["today"] = today
        return context

    def upcoming_occasions(self, today=None, campaigns=None):
        """The occasions of the next twelve months in this page's language, each with the
        campaign held for it, if there is one."""
        from .occasions import occasions_for, upcoming_occasions

        today = today or timezone.localdate()
        if campaigns is None:
            campaigns = (
                CampaignPage.objects.child_of(self).live().public().select_related("occasion")
            )
        return upcoming_occasions(occasions_for(self.locale), today, campaigns)


class CampaignPage(BasePage):
    """A holiday or anniversary campaign; its articles are listed automatically."""

    occasion = models.ForeignKey(
        Occasion,
        verbose_name=_("occasion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    slogan = models.CharField(_("slogan"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    key_messages = StreamField(
        [("message", KeyMessageBlock())], verbose_name=_("key messages"), blank=True
    )
    banner = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("banner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    plan_task = models.ForeignKey(
        "reporting.PlanTask",
        verbose_name=_("plan task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The task of the commune's plan this campaign serves; the reports count by it."
        ),
    )

    objects = CampaignManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("occasion"),
        FieldPanel("plan_task"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("slogan"),
        FieldPanel("summary"),
        FieldPanel("banner"),
        MultiFieldPanel([FieldPanel("key_messages")], heading=_("Key message")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("slogan"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    template = "pages/campaigns/campaign_page.html"

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaign")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def status_on(self, day) -> str:
        if day < self.start_date:
            return CampaignStatus.UPCOMING
        if day > self.end_date:
            return CampaignStatus.ENDED
        return CampaignStatus.RUNNING

    @property
    def occurrence(self) -> Occurrence | None:
        """The occurrence of the occasion this campaign is for: the one within its dates, or
        else the nearest one to them (a campaign may close before the day itself)."""
        if self.occasion is None or not self.start_date or not self.end_date:
            return None
        margin = datetime.timedelta(days=CAMPAIGN_MATCH_DAYS)
        found = self.occasion.occurrences_between(self.start_date - margin, self.end_date + margin)
        if not found:
            return None

        def distance(occurrence: Occurrence) -> int:
            if occurrence.end < self.start_date:
                return (self.start_date - occurrence.end).days
            if occurrence.start > self.end_date:
                return (occurrence.start - self.end_date).days
            return 0

        return min(found, key=distance)

    @property
    def anniversary(self) -> int | None:
        """The anniversary this campaign celebrates (80 for National Day 2025), if any."""
        if self.occasion is None:
            return None
        occurrence = self.occurrence
        if occurrence is not None:
            return occurrence.anniversary
        return self.occasion.anniversary_in(self.start_date.year)

    @property
    def status(self) -> CampaignStatus:
        return CampaignStatus(self.status_on(timezone.localdate()))

    def get_articles(self):
        """Live articles and features of this campaign, newest first."""
        from articles.models import ArticlePage, SovereigntyFeaturePage

        items = []
        for model in (ArticlePage, SovereigntyFeaturePage):
            items.extend(model.objects.live().public().filter(related_campaign=self).for_listing())
        items.sort(key=lambda page: (page.publication_date, page.pk), reverse=True)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign_articles"] = self.get_articles()
        return context

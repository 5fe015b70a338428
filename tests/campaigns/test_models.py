"""Occasions, campaign dates and status, and the automatic list of a campaign's articles."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import ArticlePage
from campaigns.models import (
    CalendarKind,
    CampaignIndexPage,
    CampaignPage,
    CampaignStatus,
    Occasion,
)
from home.models import HomePage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    OccasionFactory,
    SovereigntyFeaturePageFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


class TestOccasion:
    @pytest.mark.parametrize(("day", "month"), [(31, 2), (30, 2), (31, 4), (31, 11)])
    def test_impossible_solar_dates_are_rejected(self, day, month):
        occasion = OccasionFactory.build(day=day, month=month, calendar=CalendarKind.SOLAR)

        with pytest.raises(ValidationError) as excinfo:
            occasion.clean()

        assert list(excinfo.value.message_dict) == ["day"]
        assert f"{day}/{month}" in excinfo.value.message_dict["day"][0]

    @pytest.mark.parametrize(("day", "month"), [(29, 2), (2, 9), (31, 12), (30, 4)])
    def test_real_solar_dates_are_accepted(self, day, month):
        OccasionFactory.build(day=day, month=month).clean()

    def test_lunar_months_have_at_most_thirty_days(self):
        OccasionFactory.build(calendar=CalendarKind.LUNAR, day=30, month=2).clean()
        with pytest.raises(ValidationError) as excinfo:
            OccasionFactory.build(calendar=CalendarKind.LUNAR, day=31, month=1).clean()
        assert list(excinfo.value.message_dict) == ["day"]

    def test_full_clean_rejects_day_32(self):
        occasion = OccasionFactory(day=2, month=9)
        occasion.day = 32
        with pytest.raises(ValidationError) as excinfo:
            occasion.full_clean()
        assert "day" in excinfo.value.message_dict

    def test_anniversary_number(self):
        national_day = OccasionFactory.build(founding_year=1945)

        assert national_day.anniversary_in(2025) == 80
        assert national_day.anniversary_in(1945) is None
        assert OccasionFactory.build(founding_year=None).anniversary_in(2025) is None

    def test_date_label(self):
        assert OccasionFactory.build(day=2, month=9).date_label == "2/9"
        tet = OccasionFactory.build(calendar=CalendarKind.LUNAR, day=1, month=1)
        assert tet.date_label.startswith("1/1 (")
        assert tet.date_label != "1/1"

    def test_occasions_are_ordered_through_the_year(self):
        OccasionFactory(name="Quốc khánh", day=2, month=9)
        OccasionFactory(name="Giải phóng miền Nam", day=30, month=4)
        OccasionFactory(name="Thành lập Đảng", day=3, month=2)

        assert [o.name for o in Occasion.objects.all()] == [
            "Thành lập Đảng",
            "Giải phóng miền Nam",
            "Quốc khánh",
        ]


class TestCampaignRules:
    def test_campaigns_live_only_in_a_campaign_index(self, home_page):
        assert CampaignIndexPage in HomePage.allowed_subpage_models()
        assert CampaignPage.allowed_parent_page_models() == [CampaignIndexPage]
        assert not CampaignPage.can_create_at(home_page)
        index = CampaignIndexPageFactory(parent=home_page)
        assert CampaignPage.can_create_at(index)
        assert not ArticlePage.can_create_at(index)

    def test_end_before_start_is_invalid(self):
        campaign = CampaignPageFactory.build(
            start_date=datetime.date(2025, 9, 2), end_date=datetime.date(2025, 8, 20)
        )

        with pytest.raises(ValidationError) as excinfo:
            campaign.clean()

        assert list(excinfo.value.message_dict) == ["end_date"]

    def test_one_day_campaign_is_valid(self):
        CampaignPageFactory.build(
            start_date=datetime.date(2025, 9, 2), end_date=datetime.date(2025, 9, 2)
        ).clean()


class TestCampaignStatus:
    START = datetime.date(2025, 8, 15)
    END = datetime.date(2025, 9, 5)

    @pytest.mark.parametrize(
        ("day", "status"),
        [
            (datetime.date(2025, 8, 14), CampaignStatus.UPCOMING),
            (datetime.date(2025, 8, 15), CampaignStatus.RUNNING),
            (datetime.date(2025, 9, 2), CampaignStatus.RUNNING),
            (datetime.date(2025, 9, 5), CampaignStatus.RUNNING),
            (datetime.date(2025, 9, 6), CampaignStatus.ENDED),
        ],
    )
    def test_status_on_a_given_day(self, day, status):
        campaign = CampaignPageFactory.build(start_date=self.START, end_date=self.END)
        assert campaign.status_on(day) == status

    def test_status_today(self):
        today = timezone.localdate()
        running = CampaignPageFactory.build(start_date=today, end_date=today)
        upcoming = CampaignPageFactory.build(start_date=today + DAY, end_date=today + 9 * DAY)
        ended = CampaignPageFactory.build(start_date=today - 9 * DAY, end_date=today - DAY)

        assert running.status == CampaignStatus.RUNNING
        assert upcoming.status == CampaignStatus.UPCOMING
        assert ended.status == CampaignStatus.ENDED

    def test_current_excludes_ended_campaigns_and_sorts_by_start(self, home_page):
        index = CampaignIndexPageFactory(parent=home_page)
        today = datetime.date(2025, 9, 1)
        ended = CampaignPageFactory(
            parent=index, start_date=datetime.date(2025, 4, 1), end_date=datetime.date(2025, 5, 1)
        )
        upcoming = CampaignPageFactory(
            parent=index, start_date=datetime.date(2025, 12, 1), end_date=datetime.date(2026, 1, 1)
        )
        running = CampaignPageFactory(
            parent=index, start_date=datetime.date(2025, 8, 15), end_date=today
        )

        current = list(CampaignPage.objects.child_of(index).current(today=today))

        assert current == [running, upcoming]
        assert ended not in current

    def test_index_groups_campaigns_by_status(self, home_page, rf):
        today = timezone.localdate()
        index = CampaignIndexPageFactory(parent=home_page)
        running = CampaignPageFactory(parent=index, start_date=today - DAY, end_date=today + DAY)
        soon = CampaignPageFactory(parent=index, start_date=today + DAY, end_date=today + 5 * DAY)
        later = CampaignPageFactory(
            parent=index, start_date=today + 30 * DAY, end_date=today + 40 * DAY
        )
        ended = CampaignPageFactory(
            parent=index, start_date=today - 40 * DAY, end_date=today - 30 * DAY
        )
        CampaignPageFactory(parent=index, publish=False)

        groups = dict(index.get_context(rf.get(index.url))["campaign_groups"])

        assert list(groups) == [
            CampaignStatus.RUNNING,
            CampaignStatus.UPCOMING,
            CampaignStatus.ENDED,
        ]
        assert groups[CampaignStatus.RUNNING] == [running]
        assert groups[CampaignStatus.UPCOMING] == [soon, later]
        assert groups[CampaignStatus.ENDED] == [ended]


class TestCampaignArticles:
    def test_campaign_lists_its_live_articles_automatically(self, home_page):
        campaign = CampaignPageFactory()
        other_campaign = CampaignPageFactory(parent=campaign.get_parent())
        news = ArticleIndexPageFactory(parent=home_page)
        first = ArticlePageFactory(
            parent=news, related_campaign=campaign, publication_date=datetime.date(2025, 8, 20)
        )
        feature = SovereigntyFeaturePageFactory(
            related_campaign=campaign, publication_date=datetime.date(2025, 8, 25)
        )
        latest = ArticlePageFactory(
            parent=news, related_campaign=campaign, publication_date=datetime.date(2025, 9, 2)
        )
        ArticlePageFactory(parent=news, related_campaign=campaign, publish=False)
        ArticlePageFactory(parent=news, related_campaign=other_campaign)
        ArticlePageFactory(parent=news)

        assert campaign.get_articles() == [latest, feature, first]

    def test_unpublished_article_disappears_from_the_campaign(self):
        campaign = CampaignPageFactory()
        article = ArticlePageFactory(related_campaign=campaign)
        assert campaign.get_articles() == [article]

        article.unpublish()

        assert campaign.get_articles() == []

    def test_campaign_context_carries_the_articles(self, rf):
        campaign = CampaignPageFactory()
        article = ArticlePageFactory(related_campaign=campaign)

        context = campaign.get_context(rf.get(campaign.url))

        assert context["campaign_articles"] == [article]

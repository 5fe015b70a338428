"""The occasion calendar on the campaign index, as visitors see it in both languages."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    OccasionFactory,
    get_locale,
    translate_page,
)
from tests.utils import get_soup

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def today(monkeypatch):
    """Set the day the site renders for (the calendar is computed at render time)."""
    real = timezone.localdate

    def set_today(day: datetime.date) -> None:
        monkeypatch.setattr(
            timezone,
            "localdate",
            lambda value=None, tz=None: day if value is None else real(value, tz),
        )

    return set_today


@pytest.fixture
def occasions(db):
    teachers = OccasionFactory(name="Ngày Nhà giáo Việt Nam", day=20, month=11, founding_year=1982)
    keo = OccasionFactory(
        name="Lễ hội chùa Keo Hành Thiện",
        calendar="lunar",
        day=12,
        month=9,
        duration_days=4,
        founding_year=None,
    )
    return teachers, keo


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page, title="Chiến dịch tuyên truyền")


def entries(soup):
    """name → the entry's element."""
    return {
        item.select_one(".occasion-item__name").get_text(strip=True): item
        for item in soup.select(".occasion-calendar .occasion-item")
    }


def test_the_calendar_shows_anniversaries_and_both_dates_of_lunar_occasions(
    client, campaign_index, occasions, today
):
    today(D(2026, 11, 10))

    soup = get_soup(client, campaign_index.url)

    calendar = soup.select_one(".occasion-calendar")
    assert calendar.h2.get_text(strip=True) == "Ngày lễ, kỷ niệm sắp tới"
    found = entries(soup)
    teachers = found["Ngày Nhà giáo Việt Nam"]
    assert teachers.select_one("time")["datetime"] == "2026-11-20"
    assert "Thứ 6, 20/11/2026" in teachers.get_text(" ", strip=True)  # a Friday
    assert teachers.select_one(".occasion-item__anniversary").get_text(strip=True) == "44 năm"
    keo = found["Lễ hội chùa Keo Hành Thiện"]
    assert [t["datetime"] for t in keo.select("time")] == ["2027-10-11", "2027-10-14"]
    assert keo.select_one(".occasion-item__lunar").get_text(strip=True) == "(12–15/9 âm lịch)"
    assert keo.select_one(".occasion-item__anniversary") is None  # no founding year
    # soonest first
    assert list(found) == ["Ngày Nhà giáo Việt Nam", "Lễ hội chùa Keo Hành Thiện"]


def test_the_calendar_moves_on_with_the_years(client, campaign_index, occasions, today):
    today(D(2028, 11, 21))  # the day after Teachers' Day 2028

    teachers = entries(get_soup(client, campaign_index.url))["Ngày Nhà giáo Việt Nam"]

    assert teachers.select_one("time")["datetime"] == "2029-11-20"
    assert teachers.select_one(".occasion-item__anniversary").get_text(strip=True) == "47 năm"


def test_only_the_next_twelve_months_are_shown(client, campaign_index, today):
    OccasionFactory(name="Ngày mai", day=11, month=11, founding_year=None)
    OccasionFactory(name="Hôm nay", day=10, month=11, founding_year=None)
    today(D(2026, 11, 11))

    found = entries(get_soup(client, campaign_index.url))

    assert list(found) == ["Ngày mai", "Hôm nay"]
    assert found["Ngày mai"].select_one("time")["datetime"] == "2026-11-11"
    assert found["Hôm nay"].select_one("time")["datetime"] == "2027-11-10"


def test_a_festival_under_way_is_marked(client, campaign_index, occasions, today):
    today(D(2025, 11, 3))  # 14/9 âm lịch 2025

    soup = get_soup(client, campaign_index.url)

    keo, next_year = soup.select(".occasion-item--lunar")
    assert [t["datetime"] for t in keo.select("time")] == ["2025-11-01", "2025-11-04"]
    assert keo.select_one(".badge--running").get_text(strip=True) == "Đang diễn ra"
    # next year's festival (21–24/10/2026) is within twelve months too, not under way
    assert [t["datetime"] for t in next_year.select("time")] == ["2026-10-21", "2026-10-24"]
    assert next_year.select_one(".badge--running") is None


def test_an_occurrence_links_to_its_campaign(client, campaign_index, occasions, today):
    teachers, _keo = occasions
    campaign = CampaignPageFactory(
        parent=campaign_index,
        occasion=teachers,
        title="Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2026)",
        slogan="",
        start_date=D(2026, 11, 6),
        end_date=D(2026, 11, 21),
    )
    today(D(2026, 11, 10))

    found = entries(get_soup(client, campaign_index.url))

    link = found["Ngày Nhà giáo Việt Nam"].select_one(".occasion-item__campaign a")
    assert link["href"] == campaign.url
    assert link.get_text(strip=True) == campaign.title
    assert found["Lễ hội chùa Keo Hành Thiện"].select_one(".occasion-item__campaign") is None


def test_the_english_calendar(client, campaign_index, occasions, en_home_page, today):
    teachers, _keo = occasions
    english = teachers.copy_for_translation(get_locale("en"))
    english.name = "Vietnamese Teachers' Day"
    english.save()
    english_index = translate_page(campaign_index, "en", title="Campaigns", slug="campaigns")
    today(D(2026, 11, 10))

    soup = get_soup(client, english_index.url)

    assert soup.select_one(".occasion-calendar h2").get_text(strip=True) == "Upcoming occasions"
    found = entries(soup)
    teachers_day = found["Vietnamese Teachers' Day"]
    assert "Friday, 20/11/2026" in teachers_day.get_text(" ", strip=True)
    anniversary = teachers_day.select_one(".occasion-item__anniversary").get_text(strip=True)
    assert anniversary == "44th anniversary"
    # not translated yet: the Vietnamese name, marked as Vietnamese
    keo = found["Lễ hội chùa Keo Hành Thiện"]
    assert keo.select_one(".occasion-item__name")["lang"] == "vi"
    lunar = keo.select_one(".occasion-item__lunar").get_text(strip=True)
    assert lunar == "(12th–15th day of the 9th lunar month)"


def test_a_lunar_campaign_page_shows_both_dates(client, campaign_index, occasions):
    _teachers, keo = occasions
    campaign = CampaignPageFactory(
        parent=campaign_index,
        occasion=keo,
        title="Lễ hội chùa Keo Hành Thiện năm 2027",
        slogan="",
        start_date=D(2027, 9, 27),
        end_date=D(2027, 10, 15),
    )

    soup = get_soup(client, campaign.url)

    occasion = soup.select_one(".occasion-dates").parent
    assert [t["datetime"] for t in occasion.select("time")] == ["2027-10-11", "2027-10-14"]
    assert occasion.get_text(" ", strip=True).endswith("(12–15/9 âm lịch)")

"""Campaign pages as visitors see them."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CustomImageFactory,
    OccasionFactory,
    translate_page,
)
from tests.utils import assert_page_renders

pytestmark = pytest.mark.django_db

CAMPAIGN_MAX_QUERIES = 22
DAY = datetime.timedelta(days=1)


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page, title="Chiến dịch tuyên truyền")


def test_campaign_page_lists_its_live_articles(client, home_page, campaign_index):
    campaign = CampaignPageFactory(
        parent=campaign_index,
        occasion=OccasionFactory(name="Quốc khánh 2/9", founding_year=1945),
        start_date=datetime.date(2025, 8, 15),
        end_date=datetime.date(2025, 9, 5),
    )
    news = ArticleIndexPageFactory(parent=home_page)
    article = ArticlePageFactory(parent=news, related_campaign=campaign, title="Treo cờ Tổ quốc")
    draft = ArticlePageFactory(
        parent=news, related_campaign=campaign, title="Bài chưa duyệt", publish=False
    )
    unrelated = ArticlePageFactory(parent=news, title="Tin không thuộc chiến dịch")

    soup = assert_page_renders(client, campaign, "vi")

    text = soup.get_text(" ", strip=True)
    assert soup.select_one(f'main a[href="{article.url}"]') is not None
    assert draft.title not in text
    assert unrelated.title not in text
    assert "Quốc khánh 2/9" in text
    assert "80" in text  # 80th anniversary in 2025
    assert campaign.slogan in text


def test_campaign_page_shows_its_status(client, campaign_index):
    today = timezone.localdate()
    running = CampaignPageFactory(parent=campaign_index, start_date=today, end_date=today)
    ended = CampaignPageFactory(
        parent=campaign_index, start_date=today - 9 * DAY, end_date=today - DAY
    )

    running_badge = assert_page_renders(client, running, "vi").select_one(".badge--status")
    ended_badge = assert_page_renders(client, ended, "vi").select_one(".badge--status")

    assert "badge--running" in running_badge["class"]
    assert "badge--ended" in ended_badge["class"]
    assert running_badge.get_text(strip=True) != ended_badge.get_text(strip=True)


def test_campaign_index_groups_by_status(client, campaign_index):
    today = timezone.localdate()
    running = CampaignPageFactory(
        parent=campaign_index, title="Đang chạy", start_date=today - DAY, end_date=today + DAY
    )
    upcoming = CampaignPageFactory(
        parent=campaign_index, title="Sắp tới", start_date=today + DAY, end_date=today + 3 * DAY
    )
    ended = CampaignPageFactory(
        parent=campaign_index, title="Đã xong", start_date=today - 5 * DAY, end_date=today - DAY
    )

    soup = assert_page_renders(client, campaign_index, "vi")

    def titles(status):
        group = soup.select_one(f".campaign-group--{status}")
        return [a.get_text(strip=True) for a in group.select("a")] if group else []

    assert titles("running") == [running.title]
    assert titles("upcoming") == [upcoming.title]
    assert titles("ended") == [ended.title]


def test_english_campaign_pages(client, campaign_index, en_home_page):
    campaign = CampaignPageFactory(parent=campaign_index)
    translate_page(campaign_index, "en", title="Campaigns", slug="campaigns")
    english = translate_page(campaign, "en", title="80th National Day campaign")

    assert_page_renders(client, english, "en")
    assert_page_renders(client, english.get_parent().specific, "en")


def test_campaign_page_queries_do_not_grow_with_its_articles(
    client, home_page, campaign_index, django_assert_max_num_queries
):
    campaign = CampaignPageFactory(parent=campaign_index, banner=CustomImageFactory())
    news = ArticleIndexPageFactory(parent=home_page)
    counts = []
    for batch in (3, 12):
        for number in range(batch):
            ArticlePageFactory(
                parent=news,
                related_campaign=campaign,
                feed_image=CustomImageFactory(),
                tags=[f"đợt {number}"],
            )
        client.get(campaign.url)  # first visit: image renditions are generated once
        with django_assert_max_num_queries(CAMPAIGN_MAX_QUERIES) as captured:
            response = client.get(campaign.url)
        assert response.status_code == HTTPStatus.OK
        counts.append(len(captured.captured_queries))

    assert response.content.decode().count('class="teaser"') == 15
    assert counts[0] == counts[1]

"""Articles, features, topics and a campaign in both languages, for feeds and sharing tags."""

import datetime

import pytest

from cms.core.models import Topic
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    SovereigntyIndexPageFactory,
    TopicFactory,
    get_locale,
    translate_page,
)


def translate_topic(topic: Topic, *, name: str, slug: str) -> Topic:
    english = topic.copy_for_translation(get_locale("en"))
    english.name = name
    english.slug = slug
    english.save()
    return english


@pytest.fixture
def news_index(home_page):
    return ArticleIndexPageFactory(parent=home_page, title="Tin tức – Sự kiện", slug="tin-tuc")


@pytest.fixture
def sovereignty_index(home_page):
    return SovereigntyIndexPageFactory(
        parent=home_page, title="Chủ quyền biển đảo", slug="chu-quyen-bien-dao"
    )


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(
        parent=home_page, title="Chiến dịch tuyên truyền", slug="chien-dich"
    )


@pytest.fixture
def economy():
    return TopicFactory(name="Kinh tế – Đầu tư", slug="kinh-te-dau-tu")


@pytest.fixture
def culture():
    return TopicFactory(name="Văn hóa – Xã hội", slug="van-hoa-xa-hoi")


@pytest.fixture
def campaign(campaign_index):
    return CampaignPageFactory(
        parent=campaign_index,
        slug="quoc-khanh",
        start_date=datetime.date(2025, 8, 25),
        end_date=datetime.date(2025, 9, 5),
        title="Tuyên truyền kỷ niệm 80 năm Quốc khánh",
        slogan="Nhiệt liệt chào mừng 80 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        summary="Đợt tuyên truyền cao điểm kỷ niệm 80 năm Quốc khánh trên địa bàn xã.",
    )


def article(parent, title, day, **kwargs):
    return ArticlePageFactory(
        parent=parent, title=title, publication_date=datetime.date(2025, *day), **kwargs
    )


@pytest.fixture
def english_news(news_index, en_home_page):
    """The English news section (published, so English articles below it are routable)."""
    return translate_page(news_index, "en", title="News and events", slug="news")


__all__ = ["article", "translate_page", "translate_topic"]

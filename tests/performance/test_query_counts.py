"""Queries per page stay the same however many articles, tags and related items there are.

Every public page type is requested with a site of one batch of content, then of
three: each batch adds an article with a feed image and more tags than the last,
a sovereignty feature, and a campaign that the articles and features belong to.
The count is the same for both sizes and under a fixed ceiling.
"""

from http import HTTPStatus

import pytest

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CustomImageFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

#: The most queries each page may take (measured on SQLite and PostgreSQL, plus three).
MAX_QUERIES = {
    "home": 23,
    "article listing": 20,
    "sovereignty listing": 20,
    "article": 23,
    "sovereignty feature": 23,
    "campaign": 25,
    "campaign index": 20,
}


class Site:
    """The sections and a growing amount of content in them."""

    def __init__(self, home_page):
        self.home = home_page
        self.topic = TopicFactory(name="Văn hóa – Xã hội")
        self.news = ArticleIndexPageFactory(parent=home_page, slug="tin-tuc", show_in_menus=True)
        self.sovereignty = SovereigntyIndexPageFactory(
            parent=home_page, slug="chu-quyen", show_in_menus=True
        )
        self.campaigns = CampaignIndexPageFactory(
            parent=home_page, slug="chien-dich", show_in_menus=True
        )
        self.campaign = CampaignPageFactory(parent=self.campaigns)
        self.batches = 0
        self.article = self.feature = None

    def add_batch(self):
        self.batches += 1
        tags = [f"từ khóa {self.batches}-{n}" for n in range(2 * self.batches)]
        self.article = ArticlePageFactory(
            parent=self.news,
            topic=self.topic,
            feed_image=CustomImageFactory(),
            tags=tags,
            related_campaign=self.campaign,
        )
        self.feature = SovereigntyFeaturePageFactory(
            parent=self.sovereignty,
            topic=self.topic,
            feed_image=CustomImageFactory(),
            related_campaign=self.campaign,
        )
        CampaignPageFactory(parent=self.campaigns)

    def urls(self) -> dict[str, str]:
        return {
            "home": self.home.url,
            "article listing": self.news.url,
            "sovereignty listing": self.sovereignty.url,
            "article": self.article.url,
            "sovereignty feature": self.feature.url,
            "campaign": self.campaign.url,
            "campaign index": self.campaigns.url,
        }


def count_queries(client, url, limit, django_assert_max_num_queries) -> int:
    client.get(url)  # the first visit makes the image renditions, once
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(captured.captured_queries)


def test_queries_per_page_do_not_grow_with_the_content(
    client, home_page, django_assert_max_num_queries
):
    site = Site(home_page)
    site.add_batch()

    def measure():
        return {
            name: count_queries(client, url, MAX_QUERIES[name], django_assert_max_num_queries)
            for name, url in site.urls().items()
        }

    small = measure()
    site.add_batch()
    site.add_batch()
    large = measure()

    assert large == small
    # The pages did grow: three articles on the listing and on the campaign, four tags.
    listing = client.get(site.news.url).content.decode()
    campaign = client.get(site.campaign.url).content.decode()
    for article in site.news.get_children().live():
        assert article.title in listing
        assert article.title in campaign
    assert "từ khóa 3-5" in client.get(site.article.url).content.decode()

"""The home page and content pages: where they may be created, what they show, how fast."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage, SovereigntyIndexPage
from campaigns.models import CampaignIndexPage
from home.models import ContentPage, HomePage, InvestorPage, SpokespersonPage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ContentPageFactory,
    CustomImageFactory,
    SovereigntyFeaturePageFactory,
    national_day_anniversary,
    publish_page,
    translate_page,
)
from tests.utils import assert_page_renders, get_soup

pytestmark = pytest.mark.django_db

# Queries for one request of the home page, measured with content in every
# section (featured story, latest news with images, a campaign, a feature).
HOME_MAX_QUERIES = 26


class TestCreationRules:
    def test_home_page_is_the_site_root(self, home_page):
        root = Page.get_first_root_node()

        assert home_page.get_parent().pk == root.pk
        assert home_page.get_site().root_page_id == home_page.pk
        assert home_page.live
        assert home_page.locale.language_code == "vi"

    def test_home_pages_exist_only_at_the_tree_root(self, home_page):
        """One home page per language, all directly under Wagtail's root."""
        assert HomePage.allowed_parent_page_models() == [Page]
        assert HomePage.can_exist_under(Page.get_first_root_node())
        assert not HomePage.can_create_at(home_page)
        assert not HomePage.can_create_at(ArticleIndexPageFactory(parent=home_page))

    @pytest.mark.parametrize(
        "child",
        [ContentPage, ArticleIndexPage, SovereigntyIndexPage, CampaignIndexPage],
    )
    def test_sections_may_be_created_under_the_home_page(self, home_page, child):
        assert child.can_create_at(home_page)

    def test_articles_and_campaigns_may_not_be_created_under_the_home_page(self, home_page):
        assert not ArticlePage.can_create_at(home_page)
        assert set(HomePage.allowed_subpage_models()) == {
            ContentPage,
            ArticleIndexPage,
            SovereigntyIndexPage,
            CampaignIndexPage,
            SpokespersonPage,
            InvestorPage,
        }

    def test_content_pages_nest_but_hold_nothing_else(self, home_page):
        about = ContentPageFactory(parent=home_page)

        assert ContentPage.can_create_at(about)
        assert ContentPage.allowed_subpage_models() == [ContentPage]
        assert not ContentPage.can_create_at(ArticleIndexPageFactory(parent=home_page))


class TestAdmin:
    def test_superuser_creates_a_content_page(self, admin_client, home_page):
        url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_page.pk])
        data = nested_form_data(
            {
                "title": "Giới thiệu xã Xuân Trường",
                "slug": "gioi-thieu",
                "intro": "Xã Xuân Trường được thành lập năm 2025.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Vị trí địa lý", "level": "h2"}),
                        ("paragraph", rich_text("<p>Phía bắc giáp xã Xuân Hồng.</p>")),
                    ]
                ),
                "comments": inline_formset([]),
                "seo_title": "",
                "search_description": "",
                "go_live_at": "",
                "expire_at": "",
            }
        )

        response = admin_client.post(url, data)

        assert response.status_code == HTTPStatus.FOUND
        page = ContentPage.objects.get(slug="gioi-thieu")
        assert page.get_parent().pk == home_page.pk
        assert [block.block_type for block in page.body] == ["heading", "paragraph"]
        assert page.body[0].value["text"] == "Vị trí địa lý"


class TestContext:
    def test_home_collects_its_sections(self, home_page, rf):
        news = ArticleIndexPageFactory(parent=home_page)
        featured = ArticlePageFactory(parent=news, publication_date=datetime.date(2025, 9, 1))
        latest = ArticlePageFactory(parent=news, publication_date=datetime.date(2025, 9, 2))
        ArticlePageFactory(parent=news, publish=False)
        campaign = CampaignPageFactory()
        feature = SovereigntyFeaturePageFactory()
        home_page.featured_story = featured
        publish_page(home_page)

        context = home_page.get_context(rf.get("/vi/"))

        assert context["featured"] == featured
        assert context["latest_articles"] == [latest]  # the featured story is not repeated
        assert context["campaigns"] == [campaign]
        assert context["sovereignty_features"] == [feature]

    def test_english_home_features_the_english_version(self, home_page, en_home_page, rf):
        featured = ArticlePageFactory()
        english = translate_page(featured, "en", title="Investment conference 2025")
        home_page.featured_story = featured
        publish_page(home_page)
        en_home_page.featured_story = featured  # as copied from the Vietnamese page
        publish_page(en_home_page)

        assert en_home_page.get_context(rf.get("/en/"))["featured"] == english
        assert home_page.get_context(rf.get("/vi/"))["featured"] == featured

    def test_english_home_shows_no_untranslated_featured_story(self, home_page, en_home_page, rf):
        en_home_page.featured_story = ArticlePageFactory()
        publish_page(en_home_page)

        assert en_home_page.get_context(rf.get("/en/"))["featured"] is None

    def test_unpublished_featured_story_is_dropped(self, home_page, rf):
        featured = ArticlePageFactory()
        home_page.featured_story = featured
        publish_page(home_page)
        featured.unpublish()

        context = home_page.get_context(rf.get("/vi/"))

        assert context["featured"] is None

    def test_home_shows_six_latest_articles_of_its_own_language(self, home_page, en_home_page, rf):
        news = ArticleIndexPageFactory(parent=home_page)
        articles = [
            ArticlePageFactory(parent=news, publication_date=datetime.date(2025, 9, day))
            for day in range(1, 9)
        ]
        english = translate_page(articles[-1], "en", title="National Day in Xuan Truong")

        vi_context = home_page.get_context(rf.get("/vi/"))
        en_context = en_home_page.get_context(rf.get("/en/"))

        assert vi_context["latest_articles"] == articles[::-1][:6]
        assert en_context["latest_articles"] == [english]

    def test_ended_campaigns_give_way_to_running_ones(self, home_page, rf):
        today = datetime.date.today()
        ended = CampaignPageFactory(
            start_date=today - datetime.timedelta(days=30),
            end_date=today - datetime.timedelta(days=20),
        )
        running = CampaignPageFactory(
            parent=ended.get_parent(),
            start_date=today - datetime.timedelta(days=2),
            end_date=today + datetime.timedelta(days=5),
        )

        context = home_page.get_context(rf.get("/vi/"))

        assert context["campaigns"] == [running]
        assert context["campaigns_are_current"] is True

    def test_between_campaigns_the_latest_ended_ones_are_shown_as_recent(self, client, home_page):
        today = datetime.date.today()
        older = CampaignPageFactory(
            title="Chào mừng Ngày Nhà giáo Việt Nam",
            start_date=today - datetime.timedelta(days=60),
            end_date=today - datetime.timedelta(days=50),
        )
        latest = CampaignPageFactory(
            parent=older.get_parent(),
            title="Kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam",
            start_date=today - datetime.timedelta(days=20),
            end_date=today - datetime.timedelta(days=10),
        )

        soup = get_soup(client, "/vi/")

        section = soup.find(id="campaigns-heading").find_parent("section")
        assert section.h2.get_text(strip=True) == "Chiến dịch gần đây"
        titles = [h.get_text(strip=True) for h in section.find_all("h3")]
        assert titles == [latest.title, older.title]
        assert "Đã kết thúc" in section.get_text()


class TestRendering:
    def test_vietnamese_home(self, client, home_page):
        soup = assert_page_renders(client, home_page, "vi", title_in_head=False)

        assert home_page.intro in soup.get_text()

    def test_english_home(self, client, en_home_page):
        soup = assert_page_renders(client, en_home_page, "en", title_in_head=False)

        assert "Official information from the People's Committee" in soup.get_text()

    def test_home_links_to_latest_articles_and_campaigns(self, client, home_page):
        news = ArticleIndexPageFactory(parent=home_page)
        article = ArticlePageFactory(parent=news, title="Hội nghị xúc tiến đầu tư năm 2025")
        draft = ArticlePageFactory(parent=news, title="Bản nháp chưa duyệt", publish=False)
        today = timezone.localdate()
        campaign = CampaignPageFactory(
            title=f"Chào mừng {national_day_anniversary(today)} năm Quốc khánh",
            start_date=today,
            end_date=today + datetime.timedelta(days=10),
        )

        soup = get_soup(client, "/vi/")

        links = {a.get_text(strip=True): a["href"] for a in soup.find_all("a", href=True)}
        assert links[article.title] == article.url
        assert links[campaign.title] == campaign.url
        assert draft.title not in soup.get_text()

    def test_content_page(self, client, home_page):
        page = ContentPageFactory(parent=home_page, title="Giới thiệu chung")

        soup = assert_page_renders(client, page, "vi")

        assert "18 km²" in soup.get_text()

    def test_english_content_page(self, client, home_page, en_home_page):
        page = ContentPageFactory(parent=home_page, title="Giới thiệu chung")
        english = translate_page(page, "en", title="About the commune")

        assert_page_renders(client, english, "en")


def add_articles(news, campaign, count: int, first_number: int = 0) -> list:
    """Articles with a feed image, their own topic, tags, and a campaign."""
    return [
        ArticlePageFactory(
            parent=news,
            feed_image=CustomImageFactory(),
            related_campaign=campaign,
            tags=[f"chủ đề {number}", "Xuân Trường"],
        )
        for number in range(first_number, first_number + count)
    ]


def count_queries(client, url, django_assert_max_num_queries, bound: int) -> int:
    client.get(url)  # first visit: image renditions are generated once
    with django_assert_max_num_queries(bound) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(captured.captured_queries)


def test_home_page_queries_do_not_grow_with_content(
    client, home_page, django_assert_max_num_queries
):
    """Every section of the home page filled, then five times as many articles."""
    news = ArticleIndexPageFactory(parent=home_page)
    CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(banner=CustomImageFactory())
    SovereigntyFeaturePageFactory(feed_image=CustomImageFactory())
    articles = add_articles(news, campaign, 3)
    home_page.featured_story = articles[0]
    publish_page(home_page)

    with_3 = count_queries(client, "/vi/", django_assert_max_num_queries, HOME_MAX_QUERIES)
    add_articles(news, campaign, 12, first_number=3)
    with_15 = count_queries(client, "/vi/", django_assert_max_num_queries, HOME_MAX_QUERIES)

    assert with_15 == with_3

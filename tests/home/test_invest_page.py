"""The investors' landing page, "Invest in Xuan Truong" (home.InvestorPage).

Location, infrastructure, the industrial cluster, the investment office's contacts
and the latest articles on the economy in the page's own language; linked from the
home page and the main menu; seeded in Vietnamese and English through the workflow.
"""

import datetime
from http import HTTPStatus
from io import StringIO

import factory
import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from articles.models import ArticlePage
from cms.core.models import Topic
from cms.security.models import AllowlistEntry
from cms.workflows.models import PublicationApproval
from home.models import HomePage, InvestorPage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CustomImageFactory,
    TopicFactory,
    get_locale,
    translate_page,
)
from tests.factories.pages import BasePageFactory, get_home_page
from tests.utils import get_soup, h1_texts

pytestmark = pytest.mark.django_db

HOTLINE = "0229 3888 999"
EMAIL = "ubndxaxuantruong@ninhbinh.gov.vn"


class InvestorPageFactory(BasePageFactory):
    parent = factory.LazyFunction(get_home_page)
    title = "Đầu tư vào Xuân Trường"
    slug = "dau-tu-vao-xuan-truong"
    show_in_menus = True  # a section of the home page, like the seeded one
    intro = "Thông tin dành cho nhà đầu tư."
    location = "<p>Xã Xuân Trường thuộc tỉnh Ninh Bình, vùng đồng bằng sông Hồng.</p>"
    infrastructure = "<ul><li>Đường bộ và đường thủy nội địa.</li></ul>"
    industrial_cluster = "<p>Số liệu về cụm công nghiệp đang được tổng hợp.</p>"
    office_name = "Phòng Kinh tế, Ủy ban nhân dân xã Xuân Trường"
    office_address = "Trụ sở Ủy ban nhân dân xã Xuân Trường, tỉnh Ninh Bình"
    office_phone = HOTLINE
    office_email = EMAIL

    class Meta:
        model = InvestorPage


@pytest.fixture
def official_contacts(db):
    """The People's Committee's hotline, on the checker's allowlist as in the demo data."""
    return AllowlistEntry.objects.create(
        kind="phone", value=HOTLINE, label="Đường dây nóng UBND xã Xuân Trường"
    )


@pytest.fixture
def economy(db):
    return TopicFactory(name="Kinh tế – Đầu tư", slug="kinh-te-dau-tu")


@pytest.fixture
def economy_en(economy):
    topic = economy.copy_for_translation(get_locale("en"))
    topic.name = "Economy and Investment"
    topic.slug = "economy-investment"
    topic.save()
    return topic


@pytest.fixture
def news_index(home_page):
    return ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def investor_page(home_page, official_contacts, economy):
    return InvestorPageFactory(parent=home_page, news_topic=economy)


@pytest.fixture
def en_investor_page(en_home_page, investor_page, economy_en):
    return translate_page(
        investor_page,
        title="Invest in Xuan Truong",
        slug="invest-in-xuan-truong",
        intro="Information for investors.",
        location="<p>Xuan Truong Commune is in Ninh Binh Province, in the Red River delta.</p>",
        infrastructure="<ul><li>Roads and inland waterways.</li></ul>",
        industrial_cluster="<p>Figures on the industrial cluster are being compiled.</p>",
        office_name="Economic Division, People's Committee of Xuan Truong Commune",
        office_address="Headquarters of the People's Committee of Xuan Truong Commune",
    )


def economy_article(
    news_index, topic, day: int, english_title: str | None = None, english_topic=None, **extra
):
    """A Vietnamese article on ``topic`` published on ``day`` October 2025, and its
    English translation (on the English topic) when ``english_title`` is given."""
    article = ArticlePageFactory(
        parent=news_index,
        title=f"Tin kinh tế ngày {day}/10",
        slug=f"tin-kinh-te-{day}",
        topic=topic,
        publication_date=datetime.date(2025, 10, day),
        **extra,
    )
    if english_title is None:
        return article
    return translate_page(
        article, title=english_title, summary="An English summary.", topic=english_topic
    )


def listed_titles(soup) -> list[str]:
    section = soup.select_one(".investor-news")
    return [title.get_text(strip=True) for title in section.select(".teaser__title")]


class TestCreationRules:
    def test_one_investor_page_directly_under_each_home_page(self, investor_page, home_page):
        assert InvestorPage.allowed_parent_page_models() == [HomePage]
        assert InvestorPage.allowed_subpage_models() == []
        assert InvestorPage in HomePage.allowed_subpage_models()
        assert not InvestorPage.can_create_at(home_page)  # there is one already

    def test_admin_offers_the_investor_page_form(self, admin_client, home_page):
        url = reverse("wagtailadmin_pages:add", args=["home", "investorpage", home_page.pk])

        response = admin_client.get(url)

        assert response.status_code == HTTPStatus.OK
        for field in (
            "location",
            "infrastructure",
            "industrial_cluster",
            "office_name",
            "office_phone",
            "office_email",
            "news_topic",
        ):
            assert f'name="{field}"' in response.content.decode(), field


class TestSections:
    def test_english_page_shows_every_section(self, client, en_investor_page):
        soup = get_soup(client, en_investor_page.url)

        assert soup.html["lang"] == "en"
        assert h1_texts(soup) == ["Invest in Xuan Truong"]
        headings = [h2.get_text(strip=True) for h2 in soup.find("main").find_all("h2")]
        assert headings == [
            "Location",
            "Infrastructure",
            "Industrial cluster",
            "Investment office",
            "Latest news on the economy",
        ]
        text = soup.find("main").get_text(" ", strip=True)
        assert "in the Red River delta" in text
        assert "Roads and inland waterways" in text
        assert "being compiled" in text

    def test_investment_office_contacts(self, client, en_investor_page):
        soup = get_soup(client, en_investor_page.url)

        address = soup.select_one(".investor-contact address")
        assert "Economic Division, People's Committee of Xuan Truong Commune" in address.get_text()
        assert address.select_one('a[href^="tel:"]')["href"] == "tel:+842293888999"
        assert address.select_one('a[href^="tel:"]').get_text(strip=True) == HOTLINE
        assert address.select_one('a[href^="mailto:"]')["href"] == f"mailto:{EMAIL}"

    def test_vietnamese_page_has_the_same_sections_in_vietnamese(self, client, investor_page):
        soup = get_soup(client, investor_page.url)

        assert soup.html["lang"] == "vi"
        sections = [section["aria-labelledby"] for section in soup.select("main section")]
        assert sections == [
            "location-heading",
            "infrastructure-heading",
            "industrial-cluster-heading",
            "investment-office-heading",
            "economy-news-heading",
        ]
        assert "Phòng Kinh tế" in soup.select_one(".investor-contact").get_text()
        assert "vùng đồng bằng sông Hồng" in soup.select_one(".investor-page").get_text()

    def test_empty_sections_are_left_out(self, client, home_page, official_contacts):
        page = InvestorPageFactory(parent=home_page, industrial_cluster="", infrastructure="")

        soup = get_soup(client, page.url)

        assert not soup.select("#industrial-cluster-heading, #infrastructure-heading")
        assert soup.select_one("#location-heading")


class TestEconomyNews:
    def test_lists_only_english_economy_articles_newest_first(
        self, client, news_index, economy, economy_en, en_investor_page
    ):
        older = economy_article(
            news_index, economy, 3, "Rice processing plant opens", english_topic=economy_en
        )
        newer = economy_article(
            news_index, economy, 13, "Business meeting on 13 October", english_topic=economy_en
        )
        economy_article(news_index, economy, 20)  # Vietnamese only
        other_topic = ArticlePageFactory(parent=news_index, slug="le-hoi", topic=TopicFactory())
        translate_page(other_topic, title="Autumn festival")  # English, not on the economy
        draft = economy_article(news_index, economy, 25)
        translate_page(draft, title="Draft translation", topic=economy_en, publish=False)

        soup = get_soup(client, en_investor_page.url)

        assert listed_titles(soup) == [newer.title, older.title]
        links = [a["href"] for a in soup.select(".investor-news .teaser__title a")]
        assert links == [newer.url, older.url]
        assert all(link.startswith("/en/") for link in links)

    def test_vietnamese_page_lists_the_vietnamese_articles(
        self, client, news_index, economy, investor_page
    ):
        article = economy_article(news_index, economy, 20)

        assert listed_titles(get_soup(client, investor_page.url)) == [article.title]

    def test_at_most_news_count_articles(self, client, news_index, economy, investor_page):
        for day in range(1, InvestorPage.news_count + 3):
            economy_article(news_index, economy, day)

        titles = listed_titles(get_soup(client, investor_page.url))

        assert len(titles) == InvestorPage.news_count
        assert titles[0] == f"Tin kinh tế ngày {InvestorPage.news_count + 2}/10"

    def test_no_articles_yet(self, client, en_investor_page):
        soup = get_soup(client, en_investor_page.url)

        assert listed_titles(soup) == []
        assert "No news on the economy has been published yet." in soup.get_text()

    def test_queries_do_not_grow_with_the_articles(
        self, client, news_index, economy, economy_en, en_investor_page
    ):
        def count_queries() -> int:
            client.get(en_investor_page.url)  # renditions and caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(en_investor_page.url)
            assert response.status_code == HTTPStatus.OK
            return len(queries)

        def add(day, title):
            # With a picture each, as in real listings.
            economy_article(
                news_index,
                economy,
                day,
                title,
                english_topic=economy_en,
                feed_image=CustomImageFactory(),
            )

        add(1, "First")
        one = count_queries()
        for day in (2, 3, 4):
            add(day, f"Story {day}")
        four = count_queries()

        assert listed_titles(get_soup(client, en_investor_page.url))[0] == "Story 4"
        assert four == one
        assert one <= 30


class TestLinks:
    def test_english_home_page_links_to_it(self, client, en_investor_page):
        soup = get_soup(client, "/en/")

        investment = soup.select_one("section.investment")
        assert investment.find("a", href=en_investor_page.url).get_text(strip=True) == (
            "Invest in Xuan Truong"
        )
        menu = {a["href"]: a.get_text(strip=True) for a in soup.select(".main-nav a")}
        assert menu[en_investor_page.url] == "Invest in Xuan Truong"

    def test_language_switcher_and_hreflang(self, client, investor_page, en_investor_page):
        soup = get_soup(client, en_investor_page.url)

        switcher = soup.select_one(".language-switcher a[hreflang='vi']")
        assert switcher["href"] == investor_page.url
        alternates = {
            link["hreflang"] for link in soup.head.select('link[rel="alternate"][hreflang]')
        }
        assert alternates == {"vi", "en", "x-default"}


# ---------------------------------------------------------------- the demo site


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """``seed_demo`` once for the module, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


class TestSeededInvestorPage:
    def test_seeded_in_vietnamese_and_english_through_the_workflow(self, seeded, client):
        vietnamese = InvestorPage.objects.get(locale__language_code="vi")
        english = InvestorPage.objects.get(locale__language_code="en")

        assert vietnamese.live and english.live
        assert english.translation_key == vietnamese.translation_key
        assert english.title == "Invest in Xuan Truong"
        assert english.url == "/en/invest-in-xuan-truong/"
        # Published by the spokesperson's approval of the translator's revision.
        live_revision = english.live_revision
        assert live_revision.user.username == "translator"
        assert PublicationApproval.objects.filter(
            revision=live_revision, used_at__isnull=False
        ).exists()
        # The official contacts of the People's Committee (allowlisted), the economy topic.
        assert english.office_phone == HOTLINE
        assert english.office_email == EMAIL
        assert english.news_topic.locale.language_code == "en"
        assert (
            english.news_topic.translation_key
            == Topic.objects.get(slug="kinh-te-dau-tu").translation_key
        )

    def test_seeded_english_page_lists_the_english_economy_articles(self, seeded, client):
        english = InvestorPage.objects.get(locale__language_code="en")
        expected = list(
            ArticlePage.objects.live()
            .filter(locale__language_code="en", topic__slug="economy-investment")
            .order_by("-publication_date")
            .values_list("title", flat=True)
        )
        assert expected

        soup = get_soup(client, english.url)

        assert soup.html["lang"] == "en"
        assert listed_titles(soup) == expected[: InvestorPage.news_count]
        assert (
            "Ninh Binh Province"
            in soup.select_one("#location-heading").find_parent("section").get_text()
        )
        assert "/en/invest-in-xuan-truong/" in {
            a["href"] for a in get_soup(client, "/en/").select(".main-nav a")
        }

    def test_seeded_home_page_links_to_the_english_page(self, seeded, client):
        english_home = get_home_page("en")
        english = InvestorPage.objects.get(locale__language_code="en")

        soup = get_soup(client, english_home.url)

        assert soup.select_one("section.investment").find("a", href=english.url)
        assert Page.objects.get(pk=english.pk).get_parent().pk == english_home.pk

"""Open Graph and Twitter card tags (Facebook, Zalo) and JSON-LD structured data."""

import datetime
import io
import json
from http import HTTPStatus

import pytest
from django.utils import timezone
from PIL import Image

from tests.factories import (
    CustomImageFactory,
    SovereigntyFeaturePageFactory,
    editorial_team,
    publish_page,
    translate_page,
)
from tests.utils import get_soup

from .conftest import article

pytestmark = pytest.mark.django_db

DEFAULT_IMAGE = "http://localhost/static/img/share-default.png"


def meta(soup) -> dict[str, list[str]]:
    """property/name → the contents of the <meta> elements in <head> carrying it."""
    found: dict[str, list[str]] = {}
    for element in soup.head.find_all("meta"):
        key = element.get("property") or element.get("name")
        if key:
            found.setdefault(key, []).append(element.get("content"))
    return found


def one(tags, key):
    values = tags.get(key, [])
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


def json_ld(soup) -> list[dict]:
    return [
        json.loads(script.string)
        for script in soup.find_all("script", attrs={"type": "application/ld+json"})
    ]


class TestOpenGraph:
    def test_article_in_both_languages(self, client, news_index, economy, english_news):
        image = CustomImageFactory(description="Lễ thượng cờ tại trụ sở UBND xã Xuân Trường")
        vietnamese = article(
            news_index,
            "Lễ thượng cờ kỷ niệm 80 năm Quốc khánh",
            (9, 2),
            topic=economy,
            summary="Sáng 2/9, xã Xuân Trường long trọng tổ chức lễ thượng cờ.",
            tags=["Quốc khánh", "thượng cờ"],
            feed_image=image,
        )
        english = translate_page(
            vietnamese,
            "en",
            title="Flag-raising ceremony for the 80th National Day",
            summary="On 2 September, Xuan Truong Commune held a flag-raising ceremony.",
        )

        tags = meta(get_soup(client, vietnamese.url))

        assert one(tags, "og:site_name") == "Cổng thông tin đối ngoại xã Xuân Trường"
        assert one(tags, "og:title") == vietnamese.title
        assert one(tags, "og:description") == vietnamese.summary
        assert one(tags, "og:url") == vietnamese.full_url
        assert one(tags, "og:type") == "article"
        assert one(tags, "og:locale") == "vi_VN"
        assert one(tags, "og:locale:alternate") == "en_US"
        assert one(tags, "article:published_time").startswith("2025-09-02T")
        assert one(tags, "article:published_time").endswith("+07:00")
        assert datetime.datetime.fromisoformat(one(tags, "article:modified_time")) >= (
            datetime.datetime.fromisoformat(one(tags, "article:published_time"))
        )
        assert one(tags, "article:section") == "Kinh tế – Đầu tư"
        assert tags["article:tag"] == ["Quốc khánh", "thượng cờ"]
        image_url = one(tags, "og:image")
        assert image_url.startswith("http://localhost/media/images/")
        assert "fill-1200x630" in image_url
        assert one(tags, "og:image:alt") == "Lễ thượng cờ tại trụ sở UBND xã Xuân Trường"
        assert int(one(tags, "og:image:width")) > 0 and int(one(tags, "og:image:height")) > 0
        assert one(tags, "twitter:card") == "summary_large_image"
        assert one(tags, "twitter:title") == vietnamese.title
        assert one(tags, "twitter:description") == vietnamese.summary
        assert one(tags, "twitter:image") == image_url

        english_tags = meta(get_soup(client, english.url))

        assert one(english_tags, "og:locale") == "en_US"
        assert one(english_tags, "og:locale:alternate") == "vi_VN"
        assert one(english_tags, "og:title") == english.title
        assert one(english_tags, "twitter:description") == english.summary
        assert one(english_tags, "og:site_name") == (
            "Xuan Truong Commune External Information Portal"
        )
        assert one(english_tags, "og:url") == english.full_url

    def test_an_article_without_picture_or_translation_uses_the_default_image(
        self, client, news_index
    ):
        long_summary = "Hội nghị tổng kết công tác thông tin đối ngoại năm 2025. " * 12
        page = article(news_index, "Hội nghị tổng kết", (12, 1), summary=long_summary)

        tags = meta(get_soup(client, page.url))

        assert one(tags, "og:image") == DEFAULT_IMAGE
        assert one(tags, "og:image:width") == "1200"
        assert one(tags, "og:image:height") == "630"
        assert one(tags, "twitter:image") == DEFAULT_IMAGE
        assert "og:locale:alternate" not in tags
        assert len(one(tags, "og:description")) <= 300
        assert len(one(tags, "twitter:description")) <= 300
        # The default image is served, and is what it says it is.
        response = client.get("/static/img/share-default.png")
        assert response.status_code == HTTPStatus.OK
        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
            assert image.size == (1200, 630)

    def test_campaign_uses_its_banner(self, client, campaign):
        campaign.banner = CustomImageFactory(description="Pa nô chào mừng Quốc khánh")
        campaign.save_revision(user=editorial_team()[0])
        publish_page(campaign)

        tags = meta(get_soup(client, campaign.url))

        assert one(tags, "og:type") == "website"
        assert one(tags, "og:image").startswith("http://localhost/media/images/")
        assert one(tags, "og:image:alt") == "Pa nô chào mừng Quốc khánh"
        assert one(tags, "twitter:card") == "summary_large_image"
        assert one(tags, "og:title") == campaign.title
        assert "article:published_time" not in tags

    def test_home_page_in_both_languages(self, client, home_page, en_home_page):
        for url, locale, alternate in (("/vi/", "vi_VN", "en_US"), ("/en/", "en_US", "vi_VN")):
            tags = meta(get_soup(client, url))
            assert one(tags, "og:type") == "website"
            assert one(tags, "og:locale") == locale
            assert one(tags, "og:locale:alternate") == alternate
            assert one(tags, "og:url") == f"http://localhost{url}"
            assert one(tags, "og:image") == DEFAULT_IMAGE
            assert one(tags, "twitter:card") == "summary_large_image"
            assert one(tags, "twitter:title") == one(tags, "og:title")
        assert one(meta(get_soup(client, "/en/")), "og:image:alt") == (
            "People's Committee of Xuan Truong Commune, Ninh Binh Province"
        )


class TestStructuredData:
    def test_news_article(self, client, news_index, economy):
        image = CustomImageFactory()
        page = article(
            news_index,
            "Xã Xuân Trường tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025 tại nhà văn hóa "
            "thôn Hưng Nghĩa với sự tham gia của đông đảo nhân dân",
            (11, 18),
            topic=economy,
            author_name="Văn Minh",
            feed_image=image,
        )
        page.refresh_from_db()

        (data,) = json_ld(get_soup(client, page.url))

        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert len(data["headline"]) <= 110
        assert data["headline"].startswith("Xã Xuân Trường tổ chức Ngày hội Đại đoàn kết")
        assert data["headline"].endswith("…")
        assert data["description"] == page.summary
        published = datetime.datetime.fromisoformat(data["datePublished"])
        assert published.date() == datetime.date(2025, 11, 18)
        assert published.utcoffset() == datetime.timedelta(hours=7)
        modified = datetime.datetime.fromisoformat(data["dateModified"])
        assert modified == timezone.localtime(page.last_published_at)
        assert data["inLanguage"] == "vi"
        assert data["image"][0]["url"].startswith("http://localhost/media/images/")
        assert data["author"] == {"@type": "Person", "name": "Văn Minh"}
        assert data["publisher"]["@type"] == "Organization"
        assert data["publisher"]["name"] == "Ủy ban nhân dân xã Xuân Trường"
        assert data["publisher"]["logo"]["url"] == (
            "http://localhost/static/img/publisher-logo.png"
        )
        assert data["mainEntityOfPage"]["@id"] == page.full_url
        assert data["articleSection"] == "Kinh tế – Đầu tư"
        assert client.get("/static/img/publisher-logo.png").status_code == HTTPStatus.OK

    def test_sovereignty_feature_in_english_without_author(
        self, client, sovereignty_index, en_home_page
    ):
        feature = SovereigntyFeaturePageFactory(parent=sovereignty_index, author_name="")
        translate_page(feature.get_parent(), "en", title="Sea and islands", slug="sea-islands")
        english = translate_page(feature, "en", title="Hoang Sa and Truong Sa belong to Viet Nam")

        (data,) = json_ld(get_soup(client, english.url))

        assert data["@type"] == "NewsArticle"
        assert data["headline"] == "Hoang Sa and Truong Sa belong to Viet Nam"
        assert data["inLanguage"] == "en"
        assert data["author"]["@type"] == "Organization"
        assert data["author"]["name"] == "People's Committee of Xuan Truong Commune"
        assert data["image"][0]["url"] == DEFAULT_IMAGE
        assert data["mainEntityOfPage"]["@id"] == english.full_url

    def test_campaign_event(self, client, campaign):
        (data,) = json_ld(get_soup(client, campaign.url))

        assert data["@type"] == "Event"
        assert data["name"] == campaign.title
        assert data["startDate"] == "2025-08-25"
        assert data["endDate"] == "2025-09-05"
        assert data["eventStatus"] == "https://schema.org/EventScheduled"
        assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        assert data["location"]["@type"] == "Place"
        assert data["location"]["address"] == {
            "@type": "PostalAddress",
            "addressLocality": "Xã Xuân Trường",
            "addressRegion": "Tỉnh Ninh Bình",
            "addressCountry": "VN",
        }
        assert data["organizer"]["name"] == "Ủy ban nhân dân xã Xuân Trường"
        assert data["description"] == campaign.summary
        assert data["image"] == [DEFAULT_IMAGE]
        assert data["inLanguage"] == "vi"

    def test_home_page_has_no_article_data(self, client, home_page):
        assert json_ld(get_soup(client, "/vi/")) == []

    def test_a_title_cannot_end_the_script(self, client, news_index):
        title = 'Cảnh báo </script><script>alert("x")</script> & <!-- tin giả'
        page = article(news_index, title, (11, 1))

        html = client.get(page.url).content.decode()
        start = html.index('<script type="application/ld+json">')
        script = html[start : html.index("</script>", start)]

        assert "<script>alert" not in html
        data = json.loads(script.removeprefix('<script type="application/ld+json">'))
        assert data["headline"] == title
        assert "<" not in script.removeprefix('<script type="application/ld+json">')

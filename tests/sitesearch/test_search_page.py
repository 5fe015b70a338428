"""The search page as a visitor uses it: /vi/tim-kiem/ and /en/search/."""

import datetime
from http import HTTPStatus

import pytest

from cms.sitesearch.views import RESULTS_PER_PAGE
from tests.factories import (
    ArticlePageFactory,
    CampaignPageFactory,
    ContentPageFactory,
    SovereigntyFeaturePageFactory,
    TopicFactory,
    paragraphs,
    translate_page,
)
from tests.utils import get_soup, switcher_links

from .conftest import search_url

pytestmark = pytest.mark.django_db


def result_titles(soup) -> list[str]:
    return [h2.get_text().strip() for h2 in soup.select(".search-result__title")]


def status_text(soup) -> str:
    return soup.select_one('[role="status"]').get_text(" ", strip=True)


@pytest.fixture
def east_sea(sovereignty_index):
    return SovereigntyFeaturePageFactory(
        parent=sovereignty_index,
        title="Chủ quyền của Việt Nam ở Biển Đông: căn cứ lịch sử và pháp lý",
        summary="Những bằng chứng lịch sử và pháp lý về chủ quyền của Việt Nam.",
        body=paragraphs("Việt Nam có đầy đủ căn cứ pháp lý đối với hai quần đảo."),
        topic=TopicFactory(name="Chủ quyền biển đảo", slug="chu-quyen-bien-dao"),
        publication_date=datetime.date(2025, 10, 5),
    )


@pytest.fixture
def festival(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title="Lễ hội chùa Keo mùa thu năm 2025",
        summary="Lễ hội truyền thống thu hút đông đảo du khách.",
        body=paragraphs("Nhân dân xã Xuân Trường tham gia rước kiệu và bơi chải trên sông."),
        topic=TopicFactory(name="Văn hóa – Lịch sử", slug="van-hoa-lich-su"),
        publication_date=datetime.date(2025, 11, 1),
    )


class TestDiacriticsAndCase:
    @pytest.mark.parametrize("query", ["bien dong", "BIEN DONG", "Biển Đông", "biển  ĐÔNG"])
    def test_finds_bien_dong_however_it_is_typed(self, client, east_sea, query):
        soup = get_soup(client, search_url(), data={"q": query})

        assert result_titles(soup) == [east_sea.title]
        assert status_text(soup) == f"1 kết quả cho “{query.strip()}”"

    def test_xuan_truong_finds_xuan_truong_in_the_text(self, client, festival):
        soup = get_soup(client, search_url(), data={"q": "xuan truong"})

        assert result_titles(soup) == [festival.title]
        snippet = soup.select_one(".search-result__snippet")
        assert [mark.get_text() for mark in snippet.select("mark")] == ["Xuân", "Trường"]

    def test_a_word_is_not_found_inside_another(self, client, festival):
        soup = get_soup(client, search_url(), data={"q": "ong"})  # in "sông", "đông"

        assert result_titles(soup) == []
        assert "Không tìm thấy kết quả nào cho “ong”." in status_text(soup)

    def test_every_word_must_occur(self, client, east_sea, festival):
        assert result_titles(get_soup(client, search_url(), data={"q": "chua keo"})) == [
            festival.title
        ]
        assert result_titles(get_soup(client, search_url(), data={"q": "chua bien"})) == []


class TestResults:
    def test_a_result_links_to_the_page_with_its_kind_date_and_topic(self, client, east_sea):
        soup = get_soup(client, search_url(), data={"q": "bien dong"})

        result = soup.select_one(".search-result")
        assert result.select_one("h2 a")["href"] == east_sea.url
        assert "Chuyên đề chủ quyền" in result.get_text()
        assert result.select_one('time[datetime="2025-10-05"]').get_text() == "05/10/2025"
        assert "Chủ quyền biển đảo" in result.get_text()
        assert [mark.get_text() for mark in result.select("h2 mark")] == ["Biển", "Đông"]

    def test_the_snippet_is_plain_text_around_the_match(self, client, news_index):
        filler = " ".join(["Cán bộ xã tuyên truyền đến từng hộ dân."] * 30)
        ArticlePageFactory(
            parent=news_index,
            title="Hội nghị tuyên truyền",
            body=paragraphs(filler, "<b>Ngư dân</b> bám biển giữ vững chủ quyền Trường Sa."),
        )

        soup = get_soup(client, search_url(), data={"q": "truong sa"})

        snippet = soup.select_one(".search-result__snippet")
        assert snippet.get_text().startswith("… ")
        assert "Ngư dân bám biển" in snippet.get_text()
        assert snippet.select("b, p") == []
        assert [mark.get_text() for mark in snippet.select("mark")] == ["Trường", "Sa"]
        assert len(snippet.get_text()) < 300

    def test_title_matches_come_first_then_the_newest(self, client, news_index):
        older = ArticlePageFactory(
            parent=news_index,
            title="Ngày hội Đại đoàn kết ở thôn Hưng Nghĩa",
            publication_date=datetime.date(2025, 1, 10),
        )
        newer_in_text = ArticlePageFactory(
            parent=news_index,
            title="Tổng kết năm",
            body=paragraphs("Năm nay thôn Hưng Nghĩa có nhiều đổi mới."),
            publication_date=datetime.date(2025, 12, 10),
        )
        newest_in_title = ArticlePageFactory(
            parent=news_index,
            title="Thôn Hưng Nghĩa đón bằng công nhận",
            publication_date=datetime.date(2025, 12, 20),
        )

        soup = get_soup(client, search_url(), data={"q": "hung nghia"})

        assert result_titles(soup) == [
            newest_in_title.title,
            older.title,
            newer_in_text.title,
        ]

    def test_the_query_is_escaped(self, client, east_sea):
        attack = '<script>alert("x")</script> biển'

        response = client.get(search_url(), {"q": attack})

        html = response.content.decode()
        assert response.status_code == HTTPStatus.OK
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html

    def test_markup_in_a_title_is_shown_as_text(self, client, news_index):
        ArticlePageFactory(parent=news_index, title="Hướng dẫn <img src=x onerror=alert(1)> Biển")

        response = client.get(search_url(), {"q": "bien"})

        html = response.content.decode()
        assert "<img src=x" not in html
        assert "&lt;img src=x onerror=alert(1)&gt; <mark>Biển</mark>" in html

    @pytest.mark.parametrize(
        "params",
        [
            {"q": "biển\x00đông"},
            {"q": "biển", "page": "-5"},
            {"q": "biển", "from": "99999-01-01", "to": "0000-00-00"},
            {"q": "%_\\", "topic": "\x00"},
        ],
    )
    def test_unusual_input_never_fails(self, client, east_sea, params):
        soup = get_soup(client, search_url(), data=params)

        assert soup.select_one("#search-q") is not None

    def test_an_empty_query_shows_only_the_form(self, client, east_sea):
        soup = get_soup(client, search_url(), data={"q": "  ", "type": "news"})

        assert soup.select_one("form.search-form input[name=q]") is not None
        assert soup.select(".search-result") == []
        assert status_text(soup) == ""

    def test_a_very_long_query_is_cut_and_still_answers(self, client, east_sea):
        soup = get_soup(client, search_url(), data={"q": "biển đông " + "x" * 5000})

        assert result_titles(soup) == []
        assert len(soup.select_one("#search-q")["value"]) == 200


class TestLanguages:
    def test_results_are_in_the_visitors_language(self, client, east_sea, en_home_page):
        english = translate_page(
            east_sea,
            "en",
            title="Viet Nam's sovereignty in the East Sea",
            summary="Historical and legal evidence of Viet Nam's sovereignty.",
            body=paragraphs("Viet Nam has full legal grounds over both archipelagos."),
        )

        assert result_titles(get_soup(client, search_url("vi"), data={"q": "east sea"})) == []
        assert result_titles(get_soup(client, search_url("en"), data={"q": "EAST SEA"})) == [
            english.title
        ]
        assert result_titles(get_soup(client, search_url("en"), data={"q": "bien dong"})) == []

    def test_the_search_page_has_a_translated_address_and_a_language_switcher(self, client):
        assert search_url("vi") == "/vi/tim-kiem/"
        assert search_url("en") == "/en/search/"

        vi = get_soup(client, search_url("vi"), data={"q": "biển đông"})
        en = get_soup(client, search_url("en"), data={"q": "sea"})

        assert vi.html["lang"] == "vi"
        assert en.html["lang"] == "en"
        assert en.h1.get_text() == "Search"
        assert vi.h1.get_text() == "Tìm kiếm"
        assert switcher_links(vi) == {"en": "/en/search/?q=bi%E1%BB%83n+%C4%91%C3%B4ng"}
        assert switcher_links(en) == {"vi": "/vi/tim-kiem/?q=sea"}

    def test_the_header_form_searches_in_the_pages_language(self, client, east_sea, en_home_page):
        for language_code, url in (("vi", east_sea.url), ("en", en_home_page.url)):
            form = get_soup(client, url).select_one("header form[role=search]")

            assert form["action"] == search_url(language_code)
            assert form["method"] == "get"
            field = form.select_one("input[type=search][name=q]")
            assert form.select_one(f'label[for="{field["id"]}"]').get_text(strip=True)
            assert form.select_one("button[type=submit]").get_text(strip=True)


class TestFilters:
    @pytest.fixture
    def pages(self, east_sea, festival, news_index):
        campaign = CampaignPageFactory(
            title="Tuyên truyền kỷ niệm 80 năm Quốc khánh tại xã Xuân Trường",
            start_date=datetime.date(2025, 8, 15),
            end_date=datetime.date(2025, 9, 5),
        )
        page = ContentPageFactory(title="Giới thiệu xã Xuân Trường")
        return {"feature": east_sea, "article": festival, "campaign": campaign, "page": page}

    def search(self, client, **params):
        return result_titles(get_soup(client, search_url(), data={"q": "xuân trường", **params}))

    def test_by_topic(self, client, pages):
        assert self.search(client, topic="van-hoa-lich-su") == [pages["article"].title]

    def test_by_type(self, client, pages):
        assert self.search(client, type="campaign") == [pages["campaign"].title]
        assert self.search(client, type="page") == [pages["page"].title]
        assert self.search(client, type="news") == [pages["article"].title]

    def test_by_date_range(self, client, pages):
        assert self.search(client, **{"from": "2025-08-01", "to": "2025-08-31"}) == [
            pages["campaign"].title
        ]
        assert pages["article"].title in self.search(client, **{"from": "01/11/2025"})
        assert pages["campaign"].title not in self.search(client, **{"from": "01/11/2025"})

    def test_the_type_filter_offers_the_kinds(self, client, pages):
        soup = get_soup(client, search_url(), data={"q": "x"})

        fieldset = soup.select_one("form.search-form fieldset")
        assert fieldset.legend.get_text(strip=True) == "Bộ lọc"
        options = [option.get_text() for option in soup.select("#search-type option")]
        assert options[:3] == ["Tất cả các loại", "Tin tức", "Thông cáo báo chí"]
        assert "Chủ quyền biển đảo" in [o.get_text() for o in soup.select("#search-topic option")]
        for control in fieldset.select("select, input"):
            assert fieldset.select_one(f'label[for="{control["id"]}"]') is not None

    def test_an_invalid_date_is_explained_in_vietnamese_and_left_out(self, client, pages):
        soup = get_soup(client, search_url(), data={"q": "xuân trường", "from": "31/02/2025"})

        error = soup.select_one("#search-from-error").get_text()
        assert error == (
            "“Từ ngày” không phải là ngày hợp lệ (ngày/tháng/năm); bộ lọc này không được áp dụng."
        )
        assert soup.select_one("#search-from")["aria-describedby"] == "search-from-error"
        assert soup.select_one("#search-from")["value"] == ""
        assert len(result_titles(soup)) == 3

    def test_an_invalid_date_is_explained_in_english_on_the_english_page(self, client):
        soup = get_soup(client, search_url("en"), data={"q": "sea", "to": "not-a-date"})

        assert soup.select_one("#search-to-error").get_text() == (
            "“To” is not a valid date (day/month/year); it was not applied."
        )

    def test_an_end_before_the_start_is_explained_and_left_out(self, client, pages):
        soup = get_soup(
            client,
            search_url(),
            data={"q": "xuân trường", "from": "2025-12-01", "to": "2025-01-01"},
        )

        assert soup.select_one("#search-to-error").get_text() == (
            "Ngày kết thúc sớm hơn ngày bắt đầu; bộ lọc ngày không được áp dụng."
        )
        assert len(result_titles(soup)) == 3

    def test_unknown_filter_values_never_fail(self, client, pages):
        soup = get_soup(
            client, search_url(), data={"q": "xuân trường", "topic": "khong-co", "type": "x"}
        )

        assert len(result_titles(soup)) == 3
        assert soup.select_one("#search-topic-error").get_text() == (
            "Không có chủ đề này; kết quả của mọi chủ đề được hiển thị."
        )


class TestPagination:
    def test_results_come_a_page_at_a_time(self, client, news_index):
        for number in range(RESULTS_PER_PAGE + 2):
            ArticlePageFactory(
                parent=news_index,
                title=f"Biển đảo quê hương – kỳ {number}",
                publication_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            )

        first = get_soup(client, search_url(), data={"q": "bien dao"})
        second = get_soup(client, search_url(), data={"q": "bien dao", "page": "2"})
        beyond = get_soup(client, search_url(), data={"q": "bien dao", "page": "99"})
        junk = get_soup(client, search_url(), data={"q": "bien dao", "page": "abc"})

        assert len(result_titles(first)) == RESULTS_PER_PAGE
        assert result_titles(first)[0] == "Biển đảo quê hương – kỳ 11"
        assert result_titles(second) == ["Biển đảo quê hương – kỳ 1", "Biển đảo quê hương – kỳ 0"]
        assert result_titles(beyond) == result_titles(second)
        assert result_titles(junk) == result_titles(first)
        assert status_text(first) == "12 kết quả cho “bien dao” – trang 1/2"
        next_link = first.select_one(".pagination a[rel=next]")["href"]
        assert "q=bien+dao" in next_link
        assert "page=2" in next_link
        assert second.select_one("ol.search-results")["start"] == str(RESULTS_PER_PAGE + 1)

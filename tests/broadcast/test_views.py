"""The radio bulletin in the admin: who may open it, what it reads, print and download.

The world: published articles and sovereignty features around Tuesday 02/09/2025, in
Vietnamese and (one) in English, plus pages that must never be read: a draft, a page
behind a login, pages of the previous and the next week, an English alias of a
Vietnamese article.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html import unescape
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CustomImageFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
    get_home_page,
    get_locale,
    translate_page,
)
from tests.workflows.gate_helpers import person_for, shared_state, vi

pytestmark = pytest.mark.django_db

SCREEN = "broadcast:bulletin"
MONDAY = datetime.date(2025, 9, 1)
TUESDAY = datetime.date(2025, 9, 2)

CAPTION = "Lễ thượng cờ tại trụ sở UBND xã sáng 2/9"
MAIN_TITLE = "Xã Xuân Trường long trọng tổ chức lễ kỷ niệm 80 năm Quốc khánh"
MAIN_TITLE_EN = "Xuan Truong Commune celebrates the 80th National Day"
FEATURE_TITLE = "Hoàng Sa, Trường Sa trong tư liệu Châu bản triều Nguyễn"
MONDAY_TITLE = "Hội nghị triển khai công tác chuyển đổi số năm 2025"
EXCLUDED = {
    "draft": "Bản nháp chưa được duyệt về lễ kỷ niệm",
    "private": "Tin nội bộ chỉ dành cho cán bộ đăng nhập",
    "last_week": "Tổng vệ sinh môi trường chào mừng Quốc khánh",
    "next_week": "Khai giảng năm học mới tại các trường trong xã",
}


def main_body(image):
    return [
        ("heading", {"text": "Không khí ngày hội", "level": "h2"}),
        (
            "paragraph",
            RichText(
                '<p>Sáng 2/9, tại <a href="https://xuantruong.ninhbinh.gov.vn/">hội trường</a>'
                " UBND xã, <b>hơn 300 đại biểu</b> dự lễ.</p>"
                "<ul><li>Treo cờ Tổ quốc</li><li>Thắp hương tưởng niệm</li></ul>"
            ),
        ),
        ("image", {"image": image, "caption": CAPTION, "credit": ""}),
        ("quote", {"text": "Độc lập là quý giá nhất.", "attribution": "Chủ tịch UBND xã"}),
    ]


@dataclass
class World:
    main: object
    feature: object
    monday: object
    english: object


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        home = get_home_page("vi")
        translate_page(home, "en", title="Xuan Truong Commune External Information Portal")
        news = ArticleIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
        sovereignty = SovereigntyIndexPageFactory(parent=home, title="Chủ quyền", slug="chu-quyen")
        image = CustomImageFactory()
        main = ArticlePageFactory(
            parent=news,
            title=MAIN_TITLE,
            summary="Sáng 2/9, UBND xã tổ chức lễ kỷ niệm trọng thể.",
            body=main_body(image),
            publication_date=TUESDAY,
        )
        feature = SovereigntyFeaturePageFactory(
            parent=sovereignty, title=FEATURE_TITLE, publication_date=TUESDAY
        )
        monday = ArticlePageFactory(parent=news, title=MONDAY_TITLE, publication_date=MONDAY)
        ArticlePageFactory(
            parent=news, title=EXCLUDED["draft"], publication_date=TUESDAY, publish=False
        )
        private = ArticlePageFactory(
            parent=news, title=EXCLUDED["private"], publication_date=TUESDAY
        )
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        ArticlePageFactory(
            parent=news, title=EXCLUDED["last_week"], publication_date=datetime.date(2025, 8, 31)
        )
        ArticlePageFactory(
            parent=news, title=EXCLUDED["next_week"], publication_date=datetime.date(2025, 9, 8)
        )
        english = translate_page(
            main,
            "en",
            title=MAIN_TITLE_EN,
            summary="On 2 September the commune held a ceremony.",
            body=[("paragraph", RichText("<p>More than 300 delegates attended.</p>"))],
        )
        # Wagtail's alias of a Vietnamese article in the English tree repeats Vietnamese text.
        monday.copy_for_translation(get_locale("en"), copy_parents=True, alias=True)
        yield World(main=main, feature=feature, monday=monday, english=english)


@pytest.fixture
def world(module_world, db):
    return module_world


def screen(client, role="writer", **query):
    client.force_login(person_for(role))
    return client.get(reverse(SCREEN), query)


def script_of(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    pre = soup.select_one("pre.bulletin-script")
    assert pre is not None, "no script on the screen"
    return pre.get_text()


def day(language="vi", date=TUESDAY, period="day") -> dict:
    return {"language": language, "date": date.isoformat(), "period": period}


# ------------------------------------------------------------------ access


@pytest.mark.parametrize("role", ["writer", "reviewer", "spokesperson", "superuser"])
def test_editorial_roles_open_the_bulletin(client, world, role):
    response = screen(client, role, **day())

    assert response.status_code == HTTPStatus.OK
    assert MAIN_TITLE in script_of(response)
    # The admin menu offers it.
    assert "Bản tin truyền thanh" in response.content.decode()
    assert f'"url": "{reverse(SCREEN)}"' in unescape(response.content.decode())


@pytest.mark.parametrize("role", ["translator", "siteadmin"])
@pytest.mark.parametrize("name", ["broadcast:bulletin", "broadcast:print", "broadcast:download"])
def test_roles_without_the_permission_are_refused(client, world, role, name):
    client.force_login(person_for(role))

    response = client.get(reverse(name), day())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = [str(m).strip() for m in get_messages(response.wsgi_request)]
    assert vi("Sorry, you do not have permission to access this area.") in messages
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert reverse(SCREEN) not in unescape(dashboard.content.decode())


@pytest.mark.parametrize("name", ["broadcast:bulletin", "broadcast:print", "broadcast:download"])
def test_anonymous_visitors_are_sent_to_the_login(client, world, name):
    response = client.get(reverse(name), day())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")


def test_only_get(client, world):
    client.force_login(person_for("writer"))

    assert client.post(reverse(SCREEN), day()).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    response = client.post(reverse("broadcast:download"), day())
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


# ------------------------------------------------------------------ what is read


def test_a_vietnamese_day_reads_that_day_oldest_first(client, world):
    text = script_of(screen(client, **day()))

    assert text.startswith("Đài truyền thanh xã Xuân Trường\nBản tin ngày 02/09/2025\n\n")
    assert "Bản tin gồm 2 tin bài." in text
    assert text.index(f"1. {MAIN_TITLE}") < text.index(f"2. {FEATURE_TITLE}")
    assert "Sáng 2/9, UBND xã tổ chức lễ kỷ niệm trọng thể." in text  # the summary
    for title in [MONDAY_TITLE, MAIN_TITLE_EN, *EXCLUDED.values()]:
        assert title not in text
    assert "Bản tin của Đài truyền thanh xã Xuân Trường đến đây là kết thúc" in text


def test_the_week_runs_from_monday_to_sunday_grouped_by_day(client, world):
    text = script_of(screen(client, **day(date=datetime.date(2025, 9, 4), period="week")))

    assert "Bản tin tuần từ ngày 01/09/2025 đến ngày 07/09/2025" in text
    assert "Bản tin gồm 3 tin bài." in text
    assert (
        text.index("Thứ Hai, ngày 01/09/2025")
        < text.index(f"1. {MONDAY_TITLE}")
        < text.index("Thứ Ba, ngày 02/09/2025")
        < text.index(f"2. {MAIN_TITLE}")
        < text.index(f"3. {FEATURE_TITLE}")
    )
    assert EXCLUDED["last_week"] not in text
    assert EXCLUDED["next_week"] not in text


def test_an_english_bulletin_reads_english_pages_only(client, world):
    text = script_of(screen(client, **day(language="en", period="week")))

    assert text.startswith(
        "Xuan Truong Commune Radio Station\nBulletin for the week from 01/09/2025 to 07/09/2025\n\n"
    )
    assert "This bulletin has 1 item." in text
    assert f"1. {MAIN_TITLE_EN}" in text
    assert "More than 300 delegates attended." in text
    # Neither the Vietnamese pages nor the English alias of a Vietnamese one.
    for title in [MAIN_TITLE, FEATURE_TITLE, MONDAY_TITLE]:
        assert title not in text
    assert "Thank you for listening." in text


def test_the_body_is_plain_text_without_images(client, world):
    text = script_of(screen(client, **day()))

    expected = (
        "Không khí ngày hội\n\n"
        "Sáng 2/9, tại hội trường UBND xã, hơn 300 đại biểu dự lễ.\n"
        "- Treo cờ Tổ quốc\n"
        "- Thắp hương tưởng niệm\n\n"
        "“Độc lập là quý giá nhất.” – Chủ tịch UBND xã"
    )
    assert expected in text
    assert CAPTION not in text
    assert "<" not in text and ">" not in text
    assert "https://" not in text


def test_the_screen_shows_words_and_reading_time(client, world):
    response = screen(client, **day())
    text = script_of(response)
    soup = BeautifulSoup(response.content, "html.parser")

    figures = soup.select_one(".bulletin__figures").get_text(" ", strip=True)
    words = len(text.split())
    assert "2 tin bài" in figures
    assert f"{words} từ" in figures
    assert f"đọc khoảng {-(-words // 120)} phút" in figures
    pre = soup.select_one("pre.bulletin-script")
    assert pre["lang"] == "vi"


def test_today_in_vietnamese_without_a_choice(client, world):
    response = screen(client)

    form = response.context["form"]
    assert form.is_valid()
    assert form.cleaned_data["language"] == "vi"
    assert form.cleaned_data["period"] == "day"


# ------------------------------------------------------------------ print and download


def test_download_is_the_script_as_utf8_text(client, world):
    preview = script_of(screen(client, **day()))

    response = client.get(reverse("broadcast:download"), day())

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ban-tin-2025-09-02.txt"'
    assert response.content.decode("utf-8") == preview
    assert "Đài truyền thanh xã Xuân Trường" in response.content.decode("utf-8")


def test_week_download_file_name(client, world):
    client.force_login(person_for("writer"))

    response = client.get(reverse("broadcast:download"), day(language="en", period="week"))

    assert response["Content-Disposition"] == (
        'attachment; filename="ban-tin-tuan-2025-09-01-den-2025-09-07-en.txt"'
    )


def test_the_screen_links_print_and_download_for_the_same_bulletin(client, world):
    soup = BeautifulSoup(screen(client, **day(period="week")).content, "html.parser")

    links = {a.get_text(strip=True): a["href"] for a in soup.select(".bulletin__actions a")}
    assert set(links) == {"In", "Tải về"}
    for href in links.values():
        assert "date=2025-09-02" in href and "period=week" in href and "language=vi" in href


def test_print_page_has_the_script_and_no_admin_menus(client, world):
    client.force_login(person_for("spokesperson"))

    response = client.get(reverse("broadcast:print"), {**day(language="en"), "autoprint": "1"})

    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert MAIN_TITLE_EN in soup.select_one("main pre.bulletin-script").get_text()
    assert soup.select_one("[data-wagtail-sidebar-branding-logo], #wagtail-sidebar") is None
    assert soup.select_one("[data-bulletin-print]").get_text(strip=True) == "In"
    tools = soup.select_one(".bulletin-print__tools")
    assert tools["lang"] == "vi"
    assert tools.h1.get_text(strip=True) == "Bản tin truyền thanh"


# ------------------------------------------------------------------ empty and invalid


def test_an_empty_period_says_so_and_offers_no_file(client, world):
    response = screen(client, **day(date=datetime.date(2024, 1, 3)))
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == HTTPStatus.OK
    text = soup.select_one(".bulletin").get_text(" ", strip=True)
    assert (
        "Không có tin bài hay chuyên đề nào bằng tiếng Việt được xuất bản ngày 03/01/2024." in text
    )
    assert soup.select_one("pre.bulletin-script") is None
    assert soup.select_one(".bulletin__actions") is None

    download = client.get(reverse("broadcast:download"), day(date=datetime.date(2024, 1, 3)))
    assert download.status_code == HTTPStatus.FOUND
    assert download["Location"].startswith(reverse(SCREEN) + "?")
    assert "Content-Disposition" not in download


def test_an_empty_week_in_english(client, world):
    soup = BeautifulSoup(
        screen(client, **day(language="en", date=datetime.date(2024, 1, 3), period="week")).content,
        "html.parser",
    )

    assert (
        "Không có tin bài hay chuyên đề nào bằng tiếng Anh được xuất bản "
        "từ ngày 01/01/2024 đến ngày 07/01/2024."
    ) in soup.select_one(".bulletin").get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"language": "vi", "date": "2025-02-31", "period": "day"},
            "Hãy nhập ngày hợp lệ, ví dụ 02/09/2025.",
        ),
        (
            {"language": "vi", "date": "hôm nay", "period": "day"},
            "Hãy nhập ngày hợp lệ, ví dụ 02/09/2025.",
        ),
        ({"language": "vi", "date": "", "period": "day"}, "Hãy chọn ngày của bản tin."),
        (
            {"language": "fr", "date": "2025-09-02", "period": "day"},
            "Hãy chọn tiếng Việt hoặc tiếng Anh.",
        ),
        (
            {"language": "vi", "date": "2025-09-02", "period": "month"},
            "Hãy chọn một ngày hoặc một tuần.",
        ),
    ],
)
def test_invalid_choices_are_explained_in_vietnamese(client, world, query, message):
    response = screen(client, **query)

    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    assert message in soup.select_one(".bulletin-form").get_text(" ", strip=True)
    assert soup.select_one(".bulletin") is None

    download = client.get(reverse("broadcast:download"), query)
    assert download.status_code == HTTPStatus.FOUND
    assert "Content-Disposition" not in download


def test_a_date_typed_the_vietnamese_way_is_accepted(client, world):
    response = screen(client, language="vi", date="02/09/2025", period="day")

    assert MAIN_TITLE in script_of(response)


# ------------------------------------------------------------------ bounded queries


def test_queries_do_not_grow_with_the_number_of_articles(
    client, world, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(person_for("writer"))
    client.get(reverse("broadcast:download"), day())  # what a process remembers (the site)
    counts = {}
    for name, query in {
        "empty": day(date=datetime.date(2024, 1, 3)),
        "two": day(),
        "three": day(period="week"),
    }.items():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("broadcast:download"), query).status_code in (200, 302)
        counts[name] = len(captured)

    assert counts["empty"] == counts["two"] == counts["three"], counts
    with django_assert_max_num_queries(12):
        client.get(reverse("broadcast:download"), day(period="week"))


def test_the_permission_is_shown_in_vietnamese_in_the_group_editor(client, world):
    from django.contrib.auth.models import Group, Permission

    from cms.core.roles import WRITER

    client.force_login(person_for("superuser"))
    group = Group.objects.get(name=WRITER.group_name)
    permission = Permission.objects.get(codename="view_bulletin")

    response = client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    checkbox = soup.find("input", attrs={"value": str(permission.pk), "type": "checkbox"})
    assert checkbox is not None and checkbox.has_attr("checked")
    label = checkbox.find_parent("label")
    assert label.get_text(" ", strip=True) == "Có thể lập bản tin"
    row = checkbox.find_parent("tr")
    assert "bản tin truyền thanh" in row.get_text(" ", strip=True).lower()

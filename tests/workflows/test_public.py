"""The spokesperson on the public site: a page of its own and the footer, in both languages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.security.models import AllowlistEntry
from home.models import HomePage, SpokespersonPage
from tests.factories import SpokespersonEntryFactory, publish_page, translate_page
from tests.utils import assert_page_renders, get_soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def spokesperson_page(home_page):
    # The commune hotline given as the general contact is an official number.
    AllowlistEntry.objects.create(kind="phone", value="0229 3888 999", label="Đường dây nóng")
    page = SpokespersonPage(
        title="Người phát ngôn",
        slug="nguoi-phat-ngon",
        intro="Người phát ngôn của UBND xã cung cấp thông tin cho báo chí.",
        general_contact=(
            "<p>Văn phòng UBND xã. Đường dây nóng: 0229 3888 999. Thư điện tử: "
            '<a href="mailto:ubndxaxuantruong@ninhbinh.gov.vn">'
            "ubndxaxuantruong@ninhbinh.gov.vn</a>.</p>"
        ),
        show_in_menus=True,
        live=False,  # a draft until the workflow publishes it
    )
    home_page.add_child(instance=page)
    return publish_page(page)


@pytest.fixture
def en_spokesperson_page(spokesperson_page, en_home_page):
    return translate_page(
        spokesperson_page,
        "en",
        title="Spokesperson",
        slug="spokesperson",
        intro="The spokesperson of the commune People's Committee informs the press.",
    )


@pytest.fixture
def entry(db):
    return SpokespersonEntryFactory(
        full_name="Phạm Quang Hưng", phone="0229 3777 555", valid_from=datetime.date(2025, 7, 1)
    )


def test_page_is_created_only_under_a_home_page_once(home_page, spokesperson_page):
    assert SpokespersonPage in HomePage.allowed_subpage_models()
    assert SpokespersonPage.allowed_parent_page_models() == [HomePage]
    assert not SpokespersonPage.can_create_at(home_page)  # one per home page
    assert not SpokespersonPage.can_create_at(Page.get_first_root_node())
    assert SpokespersonPage.allowed_subpage_models() == []


def test_vietnamese_page_shows_name_position_phone_e_mail_and_authorisation(
    client, spokesperson_page, entry
):
    soup = assert_page_renders(client, spokesperson_page, "vi")

    block = soup.select_one("main address")
    text = block.get_text(" ", strip=True)
    assert "Phạm Quang Hưng" in text
    assert str(entry.get_position_display()) in text
    assert "Quyết định số 15/QĐ-UBND ngày 01/7/2025" in text
    assert block.select_one('a[href="tel:+842293777555"]').get_text(strip=True) == "0229 3777 555"
    mail = block.select_one("a[href^='mailto:']")
    assert mail["href"] == "mailto:phatngon@xuantruong.ninhbinh.gov.vn"
    assert soup.select_one("main section[aria-labelledby]") is not None


def test_english_page_shows_english_position_and_name_without_diacritics(
    client, en_spokesperson_page, entry
):
    soup = assert_page_renders(client, en_spokesperson_page, "en")

    text = soup.select_one("main address").get_text(" ", strip=True)
    assert "Pham Quang Hung" in text
    assert "Phạm" not in text
    assert "Chairman of the commune People's Committee" in text
    assert soup.select_one('main a[href="tel:+842293777555"]') is not None


def test_without_a_current_spokesperson_the_page_gives_the_general_contact(
    client, spokesperson_page
):
    SpokespersonEntryFactory(
        valid_from=datetime.date(2020, 1, 1), valid_until=datetime.date(2020, 12, 31)
    )

    soup = get_soup(client, spokesperson_page.url)

    none = soup.select_one("main .spokesperson--none")
    assert none is not None
    assert "0229 3888 999" in none.get_text()
    assert none.select_one('a[href="mailto:ubndxaxuantruong@ninhbinh.gov.vn"]') is not None
    assert soup.select_one('a[href^="tel:"]') is None


def test_footer_shows_the_spokesperson_on_the_home_page(client, home_page, entry):
    soup = get_soup(client, "/vi/")

    footer = soup.select_one("footer .site-footer__spokesperson")
    assert footer is not None
    address = footer.select_one("address")
    assert "Phạm Quang Hưng" in address.get_text()
    assert address.select_one('a[href="tel:+842293777555"]') is not None
    assert address.select_one('a[href="mailto:phatngon@xuantruong.ninhbinh.gov.vn"]') is not None
    heading = footer.select_one("h2")
    assert footer["aria-labelledby"] == heading["id"]


def test_english_footer_shows_the_english_name_and_position(client, en_home_page, entry):
    soup = get_soup(client, en_home_page.url)

    text = soup.select_one("footer .site-footer__spokesperson").get_text(" ", strip=True)
    assert "Pham Quang Hung" in text
    assert "Chairman of the commune People's Committee" in text


def test_footer_without_a_spokesperson_says_so(client, home_page):
    soup = get_soup(client, "/vi/")

    footer = soup.select_one("footer .site-footer__spokesperson")
    assert footer is not None
    assert footer.select_one("address") is None


def test_footer_costs_no_query_once_cached(client, home_page, entry):
    """Warm cache: the footer costs nothing; after a change to the register, one query."""
    client.get("/vi/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/vi/")
    entry.notes = "Any change clears the cache."
    entry.save()
    with CaptureQueriesContext(connection) as cold:
        soup = get_soup(client, "/vi/")

    assert len(cold.captured_queries) == len(warm.captured_queries) + 1
    assert not [q for q in warm.captured_queries if "workflows_" in q["sql"]]
    assert "Phạm Quang Hưng" in soup.select_one("footer").get_text()

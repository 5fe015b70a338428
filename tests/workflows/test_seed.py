"""The demo seed registers the Chairman as spokesperson and publishes the spokesperson page."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from cms.workflows import services
from cms.workflows.models import SpokespersonEntry
from home.models import SpokespersonPage
from tests.utils import get_soup

pytestmark = pytest.mark.django_db


def test_seed_registers_the_spokesperson_and_publishes_the_page_in_both_languages(client):
    call_command("seed_demo", stdout=StringIO())

    entry = SpokespersonEntry.objects.get()
    assert entry.user.username == "spokesperson"
    assert entry.full_name == "Phạm Quang Hưng"
    assert entry.position == "chairman"
    assert entry.valid_from == datetime.date(2025, 7, 1)
    assert entry.valid_until is None
    assert entry.email == "ubndxaxuantruong@ninhbinh.gov.vn"
    assert "15/QĐ-UBND" in entry.authorisation
    assert services.is_current_spokesperson(entry.user)

    vi_page = SpokespersonPage.objects.live().get(locale__language_code="vi")
    en_page = SpokespersonPage.objects.live().get(locale__language_code="en")
    assert vi_page.show_in_menus and en_page.show_in_menus
    assert en_page.title == "Spokesperson"
    assert "Pham Quang Hung" in get_soup(client, en_page.url).select_one("main").get_text()
    soup = get_soup(client, vi_page.url)
    assert "Phạm Quang Hưng" in soup.select_one("main address").get_text()
    assert soup.select_one(f'nav a[href="{vi_page.url}"]') is not None

    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert SpokespersonEntry.objects.count() == 1
    assert "(created): 0;" in output.getvalue()

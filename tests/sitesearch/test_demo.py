"""The demo site (``seed_demo`` publishes through the workflow) is searchable at once."""

from io import StringIO

import pytest
from django.core.management import call_command

from cms.sitesearch.models import SearchEntry
from tests.utils import get_soup

from .conftest import search_url

pytestmark = pytest.mark.django_db


def test_seeding_the_demo_fills_the_search_index(client):
    call_command("seed_demo", stdout=StringIO())

    assert SearchEntry.objects.filter(locale__language_code="vi").count() >= 10
    assert SearchEntry.objects.filter(locale__language_code="en").exists()
    vi = get_soup(client, search_url("vi"), data={"q": "bien dong"})
    en = get_soup(client, search_url("en"), data={"q": "east sea"})
    assert "Biển Đông" in vi.select_one(".search-result__title").get_text()
    assert "East Sea" in en.select_one(".search-result__title").get_text()

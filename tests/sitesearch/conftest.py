"""Pages for the search tests: a news section and a sovereignty section in Vietnamese."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ArticleIndexPageFactory, SovereigntyIndexPageFactory


@pytest.fixture
def news_index(home_page):
    return ArticleIndexPageFactory(parent=home_page, title="Tin tức – Sự kiện", slug="tin-tuc")


@pytest.fixture
def sovereignty_index(home_page):
    return SovereigntyIndexPageFactory(
        parent=home_page, title="Chủ quyền biển đảo – Biên giới", slug="chu-quyen"
    )


def search_url(language_code: str = "vi") -> str:
    with translation.override(language_code):
        return reverse("sitesearch:search")

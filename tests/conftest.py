"""Fixtures shared by the whole suite.

Uploads go to the throwaway MEDIA_ROOT of cms.settings.test.
"""

import pytest
from django.core.cache import caches

from tests.factories import get_home_page, translate_page


@pytest.fixture
def home_page(db):
    """The Vietnamese home page created by home/migrations/0002 (the site root)."""
    return get_home_page("vi")


@pytest.fixture
def en_home_page(home_page):
    """A published English translation of the home page."""
    return translate_page(
        home_page,
        "en",
        title="Xuan Truong Commune External Information Portal",
        intro="Official information from the People's Committee of Xuan Truong Commune.",
    )


@pytest.fixture(autouse=True)
def _empty_cache():
    """A test's database rollback does not empty Django's caches: start every test clean.

    Also the full-page cache, which the live server of the browser tests answers from."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()

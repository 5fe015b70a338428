"""Fixtures shared by the whole suite.

Uploads go to the throwaway MEDIA_ROOT of cms.settings.test.
"""

from collections import defaultdict

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


def pytest_collection_modifyitems(items):
    """A test file holds either tests that commit (``transaction=True``) or tests rolled
    back inside a transaction, never both.

    A committing test empties the database when it ends. pytest-django runs such tests
    after the others, but the suite runs a whole file per process at a time
    (pytest-xdist, ``--dist loadfile``): a mixed file would run its committing test among
    the others, and every later test of that process would find the database empty.
    """
    kinds = defaultdict(set)
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None:
            transactional = bool(marker.kwargs.get("transaction", False))
            kinds[item.path].add(transactional)
    mixed = sorted(str(path) for path, found in kinds.items() if len(found) > 1)
    if mixed:
        raise pytest.UsageError(
            "These test files mix committing (transaction=True) and rolled-back database "
            "tests; put the committing ones in a file of their own: " + ", ".join(mixed)
        )

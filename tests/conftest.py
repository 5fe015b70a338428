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


def commits_to_the_database(item) -> bool:
    """Whether pytest-django runs ``item`` on committed data (as it decides)."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


def pytest_collection_modifyitems(items):
    """Marks the tests that commit (``transaction=True``, the live server): ``commits``.

    Such a test empties the database when it ends. pytest-django runs them after the
    others, but the suite runs a file per process at a time (pytest-xdist, ``--dist
    loadfile``), where that order does not hold: ``make test`` runs the other tests in
    parallel, then these in one process (``-m commits``).
    """
    for item in items:
        if commits_to_the_database(item):
            item.add_marker(pytest.mark.commits)

"""The shared backends: files (production's default) and Redis (``REDIS_URL``).

Several gunicorn workers share the page cache; an invalidation made in one worker
(the one that served the admin's publication) must reach the others.
"""

import socket

import pytest
from django.core.cache.backends.filebased import FileBasedCache

from cms.pagecache import store
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, publish_page

REDIS = ("127.0.0.1", 6379)

pytestmark = pytest.mark.django_db


def redis_is_running() -> bool:
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_pages(settings):
    if not redis_is_running():
        pytest.skip("no Redis server on 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://{}:{}/15".format(*REDIS),
            "KEY_PREFIX": "xuantruong-test-pages",
        },
    }
    from django.core.cache import caches

    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def test_pages_are_cached_and_invalidated_in_redis(
    redis_pages, wsgi_get, home_page, django_assert_num_queries
):
    index = ArticleIndexPageFactory(parent=home_page, slug="tin-tuc")
    article = ArticlePageFactory(parent=index, title="Lễ hội chùa Keo mùa thu")
    wsgi_get(article.url)

    with django_assert_num_queries(0):
        assert wsgi_get(article.url).from_cache
    assert type(redis_pages).__name__ == "RedisCache"

    article.title = "Lễ hội chùa Keo mùa thu năm nay"
    publish_page(article)

    fresh = wsgi_get(article.url)
    assert not fresh.from_cache
    assert "Lễ hội chùa Keo mùa thu năm nay" in fresh.text


@pytest.fixture
def file_pages(settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
    }
    return tmp_path


def test_an_invalidation_written_by_another_worker_is_seen_at_once(
    file_pages, wsgi_get, home_page, django_assert_num_queries
):
    index = ArticleIndexPageFactory(parent=home_page, slug="tin-tuc")
    article = ArticlePageFactory(parent=index, title="Đêm hội trăng rằm cho thiếu nhi")
    wsgi_get(article.url)
    with django_assert_num_queries(0):
        assert wsgi_get(article.url).from_cache

    # Another worker: its own cache object on the same folder.
    other_worker = FileBasedCache(str(file_pages), {})
    other_worker.set(store.PAGE_TOKEN_KEY.format(article.pk), "changed elsewhere", timeout=None)

    assert not wsgi_get(article.url).from_cache
    assert wsgi_get(article.url).from_cache

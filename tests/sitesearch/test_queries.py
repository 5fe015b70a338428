"""The search page asks the database the same number of times for few or many results."""

from http import HTTPStatus

import factory
import pytest

from tests.factories import ArticlePageFactory, TopicFactory

from .conftest import search_url

pytestmark = pytest.mark.django_db

# Queries for one search request with a query and every filter (measured, then fixed here).
SEARCH_MAX_QUERIES = 10

TITLES = factory.Sequence(lambda number: f"Đường giao thông nông thôn – tin {number}")


def count_queries(client, params, django_assert_max_num_queries) -> int:
    client.get(search_url(), params)  # first visit: per-process caches (site root paths)
    with django_assert_max_num_queries(SEARCH_MAX_QUERIES) as captured:
        response = client.get(search_url(), params)
    assert response.status_code == HTTPStatus.OK
    return len(captured.captured_queries)


def test_search_queries_do_not_grow_with_the_results(
    client, news_index, django_assert_max_num_queries
):
    topic = TopicFactory(name="Kinh tế", slug="kinh-te")
    ArticlePageFactory.create_batch(2, parent=news_index, title=TITLES, topic=topic)
    plain = {"q": "giao thong"}
    filtered = {**plain, "topic": "kinh-te", "type": "news", "from": "2000-01-01", "to": ""}
    few = [
        count_queries(client, params, django_assert_max_num_queries) for params in (plain, filtered)
    ]

    ArticlePageFactory.create_batch(13, parent=news_index, title=TITLES, topic=topic)
    many = [
        count_queries(client, params, django_assert_max_num_queries) for params in (plain, filtered)
    ]

    assert few == many
    assert "15 kết quả" in client.get(search_url(), plain).content.decode()

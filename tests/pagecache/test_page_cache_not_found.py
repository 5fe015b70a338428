"""A page that does not exist is never kept by the page cache.

Its own file: the test commits its data (``transaction=True``).
"""

from http import HTTPStatus

import pytest

from cms.workflows.models import SpokespersonPosition
from tests.factories import ArticleIndexPageFactory, SpokespersonEntryFactory, editorial_team

# Committed data: under ASGI, Django renders the error page in another thread
# (``response_for_exception``), on that thread's own connection.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_not_found_page_is_not_cached(wsgi_get, home_page):
    SpokespersonEntryFactory(
        user=editorial_team()[2],
        full_name="Đỗ Văn Phúc",
        position=SpokespersonPosition.VICE_CHAIRMAN,
        authorisation="Quyết định số 21/QĐ-UBND ngày 01/7/2025",
    )
    news_index = ArticleIndexPageFactory(
        parent=home_page, title="Tin tức – Sự kiện", slug="tin-tuc"
    )
    url = f"{news_index.url}khong-co-trang-nay/"
    wsgi_get(url)
    again = wsgi_get(url)

    assert again.status == HTTPStatus.NOT_FOUND
    assert not again.from_cache

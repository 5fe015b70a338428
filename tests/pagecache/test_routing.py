"""Routing a request to its page: the site remembered per process, the page in two queries.

Both must answer exactly as Wagtail would, and follow every change at once.
"""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from cms.pagecache import sites
from home.models import HomePage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ContentPageFactory
from tests.utils import get_soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget_sites():
    sites.forget()
    yield
    sites.forget()


@pytest.fixture
def tree(home_page):
    index = ArticleIndexPageFactory(parent=home_page, title="Tin tức – Sự kiện", slug="tin-tuc")
    live = ArticlePageFactory(parent=index, title="Hội thi gói bánh chưng", slug="banh-chung")
    draft = ArticlePageFactory(
        parent=index, title="Bản nháp chưa duyệt", slug="ban-nhap", publish=False
    )
    about = ContentPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    return {"index": index, "live": live, "draft": draft, "about": about}


def wagtail_route(home, components):
    """Wagtail's own routing, a slug per level."""
    return Page.route(home, RequestFactory().get("/"), components)


def test_every_path_routes_to_the_page_wagtail_would_choose(home_page, tree):
    home = HomePage.objects.get(pk=home_page.pk)
    request = RequestFactory().get("/")
    paths = [
        ["tin-tuc"],
        ["tin-tuc", "banh-chung"],
        ["gioi-thieu"],
        ["tin-tuc", "ban-nhap"],  # a draft: 404 both ways
        ["tin-tuc", "khong-co"],
        ["khong-co", "banh-chung"],
        ["banh-chung"],  # the right slug at the wrong level
        ["tin-tuc", "banh-chung", "them"],
    ]
    for components in paths:
        try:
            expected = wagtail_route(home, components).page.pk
        except Exception as error:
            expected = type(error)
        try:
            found = home.route_to_descendant(request, components).page.pk
        except Exception as error:
            found = type(error)
        assert found == expected, components


def test_a_page_below_an_unpublished_section_is_served_as_wagtail_serves_it(client, tree):
    index = tree["index"]
    index.live = False  # Wagtail routes through a section that is not live itself
    index.save(update_fields=["live"])

    response = client.get(tree["live"].url)

    assert response.status_code == 200
    assert "Hội thi gói bánh chưng" in get_soup(client, tree["live"].url).h1.text


def test_an_article_is_found_in_as_few_queries_at_any_depth(
    client, tree, django_assert_max_num_queries
):
    client.get(tree["about"].url)
    with django_assert_max_num_queries(100) as shallow:
        client.get(tree["about"].url)
    client.get(tree["live"].url)
    with django_assert_max_num_queries(100) as deep:
        client.get(tree["live"].url)

    routing = [
        query["sql"] for query in deep.captured_queries if '"wagtailcore_site"' in query["sql"]
    ]
    assert routing == []  # the site was remembered from the first request
    # One level deeper costs no more query to route.
    assert len(deep.captured_queries) <= len(shallow.captured_queries) + 1


def test_a_new_site_for_the_host_takes_effect_at_once(client, home_page, tree):
    assert client.get("/vi/gioi-thieu/").status_code == 200

    # The host now belongs to a site whose root is the article section.
    Site.objects.create(hostname="testserver", port=80, root_page=tree["index"])

    assert client.get("/vi/gioi-thieu/").status_code == 404
    assert client.get("/vi/banh-chung/").status_code == 200


def test_a_flood_of_made_up_hosts_is_not_remembered_without_bound(home_page):
    factory = RequestFactory()
    for number in range(sites.MAX_HOSTS * 3):
        request = factory.get("/", HTTP_HOST=f"host-{number}.example")
        assert sites.find_site(request) == Site.objects.get(is_default_site=True)

    assert len(sites._known) <= sites.MAX_HOSTS

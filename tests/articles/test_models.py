"""Rules of the article and sovereignty page types, checked without a browser or request."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from wagtail.models import Page

from articles.models import (
    ArticleIndexPage,
    ArticleKind,
    ArticlePage,
    SovereigntyFeaturePage,
    SovereigntyIndexPage,
)
from campaigns.models import CampaignIndexPage
from home.models import ContentPage, HomePage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (ArticleIndexPage, HomePage, True),
        (ArticleIndexPage, ContentPage, False),
        (ArticleIndexPage, ArticleIndexPage, False),
        (ArticlePage, ArticleIndexPage, True),
        (ArticlePage, HomePage, False),
        (ArticlePage, SovereigntyIndexPage, False),
        (ArticlePage, CampaignIndexPage, False),
        (ArticlePage, ArticlePage, False),
        (SovereigntyIndexPage, HomePage, True),
        (SovereigntyFeaturePage, SovereigntyIndexPage, True),
        (SovereigntyFeaturePage, ArticleIndexPage, False),
        (SovereigntyFeaturePage, HomePage, False),
    ],
)
def test_where_article_pages_may_be_created(child, parent, allowed):
    assert (child in parent.allowed_subpage_models()) is allowed
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_article_can_be_created_under_a_real_index_but_not_the_home_page(home_page):
    news = ArticleIndexPageFactory(parent=home_page)

    assert ArticlePage.can_create_at(news)
    assert not ArticlePage.can_create_at(home_page)
    assert not ArticlePage.can_exist_under(home_page)
    assert not SovereigntyFeaturePage.can_create_at(news)


def test_article_pages_are_leaves():
    assert ArticlePage.allowed_subpage_models() == []
    assert SovereigntyFeaturePage.allowed_subpage_models() == []


def test_news_article_needs_no_spokesperson():
    ArticlePageFactory.build(kind=ArticleKind.NEWS).clean()


def test_press_release_requires_every_spokesperson_field():
    article = ArticlePageFactory.build(kind=ArticleKind.PRESS_RELEASE)

    with pytest.raises(ValidationError) as excinfo:
        article.clean()

    assert set(excinfo.value.message_dict) == {
        "spokesperson_name",
        "spokesperson_position",
        "spokesperson_authorisation",
    }


def test_press_release_with_blank_spokesperson_name_is_invalid():
    article = ArticlePageFactory.build(
        kind=ArticleKind.PRESS_RELEASE,
        spokesperson_name="  ",
        spokesperson_position="vice_chairman",
        spokesperson_authorisation="Quyết định số 15/QĐ-UBND ngày 01/7/2025",
    )

    with pytest.raises(ValidationError) as excinfo:
        article.clean()

    assert list(excinfo.value.message_dict) == ["spokesperson_name"]


def test_rebuttal_requires_the_rebutted_claim():
    article = ArticlePageFactory.build(kind=ArticleKind.REBUTTAL, rebutted_claim="")

    with pytest.raises(ValidationError) as excinfo:
        article.clean()

    assert list(excinfo.value.message_dict) == ["rebutted_claim"]
    ArticlePageFactory.build(
        kind=ArticleKind.REBUTTAL, rebutted_claim="Tin đồn về việc thu hồi đất."
    ).clean()


def test_index_lists_only_its_live_articles_newest_first(home_page, rf: RequestFactory):
    news = ArticleIndexPageFactory(parent=home_page)
    other = ArticleIndexPageFactory(parent=home_page)
    older = ArticlePageFactory(parent=news, publication_date=datetime.date(2025, 8, 19))
    newer = ArticlePageFactory(parent=news, publication_date=datetime.date(2025, 9, 2))
    ArticlePageFactory(parent=news, publish=False)
    ArticlePageFactory(parent=other)

    context = news.get_context(rf.get(news.url))

    assert list(context["articles"]) == [newer, older]


def test_index_pagination_tolerates_bad_page_numbers(home_page, rf, monkeypatch):
    monkeypatch.setattr(ArticleIndexPage, "per_page", 2)
    news = ArticleIndexPageFactory(parent=home_page)
    articles = [
        ArticlePageFactory(parent=news, publication_date=datetime.date(2025, 9, day))
        for day in range(1, 6)
    ]

    first = news.get_context(rf.get("/", {"page": "abc"}))["articles"]
    last = news.get_context(rf.get("/", {"page": "99"}))["articles"]

    assert first.number == 1
    assert list(first) == [articles[4], articles[3]]
    assert last.number == 3
    assert list(last) == [articles[0]]


def test_sovereignty_index_lists_its_live_features(home_page, rf):
    index = SovereigntyIndexPageFactory(parent=home_page)
    feature = SovereigntyFeaturePageFactory(parent=index)
    SovereigntyFeaturePageFactory(parent=index, publish=False)

    context = index.get_context(rf.get(index.url))

    assert list(context["articles"]) == [feature]


def test_article_tags_are_saved_with_the_published_page():
    article = ArticlePageFactory(tags=["Quốc khánh", "Đối ngoại"])

    reloaded = Page.objects.get(pk=article.pk).specific
    assert sorted(tag.name for tag in reloaded.all_tags) == ["Quốc khánh", "Đối ngoại"]

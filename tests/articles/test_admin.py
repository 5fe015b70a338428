"""Creating articles through the Wagtail admin, as an editor would."""

import datetime
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from articles.models import ArticleKind, ArticlePage
from cms.core.roles import REVIEWER, WRITER
from cms.workflows.gate import REFUSED_ACTION
from cms.workflows.wagtail_hooks import DIRECT_PUBLISH_REFUSAL
from tests.factories import (
    ArticleIndexPageFactory,
    SpokespersonEntryFactory,
    SpokespersonUserFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return ArticleIndexPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def topic():
    return TopicFactory(name="Văn hóa – Xã hội")


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["articles", "articlepage", parent.pk])


def article_post_data(topic, /, **overrides) -> dict:
    data = {
        "title": "Xã Xuân Trường đón đoàn công tác của tỉnh",
        "slug": "xa-xuan-truong-don-doan-cong-tac-cua-tinh",
        "kind": ArticleKind.NEWS,
        "summary": "Sáng 2/9, đoàn công tác của tỉnh đã đến thăm và làm việc với xã.",
        "body": streamfield(
            [("paragraph", rich_text("<p>Đoàn đã thăm mô hình sản xuất lúa hữu cơ.</p>"))]
        ),
        "spokesperson_name": "",
        "spokesperson_position": "",
        "spokesperson_authorisation": "",
        "rebutted_claim": "",
        "topic": str(topic.pk),
        "tags": "",
        "author_name": "Văn Minh",
        "unit": "vp",
        "publication_date": "2025-09-02",
        "related_campaign": "",
        "feed_image": "",
        "references": streamfield([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_superuser_creates_an_article_draft(admin_client, news_index, topic):
    response = admin_client.post(
        add_url(news_index), article_post_data(topic, tags="quốc khánh, đối ngoại")
    )

    article = ArticlePage.objects.get(slug="xa-xuan-truong-don-doan-cong-tac-cua-tinh")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert article.get_parent().pk == news_index.pk
    assert article.locale.language_code == "vi"
    assert article.title == "Xã Xuân Trường đón đoàn công tác của tỉnh"
    assert article.topic == topic
    assert article.publication_date == datetime.date(2025, 9, 2)
    assert article.body[0].block_type == "paragraph"
    assert "lúa hữu cơ" in article.body[0].value.source
    # Saved as a draft: the latest revision carries the tags, nothing is live yet.
    assert not article.live
    draft = article.get_latest_revision_as_object()
    assert sorted(tag.name for tag in draft.tags.all()) == ["quốc khánh", "đối ngoại"]


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def error_messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


ENGLISH_REFUSAL = (
    "Publication refused by the information-security gate. Pages are published only "
    "through the review workflow. Your changes were saved as a draft: submit them for review."
)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_publish_posted_by_a_superuser_saves_a_draft_and_is_refused(
    admin_client, admin_user, client, news_index, topic, language
):
    """Nobody publishes from the editor, superusers included: the text is kept as a draft,
    the editor says why in the user's language, and the refusal is in the audit log."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()

    response = admin_client.post(
        add_url(news_index),
        article_post_data(topic, **{"action-publish": "action-publish"}),
        follow=True,
    )

    article = ArticlePage.objects.get(slug="xa-xuan-truong-don-doan-cong-tac-cua-tinh")
    assert response.redirect_chain == [(edit_url(article), HTTPStatus.FOUND)]
    assert not article.live
    assert article.live_revision is None
    assert article.latest_revision.user == admin_user
    draft = article.get_latest_revision_as_object()
    assert "lúa hữu cơ" in draft.body[0].value.source  # nothing the editor wrote is lost
    public_url = "/vi/tin-tuc/xa-xuan-truong-don-doan-cong-tac-cua-tinh/"
    assert client.get(public_url).status_code == HTTPStatus.NOT_FOUND

    with translation.override(language):
        expected = " ".join(
            [
                gettext("Publication refused by the information-security gate."),
                str(DIRECT_PUBLISH_REFUSAL),
            ]
        )
    if language == "en":
        assert expected == ENGLISH_REFUSAL
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language  # the admin speaks the user's language
    errors = soup.select(".messages li.error")
    for button in soup.select(".messages li.error button"):
        button.extract()  # Wagtail's "Go to the first error"
    assert [item.get_text(" ", strip=True) for item in errors] == [expected]
    refusal = PageLogEntry.objects.get(page=article, action=REFUSED_ACTION)
    assert refusal.user == admin_user
    assert refusal.data["reasons"][0]["code"] == "not_through_workflow"


def test_editor_offers_submit_for_review_and_no_publish_button(admin_client, news_index, topic):
    admin_client.post(add_url(news_index), article_post_data(topic))
    article = ArticlePage.objects.get()

    html = admin_client.get(edit_url(article)).content.decode()

    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_article_goes_live_through_review_and_the_spokesperson(
    client, django_user_model, news_index, topic
):
    """Writer submits, a reviewer approves, the registered spokesperson approves: it is live."""

    def member(role, username):
        user = django_user_model.objects.create_user(username=username, password="x-pass-1234")
        user.groups.add(Group.objects.get(name=role.group_name))
        return user

    writer = member(WRITER, "phong-vien")
    reviewer = member(REVIEWER, "kiem-duyet")
    spokesperson = SpokespersonUserFactory()
    SpokespersonEntryFactory(user=spokesperson)
    public_url = "/vi/tin-tuc/xa-xuan-truong-don-doan-cong-tac-cua-tinh/"

    client.force_login(writer)
    client.post(add_url(news_index), article_post_data(topic))
    article = ArticlePage.objects.get()
    response = client.post(
        edit_url(article), article_post_data(topic, **{"action-submit": "action-submit"})
    )
    assert response.status_code == HTTPStatus.FOUND
    assert error_messages(response) == []
    article.refresh_from_db()
    assert not article.live
    assert client.get(public_url).status_code == HTTPStatus.NOT_FOUND

    def approve(user):
        client.force_login(user)
        task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[article.pk, "approve", task_state.pk],
        )
        response = client.post(url, {"comment": ""})
        assert response.status_code == HTTPStatus.FOUND
        assert error_messages(response) == []

    approve(reviewer)
    article.refresh_from_db()
    assert not article.live  # reviewed, not yet approved by the spokesperson

    approve(spokesperson)
    article.refresh_from_db()
    assert article.live
    assert article.url == public_url
    public = client.get(public_url)
    assert public.status_code == HTTPStatus.OK
    assert "lúa hữu cơ" in public.content.decode()


def test_article_cannot_be_submitted_without_topic_summary_and_body(
    admin_client, news_index, topic
):
    """A draft may be incomplete; what goes to review (and so to publication) may not."""
    data = article_post_data(
        topic, topic="", summary="", body=streamfield([]), **{"action-submit": "action-submit"}
    )

    response = admin_client.post(add_url(news_index), data)

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert {"topic", "summary", "body"} <= set(errors)
    assert not ArticlePage.objects.exists()


def test_press_release_without_spokesperson_is_refused(admin_client, news_index, topic):
    data = article_post_data(topic, kind=ArticleKind.PRESS_RELEASE)

    response = admin_client.post(add_url(news_index), data)

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    for field in ("spokesperson_name", "spokesperson_position", "spokesperson_authorisation"):
        assert field in errors, f"no error shown for {field}"
    assert "09/2017" in errors["spokesperson_name"][0]
    assert "09/2017" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_press_release_missing_only_the_authorisation_is_refused(admin_client, news_index, topic):
    data = article_post_data(
        topic,
        kind=ArticleKind.PRESS_RELEASE,
        spokesperson_name="Nguyễn Văn An",
        spokesperson_position="chairman",
        spokesperson_authorisation="   ",
    )

    response = admin_client.post(add_url(news_index), data)

    assert response.status_code == HTTPStatus.OK
    assert set(response.context["form"].errors) == {"spokesperson_authorisation"}
    assert not ArticlePage.objects.exists()


def test_press_release_with_spokesperson_is_saved(admin_client, news_index, topic):
    data = article_post_data(
        topic,
        kind=ArticleKind.PRESS_RELEASE,
        spokesperson_name="Nguyễn Văn An",
        spokesperson_position="chairman",
        spokesperson_authorisation="Quyết định số 15/QĐ-UBND ngày 01/7/2025",
    )

    response = admin_client.post(add_url(news_index), data)

    assert response.status_code == HTTPStatus.FOUND
    article = ArticlePage.objects.get()
    assert article.kind == ArticleKind.PRESS_RELEASE
    assert article.spokesperson_name == "Nguyễn Văn An"


def test_rebuttal_without_rebutted_claim_is_refused(admin_client, news_index, topic):
    data = article_post_data(topic, kind=ArticleKind.REBUTTAL, rebutted_claim="")

    response = admin_client.post(add_url(news_index), data)

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert list(errors) == ["rebutted_claim"]
    assert not ArticlePage.objects.exists()


def test_rebuttal_with_rebutted_claim_is_saved(admin_client, news_index, topic):
    data = article_post_data(
        topic,
        kind=ArticleKind.REBUTTAL,
        rebutted_claim="Tin đồn xã thu hồi đất của người dân để bán cho doanh nghiệp.",
    )

    response = admin_client.post(add_url(news_index), data)

    assert response.status_code == HTTPStatus.FOUND
    assert ArticlePage.objects.get().kind == ArticleKind.REBUTTAL


def test_admin_refuses_an_article_under_the_home_page(admin_client, home_page, topic):
    """Wagtail sends the editor back to the dashboard instead of showing the form."""
    response = admin_client.get(add_url(home_page))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")

    response = admin_client.post(add_url(home_page), article_post_data(topic))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not ArticlePage.objects.exists()


def test_admin_date_is_read_as_day_month_year(admin_client, news_index, topic):
    """The admin shows dates as dd/mm/yyyy (WAGTAIL_DATE_FORMAT), so it must read them back so.

    Otherwise 02/09/2025 (National Day) is stored as 9 February and every later
    save of the page shifts the date again.
    """
    data = article_post_data(topic, publication_date="02/09/2025")

    response = admin_client.post(add_url(news_index), data)

    assert response.status_code == HTTPStatus.FOUND
    article = ArticlePage.objects.get()
    assert article.publication_date == datetime.date(2025, 9, 2)

    edit_form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert 'value="02/09/2025"' in edit_form.content.decode()


def test_admin_scheduled_time_is_read_as_day_month_year(admin_client, news_index, topic):
    """Same for date-times (WAGTAIL_DATETIME_FORMAT): scheduling for 2 September 07:00."""
    data = article_post_data(topic, go_live_at="02/09/2030 07:00")

    response = admin_client.post(add_url(news_index), data)

    assert response.status_code == HTTPStatus.FOUND
    draft = ArticlePage.objects.get().get_latest_revision_as_object()
    scheduled = timezone.localtime(draft.go_live_at)
    assert (scheduled.year, scheduled.month, scheduled.day, scheduled.hour) == (2030, 9, 2, 7)

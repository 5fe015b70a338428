"""Pages and the workflow, action by action and role by role, through the admin's own requests.

Each test sends what the admin sends — the editor's form with its ``action-…`` button,
the workflow step's modal (an XMLHttpRequest to the step's URL), the takedown form, a
bulk action, the admin API — as each role and as an anonymous visitor. The role the
matrix allows succeeds (so the test can fail); every other one is refused and the
database is as it was: pages, revisions, workflow and task states, approvals,
takedowns and everything else ``conftest.snapshot`` reads.

The pages, made once for the module: an article live at version 1 with a newer draft
(not in the workflow), one submitted by the writer (at the review step), one the
reviewer approved (at the spokesperson's step), and a live English translation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from articles.models import ArticlePage
from cms.workflows import approval
from cms.workflows.models import PublicationApproval, ReviewTask, SpokespersonApprovalTask
from cms.workflows.translation import SOURCE_EDIT_REFUSAL
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, get_home_page, paragraphs
from tests.factories import translate_page as make_translation
from tests.permissions.conftest import (
    assert_refused,
    assert_unchanged,
    error_messages,
    snapshot,
)
from tests.permissions.matrix import ANONYMOUS, cases, may
from tests.workflows.gate_helpers import article_data, live_page_with_draft, shared_state, vi

pytestmark = pytest.mark.django_db

REASON = "Bài viết có số liệu sai về số hộ nghèo của xã; cần kiểm tra lại trước khi đăng."
XHR = {"x-requested-with": "XMLHttpRequest"}


@dataclass
class Pages:
    index: Page
    draft: ArticlePage  # live at version 1; the team writer's version 2 waits, not submitted
    in_review: ArticlePage  # written and submitted by the writer: at the review step
    reviewed: ArticlePage  # also approved by the reviewer: at the spokesperson's step
    english: ArticlePage  # the live English translation of ``draft``


def _submitted_by(writer, index, title: str) -> ArticlePage:
    page = ArticlePageFactory(parent=index, title=title, body=paragraphs(f"{title}."))
    page = ArticlePage.objects.get(pk=page.pk)
    page.title = f"{title} – bản cập nhật"
    page.save_revision(user=writer)
    approval.submit(page, writer)
    return page


@pytest.fixture(scope="module")
def module_pages(module_people, django_db_blocker):
    with shared_state(django_db_blocker):
        people = module_people
        index = ArticleIndexPageFactory(parent=get_home_page("vi"), title="Tin tức phân quyền")
        draft = live_page_with_draft(parent=index, slug="bai-ban-nhap").page
        in_review = _submitted_by(people["writer"], index, "Hội nghị cán bộ công chức xã")
        reviewed = _submitted_by(people["writer"], index, "Xã ra quân làm thủy lợi nội đồng")
        approval.take_step(reviewed, people["reviewer"], "approve", attest=True)
        make_translation(get_home_page("vi"), "en", title="Xuan Truong Commune Portal")
        english = make_translation(
            draft, "en", title="Commune conference on the tasks for 2026", slug="conference"
        )
        yield Pages(index, draft, in_review, reviewed, ArticlePage.objects.get(pk=english.pk))


@pytest.fixture
def pages(module_pages, people):
    return module_pages


def fresh(page) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_done(response) -> None:
    """The admin accepted the request: a redirect onwards with no error message."""
    assert response.status_code == HTTPStatus.FOUND, response.content[:500]
    assert not error_messages(response), error_messages(response)


# ------------------------------------------------------------------ drafting


@pytest.mark.parametrize("role", cases("create-a-page"))
def test_create_a_page(login, people, pages, role):
    client = login(role)
    before = snapshot()
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", pages.index.pk])

    response = client.post(
        url, article_data(pages.draft, title="Bài mới về phân quyền", slug="bai-moi-phan-quyen")
    )

    if may(role, "create-a-page"):
        assert_done(response)
        created = ArticlePage.objects.get(slug="bai-moi-phan-quyen")
        assert not created.live
        assert created.get_parent().pk == pages.index.pk
        assert created.get_latest_revision().user == people[role]
    else:
        assert_refused(response, role)
        assert_unchanged(before, snapshot())


@pytest.mark.parametrize("role", cases("edit-a-vietnamese-page"))
def test_edit_a_vietnamese_page(login, people, pages, role):
    client = login(role)
    before = snapshot()
    title = f"Bản sửa của {role}"

    response = client.post(edit_url(pages.draft), article_data(pages.draft, title=title))

    if may(role, "edit-a-vietnamese-page"):
        assert_done(response)
        page = fresh(pages.draft)
        revision = page.get_latest_revision()
        assert (revision.user, revision.content["title"]) == (people[role], title)
        assert page.live_revision_id == pages.draft.live_revision_id  # still a draft
    else:
        assert_refused(response, role)
        assert_unchanged(before, snapshot())


@pytest.mark.parametrize("role", cases("submit-a-vietnamese-page"))
def test_submit_a_vietnamese_page(login, people, pages, role):
    client = login(role)
    before = snapshot()

    response = client.post(
        edit_url(pages.draft), article_data(pages.draft, **{"action-submit": "action-submit"})
    )

    if may(role, "submit-a-vietnamese-page"):
        assert_done(response)
        state = fresh(pages.draft).current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == people[role]
        assert isinstance(state.current_task_state.task.specific, ReviewTask)
    else:
        assert_refused(response, role)
        assert_unchanged(before, snapshot())


@pytest.mark.parametrize("role", cases("edit-and-submit-an-english-page"))
def test_edit_and_submit_an_english_translation(login, people, pages, role):
    client = login(role)
    before = snapshot()
    title = "Commune conference on the tasks for 2026 (revised)"

    response = client.post(
        edit_url(pages.english),
        article_data(
            pages.english,
            title=title,
            text="The conference took place in the commune hall.",
            **{"action-submit": "action-submit"},
        ),
    )

    if may(role, "edit-and-submit-an-english-page"):
        assert_done(response)
        page = fresh(pages.english)
        state = page.current_workflow_state
        assert state.requested_by == people[role]
        assert state.current_task_state.revision.content["title"] == title
        assert page.live_revision_id == pages.english.live_revision_id
    else:
        assert_refused(response, role)
        assert_unchanged(before, snapshot())


# ------------------------------------------------------------------ the workflow's steps


def take_step(client, page, action="approve", comment=""):
    """The step's modal form, posted as the admin's JavaScript posts it."""
    task_state = fresh(page).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment}, headers=XHR)


def assert_step_refused(response, role) -> None:
    """A step the user may not take: the reason (the modal then reloads the page), or,
    for an anonymous visitor, no admin at all."""
    if role == ANONYMOUS:
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
        if response.status_code == HTTPStatus.FOUND:
            assert response["Location"].startswith(reverse("wagtailadmin_login"))
        return
    if response.status_code == HTTPStatus.FORBIDDEN:
        return
    assert response.status_code == HTTPStatus.OK, response.status_code
    assert error_messages(response), "refused without a reason"


@pytest.mark.parametrize("role", cases("approve-the-review"))
def test_approve_the_review(login, people, pages, role):
    """The writer who wrote and submitted the text is among those refused."""
    client = login(role)
    task_state = fresh(pages.in_review).current_workflow_task_state
    before = snapshot()

    response = take_step(client, pages.in_review)

    if may(role, "approve-the-review"):
        assert response.status_code == HTTPStatus.OK
        assert json.loads(response.content)["step"] == "success"
        assert not error_messages(response)
        task_state.refresh_from_db()
        assert (task_state.status, task_state.finished_by) == (
            TaskState.STATUS_APPROVED,
            people[role],
        )
        current = fresh(pages.in_review).current_workflow_task_state
        assert isinstance(current.task.specific, SpokespersonApprovalTask)
    else:
        assert_step_refused(response, role)
        assert_unchanged(before, snapshot())


@pytest.mark.parametrize("role", cases("approve-publication"))
def test_approve_publication(login, people, pages, role):
    """Refused: the writer of the text, the reviewer who passed it, anyone not registered."""
    client = login(role)
    revision = fresh(pages.reviewed).current_workflow_task_state.revision
    before = snapshot()

    response = take_step(client, pages.reviewed)

    if may(role, "approve-publication"):
        assert response.status_code == HTTPStatus.OK
        assert not error_messages(response), error_messages(response)
        page = fresh(pages.reviewed)
        assert page.live_revision_id == revision.pk
        approval_record = PublicationApproval.objects.get(revision=revision)
        assert (approval_record.spokesperson, approval_record.reviewer) == (
            people["spokesperson"],
            people["reviewer"],
        )
    else:
        assert_step_refused(response, role)
        assert_unchanged(before, snapshot())


NOT_THE_SPOKESPERSON = ("writer", "reviewer", "translator", "siteadmin", ANONYMOUS)


@pytest.mark.parametrize("role", cases("approve-publication", roles=NOT_THE_SPOKESPERSON))
def test_approving_with_the_editors_workflow_button_is_refused(login, pages, role):
    """The editor's own workflow button (``action-workflow-action`` with
    ``workflow-action-name=approve``) is no way round the spokesperson's step: the page is
    locked for everyone but the spokesperson's group, and nothing is saved or approved."""
    client = login(role)
    page = fresh(pages.reviewed)
    before = snapshot()

    response = client.post(
        edit_url(page),
        article_data(
            page,
            title=page.get_latest_revision().content["title"],
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
    )

    if response.status_code == HTTPStatus.OK:  # the editor again: the page is locked
        assert error_messages(response), "the editor was shown again without saying why"
    else:
        assert_refused(response, role)
    assert_unchanged(before, snapshot())


# ------------------------------------------------------------------ publishing directly


def live_state(page) -> tuple:
    page = fresh(page)
    return (page.live, page.live_revision_id, page.title, page.last_published_at)


def publish_in_editor(client, pages):
    return client.post(
        edit_url(pages.draft), article_data(pages.draft, **{"action-publish": "action-publish"})
    )


def publish_in_bulk(client, pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return client.post(f"{url}?id={pages.draft.pk}", {"include_descendants": ""})


def publish_through_the_api(client, pages):
    url = reverse("wagtailadmin_api:pages:action", args=[pages.draft.pk, "publish"])
    return client.post(url, {}, content_type="application/json")


DOORS = {
    "editor": publish_in_editor,
    "bulk-action": publish_in_bulk,
    "admin-api": publish_through_the_api,
}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("role", cases("publish-directly"))
def test_publish_directly(login, pages, role, door):
    """Nobody publishes outside the workflow. Whoever may edit keeps the text as a draft
    (the editor's Publish saves it); nothing goes live, nothing else changes."""
    client = login(role)
    live_before = live_state(pages.draft)
    before = snapshot(ignore=("pages", "revisions"))

    response = DOORS[door](client, pages)

    if door == "admin-api":
        # 403 with the reason; for whoever may not even see the page, Wagtail's 404 (sent
        # on to the same address under /vi/ by the locale middleware) or the login form.
        assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
        if response.status_code == HTTPStatus.FOUND:
            assert response["Location"].startswith(("/vi/admin/api/", "/admin/login/"))
    else:
        assert_refused(response, role)
    assert live_state(pages.draft) == live_before
    assert_unchanged(before, snapshot(ignore=("pages", "revisions")))


# ------------------------------------------------------------------ taking down


@pytest.mark.parametrize("role", cases("take-down"))
def test_take_down(login, people, pages, role):
    client = login(role)
    before = snapshot()

    response = client.post(reverse("workflows:takedown", args=[pages.draft.pk]), {"reason": REASON})

    if may(role, "take-down"):
        assert_done(response)
        page = fresh(pages.draft)
        assert not page.live
        assert page.takedowns.get().user == people[role]
    else:
        assert_refused(response, role)
        assert_unchanged(before, snapshot())


@pytest.mark.parametrize("role", cases("take-down"))
def test_wagtails_unpublish_takes_nothing_down_without_a_reason(login, pages, role):
    """Wagtail's Unpublish leads to the takedown form: posted as such, it changes nothing."""
    client = login(role)
    before = snapshot()

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[pages.draft.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("workflows:takedown", args=[pages.draft.pk])
    form = client.get(response["Location"])
    if may(role, "take-down"):
        assert 'name="reason"' in form.content.decode()
    else:
        assert_refused(form, role)
    assert_unchanged(before, snapshot())


# ------------------------------------------------------------------ the Vietnamese source


def revert_in_the_editor(client, pages):
    """The revisions view's "Review this version", saved as a draft."""
    url = reverse("wagtailadmin_pages:revisions_revert", args=[pages.draft.pk, _v2(pages).pk])
    return client.post(url, article_data(pages.draft, title="Khôi phục phiên bản cũ"))


def revert_through_the_api(client, pages):
    url = reverse("wagtailadmin_api:pages:action", args=[pages.draft.pk, "revert_to_page_revision"])
    return client.post(url, {"revision_id": _v2(pages).pk}, content_type="application/json")


def open_the_editor(client, pages):
    return client.get(edit_url(pages.draft))


def _v2(pages):
    return fresh(pages.draft).get_latest_revision()


SOURCE_DOORS = {
    "open-the-editor": open_the_editor,
    "revert-in-the-editor": revert_in_the_editor,
    "revert-through-the-api": revert_through_the_api,
}


@pytest.mark.parametrize("door", SOURCE_DOORS)
def test_a_translator_cannot_change_the_vietnamese_source(login, pages, door):
    """Translators write the English version (wagtail-localize's Translate and Sync stay
    open to them); the Vietnamese text is the writers'."""
    client = login("translator")
    before = snapshot()

    response = SOURCE_DOORS[door](client, pages)

    reason = vi(str(SOURCE_EDIT_REFUSAL))
    if door == "revert-through-the-api":
        assert response.status_code == HTTPStatus.FORBIDDEN, response.content[:300]
        assert response.json()["message"] == reason
    else:
        assert_refused(response, "translator")
        assert error_messages(response) == [reason]
    assert_unchanged(before, snapshot())


def test_a_translator_still_translates_a_vietnamese_page(login, pages):
    """wagtail-localize's "Translate this page" on a Vietnamese page: the English draft is
    made, and the Vietnamese page is untouched."""
    client = login("translator")
    page = live_page_with_draft(parent=pages.index, slug="bai-can-dich", title="Bài cần dịch").page
    vietnamese_before = live_state(page), fresh(page).latest_revision_id

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [str(pages.english.locale_id)]},
    )

    assert_done(response)
    assert page.get_translation_or_none(pages.english.locale) is not None
    assert (live_state(page), fresh(page).latest_revision_id) == vietnamese_before

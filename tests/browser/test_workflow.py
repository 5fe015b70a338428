"""The editorial workflow, end to end in the Wagtail admin, in headless Chromium.

Real accounts log in through the admin's login form and work in the
Vietnamese admin (new accounts get the site's language): a writer drafts an
article and submits it, a reviewer approves the review, the spokesperson
approves and publishes, and an anonymous visitor reads the article on the
public site. A second journey: the reviewer requests changes and the writer
finds the page sent back, with the reviewer's comment.

Labels are looked up through gettext in Vietnamese, so the tests follow the
translation catalogue instead of repeating it.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import TaskState

from articles.models import ArticlePage
from cms.core.roles import REVIEWER, SPOKESPERSON, WRITER
from cms.workflows.models import ReviewTask, SpokespersonApprovalTask
from tests.factories import ArticleIndexPageFactory, SpokespersonEntryFactory, TopicFactory

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed data; serialized rollback restores what the
    # migrations created (locales, home page, groups, the workflow) after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"
TITLE = "Xã Xuân Trường ra quân làm sạch kênh mương nội đồng sau vụ mùa"
SUMMARY = "Sáng nay, hơn 300 đoàn viên thanh niên các thôn ra quân dọn vệ sinh kênh mương."
BODY = "Buổi ra quân do Đoàn Thanh niên xã phối hợp với các hợp tác xã nông nghiệp tổ chức."


def vi(message: str, **values) -> str:
    """What the Vietnamese admin shows for ``message``."""
    with translation.override("vi"):
        text = gettext(message)
    return text % values if values else text


@pytest.fixture
def newsroom(transactional_db):
    """An article index, a topic and the workflow's three people, each with a password.

    The spokesperson has a current entry in the spokesperson register.
    """
    user_model = get_user_model()

    def account(role, username, first_name, last_name):
        user = user_model.objects.create_user(
            username=username,
            password=PASSWORD,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@xuantruong.ninhbinh.gov.vn",
        )
        user.groups.add(Group.objects.get(name=role.group_name))
        return user

    spokesperson = account(SPOKESPERSON, "phatngon", "Phạm Quang", "Hưng")
    SpokespersonEntryFactory(user=spokesperson)
    return {
        "writer": account(WRITER, "phongvien", "Nguyễn Thu", "Trang"),
        "reviewer": account(REVIEWER, "kiemduyet", "Trần Văn", "Lâm"),
        "spokesperson": spokesperson,
        "index": ArticleIndexPageFactory(title="Tin tức – Sự kiện"),
        "topic": TopicFactory(name="Nông nghiệp – Nông thôn"),
    }


# ------------------------------------------------------------------ steps


def log_in(tab, username):
    tab.goto("/admin/login/")
    tab.fill('input[name="username"]', username)
    tab.fill('input[name="password"]', PASSWORD)
    with tab.expect_navigation():
        tab.locator('form button[type="submit"]').click()
    return tab


def no_error_message(tab, expect):
    expect(tab.locator(".messages li.error")).to_have_count(0)


def open_action_menu(tab):
    """Unfold the editor's action menu (Save draft is its default button)."""
    tab.locator("footer nav.actions [data-w-dropdown-target=toggle]").first.click()


def draft_and_submit(tab, newsroom, expect) -> ArticlePage:
    """The writer writes a news article under the index, saves a draft and submits it."""
    index, topic = newsroom["index"], newsroom["topic"]
    tab.goto(f"/admin/pages/add/articles/articlepage/{index.pk}/")
    tab.fill("#id_title", TITLE)
    tab.fill("#id_summary", SUMMARY)
    tab.locator("#body-root .c-sf-add-button").first.click()
    tab.get_by_role("option", name=vi("Paragraph"), exact=True).click()
    tab.locator('#body-root [contenteditable="true"]').first.fill(BODY)
    tab.locator("#id_topic-chooser [data-chooser-action-choose]").click()
    tab.locator(".modal").get_by_role("link", name=topic.name, exact=True).click()
    expect(tab.locator("#id_topic-title")).to_have_text(topic.name)
    # Nobody has a Publish button: pages go live only through the workflow.
    expect(tab.locator('button[name="action-publish"]')).to_have_count(0)

    with tab.expect_navigation():
        tab.locator("footer nav.actions button.action-save").click()
    no_error_message(tab, expect)
    article = ArticlePage.objects.get(title=TITLE)
    expect(tab).to_have_url(re.compile(rf"/admin/pages/{article.pk}/edit/$"))
    assert not article.live
    assert article.get_latest_revision().user == newsroom["writer"]

    open_action_menu(tab)
    actions = tab.locator("footer nav.actions")
    expect(actions.locator('button[name="action-submit"]')).to_be_visible()
    expect(actions.locator('button[name="action-publish"]')).to_have_count(0)
    expect(actions.get_by_role("button", name=vi("Publish"), exact=True)).to_have_count(0)
    submit = actions.locator('button[name="action-submit"]')
    expect(submit).to_have_text(
        vi("Submit to %(workflow_name)s", workflow_name=article.get_workflow().name)
    )
    with tab.expect_navigation():
        submit.click()
    expect(tab.locator(".messages")).to_contain_text(
        vi("Page '%(page_title)s' has been submitted for moderation.", page_title=TITLE)
    )
    no_error_message(tab, expect)
    return article


def decide_on_dashboard(tab, action, label, comment, expect):
    """Take the workflow step from the dashboard's "awaiting your review" panel."""
    tab.goto("/admin/")
    awaiting = tab.locator("#awaiting-review-content")
    row = awaiting.locator("tr").filter(has=tab.get_by_role("link", name=TITLE, exact=True))
    row.locator("[data-w-dropdown-target=toggle]").click()
    button = row.locator(f'button[data-workflow-action-url*="/{action}/"]')
    expect(button).to_have_text(label)
    button.click()
    modal = tab.locator(".modal")
    expect(modal.locator(".w-header")).to_contain_text(label)
    modal.locator("textarea[name=comment]").fill(comment)
    with tab.expect_navigation():
        modal.locator('button[type="submit"]').click()
    expect(tab).to_have_url(re.compile(r"/admin/$"))
    no_error_message(tab, expect)
    # Decided: the page is no longer waiting for this person.
    expect(awaiting.get_by_role("link", name=TITLE, exact=True)).to_have_count(0)


def step_state(article, task_model):
    return TaskState.objects.filter(
        workflow_state__object_id=str(article.pk), task__in=task_model.objects.all()
    ).latest("pk")


# ------------------------------------------------------------------ journeys


def test_writer_reviewer_and_spokesperson_publish_an_article(new_tab, newsroom, expect):
    writer, reviewer, spokesperson = (
        newsroom["writer"],
        newsroom["reviewer"],
        newsroom["spokesperson"],
    )

    article = draft_and_submit(log_in(new_tab(), writer.username), newsroom, expect)

    tab = log_in(new_tab(), reviewer.username)
    decide_on_dashboard(
        tab, "approve", vi("Approve the review"), "Nội dung chính xác, đủ căn cứ.", expect
    )
    review = step_state(article, ReviewTask)
    assert (review.status, review.finished_by) == (TaskState.STATUS_APPROVED, reviewer)
    assert review.get_comment() == "Nội dung chính xác, đủ căn cứ."
    article.refresh_from_db()
    assert not article.live  # the review alone publishes nothing
    visitor = new_tab()
    assert visitor.goto(article.url).status == 404

    tab = log_in(new_tab(), spokesperson.username)
    decide_on_dashboard(tab, "approve", vi("Approve and publish"), "Đồng ý đăng.", expect)
    approval = step_state(article, SpokespersonApprovalTask)
    assert (approval.status, approval.finished_by) == (TaskState.STATUS_APPROVED, spokesperson)
    article.refresh_from_db()
    assert article.live
    assert article.live_revision == article.get_latest_revision()
    assert article.live_revision.user == writer

    response = visitor.goto(article.url)
    assert response.status == 200
    expect(visitor.locator("html")).to_have_attribute("lang", "vi")
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator("main")).to_contain_text(SUMMARY)
    expect(visitor.locator("main")).to_contain_text(BODY)


def test_reviewer_requests_changes_and_the_writer_sees_why(new_tab, newsroom, expect):
    reviewer = newsroom["reviewer"]
    writer_tab = log_in(new_tab(), newsroom["writer"].username)
    article = draft_and_submit(writer_tab, newsroom, expect)

    # The reviewer opens the page from the dashboard and decides in the editor.
    tab = log_in(new_tab(), reviewer.username)
    with tab.expect_navigation():
        tab.locator("#awaiting-review-content").get_by_role("link", name=TITLE).click()
    open_action_menu(tab)
    request_changes = tab.locator('footer nav.actions [data-workflow-action-name="reject"]')
    expect(request_changes).to_have_text(vi("Request changes"))
    request_changes.click()
    modal = tab.locator(".modal")
    comment_box = modal.get_by_label(vi("What should be changed"))
    expect(comment_box).to_be_visible()
    # Without a comment the author would not know what to change: refused in the modal.
    modal.locator('button[type="submit"]').click()
    expect(modal).to_contain_text(vi("Say what the author should change."))
    comment = "Bổ sung số liệu: bao nhiêu km kênh mương đã được nạo vét?"
    modal.get_by_label(vi("What should be changed")).fill(comment)
    with tab.expect_navigation():
        modal.locator('button[type="submit"]').click()
    no_error_message(tab, expect)
    expect(tab.locator(".messages")).to_contain_text(
        vi("Page '%(page_title)s' has been updated.", page_title=TITLE)
    )
    rejected = step_state(article, ReviewTask)
    assert (rejected.status, rejected.finished_by) == (TaskState.STATUS_REJECTED, reviewer)
    assert rejected.get_comment() == comment
    # Deciding changed nothing in the text: no revision of the reviewer's.
    assert article.get_latest_revision().user == newsroom["writer"]

    # The writer finds the page sent back, with the reviewer's comment.
    writer_tab.goto(f"/admin/pages/{article.pk}/edit/")
    open_action_menu(writer_tab)
    expect(writer_tab.locator('footer nav.actions button[name="action-submit"]')).to_have_text(
        vi("Resubmit to %(task_name)s", task_name=rejected.task.name)
    )
    writer_tab.locator('[data-side-panel-toggle="status"]').click()
    writer_tab.locator('[data-a11y-dialog-show="workflow-status-dialog"]').click()
    dialog = writer_tab.locator("#workflow-status-dialog")
    expect(dialog).to_be_visible()
    sent_back = dialog.locator(".workflow-timeline__item--rejected")
    expect(sent_back).to_contain_text(
        vi(
            "Changes requested by %(requested_by)s",
            requested_by=reviewer.get_full_name(),
        )
    )
    expect(sent_back).to_contain_text(comment)

"""Who is told what by e-mail (Django's e-mail backend; local memory in the test settings).

* On submit: the reviewers, not the person who submitted.
* When the review passes: the spokespersons, not the reviewer.
* On approval: the author (who submitted), with the page's public address.
* On a request for changes: the author, with the comment.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from cms.core.roles import REVIEWER
from cms.workflows import approval
from tests.factories import ArticlePageFactory, paragraphs
from tests.workflows.gate_helpers import make_person, register

pytestmark = pytest.mark.django_db

TITLE = "Xã Xuân Trường ra quân làm sạch môi trường"
COMMENT = "Đề nghị bổ sung số lượng người tham gia và thời gian cụ thể."


@pytest.fixture
def people(db):
    writer = make_person("writer", "pv-an")
    reviewers = [make_person("reviewer", "kd-binh"), make_person("reviewer", "kd-chi")]
    spokesperson = make_person("spokesperson", "pn-dung")
    register(spokesperson)
    translator = make_person("translator", "bd-em")
    return writer, reviewers, spokesperson, translator


@pytest.fixture
def page(home_page, people):
    page = ArticlePageFactory(
        title=TITLE,
        body=paragraphs("Đông đảo đoàn viên thanh niên đã tham gia dọn dẹp đường làng."),
        publish=False,
    )
    page.save_revision(user=people[0])
    return type(page).objects.get(pk=page.pk)


def to(mail) -> set[str]:
    return {address for message in mail for address in message.to}


def addresses(*users) -> set[str]:
    return {user.email for user in users}


def test_submit_tells_the_reviewers_and_not_the_submitter(page, people, mailoutbox):
    writer, reviewers, spokesperson, translator = people
    writer.groups.add(Group.objects.get(name=REVIEWER.group_name))  # a writer who also reviews
    mailoutbox.clear()

    approval.submit(page, writer)

    assert addresses(*reviewers) <= to(mailoutbox)
    assert writer.email not in to(mailoutbox)
    assert spokesperson.email not in to(mailoutbox)
    assert translator.email not in to(mailoutbox)
    message = next(m for m in mailoutbox if reviewers[0].email in m.to)
    assert TITLE in message.subject
    assert f"/admin/pages/{page.pk}/edit/" in message.body


def test_passing_review_tells_the_spokesperson(page, people, mailoutbox):
    writer, reviewers, spokesperson, _translator = people
    approval.submit(page, writer)
    mailoutbox.clear()

    approval.take_step(page, reviewers[0], "approve")

    assert spokesperson.email in to(mailoutbox)
    assert reviewers[0].email not in to(mailoutbox)
    assert writer.email not in to(mailoutbox)
    message = next(m for m in mailoutbox if spokesperson.email in m.to)
    assert TITLE in message.subject
    # The spokesperson decides from the dashboard (the editor is locked at this step).
    assert "http://testserver/admin/\n" in message.body + "\n"


def test_approval_tells_the_author(page, people, mailoutbox, django_capture_on_commit_callbacks):
    writer, reviewers, spokesperson, _translator = people
    approval.submit(page, writer)
    approval.take_step(page, reviewers[0], "approve")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):  # sent once the publication commits
        approval.take_step(page, spokesperson, "approve")

    assert to(mailoutbox) == {writer.email}
    [message] = mailoutbox
    assert TITLE in message.subject
    live = type(page).objects.get(pk=page.pk)
    assert live.live
    assert live.full_url in message.body


@pytest.mark.parametrize("step", ["review", "spokesperson"])
def test_request_for_changes_tells_the_author_with_the_comment(page, people, mailoutbox, step):
    writer, reviewers, spokesperson, _translator = people
    approval.submit(page, writer)
    decider = reviewers[0]
    if step == "spokesperson":
        approval.take_step(page, reviewers[0], "approve")
        decider = spokesperson
    mailoutbox.clear()

    approval.take_step(page, decider, "reject", COMMENT)

    assert to(mailoutbox) == {writer.email}
    [message] = mailoutbox
    assert TITLE in message.subject
    assert COMMENT in message.body
    assert (decider.get_full_name() or decider.username) in message.body

"""The editor's findings panel during the workflow: the step, who may take it, the statements.

Rendered through the real page editor (``wagtailadmin_pages:edit``) for a draft
whose body asks for two confirmations (SEC-03, SPK-03), submitted to the
workflow by the team writer.
"""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from cms.core.roles import REVIEWER, SPOKESPERSON
from cms.security import services
from cms.security.admin_views import attestation_token
from cms.workflows import approval
from cms.workflows.models import ReviewTask, SpokespersonApprovalTask
from tests.factories import ArticlePageFactory, editorial_team, paragraphs
from tests.security.test_services import make_user

pytestmark = pytest.mark.django_db

DEFENCE = "Kho vũ khí của Ban CHQS xã đặt tại thôn 3."
INVESTIGATION = "Vụ việc đang được Công an xã điều tra."


@pytest.fixture
def page(home_page):
    return ArticlePageFactory(
        title="Thông tin về công tác quốc phòng",
        publish=False,
        body=paragraphs(DEFENCE, INVESTIGATION),
    )


@pytest.fixture
def submitted(page):
    approval.submit(page, editorial_team()[0])
    return page


@pytest.fixture
def reviewer(db):
    return make_user(REVIEWER, username="kiemduyet", first_name="Lê Thị", last_name="Mai")


def panel(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == HTTPStatus.OK
    found = BeautifulSoup(response.content, "html.parser").select_one("[data-infosec-panel]")
    assert found is not None, "the editor has no findings panel"
    return found


def status_of(found):
    line = found.select_one("[data-infosec-workflow]")
    return line, (line.get_text(" ", strip=True) if line else "")


def attest_tokens(page):
    result = services.scan_latest(page)
    return {
        attestation_token(r.finding): r for r in result.reported if r.finding.severity == "attest"
    }


def confirm_all(client, page, user):
    client.force_login(user)
    response = client.post(
        reverse("security:attest_findings", args=[page.pk]),
        {"revision_id": page.latest_revision_id, "items": list(attest_tokens(page))},
    )
    assert response.status_code == HTTPStatus.FOUND


def test_reviewer_sees_the_review_step_and_the_statements_still_to_confirm(
    client, submitted, reviewer
):
    task = ReviewTask.objects.get()
    client.force_login(reviewer)

    found = panel(client, submitted)

    line, text = status_of(found)
    assert line["data-may-act"] == "true"
    assert task.name in text
    assert "2" in text  # the statements left to confirm before approving
    items = found.select("[data-infosec-attest] [data-attest-item]")
    assert {item["data-attest-item"] for item in items} == set(attest_tokens(submitted))
    assert not found.select("[data-attest-confirmed]")
    for token, reported in attest_tokens(submitted).items():
        item = found.select_one(f'[data-attest-item="{token}"]')
        assert reported.finding.attestation in item.get_text(" ", strip=True)
        assert item.select_one("mark").get_text() == reported.finding.excerpt
    link = found.select_one(
        f'a[href="{reverse("security:page_findings", args=[submitted.pk])}#infosec-attest"]'
    )
    assert link is not None
    assert not found.select("form"), "no nested form inside the editor's form"


def test_the_writer_who_submitted_sees_why_they_cannot_take_the_step(client, submitted):
    writer = editorial_team()[0]
    task = ReviewTask.objects.get()
    with translation.override("vi"):
        refusal = approval.review_refusal(task, submitted, writer)
    assert refusal
    client.force_login(writer)

    line, text = status_of(panel(client, submitted))

    assert line["data-may-act"] == "false"
    assert task.name in text
    assert refusal in text


def test_a_reviewer_who_edited_the_page_sees_that_another_reviewer_must_decide(
    client, submitted, reviewer
):
    submitted.save_revision(user=reviewer)
    task = ReviewTask.objects.get()
    with translation.override("vi"):
        refusal = approval.review_refusal(task, submitted, reviewer)
    assert refusal
    client.force_login(reviewer)

    line, text = status_of(panel(client, submitted))

    assert line["data-may-act"] == "false"
    assert refusal in text


def test_confirmed_statements_show_who_confirmed_them(client, submitted, reviewer):
    confirm_all(client, submitted, reviewer)

    found = panel(client, submitted)

    confirmed = found.select("[data-infosec-attest] [data-attest-confirmed]")
    assert len(confirmed) == len(attest_tokens(submitted)) == 2
    assert all("Lê Thị Mai" in item.get_text(" ", strip=True) for item in confirmed)
    assert not found.select('a[href$="#infosec-attest"]')
    line, _text = status_of(found)
    assert line["data-may-act"] == "true"


def test_at_the_spokesperson_step_an_unregistered_spokesperson_sees_why_not(
    client, submitted, reviewer
):
    confirm_all(client, submitted, reviewer)
    approval.take_step(submitted, reviewer, "approve")
    spokesperson = make_user(SPOKESPERSON, username="phatngon")  # no register entry
    task = SpokespersonApprovalTask.objects.get()
    with translation.override("vi"):
        refusal = approval.spokesperson_refusal(task, submitted, spokesperson)
    assert refusal
    client.force_login(spokesperson)

    line, text = status_of(panel(client, submitted))

    assert task.name in text
    assert line["data-may-act"] == "false"
    assert refusal in text


def test_no_status_line_for_a_page_outside_the_workflow(client, page, reviewer):
    client.force_login(reviewer)

    found = panel(client, page)

    assert found.select_one("[data-infosec-workflow]") is None
    assert len(found.select("[data-attest-item]")) == 2


def test_a_failing_status_does_not_break_the_editor(client, submitted, reviewer, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("workflow tables unavailable")

    monkeypatch.setattr("cms.security.panels.workflow_status", broken)
    monkeypatch.setattr("cms.security.admin_views.attest_items", broken)
    client.force_login(reviewer)

    found = panel(client, submitted)

    assert found.select_one("[data-infosec-workflow]") is None
    assert found.select(".infosec-finding"), "the findings themselves are still listed"

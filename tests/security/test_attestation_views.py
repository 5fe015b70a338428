"""The review step's confirmations: a reviewer ticks every ``attest`` statement (findings page).

The page's body quotes defence detail (SEC-03) and a case under investigation
(SPK-03): both ask a reviewer to confirm a statement before the review can be
approved. Pages are drafts saved by the team writer (``ArticlePageFactory``).
"""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import PageLogEntry

from cms.core.roles import REVIEWER, SPOKESPERSON, WRITER
from cms.security import services
from cms.security.admin_views import attestation_token
from cms.security.models import Attestation
from cms.workflows import approval
from cms.workflows.exceptions import WorkflowActionRefused
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
def reviewer(db):
    return make_user(REVIEWER, username="kiemduyet", first_name="Lê Thị", last_name="Mai")


def findings_url(page):
    return reverse("security:page_findings", args=[page.pk])


def attest_url(page):
    return reverse("security:attest_findings", args=[page.pk])


def attest_findings_of(page):
    """The attest findings of the latest revision (one per rule, field and excerpt)."""
    result = services.scan_latest(page)
    seen = {}
    for reported in result.reported:
        if reported.finding.severity.value == "attest":
            seen.setdefault(reported.key, reported.finding)
    return list(seen.values()), result.revision


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def vi(message):
    """``message`` as the admin shows it (in Vietnamese once the catalogue has it)."""
    with translation.override("vi"):
        return str(gettext(message))


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def confirm(client, page, findings, revision):
    return client.post(
        attest_url(page),
        {
            "revision_id": revision.pk,
            "items": [attestation_token(finding) for finding in findings],
        },
        follow=True,
    )


def test_the_test_page_asks_for_two_confirmations(page):
    findings, revision = attest_findings_of(page)

    assert sorted(f.rule for f in findings) == ["SEC-03", "SPK-03"]
    assert all(f.attestation for f in findings)
    assert revision.user == editorial_team()[0]


def test_reviewer_sees_one_labelled_checkbox_per_statement_and_how_many_remain(
    client, page, reviewer
):
    findings, revision = attest_findings_of(page)
    client.force_login(reviewer)

    response = client.get(findings_url(page))

    assert response.status_code == HTTPStatus.OK
    soup = soup_of(response)
    form = soup.select_one("form.infosec-attest-form")
    assert form["action"] == attest_url(page)
    assert form.select_one('input[name="revision_id"]')["value"] == str(revision.pk)
    fieldset = form.select_one("fieldset")
    assert fieldset.select_one("legend").get_text(strip=True)
    boxes = fieldset.select('input[type="checkbox"][name="items"]')
    assert sorted(box["value"] for box in boxes) == sorted(attestation_token(f) for f in findings)
    for finding in findings:
        box = fieldset.select_one(f'input[value="{attestation_token(finding)}"]')
        label = soup.select_one(f'label[for="{box["id"]}"]')
        assert finding.attestation in label.get_text(" ", strip=True)
        assert soup.find(id=box["aria-describedby"]).select_one("mark").get_text() == (
            finding.excerpt
        )
        assert not box.has_attr("checked")
    summary = soup.select_one(".infosec-attest-summary").get_text(" ", strip=True)
    assert "2" in summary
    assert not Attestation.objects.exists()


def test_reviewer_confirms_the_ticked_statements_and_each_is_recorded(client, page, reviewer):
    findings, revision = attest_findings_of(page)
    client.force_login(reviewer)

    response = confirm(client, page, findings, revision)

    assert response.status_code == HTTPStatus.OK
    assert response.redirect_chain[-1][0].startswith(findings_url(page))
    recorded = {a.rule_id: a for a in Attestation.objects.filter(revision=revision)}
    assert set(recorded) == {"SEC-03", "SPK-03"}
    for finding in findings:
        attestation = recorded[finding.rule]
        assert attestation.statement == finding.attestation
        assert attestation.created_by == reviewer
        assert attestation.excerpt == finding.excerpt
        assert attestation.page_id == page.pk
    assert PageLogEntry.objects.filter(
        page=page, action="security.attest_finding", user=reviewer
    ).count() == len(findings)
    assert len(messages_of(response)) == 1
    soup = soup_of(response)
    assert not soup.select('input[type="checkbox"][name="items"]')
    confirmed = soup.select("[data-attest-confirmed]")
    assert len(confirmed) == len(findings)
    assert all("Lê Thị Mai" in item.get_text(" ", strip=True) for item in confirmed)
    assert all(
        timezone.localtime(attestation.created_at).strftime("%d/%m/%Y %H:%M") in soup.get_text()
        for attestation in recorded.values()
    )
    assert services.unattested(services.scan_latest(page)) == []


def test_ticking_one_statement_leaves_the_other_to_confirm(client, page, reviewer):
    findings, revision = attest_findings_of(page)
    defence = next(f for f in findings if f.rule == "SEC-03")
    client.force_login(reviewer)

    response = confirm(client, page, [defence], revision)

    assert list(Attestation.objects.values_list("rule_id", flat=True)) == ["SEC-03"]
    soup = soup_of(response)
    [box] = soup.select('input[type="checkbox"][name="items"]')
    assert box["value"] == attestation_token(next(f for f in findings if f.rule == "SPK-03"))
    assert "1" in soup.select_one(".infosec-attest-summary").get_text()


def test_reviewer_who_saved_the_revision_cannot_confirm(client, page, reviewer):
    page.save_revision(user=reviewer)  # the reviewer edited the text: now one of its authors
    findings, revision = attest_findings_of(page)
    with translation.override("vi"):
        refusal = services.attestation_refusal(reviewer, page, revision)
    assert refusal
    client.force_login(reviewer)

    shown = client.get(findings_url(page))
    posted = confirm(client, page, findings, revision)

    soup = soup_of(shown)
    assert not soup.select('input[type="checkbox"][name="items"]')
    assert soup.select_one(".infosec-attest__refusal").get_text(strip=True) == refusal
    assert len(soup.select(".infosec-attest [data-attest-item]")) == len(findings)
    assert messages_of(posted) == [refusal]
    assert not Attestation.objects.exists()


def test_a_writer_cannot_confirm(client, page):
    user = make_user(WRITER, username="phongvien")
    findings, revision = attest_findings_of(page)
    with translation.override("vi"):
        refusal = services.attestation_refusal(user, page, revision)
    client.force_login(user)

    shown = client.get(findings_url(page))
    posted = confirm(client, page, findings, revision)

    assert shown.status_code == HTTPStatus.OK
    soup = soup_of(shown)
    assert soup.select_one(".infosec-attest__refusal").get_text(strip=True) == refusal
    assert not soup.select("form.infosec-attest-form")
    assert messages_of(posted) == [refusal]
    assert not Attestation.objects.exists()


def test_confirming_a_revision_that_is_no_longer_the_latest_is_refused(client, page, reviewer):
    findings, shown_revision = attest_findings_of(page)
    client.force_login(reviewer)
    writer = editorial_team()[0]
    page.body = paragraphs(DEFENCE, INVESTIGATION, "Đã bổ sung thêm một đoạn.")
    page.save_revision(user=writer)  # the writer changes the text while the reviewer reads

    response = confirm(client, page, findings, shown_revision)

    assert not Attestation.objects.exists()
    assert messages_of(response) == [
        vi(
            "The page has been changed since you opened its findings; nothing was "
            "confirmed. Check the findings of the new revision."
        )
    ]
    soup = soup_of(response)
    assert soup.select_one('form.infosec-attest-form input[name="revision_id"]')["value"] == str(
        page.latest_revision_id
    )


def test_nothing_ticked_records_nothing(client, page, reviewer):
    _findings, revision = attest_findings_of(page)
    client.force_login(reviewer)

    response = client.post(attest_url(page), {"revision_id": revision.pk}, follow=True)

    assert messages_of(response) == [
        vi("Tick at least one statement to confirm; nothing was confirmed.")
    ]
    assert not Attestation.objects.exists()
    assert len(soup_of(response).select('input[type="checkbox"][name="items"]')) == 2


def test_a_statement_no_longer_reported_is_refused_and_nothing_is_recorded(client, page, reviewer):
    findings, revision = attest_findings_of(page)
    client.force_login(reviewer)

    response = client.post(
        attest_url(page),
        {"revision_id": revision.pk, "items": [attestation_token(findings[0]), "0" * 20]},
        follow=True,
    )

    assert messages_of(response) == [
        vi(
            "A ticked statement is no longer reported for this page; nothing was confirmed. "
            "Check the findings again."
        )
    ]
    assert not Attestation.objects.exists()


def test_the_form_only_accepts_posts(client, page, reviewer):
    client.force_login(reviewer)

    assert client.get(attest_url(page)).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_spokesperson_may_confirm_too(client, page):
    spokesperson = make_user(SPOKESPERSON, username="phatngon")
    findings, revision = attest_findings_of(page)
    client.force_login(spokesperson)

    confirm(client, page, findings, revision)

    assert set(Attestation.objects.values_list("created_by__username", flat=True)) == {"phatngon"}


def test_review_is_refused_until_every_statement_is_confirmed(client, page, reviewer):
    writer = editorial_team()[0]
    approval.submit(page, writer)
    findings, revision = attest_findings_of(page)
    defence = next(f for f in findings if f.rule == "SEC-03")
    client.force_login(reviewer)

    with pytest.raises(WorkflowActionRefused):
        approval.take_step(page, reviewer, "approve")
    confirm(client, page, [defence], revision)
    with pytest.raises(WorkflowActionRefused) as refused:
        approval.take_step(page, reviewer, "approve")
    assert "SPK-03" in str(refused.value)
    assert isinstance(page.specific.current_workflow_task, ReviewTask)

    confirm(client, page, [f for f in findings if f.rule == "SPK-03"], revision)
    approval.take_step(page, reviewer, "approve")

    page.refresh_from_db()
    assert isinstance(page.current_workflow_task, SpokespersonApprovalTask)

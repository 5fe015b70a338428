"""Exemptions: who may mark a finding as a false positive, and what is recorded."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from cms.core.roles import REVIEWER, SPOKESPERSON, WRITER
from cms.security import services
from cms.security.models import Exemption
from cms.security.scanner.findings import Verdict
from tests.factories import ArticlePageFactory, paragraphs
from tests.security.test_services import make_user

pytestmark = pytest.mark.django_db

PHONE = "0912 345 678"
BODY = (
    f"Liên hệ anh Hùng: {PHONE}. "
    "Tài liệu lưu hành nội bộ - không phổ biến. "
    "Văn bản đóng dấu TỐI MẬT của Ban Chỉ huy Quân sự xã."
)


@pytest.fixture
def writer(db):
    return make_user(WRITER)


@pytest.fixture
def reviewer(db):
    return make_user(REVIEWER)


@pytest.fixture
def spokesperson(db):
    return make_user(SPOKESPERSON)


@pytest.fixture
def page(home_page, writer):
    page = ArticlePageFactory(title="Thông báo của UBND xã", owner=writer, publish=False)
    page.body = paragraphs(BODY)
    page.save_revision(user=writer)
    return page


def findings_url(page):
    return reverse("security:page_findings", args=[page.pk])


def exempt_url(page):
    return reverse("security:exempt_finding", args=[page.pk])


def finding_of(page, rule):
    result = services.scan_latest(page)
    return next(r.finding for r in result.reported if r.finding.rule == rule), result.revision


def post_exemption(client, page, rule, reason="Số điện thoại của cán bộ đã đồng ý công khai."):
    finding, revision = finding_of(page, rule)
    return client.post(
        exempt_url(page),
        {
            "revision_id": revision.pk,
            "rule": finding.rule,
            "field": finding.field,
            "excerpt": finding.excerpt,
            "reason": reason,
        },
        follow=True,
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_reviewer_who_is_not_the_author_exempts_a_finding(page, reviewer):
    client = logged_in(reviewer)

    response = post_exemption(client, page, "PII-02")

    assert response.status_code == HTTPStatus.OK
    exemption = Exemption.objects.get()
    assert exemption.rule_id == "PII-02"
    assert PHONE in exemption.excerpt
    assert exemption.field == "body.0"
    assert exemption.revision == page.latest_revision
    assert exemption.created_by == reviewer
    assert exemption.reason == "Số điện thoại của cán bộ đã đồng ý công khai."
    # The audit log on the page says who, when, what and why.
    log = PageLogEntry.objects.get(page=page, action="security.exempt_finding")
    assert log.user == reviewer
    assert log.revision == page.latest_revision
    assert log.data["rule"] == "PII-02"
    assert log.data["excerpt"] == exemption.excerpt
    assert log.data["reason"] == exemption.reason
    # The finding no longer counts; the others still do.
    result = services.scan_latest(page)
    assert [r.finding.rule for r in result.exempted] == ["PII-02"]
    assert "PII-02" not in {f.rule for f in result.findings}
    assert result.verdict is Verdict.BLOCK  # SEC-01 and SEC-02 remain


def test_the_author_cannot_exempt_even_as_a_reviewer(page, reviewer):
    # The reviewer edited the text: he is one of its authors now.
    page.save_revision(user=reviewer)
    client = logged_in(reviewer)

    response = post_exemption(client, page, "PII-02")

    assert not Exemption.objects.exists()
    assert not PageLogEntry.objects.filter(action="security.exempt_finding").exists()
    assert messages_of(response)  # a refusal is explained


def test_the_page_owner_cannot_exempt(page, writer):
    writer.groups.add(Group.objects.get(name=REVIEWER.group_name))
    client = logged_in(writer)

    post_exemption(client, page, "PII-02")

    assert not Exemption.objects.exists()


def test_a_writer_cannot_exempt(page):
    client = logged_in(make_user(WRITER, username="writer2"))

    post_exemption(client, page, "PII-02")

    assert not Exemption.objects.exists()


@pytest.mark.parametrize("role", [REVIEWER, SPOKESPERSON], ids=lambda role: role.key)
def test_state_secret_marks_can_never_be_exempted(page, role):
    client = logged_in(make_user(role, username=f"{role.key}-x"))

    response = post_exemption(client, page, "SEC-01", reason="Chỉ là ví dụ.")

    assert not Exemption.objects.exists()
    assert any("SEC-01" in message for message in messages_of(response))


def test_restricted_circulation_only_by_the_spokesperson(page, reviewer, spokesperson):
    post_exemption(logged_in(reviewer), page, "SEC-02", reason="Trích dẫn tên văn bản.")
    assert not Exemption.objects.exists()

    post_exemption(logged_in(spokesperson), page, "SEC-02", reason="Trích dẫn tên văn bản.")

    exemption = Exemption.objects.get()
    assert exemption.rule_id == "SEC-02"
    assert exemption.created_by == spokesperson


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required(page, reviewer, reason):
    response = post_exemption(logged_in(reviewer), page, "PII-02", reason=reason)

    assert not Exemption.objects.exists()
    assert messages_of(response)


def test_post_without_csrf_token_is_refused(page, reviewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    finding, revision = finding_of(page, "PII-02")

    response = client.post(
        exempt_url(page),
        {
            "revision_id": revision.pk,
            "rule": "PII-02",
            "field": finding.field,
            "excerpt": finding.excerpt,
            "reason": "Đồng ý.",
        },
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Exemption.objects.exists()


def test_a_stale_revision_is_refused(page, reviewer, writer):
    finding, old_revision = finding_of(page, "PII-02")
    page.save_revision(user=writer)  # the writer saved again meanwhile

    logged_in(reviewer).post(
        exempt_url(page),
        {
            "revision_id": old_revision.pk,
            "rule": "PII-02",
            "field": finding.field,
            "excerpt": finding.excerpt,
            "reason": "Đồng ý.",
        },
    )

    assert not Exemption.objects.exists()


def test_an_exemption_holds_for_its_revision_only(page, reviewer, writer):
    post_exemption(logged_in(reviewer), page, "PII-02")
    first = Exemption.objects.get()

    page.save_revision(user=writer)  # a new revision with the same text

    result = services.scan_latest(page)
    reported = next(r for r in result.reported if r.finding.rule == "PII-02")
    assert reported.exemption is None  # counts again...
    assert reported.earlier_exemption == first  # ...with the earlier decision shown
    assert "PII-02" in {f.rule for f in result.findings}


def test_findings_view_for_the_reviewer_offers_forms_but_not_for_sec01(page, reviewer):
    response = logged_in(reviewer).get(findings_url(page))

    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    items = {item["data-rule"]: item for item in soup.select("li.infosec-finding")}
    assert {"SEC-01", "SEC-02", "PII-02"} <= set(items)
    assert items["PII-02"].select_one("form.infosec-exempt-form textarea")
    assert items["PII-02"].select_one("input[name=csrfmiddlewaretoken]")
    assert not items["SEC-01"].select_one("form")
    assert not items["SEC-02"].select_one("form")  # spokesperson only
    assert "TỐI MẬT" in items["SEC-01"].select_one("mark").get_text()


def test_findings_view_shows_exemptions_prominently_to_the_spokesperson(
    page, reviewer, spokesperson
):
    post_exemption(logged_in(reviewer), page, "PII-02")

    response = logged_in(spokesperson).get(findings_url(page))

    soup = BeautifulSoup(response.content, "html.parser")
    alert = soup.select_one(".infosec-exemptions-alert")
    assert alert is not None
    text = alert.get_text(" ", strip=True)
    assert "PII-02" in text
    assert reviewer.get_username() in text or reviewer.get_full_name() in text
    assert "Số điện thoại của cán bộ đã đồng ý công khai." in text


def test_exemption_report_lists_every_exemption_for_the_spokesperson(page, reviewer, spokesperson):
    post_exemption(logged_in(reviewer), page, "PII-02")

    response = logged_in(spokesperson).get(reverse("security:exemptions"))

    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "PII-02" in body
    assert "Số điện thoại của cán bộ đã đồng ý công khai." in body
    assert findings_url(page) in body


def test_writers_do_not_see_the_exemption_report(writer):
    response = logged_in(writer).get(reverse("security:exemptions"))

    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)


def test_findings_view_needs_edit_permission_on_the_page(page):
    outsider = make_user(None, username="outsider", is_staff=False)
    response = logged_in(outsider).get(findings_url(page))

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)


def test_page_listing_menu_links_to_the_findings_view(page, reviewer):
    response = logged_in(reviewer).get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))

    assert response.status_code == HTTPStatus.OK
    assert findings_url(page) in response.content.decode()

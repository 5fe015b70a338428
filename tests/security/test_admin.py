"""Editing the checker's data in the admin, and the audit trail of every change."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from cms.core.roles import REVIEWER, SITE_ADMIN, WRITER
from cms.security import services
from cms.security.models import AllowlistEntry, AllowlistKind, RuleSetting, TermEntry
from tests.security.test_services import make_user

pytestmark = pytest.mark.django_db

CHANGE = "security.rule_data_change"


def snippet_url(model, view, *args):
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


def change_entries(instance):
    return ModelLogEntry.objects.filter(
        action=CHANGE, object_id=str(instance.pk), content_type__model=instance._meta.model_name
    ).order_by("timestamp", "pk")


@pytest.fixture
def reviewer_client(client):
    user = make_user(REVIEWER)
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def siteadmin_client(client):
    user = make_user(SITE_ADMIN)
    client.force_login(user)
    client.user = user
    return client


def test_reviewer_adds_a_term_and_the_change_is_logged_with_its_values(reviewer_client):
    response = reviewer_client.post(
        snippet_url(TermEntry, "add"),
        {"rule_id": "SEC-02", "term": "  tài liệu   mật nội bộ ", "language": "vi", "note": ""},
    )

    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
    term = TermEntry.objects.get()
    assert term.term == "tài liệu mật nội bộ"
    entry = change_entries(term).get()
    assert entry.user == reviewer_client.user
    assert entry.data["before"] is None
    assert entry.data["after"]["term"] == "tài liệu mật nội bộ"
    assert entry.data["after"]["rule_id"] == "SEC-02"
    # The new term is used by the next scan, without a restart.
    assert "tài liệu mật nội bộ" in services.build_config("vi").extra_terms["SEC-02"]


def test_editing_a_term_logs_before_and_after(reviewer_client):
    term = TermEntry.objects.create(rule_id="SEC-02", term="bản mật", language="vi")

    response = reviewer_client.post(
        snippet_url(TermEntry, "edit", term.pk),
        {"rule_id": "SEC-02", "term": "bản lưu hành hạn chế", "language": "any", "note": "x"},
    )

    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
    entry = change_entries(term).last()
    assert entry.user == reviewer_client.user
    assert entry.data["before"]["term"] == "bản mật"
    assert entry.data["after"]["term"] == "bản lưu hành hạn chế"
    assert entry.data["before"]["language"] == "vi"
    assert entry.data["after"]["language"] == "any"
    assert set(entry.data["changed"]) == {"term", "language", "note"}


def test_deleting_an_allowlist_entry_is_logged_and_stops_allowing_it(reviewer_client):
    entry = AllowlistEntry.objects.create(
        kind=AllowlistKind.PHONE, value="0229 3888 999", label="Đường dây nóng UBND xã"
    )
    assert "02293888999" in services.build_config("vi").allowed_phones

    response = reviewer_client.post(snippet_url(AllowlistEntry, "delete", entry.pk))

    assert response.status_code == HTTPStatus.FOUND
    assert not AllowlistEntry.objects.exists()
    log = change_entries(entry).last()
    assert log.data["before"]["normalised"] == "02293888999"
    assert log.data["after"] is None
    assert log.deleted
    assert "02293888999" not in services.build_config("vi").allowed_phones


@pytest.mark.parametrize(
    ("kind", "value", "normalised"),
    [
        ("phone", "0229 3888 999", "02293888999"),
        ("phone", "+84 912 345 678", "0912345678"),
        ("phone", "0229.3871.234", "02293871234"),
        ("email_domain", "@NinhBinh.gov.vn", "ninhbinh.gov.vn"),
        ("email", "UBNDXaXuanTruong@ninhbinh.gov.vn", "ubndxaxuantruong@ninhbinh.gov.vn"),
        ("bank_account", "3713 2010 01234", "3713201001234"),
    ],
)
def test_allowlist_values_are_normalised(reviewer_client, kind, value, normalised):
    response = reviewer_client.post(
        snippet_url(AllowlistEntry, "add"), {"kind": kind, "value": value, "label": "Chính thức"}
    )

    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
    assert AllowlistEntry.objects.get().normalised == normalised


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("phone", "12345"),
        ("phone", "0123 456 789"),  # no such Vietnamese prefix
        ("email_domain", "not a domain"),
        ("email", "mai.nguyen1985@"),
        ("bank_account", "12-34"),
    ],
)
def test_invalid_allowlist_values_are_refused(reviewer_client, kind, value):
    response = reviewer_client.post(
        snippet_url(AllowlistEntry, "add"), {"kind": kind, "value": value, "label": "Sai"}
    )

    assert response.status_code == HTTPStatus.OK  # the form again, with the error
    assert not AllowlistEntry.objects.exists()
    assert not ModelLogEntry.objects.filter(action=CHANGE).exists()


def test_the_same_number_cannot_be_allowlisted_twice(reviewer_client):
    AllowlistEntry.objects.create(kind="phone", value="0229 3888 999", label="Đường dây nóng")

    response = reviewer_client.post(
        snippet_url(AllowlistEntry, "add"),
        {"kind": "phone", "value": "0229.3888.999", "label": "Lặp lại"},
    )

    assert response.status_code == HTTPStatus.OK
    assert AllowlistEntry.objects.count() == 1


def test_siteadmin_overrides_a_severity_and_the_log_shows_it(siteadmin_client):
    setting = RuleSetting.objects.get(rule_id="CITE-03")
    data = {
        "rule_id": "CITE-03",
        "enabled": "on",
        "severity": "block",
        "legal_basis": setting.legal_basis,
        "notes": "Thống kê phải có nguồn trên cổng thông tin xã.",
    }

    response = siteadmin_client.post(snippet_url(RuleSetting, "edit", setting.pk), data)

    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
    entry = change_entries(setting).last()
    assert entry.user == siteadmin_client.user
    assert entry.data["before"]["severity"] == ""
    assert entry.data["after"]["severity"] == "block"
    assert services.build_config("vi").severity_overrides["CITE-03"] == "block"

    history = siteadmin_client.get(snippet_url(RuleSetting, "history", setting.pk))
    assert history.status_code == HTTPStatus.OK
    with translation.override("vi"):
        label = str(log_registry.get_action_label(CHANGE))
    assert label in history.content.decode()


def test_rule_data_changes_appear_in_the_site_history_report(admin_client):
    setting = RuleSetting.objects.get(rule_id="SEC-03")
    setting.enabled = False
    setting.save()

    response = admin_client.get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "SEC-03" in page
    with translation.override("vi"):
        assert str(log_registry.get_action_label(CHANGE)) in page


def test_writer_may_read_but_not_change_the_allowlist(client):
    client.force_login(make_user(WRITER))
    entry = AllowlistEntry.objects.create(kind="phone", value="0229 3888 999", label="Hotline")

    assert client.get(snippet_url(AllowlistEntry, "list")).status_code == HTTPStatus.OK
    response = client.post(
        snippet_url(AllowlistEntry, "add"), {"kind": "phone", "value": "0912345678", "label": "x"}
    )
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert list(AllowlistEntry.objects.all()) == [entry]


def test_reviewer_cannot_change_rule_settings(reviewer_client):
    setting = RuleSetting.objects.get(rule_id="SEC-01")

    reviewer_client.post(
        snippet_url(RuleSetting, "edit", setting.pk),
        {"rule_id": "SEC-01", "severity": "warn", "legal_basis": "", "notes": ""},
    )

    setting.refresh_from_db()
    assert setting.enabled and setting.severity == ""


def test_rule_settings_can_be_neither_added_nor_deleted(admin_client):
    setting = RuleSetting.objects.get(rule_id="SEC-02")

    add = admin_client.get(snippet_url(RuleSetting, "add"))
    delete = admin_client.post(snippet_url(RuleSetting, "delete", setting.pk))

    assert add.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert delete.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert RuleSetting.objects.filter(pk=setting.pk).exists()


def test_sec01_can_be_neither_disabled_nor_weakened(admin_client):
    setting = RuleSetting.objects.get(rule_id="SEC-01")

    for data in ({"severity": ""}, {"enabled": "on", "severity": "warn"}):
        response = admin_client.post(
            snippet_url(RuleSetting, "edit", setting.pk),
            {"legal_basis": setting.legal_basis, "notes": "", **data},
        )
        assert response.status_code == HTTPStatus.OK  # the form again, with the error

    setting.refresh_from_db()
    assert setting.enabled and setting.severity == ""

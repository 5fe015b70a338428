"""The current spokesperson's published phone and e-mail are on the checker's allowlist."""

import datetime

import pytest

from cms.security import services as security
from cms.workflows.exceptions import WorkflowActionRefused
from cms.workflows.models import SpokespersonPosition
from tests.factories import (
    ArticlePageFactory,
    SpokespersonEntryFactory,
    SpokespersonUserFactory,
    publish_page,
)

pytestmark = pytest.mark.django_db


def rules_found(page, rule: str) -> list:
    return [f for f in security.scan_page(page).findings if f.rule == rule]


def test_published_phone_passes_once_the_entry_exists(home_page):
    page = ArticlePageFactory(summary="Người phát ngôn UBND xã: ĐT 0229 3777 555.", publish=False)
    assert rules_found(page, "PII-02"), "not allowlisted yet"
    with pytest.raises(WorkflowActionRefused, match="PII-02"):
        publish_page(page)

    SpokespersonEntryFactory(phone="0229 3777 555")

    assert not rules_found(page, "PII-02")
    assert publish_page(page).live


def test_published_e_mail_joins_the_allowlist():
    SpokespersonEntryFactory(email="phatngon@xuantruong.ninhbinh.gov.vn", phone="0912 345 678")

    config = security.build_config("vi")

    assert "phatngon@xuantruong.ninhbinh.gov.vn" in config.allowed_emails
    assert "0912345678" in config.allowed_phones


def test_contacts_of_an_expired_or_future_entry_are_not_allowlisted():
    SpokespersonEntryFactory(
        phone="0912 345 678",
        valid_from=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2020, 12, 31),
    )
    SpokespersonEntryFactory(
        user=SpokespersonUserFactory(),
        position=SpokespersonPosition.VICE_CHAIRMAN,
        authorisation="Quyết định số 20/QĐ-UBND ngày 05/7/2025",
        phone="0912 345 679",
        valid_from=datetime.date(2099, 1, 1),
    )

    phones = security.build_config("vi").allowed_phones

    assert "0912345678" not in phones
    assert "0912345679" not in phones


def test_deleting_the_entry_takes_the_phone_off_the_allowlist(home_page):
    entry = SpokespersonEntryFactory(phone="0229 3777 555")
    page = ArticlePageFactory(summary="Người phát ngôn UBND xã: ĐT 0229 3777 555.")
    assert not rules_found(page, "PII-02")

    entry.delete()

    assert rules_found(page, "PII-02")


def test_an_authorisation_ending_yesterday_is_seen_without_a_data_change(monkeypatch):
    SpokespersonEntryFactory(
        phone="0912 345 678",
        valid_from=datetime.date(2025, 7, 1),
        valid_until=datetime.date(2025, 12, 31),
    )
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: datetime.date(2025, 12, 31))
    assert "0912345678" in security.build_config("vi").allowed_phones

    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: datetime.date(2026, 1, 1))

    assert "0912345678" not in security.build_config("vi").allowed_phones


def press_release(**fields):
    values = {
        "kind": "press_release",
        "publication_date": datetime.date(2025, 9, 25),
        "spokesperson_name": "Phạm Quang Hưng",
        "spokesperson_position": "chairman",
        "spokesperson_authorisation": "Quyết định số 15/QĐ-UBND ngày 01/7/2025",
        "summary": "Người phát ngôn: ĐT 0229 3777 555; phatngon@xuantruong.ninhbinh.gov.vn.",
    }
    values.update(fields)
    return ArticlePageFactory(publish=False, **values)


def test_a_press_release_must_name_the_registered_spokesperson(home_page):
    SpokespersonEntryFactory()
    named = press_release(spokesperson_name="PHAM QUANG HUNG")  # case and diacritics aside
    stranger = press_release(spokesperson_name="Nguyễn Văn Khác")

    assert rules_found(named, "SPK-02") == []
    [finding] = rules_found(stranger, "SPK-02")
    assert finding.severity.value == "block"
    assert finding.field == "spokesperson_name"
    assert finding.excerpt == "Nguyễn Văn Khác"
    assert "Phạm Quang Hưng" in finding.suggestion
    # What the checker blocks cannot pass review; the registered name can be published.
    with pytest.raises(WorkflowActionRefused, match="SPK-02"):
        publish_page(stranger)
    assert not type(stranger).objects.get(pk=stranger.pk).live
    assert publish_page(named).live


def test_the_register_is_read_on_the_date_of_the_release(home_page):
    SpokespersonEntryFactory(valid_from=datetime.date(2025, 10, 1))

    before = press_release(
        spokesperson_name="Trần Văn B", publication_date=datetime.date(2025, 9, 25)
    )
    after = press_release(
        spokesperson_name="Trần Văn B", publication_date=datetime.date(2025, 10, 2)
    )

    assert rules_found(before, "SPK-02") == []  # nobody registered on that day: nothing to compare
    assert [f.excerpt for f in rules_found(after, "SPK-02")] == ["Trần Văn B"]

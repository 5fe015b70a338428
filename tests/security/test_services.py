"""The Django adapter: configuration from the database, caching, page scans.

``make_user`` is shared with the other test modules of the Django side.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.security import services
from cms.security.models import (
    AllowlistEntry,
    AllowlistKind,
    DocumentRegistryEntry,
    RuleDataVersion,
    RuleSetting,
    TermEntry,
)
from cms.security.scanner.findings import Severity, Verdict
from tests.factories import ArticlePageFactory, OccasionFactory, paragraphs, translate_page

pytestmark = pytest.mark.django_db


def make_user(role=None, username=None, **extra):
    """An active staff user in the group of ``role`` (a ``cms.core.roles.Role``)."""
    username = username or (role.key if role else "someone")
    user = get_user_model().objects.create_user(
        username=username,
        password="correct-horse-battery",
        email=f"{username}@example.org",
        first_name=extra.pop("first_name", username.title()),
        **extra,
    )
    if role is not None:
        user.groups.add(Group.objects.get(name=role.group_name))
    return user


# ------------------------------------------------------------------ configuration


def test_every_rule_of_the_catalogue_has_a_setting_with_its_legal_basis():
    ids = set(RuleSetting.objects.values_list("rule_id", flat=True))

    assert {"SEC-01", "SEC-02", "PII-01", "PII-02", "SOV-01", "CITE-01", "HOL-01"} <= ids
    assert {info.id for info in services.rule_catalogue()} == ids
    sec01 = RuleSetting.objects.get(rule_id="SEC-01")
    assert "29/2018/QH14" in sec01.legal_basis


def test_config_reflects_the_office_data():
    AllowlistEntry.objects.create(
        kind=AllowlistKind.PHONE, value="0229 3888 999", label="Đường dây nóng UBND xã"
    )
    AllowlistEntry.objects.create(
        kind=AllowlistKind.EMAIL_DOMAIN, value="@NinhBinh.gov.vn", label="Tên miền tỉnh"
    )
    AllowlistEntry.objects.create(
        kind=AllowlistKind.BANK_ACCOUNT, value="3713 2010 01234", label="Quỹ cứu trợ MTTQ xã"
    )
    TermEntry.objects.create(rule_id="SEC-02", term="tài liệu mật nội bộ", language="vi")
    TermEntry.objects.create(rule_id="SEC-02", term="eyes only", language="en")
    RuleSetting.objects.filter(rule_id="CITE-03").update(enabled=False)
    setting = RuleSetting.objects.get(rule_id="LAW-02")
    setting.severity = "block"
    setting.save()
    DocumentRegistryEntry.objects.create(
        symbol="15/QĐ-UBND", issued_on="2025-07-01", title="Ủy quyền người phát ngôn"
    )

    config = services.build_config("vi")

    assert "02293888999" in config.allowed_phones
    assert "ninhbinh.gov.vn" in config.allowed_email_domains
    assert "3713201001234" in config.allowed_bank_accounts
    assert config.extra_terms["SEC-02"] == ("tài liệu mật nội bộ",)
    assert services.build_config("en").extra_terms["SEC-02"] == ("eyes only",)
    assert config.severity_overrides["LAW-02"] is Severity.BLOCK
    assert ("15/QĐ-UBND", (2025, 7, 1)) in {(d.symbol, d.issued_on) for d in config.documents}


def test_config_is_cached_until_the_data_changes(django_assert_num_queries):
    services.build_config("vi")
    with django_assert_num_queries(1):  # only the version check
        services.build_config("vi")

    AllowlistEntry.objects.create(kind=AllowlistKind.PHONE, value="0912345678", label="Anh Hùng")

    assert "0912345678" in services.build_config("vi").allowed_phones


def test_a_change_in_another_process_is_seen_through_the_version_counter():
    before = services.build_config("vi")
    # Another worker added an entry: the row and the counter changed, not our memory.
    AllowlistEntry.objects.bulk_create(
        [AllowlistEntry(kind="phone", value="0912 345 678", normalised="0912345678", label="x")]
    )
    assert services.build_config("vi") is before
    RuleDataVersion.objects.update_or_create(pk=1, defaults={"version": 999})

    assert "0912345678" in services.build_config("vi").allowed_phones


def test_office_occasions_reach_the_scanner():
    OccasionFactory(name="Ngày truyền thống xã Xuân Trường", day=5, month=3, founding_year=1947)

    names = {name for occasion in services.build_config().occasions for name in occasion.names}

    assert "Ngày truyền thống xã Xuân Trường" in names


# ------------------------------------------------------------------ page scans


def test_scan_page_reports_field_paths_and_verdict(home_page):
    page = ArticlePageFactory(
        title="Hội nghị triển khai công tác năm 2025",
        summary="Liên hệ anh Hùng: 0912 345 678.",
        body=paragraphs("Văn bản đóng dấu TỐI MẬT của Ban Chỉ huy Quân sự xã."),
        publish=False,
    )

    result = services.scan_page(page)

    by_rule = {finding.rule: finding for finding in result.findings}
    assert by_rule["PII-02"].field == "summary"
    assert by_rule["PII-02"].excerpt in page.summary
    assert by_rule["SEC-01"].field == "body.0"
    assert result.verdict is Verdict.BLOCK
    assert result.revision == page.latest_revision


def test_allowlisted_hotline_passes_on_a_page(home_page):
    AllowlistEntry.objects.create(
        kind=AllowlistKind.PHONE, value="0229 3888 999", label="Đường dây nóng UBND xã"
    )
    page = ArticlePageFactory(summary="Đường dây nóng UBND xã: 0229 3888 999.")

    result = services.scan_page(page)

    assert not [f for f in result.findings if f.rule == "PII-02"]


def test_disabled_rule_reports_nothing(home_page):
    page = ArticlePageFactory(summary="Nghe nói sắp thu hồi đất thôn 7.")
    assert any(f.rule == "LAW-02" for f in services.scan_page(page).findings)

    setting = RuleSetting.objects.get(rule_id="LAW-02")
    setting.enabled = False
    setting.save()

    assert not any(f.rule == "LAW-02" for f in services.scan_page(page).findings)


def test_english_page_is_scanned_with_english_rules(home_page):
    page = ArticlePageFactory(summary="Ngư dân bám biển trên Biển Đông.")
    english = translate_page(
        page,
        "en",
        title="Fishermen of Ninh Binh",
        summary="Fishermen from Ninh Binh sail to the South China Sea.",
        publish=False,
    )

    result = services.scan_page(english)

    assert result.language == "en"
    sov = [f for f in result.findings if f.rule == "SOV-01"]
    assert sov and sov[0].field == "summary"
    assert "East Sea" in (sov[0].suggestion or "") + sov[0].message

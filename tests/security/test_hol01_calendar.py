"""HOL-01 with the office's occasion records: the same date rule as the campaign calendar.

The adapter hands each record's date rule (``campaigns.calendar.DateRule``) to the
scanner, which converts lunar days with it and counts anniversaries of lunar occasions
in lunar years.
"""

import datetime

import pytest

from campaigns.calendar import DateRule
from cms.security import services
from cms.security.scanner import scan_text
from cms.security.scanner.findings import KnownOccasion, ScanConfig, ScanContext
from tests.factories import OccasionFactory

D = datetime.date


def hol01(text, config, published_on=None, lang="vi"):
    context = ScanContext(published_on=published_on) if published_on else None
    return [f.message for f in scan_text(text, lang, config, context) if f.rule == "HOL-01"]


@pytest.fixture
def records(db):
    OccasionFactory(
        name="Lễ hội chùa Keo Hành Thiện",
        calendar="lunar",
        day=12,
        month=9,
        duration_days=4,
        founding_year=None,
    )
    OccasionFactory(
        name="Lễ hội làng Xuân Trường", calendar="lunar", day=10, month=1, founding_year=1990
    )
    OccasionFactory(name="Ngày truyền thống xã Xuân Trường", day=5, month=3, founding_year=1947)
    services.clear_local_cache()
    return services.build_config("vi")


def test_the_records_reach_the_scanner_with_their_date_rule(records):
    by_name = {o.names[0]: o for o in records.occasions}

    keo = by_name["Lễ hội chùa Keo Hành Thiện"]

    assert keo.rule == DateRule(12, 9, lunar=True, duration_days=4)
    assert keo.start_in(2025) == D(2025, 11, 1)
    assert by_name["Ngày truyền thống xã Xuân Trường"].start_in(2026) == D(2026, 3, 5)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Lễ hội chùa Keo Hành Thiện năm 2025 diễn ra từ ngày 1/11/2025.", False),
        ("Lễ hội chùa Keo Hành Thiện diễn ra ngày 3/11/2025, ngày chính hội.", False),
        ("Lễ hội chùa Keo Hành Thiện năm 2025 diễn ra từ ngày 5/11/2025.", True),
        ("Lễ hội chùa Keo Hành Thiện (11/10/2027)", False),
        ("Lễ hội chùa Keo Hành Thiện (1/11/2027)", True),
        ("Lễ hội chùa Keo Hành Thiện 12/9 âm lịch", False),
        ("Lễ hội chùa Keo Hành Thiện 15/9 âm lịch", False),  # the last of its four days
        ("Lễ hội chùa Keo Hành Thiện 16/9 âm lịch", True),
        ("Lễ hội chùa Keo Hành Thiện năm nay", False),  # no date, nothing to check
    ],
)
def test_a_solar_date_of_a_lunar_occasion_is_checked_against_the_conversion(records, text, flagged):
    assert bool(hol01(text, records)) is flagged


def test_the_finding_gives_the_converted_dates(records):
    [message] = hol01("Lễ hội chùa Keo Hành Thiện năm 2025 diễn ra từ ngày 5/11/2025.", records)

    assert message == (
        "Lễ hội chùa Keo Hành Thiện là ngày 1/11/2025–4/11/2025, không phải ngày 5/11/2025."
    )


def test_lunar_anniversaries_count_in_lunar_years(records):
    text = "Kỷ niệm 37 năm Lễ hội làng Xuân Trường"

    # 10 tháng Giêng of lunar year 2027 is 15/2/2027; on 20/1/2027 it is still lunar 2026
    assert hol01(text, records, published_on=(2027, 2, 20)) == []
    assert hol01(text.replace("37", "36"), records, published_on=(2027, 1, 20)) == []
    assert hol01(text, records, published_on=(2027, 6, 20)) == []
    [message] = hol01(text, records, published_on=(2026, 6, 20))
    assert message.startswith("Năm 2026 là kỷ niệm 36 năm Lễ hội làng Xuân Trường (1990)")


def test_an_upcoming_anniversary_a_few_weeks_ahead_is_accepted(records):
    # published after this lunar year's festival, five weeks before next year's
    assert hol01("Kỷ niệm 37 năm Lễ hội làng Xuân Trường", records, (2027, 1, 10)) == []
    solar = "Kỷ niệm 80 năm Ngày truyền thống xã Xuân Trường"  # 5/3/1947 → 5/3/2027
    assert hol01(solar, records, published_on=(2027, 2, 1)) == []
    assert hol01(solar, records, published_on=(2026, 10, 1))


def test_titles_of_campaigns_created_from_the_records_pass(records):
    # the title the admin's "Tạo chiến dịch" writes for 2027
    assert hol01("Kỷ niệm 37 năm Lễ hội làng Xuân Trường (1990 – 2027)", records) == []
    assert hol01("Kỷ niệm 38 năm Lễ hội làng Xuân Trường (1990 – 2027)", records)


def test_the_year_pair_of_a_lunar_occasion_checks_the_converted_day(records):
    good = "Kỷ niệm 37 năm Lễ hội làng Xuân Trường (1990 – 15/2/2027)"
    wrong = "Kỷ niệm 37 năm Lễ hội làng Xuân Trường (1990 – 10/1/2027)"

    assert hol01(good, records) == []
    assert hol01(wrong, records) == [
        "Lễ hội làng Xuân Trường là ngày 15/2/2027, không phải ngày 10/1/2027."
    ]


def test_without_a_date_rule_a_lunar_occasion_has_no_solar_date():
    plain = KnownOccasion(("Tết Trung thu",), 15, 8, lunar=True)
    ruled = KnownOccasion(("Tết Trung thu",), 15, 8, lunar=True, rule=DateRule(15, 8, True))

    assert plain.start_in(2025) is None
    assert ruled.start_in(2025) == D(2025, 10, 6)
    text = "Tết Trung thu năm 2025 (7/10/2025)"
    assert hol01(text, ScanConfig(occasions=(plain,))) == []
    assert hol01(text, ScanConfig(occasions=(ruled,))) == [
        "Tết Trung thu là ngày 6/10/2025, không phải ngày 7/10/2025."
    ]

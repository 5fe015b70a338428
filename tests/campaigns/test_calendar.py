"""Date rules of occasions (campaigns.calendar): solar and lunar days, anniversaries."""

import datetime

import pytest

from campaigns.calendar import DateRule, from_lunar, lunar_year_of, to_lunar

D = datetime.date


@pytest.mark.parametrize(
    ("day", "month", "year", "solar"),
    [
        (1, 1, 2026, D(2026, 2, 17)),  # Tết Bính Ngọ
        (1, 1, 2027, D(2027, 2, 6)),  # Tết Đinh Mùi
        (1, 1, 2025, D(2025, 1, 29)),  # Tết Ất Tỵ
        (15, 8, 2025, D(2025, 10, 6)),  # Trung thu 2025
        (15, 7, 2025, D(2025, 9, 6)),  # Vu Lan 2025
        (10, 3, 2026, D(2026, 4, 26)),  # Giỗ Tổ Hùng Vương 2026
        (12, 9, 2025, D(2025, 11, 1)),  # Keo pagoda autumn festival 2025
        # years where the Vietnamese calendar (UTC+7) and the Chinese one (UTC+8) differ
        (1, 1, 1985, D(1985, 1, 21)),  # China: 20/2/1985
        (1, 1, 2007, D(2007, 2, 17)),  # China: 18/2/2007
    ],
)
def test_known_lunar_dates(day, month, year, solar):
    assert DateRule(day, month, lunar=True).occurrence_in(year).start == solar
    assert to_lunar(solar).day == day
    assert (to_lunar(solar).month, to_lunar(solar).year) == (month, year)


def test_a_solar_occasion_falls_on_its_day_every_year():
    teachers_day = DateRule(20, 11, founding_year=1982)

    occurrence = teachers_day.occurrence_in(2026)

    assert (occurrence.start, occurrence.end) == (D(2026, 11, 20), D(2026, 11, 20))
    assert occurrence.anniversary == 44
    assert occurrence.lunar_start is None


@pytest.mark.parametrize(
    ("founded", "year", "expected"),
    [(1982, 2026, 44), (1945, 2025, 80), (1944, 2025, 81), (1982, 1982, None), (None, 2026, None)],
)
def test_anniversary_numbers(founded, year, expected):
    assert DateRule(20, 11, founding_year=founded).anniversary_in(year) == expected


def test_29_february_has_no_occurrence_in_a_common_year():
    leap_day = DateRule(29, 2)

    assert leap_day.occurrence_in(2027) is None
    assert leap_day.occurrence_in(2028).start == D(2028, 2, 29)
    assert [o.start for o in leap_day.next_occurrences(D(2026, 11, 26), 2)] == [
        D(2028, 2, 29),
        D(2032, 2, 29),
    ]


def test_a_leap_month_year_uses_the_regular_month():
    # 2025 has a leap sixth month: 15/6 falls on 9/7/2025, 15/6 nhuận on 8/8/2025
    occurrence = DateRule(15, 6, lunar=True).occurrence_in(2025)

    assert occurrence.start == D(2025, 7, 9)
    assert occurrence.lunar_start.leap is False
    assert to_lunar(D(2025, 8, 8)).leap is True
    assert (to_lunar(D(2025, 8, 8)).day, to_lunar(D(2025, 8, 8)).month) == (15, 6)


def test_a_leap_month_shifts_the_following_months():
    # 2023 has a leap second month, so Giỗ Tổ (10/3) comes a month later than 2024's
    assert DateRule(10, 3, lunar=True).occurrence_in(2023).start == D(2023, 4, 29)
    assert DateRule(10, 3, lunar=True).occurrence_in(2024).start == D(2024, 4, 18)


def test_day_30_of_a_29_day_month_moves_to_the_29th():
    # the first lunar month of 2024 has 29 days (1/2 âm lịch 2024 is 10/3/2024)
    assert from_lunar(1, 2, 2024) == (D(2024, 3, 10), False)

    occurrence = DateRule(30, 1, lunar=True).occurrence_in(2024)

    assert occurrence.start == D(2024, 3, 9)
    assert occurrence.moved is True
    assert (occurrence.lunar_start.day, occurrence.lunar_start.month) == (29, 1)


def test_the_eve_of_tet_is_the_30th_only_when_the_twelfth_month_has_30_days():
    eve = DateRule(30, 12, lunar=True)

    giap_thin = eve.occurrence_in(2023)  # 30 Tết before Tết Giáp Thìn: 9/2/2024
    at_ty = eve.occurrence_in(2024)  # no 30 Tết before Tết Ất Tỵ (29/1/2025)

    assert (giap_thin.start, giap_thin.moved) == (D(2024, 2, 9), False)
    assert giap_thin.lunar_start.day == 30
    assert (at_ty.start, at_ty.moved) == (D(2025, 1, 28), True)
    assert at_ty.lunar_start.day == 29


def test_a_lunar_year_ends_in_the_next_solar_year():
    # 23 tháng Chạp of lunar year 2026 (ông Công ông Táo) is in January 2027
    kitchen_gods = DateRule(23, 12, lunar=True, founding_year=2000)

    occurrence = kitchen_gods.occurrence_in(2026)

    assert occurrence.start == D(2027, 1, 30)
    assert occurrence.anniversary == 26  # counted in the lunar year, not in 2027
    assert lunar_year_of(D(2027, 1, 30)) == 2026
    assert lunar_year_of(D(2027, 2, 6)) == 2027  # Tết
    assert kitchen_gods.year_of(D(2027, 2, 5)) == 2026
    assert DateRule(20, 11).year_of(D(2027, 2, 5)) == 2027


def test_a_multi_day_lunar_festival_has_both_ranges():
    keo = DateRule(12, 9, lunar=True, duration_days=4)

    occurrence = keo.occurrence_in(2025)

    assert (occurrence.start, occurrence.end) == (D(2025, 11, 1), D(2025, 11, 4))
    assert occurrence.days == 4
    assert (occurrence.lunar_start.day, occurrence.lunar_end.day) == (12, 15)
    assert occurrence.lunar_end.month == 9


def test_next_occurrences_from_a_given_day():
    teachers_day = DateRule(20, 11, founding_year=1982)

    before = teachers_day.next_occurrences(D(2026, 11, 19), 2)
    on_the_day = teachers_day.next_occurrences(D(2026, 11, 20), 1)
    after = teachers_day.next_occurrences(D(2026, 11, 26), 1)

    assert [(o.start, o.anniversary) for o in before] == [
        (D(2026, 11, 20), 44),
        (D(2027, 11, 20), 45),
    ]
    assert on_the_day[0].start == D(2026, 11, 20)
    assert (after[0].start, after[0].anniversary) == (D(2027, 11, 20), 45)


def test_an_occasion_under_way_is_still_next():
    keo = DateRule(12, 9, lunar=True, duration_days=4)

    [current] = keo.next_occurrences(D(2025, 11, 3), 1)

    assert current.start == D(2025, 11, 1)
    assert current.covers(D(2025, 11, 3))


def test_next_lunar_occurrences_cross_the_solar_new_year():
    tet = DateRule(1, 1, lunar=True)

    found = tet.next_occurrences(D(2026, 11, 26), 3)

    assert [o.start for o in found] == [D(2027, 2, 6), D(2028, 1, 26), D(2029, 2, 13)]


def test_occurrences_between_two_days():
    kitchen_gods = DateRule(23, 12, lunar=True)

    found = kitchen_gods.occurrences_between(D(2026, 11, 26), D(2027, 11, 25))

    assert [(o.year, o.start) for o in found] == [(2026, D(2027, 1, 30))]

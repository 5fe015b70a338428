"""Date rules of occasions: when a solar or lunar holiday falls in a given year.

This module is plain Python (no Django), so that the checker's HOL-01 rule and the
campaign calendar compute dates and anniversary numbers with the same code: the
checker's adapter (``cms.security.services``) hands it over inside ``KnownOccasion``.

The Vietnamese lunar calendar is computed by ``lunar-vn`` (Hồ Ngọc Đức's algorithm at
UTC+7, the time zone of the official Vietnamese calendar since 1968; a Chinese-calendar
library, at UTC+8, puts Tết on another day in some years, e.g. 1985 and 2007). Only the
two functions ``_lunar_to_solar`` and ``_solar_to_lunar`` touch the library, so that it
can be swapped. It covers solar years 1900–2100.

Conventions
-----------
- A lunar occasion's year is the lunar year: the occurrence of 23/12 âm lịch in lunar
  year 2026 falls in January or February 2027. Its anniversary number is counted from
  that lunar year, i.e. the solar year in which that lunar year's Tết falls.
- Leap months: the occasion is held in the regular month, not in the leap month that
  repeats it (15/6 âm lịch 2025 is 9/7/2025, not 8/8/2025 in the leap sixth month).
- Day 30 in a month that has only 29 days moves to that month's last day, the 29th
  (the day before the first day of the next month); ``Occurrence.moved`` says so.
- A solar occasion on 29/2 has no occurrence in a common year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import lunar_vn

FIRST_YEAR, LAST_YEAR = 1901, 2099  # lunar years whose days all lie inside the library's range


@dataclass(frozen=True)
class LunarDay:
    day: int
    month: int
    year: int
    leap: bool = False


@lru_cache(maxsize=4096)
def _lunar_to_solar(day: int, month: int, year: int) -> dt.date:
    return lunar_vn.convert_lunar_to_solar(day, month, year, 0)


@lru_cache(maxsize=4096)
def _solar_to_lunar(day: dt.date) -> LunarDay:
    lunar = lunar_vn.solar_to_lunar(day)
    return LunarDay(lunar.day, lunar.month, lunar.year, lunar.leap)


def to_lunar(day: dt.date) -> LunarDay:
    """The lunar date of a solar date."""
    return _solar_to_lunar(day)


def from_lunar(day: int, month: int, year: int) -> tuple[dt.date, bool]:
    """The solar date of ``day``/``month`` (regular, not leap, month) of lunar ``year``, and
    whether the day was moved (day 30 of a 29-day month → the 29th)."""
    if not (FIRST_YEAR <= year <= LAST_YEAR):
        raise ValueError(f"lunar year {year} is outside {FIRST_YEAR}–{LAST_YEAR}")
    first = _lunar_to_solar(1, month, year)
    solar = first + dt.timedelta(days=day - 1)
    if day == 30 and to_lunar(solar).day != 30:  # the month has 29 days
        return solar - dt.timedelta(days=1), True
    return solar, False


def lunar_year_of(day: dt.date) -> int:
    """The lunar year a solar date belongs to (the year of the last Tết on or before it)."""
    return to_lunar(day).year


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an occasion: its solar days and, for a lunar one, its lunar days."""

    year: int  # the solar year, or the lunar year of a lunar occasion
    start: dt.date
    end: dt.date
    anniversary: int | None = None
    lunar_start: LunarDay | None = None
    lunar_end: LunarDay | None = None
    moved: bool = False  # day 30 moved to the 29th

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class DateRule:
    """When an occasion falls: a day and month, solar or lunar, lasting ``duration_days``."""

    day: int
    month: int
    lunar: bool = False
    founding_year: int | None = None
    duration_days: int = 1

    def anniversary_in(self, year: int) -> int | None:
        """The anniversary number of the occurrence of ``year`` (44 for 20/11 of 2026 when
        founded in 1982), or ``None`` without a founding year or before the first one."""
        if self.founding_year is None or year <= self.founding_year:
            return None
        return year - self.founding_year

    def year_of(self, day: dt.date) -> int:
        """The year (solar, or lunar for a lunar rule) that ``day`` counts in."""
        return lunar_year_of(day) if self.lunar else day.year

    def occurrence_in(self, year: int) -> Occurrence | None:
        """The occurrence of ``year`` (the lunar year for a lunar rule), or ``None`` when
        it has none (29/2 in a common year, a year outside the supported range)."""
        length = dt.timedelta(days=max(self.duration_days, 1) - 1)
        anniversary = self.anniversary_in(year)
        if not self.lunar:
            try:
                start = dt.date(year, self.month, self.day)
            except ValueError:
                return None
            return Occurrence(year, start, start + length, anniversary)
        try:
            start, moved = from_lunar(self.day, self.month, year)
        except ValueError:
            return None
        end = start + length
        return Occurrence(
            year,
            start,
            end,
            anniversary,
            lunar_start=to_lunar(start),
            lunar_end=to_lunar(end),
            moved=moved,
        )

    def occurrences_between(self, first: dt.date, last: dt.date) -> list[Occurrence]:
        """Occurrences with at least one day in ``first``..``last``, in date order."""
        found = []
        # a lunar year's occurrence can fall in the next solar year (months 11 and 12)
        for year in range(first.year - 1, last.year + 1):
            occurrence = self.occurrence_in(year)
            if occurrence is not None and occurrence.end >= first and occurrence.start <= last:
                found.append(occurrence)
        return found

    def next_occurrences(self, today: dt.date, count: int = 1) -> list[Occurrence]:
        """The next ``count`` occurrences that have not ended before ``today``: the one under
        way today comes first."""
        found: list[Occurrence] = []
        year = today.year - 1
        while len(found) < count and year <= LAST_YEAR:
            occurrence = self.occurrence_in(year)
            if occurrence is not None and occurrence.end >= today:
                found.append(occurrence)
            year += 1
        return found

    def previous_occurrence(self, day: dt.date) -> Occurrence | None:
        """The latest occurrence that began before ``day``."""
        for year in range(day.year, day.year - 10, -1):
            occurrence = self.occurrence_in(year)
            if occurrence is not None and occurrence.start < day:
                return occurrence
        return None

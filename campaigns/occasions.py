"""The occasion calendar: the occasions of the coming months, with their campaigns.

Everything here is computed from the day it is given (today at render time), so the
calendar moves on by itself from one year to the next.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.models import Locale

from .calendar import Occurrence
from .models import CampaignPage, Occasion

# How far ahead the calendar looks (a year minus a day: next year's day is not shown twice).
CALENDAR_DAYS = 365


def ordinal_suffix(number: int) -> str:
    """The English ordinal suffix: st (1st), nd (2nd), rd (3rd), th (11th, 44th)."""
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def ordinal(number: int) -> str:
    """An ordinal number in the active language: "44th" in English, "44" in Vietnamese
    (whose messages put the number where English puts the ordinal)."""
    values = {"number": number}
    suffix = ordinal_suffix(number)
    if suffix == "st":
        return pgettext("ordinal number", "%(number)sst") % values
    if suffix == "nd":
        return pgettext("ordinal number", "%(number)snd") % values
    if suffix == "rd":
        return pgettext("ordinal number", "%(number)srd") % values
    return pgettext("ordinal number", "%(number)sth") % values


def lunar_label(occurrence: Occurrence) -> str:
    """ "12–15/9 âm lịch" / "12th–15th day of the 9th lunar month" in the active language."""
    first, last = occurrence.lunar_start, occurrence.lunar_end
    if first is None or last is None:
        return ""
    values = {
        "first": ordinal(first.day),
        "last": ordinal(last.day),
        "month": ordinal(first.month),
        "last_month": ordinal(last.month),
    }
    if first == last:
        return _("%(first)s day of the %(month)s lunar month") % values
    if first.month == last.month:
        return _("%(first)s–%(last)s day of the %(month)s lunar month") % values
    return (
        _("%(first)s day of the %(month)s to the %(last)s day of the %(last_month)s lunar month")
        % values
    )


def anniversary_label(number: int | None) -> str:
    """ "44 năm" / "44th anniversary"."""
    if not number:
        return ""
    return _("%(ordinal)s anniversary") % {"ordinal": ordinal(number)}


@dataclass(frozen=True)
class CalendarEntry:
    occasion: Occasion
    occurrence: Occurrence
    campaign: CampaignPage | None = None
    # the language of the occasion's name when it is not the page's (no translation yet)
    fallback_language: str = ""

    @property
    def lunar_label(self) -> str:
        return lunar_label(self.occurrence)

    @property
    def anniversary_label(self) -> str:
        return anniversary_label(self.occurrence.anniversary)

    @property
    def under_way(self) -> bool:
        return self.occurrence.start <= self._today <= self.occurrence.end

    _today: datetime.date = datetime.date.min


def occasions_for(locale: Locale) -> list[Occasion]:
    """The occasions in ``locale``; those not translated into it in Vietnamese (the default
    language), the one every occasion is written in first."""
    in_locale = list(Occasion.objects.filter(locale=locale))
    keys = {occasion.translation_key for occasion in in_locale}
    default = Locale.get_default()
    if default.pk != locale.pk:
        for occasion in Occasion.objects.filter(locale=default):
            if occasion.translation_key not in keys:
                occasion.fallback_language = default.language_code
                in_locale.append(occasion)
    return in_locale


def campaign_for(
    occasion: Occasion, occurrence: Occurrence, campaigns: Iterable[CampaignPage]
) -> CampaignPage | None:
    """The campaign held for this occurrence of the occasion, in any of its translations."""
    for campaign in campaigns:
        if campaign.occasion is None:
            continue
        if campaign.occasion.translation_key != occasion.translation_key:
            continue
        if campaign.occurrence == occurrence:
            return campaign
    return None


def upcoming_occasions(
    occasions: Iterable[Occasion],
    today: datetime.date,
    campaigns: Iterable[CampaignPage] = (),
    days: int = CALENDAR_DAYS,
) -> list[CalendarEntry]:
    """Occurrences from ``today`` (one under way included) to ``days`` later, soonest first."""
    campaigns = list(campaigns)
    last = today + datetime.timedelta(days=days - 1)
    entries = []
    for occasion in occasions:
        for occurrence in occasion.occurrences_between(today, last):
            if occurrence.start > last:
                continue
            entries.append(
                CalendarEntry(
                    occasion,
                    occurrence,
                    campaign_for(occasion, occurrence, campaigns),
                    fallback_language=getattr(occasion, "fallback_language", ""),
                    _today=today,
                )
            )
    entries.sort(key=lambda entry: (entry.occurrence.start, entry.occasion.name))
    return entries

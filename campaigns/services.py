"""Creating a campaign from an occasion in one step (the admin's "Tạo chiến dịch").

The campaign is a draft under the campaign index of the occasion's language, for the
occasion's next occurrence: its title counts the anniversary the way HOL-01 checks it,
its dates run from two weeks before the day to the day after. It is saved as a revision
by the user and not published: the editorial workflow does that.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .calendar import Occurrence
from .models import CampaignIndexPage, CampaignPage, Occasion
from .occasions import ordinal

DAYS_BEFORE = 14
DAYS_AFTER = 1


class NoCampaignIndex(Exception):
    """There is no campaign index in the occasion's language to put the campaign under."""


@dataclass(frozen=True)
class CampaignFromOccasion:
    page: CampaignPage
    occurrence: Occurrence
    created: bool


def campaign_index_for(occasion: Occasion) -> CampaignIndexPage | None:
    """The campaign index of the occasion's language (the first one in the tree)."""
    return CampaignIndexPage.objects.filter(locale_id=occasion.locale_id).order_by("path").first()


def _date(day: datetime.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def campaign_title(occasion: Occasion, occurrence: Occurrence) -> str:
    """ "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2026)" in the active
    language; the founding day is written only for a solar occasion."""
    number = occurrence.anniversary
    if not number:
        return _("%(name)s %(year)s") % {"name": occasion.name, "year": occurrence.year}
    if occasion.is_lunar:
        dates = f"{occasion.founding_year} – {occurrence.year}"
    else:
        founded = datetime.date(occasion.founding_year, occasion.month, occasion.day)
        dates = f"{_date(founded)} – {_date(occurrence.start)}"
    return _("%(ordinal)s anniversary of %(name)s (%(dates)s)") % {
        "ordinal": ordinal(number),
        "name": occasion.name,
        "dates": dates,
    }


def campaign_summary(occasion: Occasion, occurrence: Occurrence) -> str:
    from .occasions import lunar_label

    day = _date(occurrence.start)
    if occurrence.end != occurrence.start:
        day = f"{day} – {_date(occurrence.end)}"
    if occurrence.lunar_start is not None:
        day = f"{day} ({lunar_label(occurrence)})"
    return _(
        "Campaign of the commune for %(name)s, %(day)s: hanging the national flag, banners and"
        " slogans, news on the portal and on the loudspeaker station."
    ) % {"name": occasion.name, "day": day}


def _slug(title: str) -> str:
    folded = unicodedata.normalize("NFKD", title.replace("đ", "d").replace("Đ", "D"))
    return slugify(folded.encode("ascii", "ignore").decode())[:80].strip("-") or "chien-dich"


def _unique_slug(index: CampaignIndexPage, slug: str) -> str:
    taken = set(index.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def existing_campaign(
    index: CampaignIndexPage, occasion: Occasion, occurrence: Occurrence
) -> CampaignPage | None:
    """A campaign under ``index``, live or draft, already held for this occurrence."""
    candidates = (
        CampaignPage.objects.child_of(index)
        .filter(occasion__translation_key=occasion.translation_key)
        .select_related("occasion")
        .order_by("path")
    )
    for campaign in candidates:
        if campaign.occurrence == occurrence:
            return campaign
    return None


def create_campaign(occasion: Occasion, user, today=None) -> CampaignFromOccasion:
    """The draft campaign for the occasion's next occurrence, created for ``user`` unless
    one exists already.

    Raises ``NoCampaignIndex`` when the occasion's language has no campaign index and
    ``PermissionDenied`` when the user may not add pages under it.
    """
    today = today or timezone.localdate()
    index = campaign_index_for(occasion)
    if index is None:
        raise NoCampaignIndex
    if not index.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    upcoming = occasion.next_occurrences(today, 1)
    if not upcoming:
        raise ValueError(f"{occasion} has no next occurrence")
    occurrence = upcoming[0]
    found = existing_campaign(index, occasion, occurrence)
    if found is not None:
        return CampaignFromOccasion(found, occurrence, created=False)

    with translation.override(occasion.locale.language_code):
        title = campaign_title(occasion, occurrence)
        summary = campaign_summary(occasion, occurrence)
    page = CampaignPage(
        title=title,
        slug=_unique_slug(index, _slug(title)),
        occasion=occasion,
        start_date=occurrence.start - datetime.timedelta(days=DAYS_BEFORE),
        end_date=occurrence.end + datetime.timedelta(days=DAYS_AFTER),
        summary=summary,
        live=False,
        owner=user,
        locale_id=index.locale_id,
    )
    index.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    page.save_revision(user=user, log_action=True)
    return CampaignFromOccasion(page, occurrence, created=True)

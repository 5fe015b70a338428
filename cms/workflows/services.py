"""Who the spokesperson is on a given day, for the publication gate, the site and the checker.

Dates are local dates (``TIME_ZONE``); a period includes its first and last day.

``public_spokesperson(request)`` is what the templates use: the current
spokesperson as plain data, memoised on the request and kept in Django's cache
(``CACHE_KEY``) so that most page views cost no query at all. The cache entry
remembers the day it was computed for, so an authorisation that starts or ends
takes effect at midnight; every save or delete of an entry clears it
(``signal_handlers``). With a per-process cache (Django's default local-memory
cache) other worker processes see a change within ``CACHE_SECONDS``; with a
shared cache (Redis, Memcached, database) at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from cms.security.models import normalise_phone

from .models import SpokespersonEntry, SpokespersonPosition, without_diacritics

CACHE_KEY = "workflows:current-spokesperson"
CACHE_SECONDS = 60
_REQUEST_ATTR = "_workflows_spokesperson"


def _today(at: datetime.date | None) -> datetime.date:
    return at or timezone.localdate()


def current_entries(at: datetime.date | None = None) -> list[SpokespersonEntry]:
    """The entries valid on ``at`` (today by default): the Chairman first, then Vice Chairmen."""
    entries = list(SpokespersonEntry.objects.current(_today(at)).select_related("user"))
    entries.sort(
        key=lambda entry: (
            entry.position != SpokespersonPosition.CHAIRMAN,
            -entry.valid_from.toordinal(),
            entry.pk,
        )
    )
    return entries


def current_spokesperson(at: datetime.date | None = None) -> SpokespersonEntry | None:
    """The spokesperson to show the public on ``at``.

    The Chairman's current entry if there is one; otherwise the current Vice
    Chairman whose authorisation is the most recent.
    """
    entries = current_entries(at)
    return entries[0] if entries else None


def is_current_spokesperson(user, at: datetime.date | None = None) -> bool:
    """Whether ``user`` holds a current entry on ``at`` and may therefore approve publication.

    An expired authorisation, one that has not started yet, an inactive account
    or no entry at all: no.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return SpokespersonEntry.objects.current(_today(at)).filter(user_id=user.pk).exists()


def published_contacts(at: datetime.date | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(phones, e-mails) published by the current spokespersons, normalised like the allowlist.

    Phones as digits with a leading 0 ("02293888999"), e-mails lower-case.
    """
    phones: set[str] = set()
    emails: set[str] = set()
    for phone, email in SpokespersonEntry.objects.current(_today(at)).values_list("phone", "email"):
        if phone:
            phones.add(normalise_phone(phone))
        if email:
            emails.add(email.strip().lower())
    return frozenset(phones), frozenset(emails)


# ------------------------------------------------------------------ public display


@dataclass(frozen=True)
class PublicSpokesperson:
    """What the public site shows of the current spokesperson (no model instance, cacheable)."""

    name: str  # Vietnamese, with diacritics
    position: str  # a SpokespersonPosition value
    authorisation: str
    phone: str  # as published
    tel: str  # for a tel: link, "+842293888999"
    email: str
    valid_from: datetime.date
    valid_until: datetime.date | None

    @classmethod
    def from_entry(cls, entry: SpokespersonEntry) -> PublicSpokesperson:
        return cls(
            name=entry.display_name,
            position=entry.position,
            authorisation=entry.authorisation,
            phone=entry.phone,
            tel=entry.tel_href,
            email=entry.email,
            valid_from=entry.valid_from,
            valid_until=entry.valid_until,
        )

    @property
    def name_en(self) -> str:
        return without_diacritics(self.name)

    @property
    def localized_name(self) -> str:
        """The name in the active language: without diacritics on the English site."""
        return self.name_en if (get_language() or "").startswith("en") else self.name

    @property
    def position_label(self) -> str:
        """The position in the active language."""
        return str(SpokespersonPosition(self.position).label)

    @property
    def is_chairman(self) -> bool:
        return self.position == SpokespersonPosition.CHAIRMAN


def cached_spokesperson(at: datetime.date | None = None) -> PublicSpokesperson | None:
    """The current spokesperson as public data, from Django's cache when it is fresh."""
    today = _today(at)
    stored = cache.get(CACHE_KEY)
    if stored is not None and stored[0] == today.isoformat():
        return stored[1]
    entry = current_spokesperson(today)
    value = PublicSpokesperson.from_entry(entry) if entry is not None else None
    if at is None:  # only today's answer is shared
        cache.set(CACHE_KEY, (today.isoformat(), value), CACHE_SECONDS)
    return value


def public_spokesperson(request=None) -> PublicSpokesperson | None:
    """``cached_spokesperson()`` memoised on ``request``: the page and the footer share it."""
    if request is None:
        return cached_spokesperson()
    if not hasattr(request, _REQUEST_ATTR):
        setattr(request, _REQUEST_ATTR, cached_spokesperson())
    return getattr(request, _REQUEST_ATTR)


def clear_public_cache() -> None:
    cache.delete(CACHE_KEY)

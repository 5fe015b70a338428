"""Pages translated the way wagtail-localize translates them.

``localize(page)`` does what "Translate this page" and the translation editor do: it
extracts the Vietnamese page into a ``TranslationSource`` (the sync time is now),
creates the English ``Translation``, stores a translation of every string and writes
the English page as a draft (``Translation.save_target``).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.security import services as security_services
from tests.factories import get_locale


@pytest.fixture(autouse=True)
def fresh_caches():
    cache.clear()
    security_services.clear_local_cache()
    yield
    cache.clear()
    security_services.clear_local_cache()


def english(path: str, text: str, titles: dict[str, str]) -> str:
    """A stand-in English translation of ``text`` (the string at ``path``)."""
    if path == "title" and text in titles:
        return titles[text]
    if path == "slug":
        return f"en-{text}"
    return f"EN: {text}"


def localize(
    page, *, translator=None, titles: dict[str, str] | None = None, draft: bool = True
) -> Translation:
    """Translate ``page`` into English with wagtail-localize and write the English draft.

    ``titles`` maps Vietnamese titles to their English ones; other strings get an
    "EN: " prefix. ``draft=False`` is for snippets without drafts (topics).
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=get_locale("en"), defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": english(segment.context.path, segment.string.data, titles or {}),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": translator,
            },
        )
    translation.save_target(user=translator, publish=not draft)
    return translation


def english_page(translation):
    return translation.get_target_instance().specific

"""English translations of the demo content, managed by wagtail-localize.

The Vietnamese object is the source. For each object this module

1. extracts a ``TranslationSource`` (``get_or_create_from_instance``),
2. opens a ``Translation`` into the English locale,
3. stores a ``StringTranslation`` for every source ``String`` it has an English
   text for, and a ``SegmentOverride`` where a synchronised field (a page
   chooser) must point at the English page,
4. saves the target with ``Translation.save_target``.

Translators then find the English pages in wagtail-localize's editor, with every
string filled in, exactly as if they had typed the translations themselves.

The English texts come from :class:`Dictionary`, built from the ``T(vi, en)``
pairs of the content modules. Strings are keyed the way wagtail-localize stores
them: plain text HTML-escaped, rich text split into one string per block element
with link attributes replaced by ids.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, extract_strings

from .spec import (
    Doc,
    Heading,
    Img,
    KeyMessage,
    OccasionSpec,
    PageSpec,
    Para,
    Quote,
    Ref,
    T,
    TopicSpec,
)


def paragraph_html(text: str) -> str:
    """The rich-text HTML of a paragraph block (see :class:`spec.Para`)."""
    text = text.strip()
    if text.startswith("<"):
        return text
    return f"<p>{escape(text, quote=False)}</p>"


class Dictionary:
    """Vietnamese → English strings, keyed like wagtail-localize's ``String.data``."""

    def __init__(self) -> None:
        self.entries: dict[str, str] = {}

    def add_plain(self, pair: T) -> None:
        if not pair.vi:
            return
        self._add(
            StringValue.from_plaintext(pair.vi).data, StringValue.from_plaintext(pair.en).data
        )

    def add_rich(self, pair: T) -> None:
        _template, vi_strings = extract_strings(paragraph_html(pair.vi))
        _template, en_strings = extract_strings(paragraph_html(pair.en))
        if len(vi_strings) != len(en_strings):
            raise ValueError(
                f"Rich-text translation has a different structure from its source: {pair.vi[:80]!r}"
            )
        for (vi_value, _), (en_value, _) in zip(vi_strings, en_strings, strict=True):
            self._add(vi_value.data, en_value.data)

    def _add(self, key: str, value: str) -> None:
        previous = self.entries.get(key)
        if previous is not None and previous != value:
            raise ValueError(f"Two English translations for {key[:80]!r}")
        self.entries[key] = value

    def get(self, key: str) -> str | None:
        return self.entries.get(key)

    def __len__(self) -> int:
        return len(self.entries)

    # Collecting from the content specs.

    def collect(self, value: Any) -> None:
        """Record every ``T`` pair found in a spec value, block or list."""
        if isinstance(value, T):
            self.add_plain(value)
        elif isinstance(value, Para):
            if isinstance(value.text, T):
                self.add_rich(value.text)
        elif isinstance(value, Heading):
            self.collect(value.text)
        elif isinstance(value, Img):
            self.collect(value.caption)
            self.collect(value.credit)
        elif isinstance(value, Quote):
            self.collect(value.text)
            self.collect(value.attribution)
        elif isinstance(value, Doc):
            self.collect(value.title)
        elif isinstance(value, Ref):
            for part in (value.symbol, value.title, value.issuer):
                self.collect(part)
        elif isinstance(value, KeyMessage):
            self.collect(value.message)
        elif isinstance(value, list | tuple):
            for item in value:
                self.collect(item)

    @classmethod
    def from_content(
        cls,
        pages: Iterable[PageSpec],
        topics: Iterable[TopicSpec],
        occasions: Iterable[OccasionSpec],
    ) -> Dictionary:
        dictionary = cls()
        for topic in topics:
            dictionary.collect([topic.slug, topic.name, topic.description])
        for occasion in occasions:
            if occasion.translate:
                dictionary.collect([occasion.name, occasion.description])
        for page in pages:
            if page.translate:
                dictionary.collect([page.slug, page.title, *page.fields.values()])
        return dictionary


@dataclass
class TranslationResult:
    target: Any
    missing: list[str] = field(default_factory=list)


def overrides_pending(instance, locale, overrides: dict[str, Any]) -> bool:
    """True if a page-chooser override is not yet recorded for ``locale``.

    Only translations this module manages are touched: without a translation
    source the existing translation was made by hand and is left alone.
    """
    if not overrides:
        return False
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return False
    for path, value in overrides.items():
        recorded = SegmentOverride.objects.filter(
            locale=locale, context__object_id=source.object_id, context__path=path
        ).first()
        if recorded is None or recorded.data != value:
            return True
    return False


@transaction.atomic
def translate_object(
    instance,
    locale,
    dictionary: Dictionary,
    user=None,
    overrides: dict[str, Any] | None = None,
    publish: Callable[[Any], None] | None = None,
) -> TranslationResult:
    """Create or refresh the ``locale`` translation of ``instance`` through wagtail-localize.

    Strings missing from the dictionary keep their Vietnamese text (wagtail-localize's
    fallback) and are reported back so that the caller can list them.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])

    result = TranslationResult(target=None)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        english = dictionary.get(segment.string.data)
        if english is None:
            result.missing.append(StringValue(segment.string.data).render_text())
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": english,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )

    for path, value in (overrides or {}).items():
        context = TranslationContext.objects.get(object_id=source.object_id, path=path)
        SegmentOverride.objects.update_or_create(
            locale=locale,
            context=context,
            defaults={"data_json": json.dumps(value), "last_translated_by": user},
        )

    is_page = isinstance(instance, Page)
    # A translated page is saved as a draft and then goes through the same review,
    # spokesperson approval and publication gate as any page (``publish``).
    translation.save_target(user=user, publish=not is_page)
    target = translation.get_target_instance()
    if is_page:
        # A live page keeps its published text in its row until the new text is
        # approved (cms.workflows.gate.keep_live_text): publish the saved draft.
        target = target.specific.get_latest_revision_as_object()
        if publish is not None:
            publish(target)
        target.refresh_from_db()
    result.target = target
    return result

"""The project's own Vietnamese catalogue is complete and compiled."""

from pathlib import Path

import polib
from django.conf import settings

PO = Path(settings.BASE_DIR) / "cms" / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_every_project_string_has_a_vietnamese_translation():
    catalogue = polib.pofile(str(PO))

    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_the_compiled_catalogue_matches_the_translations():
    """A .po edited without recompiling would leave the site showing the old wording."""
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural.get(0)
        for entry in polib.pofile(str(PO))
        if not entry.obsolete
    }
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural.get(0)
        for entry in polib.mofile(str(PO.with_suffix(".mo")))
    }

    assert compiled == source

"""PO files of wagtail-localize translations: what gettext accepts, and what may be imported.

Download. wagtail-localize's ``Translation.export_po`` is not accepted by gettext's
``msgfmt -c``:

* a string that occurs twice in the same field (two identical paragraphs of one
  rich-text block) gives two identical entries (same ``msgctxt`` and ``msgid``):
  "duplicate message definition", a fatal error. One ``StringTranslation`` (keyed by
  string, context and locale) serves every occurrence, so one entry is right;
* the header lacks ``Project-Id-Version``, ``PO-Revision-Date``, ``Last-Translator``,
  ``Language-Team``, ``Language`` and ``Content-Transfer-Encoding``, and its
  ``POT-Creation-Date`` is not in gettext's date format.

``export_po`` fixes both; the entries and the ``X-WagtailLocalize-TranslationID``
header that wagtail-localize's import relies on are unchanged.

Upload. wagtail-localize imports whatever ``polib`` can read: an empty file or one
without its header fails with a server error, strings of another version of the
source are silently skipped, fuzzy entries are imported as reviewed translations,
broken HTML is stored and only flagged. ``read_upload`` checks the whole file first
and refuses it (``InvalidPO``, with a message saying why) before anything is stored.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass

import polib
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue, validate_translation_links

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
GETTEXT_DATE = "%Y-%m-%d %H:%M%z"
MAX_UPLOAD_SIZE = 2 * 1024 * 1024  # a page's strings are a few kilobytes


def _gettext_date(value) -> str:
    return timezone.localtime(value).strftime(GETTEXT_DATE)


def _person(user) -> str:
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


def export_po(translation, user) -> polib.POFile:
    """wagtail-localize's PO file of ``translation``, without duplicates, with a full header."""
    po = translation.export_po()

    seen = set()
    entries = []
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        if key not in seen:
            seen.add(key)
            entries.append(entry)
    po[:] = entries

    source = translation.source
    locale = translation.target_locale
    latest = (
        StringTranslation.objects.filter(context__object_id=source.object_id, locale=locale)
        .select_related("last_translated_by")
        .order_by("-updated_at")
        .first()
    )
    translator = latest.last_translated_by if latest and latest.last_translated_by else user
    po.metadata = {
        "Project-Id-Version": source.object_repr,
        "POT-Creation-Date": _gettext_date(source.last_updated_at),
        "PO-Revision-Date": _gettext_date(latest.updated_at if latest else source.last_updated_at),
        "Last-Translator": _person(translator),
        "Language-Team": locale.get_display_name() or locale.language_code,
        "Language": locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        TRANSLATION_ID: str(translation.uuid),
    }
    return po


class InvalidPO(Exception):
    """The uploaded file cannot be imported; ``message`` says why, for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Upload:
    po: polib.POFile  # only the entries to import: translated, not fuzzy, not obsolete
    name: str
    fuzzy: int  # fuzzy entries left out

    def __len__(self):
        return len(self.po)


# The lines of a PO file: comments (``#``, obsolete entries ``#~`` included), keywords
# followed by a quoted string, quoted continuation strings, blank lines.
_QUOTED = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(
    rf"\s*|#.*|(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+{_QUOTED}[ \t]*"
    rf"|[ \t]*{_QUOTED}[ \t]*"
)


def _syntax_error_line(text: str) -> int | None:
    """The number of the first line that is not PO syntax. polib reads some of them
    without complaint and loses text: an unterminated quote drops the last character,
    a string without quotes is read as empty."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not _LINE.fullmatch(line):
            return number
    return None


def _parse(data: bytes) -> polib.POFile:
    text = data.decode("utf-8-sig")  # what the download is; PO editors keep it
    line = _syntax_error_line(text)
    if line is not None:
        raise ValueError(f"syntax error (line {line})")
    # polib reads a file name as well as file contents: never give it the uploaded text,
    # which could be the name of a file on the server (wagtail-localize does the same).
    with tempfile.NamedTemporaryFile(suffix=".po") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        return polib.pofile(handle.name, encoding="utf-8")


def read_upload(upload, translation) -> Upload:
    """The translations of ``upload`` (a Django ``UploadedFile``) to import into
    ``translation``. Raises ``InvalidPO`` if the file cannot be imported as a whole."""
    if upload is None:
        raise InvalidPO(_("Choose a PO file to upload."))
    name = upload.name
    if upload.size > MAX_UPLOAD_SIZE:
        raise InvalidPO(
            _("“%(name)s” is larger than %(size)s MB: it is not a PO file of this page.")
            % {"name": name, "size": MAX_UPLOAD_SIZE // (1024 * 1024)}
        )
    try:
        po = _parse(upload.read())
    except UnicodeDecodeError as error:
        raise InvalidPO(
            _("“%(name)s” is not a valid PO file: it is not saved as UTF-8 text.") % {"name": name}
        ) from error
    except (OSError, ValueError) as error:
        line = re.search(r"line (\d+)", str(error))
        if line:
            raise InvalidPO(
                _("“%(name)s” is not a valid PO file (error on line %(line)s).")
                % {"name": name, "line": line.group(1)}
            ) from error
        raise InvalidPO(_("“%(name)s” is not a valid PO file.") % {"name": name}) from error

    if TRANSLATION_ID not in po.metadata:
        raise InvalidPO(
            _("“%(name)s” was not downloaded from this translation: its header has no %(header)s.")
            % {"name": name, "header": TRANSLATION_ID}
        )
    if po.metadata[TRANSLATION_ID] != str(translation.uuid):
        raise InvalidPO(
            _("“%(name)s” was downloaded from another translation, not this one.") % {"name": name}
        )

    active = [entry for entry in po if not entry.obsolete]
    seen = set()
    for entry in active:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise InvalidPO(
                _("“%(name)s” defines the string “%(string)s” twice.")
                % {"name": name, "string": entry.msgid}
            )
        seen.add(key)

    translated = [entry for entry in active if entry.msgstr and "fuzzy" not in entry.flags]
    fuzzy = sum(1 for entry in active if entry.msgstr and "fuzzy" in entry.flags)

    segments = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", "string__data"
        )
    )
    unknown = [entry for entry in translated if (entry.msgctxt, entry.msgid) not in segments]
    if unknown:
        raise InvalidPO(
            ngettext(
                "“%(name)s” does not match the current source page: %(count)s string is "
                "not in it (“%(string)s”). Download the PO file again.",
                "“%(name)s” does not match the current source page: %(count)s strings are "
                "not in it (the first: “%(string)s”). Download the PO file again.",
                len(unknown),
            )
            % {"name": name, "count": len(unknown), "string": unknown[0].msgid}
        )

    for entry in translated:
        try:
            StringValue.from_translated_html(entry.msgstr)
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError as error:
            raise InvalidPO(
                _("The translation of “%(string)s” in “%(name)s” is not valid: %(error)s")
                % {"name": name, "string": entry.msgid, "error": error}
            ) from error

    kept = polib.POFile()
    kept.metadata = po.metadata
    kept.extend(translated)
    return Upload(po=kept, name=name, fuzzy=fuzzy)

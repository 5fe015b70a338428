"""The PO round trip of wagtail-localize's translation editor: a translator downloads the
page's PO file, translates it in a PO editor, uploads it, and the English draft gets
the English text. The file passes gettext's ``msgfmt -c`` both ways; a file that
cannot be imported is refused with a message and changes nothing."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    get_home_page,
    get_locale,
    translate_page,
)
from tests.workflows.gate_helpers import make_person, person_for, shared_state, vi

pytestmark = pytest.mark.django_db

TITLE_VI = "Xuân Trường thu hút đầu tư vào cụm công nghiệp"
TITLE_EN = "Xuan Truong attracts investment to its industrial cluster"
SUMMARY_VI = "Năm 2025, xã thu hút 5 dự án với tổng vốn 1.200 tỷ đồng."
SUMMARY_EN = "In 2025 the commune attracted 5 projects worth VND 1,200 billion in total."
REPEATED_VI = "Xã Xuân Trường luôn đồng hành cùng doanh nghiệp."
REPEATED_EN = "Xuan Truong commune always stands by businesses."
RATE_VI = "Tỷ lệ lấp đầy đạt 50% diện tích."
RATE_EN = "The occupancy rate has reached 50% of the area."
LINK_VI = 'Xem chi tiết trên <a id="a1">Cổng thông tin tỉnh Ninh Bình</a>.'
LINK_EN = 'See the details on the <a id="a1">Ninh Binh provincial portal</a>.'
AUTHOR_VI = "Văn Minh"

ENGLISH = {
    TITLE_VI: TITLE_EN,
    SUMMARY_VI: SUMMARY_EN,
    REPEATED_VI: REPEATED_EN,
    RATE_VI: RATE_EN,
    LINK_VI: LINK_EN,
    AUTHOR_VI: AUTHOR_VI,
}

# ------------------------------------------------------------------ gettext's msgfmt

MSGFMT = shutil.which("msgfmt")


def msgfmt_check(path: Path) -> None:
    """``msgfmt -c`` accepts the file without an error or a warning."""
    if MSGFMT is None:
        if os.environ.get("CI") == "true":
            pytest.fail("gettext's msgfmt is required in CI (apt-get install gettext)")
        pytest.skip("gettext's msgfmt is not installed")
    result = subprocess.run(  # noqa: S603 - a fixed program on a file the test wrote
        [MSGFMT, "-c", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr


# ------------------------------------------------------------------ the page


@dataclass
class World:
    translation: Translation
    en_page_id: int
    translator: object

    def en_page(self):
        return Page.objects.get(pk=self.en_page_id).specific


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """A published Vietnamese article that a translator has sent for translation into
    English with "Translate this page" (an English draft with the Vietnamese text)."""
    with shared_state(django_db_blocker):
        translate_page(
            get_home_page("vi"), "en", title="Xuan Truong Commune External Information Portal"
        )
        page = ArticlePageFactory(
            parent=ArticleIndexPageFactory(),
            title=TITLE_VI,
            summary=SUMMARY_VI,
            author_name=AUTHOR_VI,
            body=[
                (
                    "paragraph",
                    RichText(
                        f"<p>{REPEATED_VI}</p><p>{RATE_VI}</p>"
                        f'<p>Xem chi tiết trên <a href="https://ninhbinh.gov.vn">'
                        f"Cổng thông tin tỉnh Ninh Bình</a>.</p><p>{REPEATED_VI}</p>"
                    ),
                )
            ],
        )
        translator = make_person("translator", "po-translator")
        client = Client()
        client.force_login(translator)
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [get_locale("en").pk]},
        )
        assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=get_locale("en")
        )
        en_page = translation.get_target_instance()
        yield World(translation=translation, en_page_id=en_page.pk, translator=translator)


@pytest.fixture
def world(module_world, db):
    return module_world


def download(client, translation) -> str:
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return response.content.decode("utf-8")


def editor_url(world) -> str:
    return reverse("wagtailadmin_pages:edit", args=[world.en_page_id])


def upload(client, world, content: bytes, name="bai-viet-en.po"):
    """The editor's "Upload PO file" form: the file, and the editor's address to come back to."""
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[world.translation.pk]),
        {
            "file": SimpleUploadedFile(name, content, content_type="text/x-gettext-translation"),
            "next": f"http://testserver{editor_url(world)}",
        },
    )


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def translate(po: polib.POFile) -> polib.POFile:
    """What the translator does in a PO editor: an English msgstr for every entry."""
    for entry in po:
        if entry.msgctxt == "slug":
            entry.msgstr = "xuan-truong-attracts-investment"
        else:
            entry.msgstr = ENGLISH[entry.msgid]
    return po


def stored(world) -> list[tuple]:
    return sorted(
        StringTranslation.objects.filter(
            context__object_id=world.translation.source.object_id,
            locale=world.translation.target_locale,
        ).values_list(
            "context__path", "data", "translation_type", "last_translated_by", "tool_name"
        )
    )


# ------------------------------------------------------------------ the round trip


def test_download_translate_upload_and_save_the_english_draft(client, world, tmp_path):
    translator = world.translator
    client.force_login(translator)

    # Download: the file gettext's tools accept.
    downloaded = tmp_path / "downloaded.po"
    downloaded.write_text(download(client, world.translation), encoding="utf-8")
    msgfmt_check(downloaded)
    po = polib.pofile(str(downloaded))
    assert po.metadata["Language"] == "en"
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(world.translation.uuid)
    segments = StringSegment.objects.filter(source=world.translation.source)
    assert {(e.msgctxt, e.msgid) for e in po} == set(
        segments.values_list("context__path", "string__data")
    )
    assert len(po) < segments.count()  # the repeated paragraph is one entry, not two
    assert [e.msgid for e in po].count(REPEATED_VI) == 1
    assert all(not entry.msgstr for entry in po)

    # Translate in a PO editor; the translated file is valid gettext too.
    translated = tmp_path / "translated.po"
    translate(po).save(str(translated))
    msgfmt_check(translated)

    # Upload through the editor's "Upload PO".
    response = upload(client, world, translated.read_bytes())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"http://testserver{editor_url(world)}"
    count = len(po)
    assert messages_of(response) == [
        vi_plural(
            "Imported “%(name)s”: %(count)s translation added or changed.",
            "Imported “%(name)s”: %(count)s translations added or changed.",
            count,
        )
        % {"name": "bai-viet-en.po", "count": count}
    ]
    rows = stored(world)
    assert len(rows) == count
    for _path, data, kind, user_id, tool in rows:
        assert data in set(ENGLISH.values()) | {"xuan-truong-attracts-investment"}
        assert kind == StringTranslation.TRANSLATION_TYPE_MANUAL
        assert user_id == translator.pk
        assert tool == "PO File"

    # Saving writes the English text into the English page's draft, not onto the site.
    world.translation.save_target(user=translator, publish=False)
    en_page = world.en_page()
    draft = en_page.get_latest_revision()
    content = json.dumps(draft.content, ensure_ascii=False)
    assert draft.user == translator
    assert draft.content["title"] == TITLE_EN
    assert draft.content["slug"] == "xuan-truong-attracts-investment"
    for text in (SUMMARY_EN, REPEATED_EN, RATE_EN, "Ninh Binh provincial portal"):
        assert text in content, text
    assert "https://ninhbinh.gov.vn" in content  # the link kept its address
    for text in (TITLE_VI, REPEATED_VI, RATE_VI):
        assert text not in content, text
    assert not en_page.live

    # And the next download carries the translations, still valid for gettext.
    again = tmp_path / "again.po"
    again.write_text(download(client, world.translation), encoding="utf-8")
    msgfmt_check(again)
    assert {e.msgid: e.msgstr for e in polib.pofile(str(again))}[TITLE_VI] == TITLE_EN
    assert polib.pofile(str(again)).metadata["Last-Translator"].startswith("po-translator")


def test_the_editor_buttons_reach_the_checked_views(client, world):
    client.force_login(world.translator)
    download_url = reverse("wagtail_localize:download_pofile", args=[world.translation.pk])
    upload_url = reverse("wagtail_localize:upload_pofile", args=[world.translation.pk])

    editor = client.get(editor_url(world))

    assert editor.status_code == HTTPStatus.OK
    html = editor.content.decode()
    assert download_url in html
    assert upload_url in html
    assert resolve(download_url).url_name == "translations_download_pofile"
    assert resolve(upload_url).url_name == "translations_upload_pofile"


def test_fuzzy_entries_are_left_out_with_a_warning(client, world, tmp_path):
    client.force_login(world.translator)
    po = translate(polib.pofile(download(client, world.translation)))
    [title] = [entry for entry in po if entry.msgctxt == "title"]
    title.flags.append("fuzzy")

    response = upload(client, world, str(po).encode())

    assert response.status_code == HTTPStatus.FOUND
    assert vi(
        "%(count)s fuzzy translation was left out: review it and remove the fuzzy "
        "mark before uploading it."
    ) % {"count": 1} in messages_of(response)
    paths = [row[0] for row in stored(world)]
    assert "title" not in paths
    assert len(paths) == len(po) - 1


def test_a_file_without_translations_changes_nothing(client, world):
    client.force_login(world.translator)

    response = upload(client, world, download(client, world.translation).encode())

    assert messages_of(response) == [
        vi("“%(name)s” contains no translations: nothing was imported.")
        % {"name": "bai-viet-en.po"}
    ]
    assert stored(world) == []


# ------------------------------------------------------------------ refused files


def _po(world, client) -> polib.POFile:
    return translate(polib.pofile(download(client, world.translation)))


def _without_header(world, client):
    po = _po(world, client)
    del po.metadata["X-WagtailLocalize-TranslationID"]
    return str(po).encode()


def _other_translation(world, client):
    po = _po(world, client)
    po.metadata["X-WagtailLocalize-TranslationID"] = "00000000-0000-4000-8000-000000000000"
    return str(po).encode()


def _changed_source_string(world, client):
    po = _po(world, client)
    [entry] = [e for e in po if e.msgid == RATE_VI]
    entry.msgid = "Tỷ lệ lấp đầy đạt 60% diện tích."
    return str(po).encode()


def _broken_link(world, client):
    po = _po(world, client)
    [entry] = [e for e in po if e.msgid == LINK_VI]
    entry.msgstr = 'See the <a id="a7">portal</a>.'
    return str(po).encode()


def _twice(world, client):
    po = _po(world, client)
    [entry] = [e for e in po if e.msgctxt == "title"]
    po.append(polib.POEntry(msgctxt="title", msgid=TITLE_VI, msgstr="Another title"))
    assert entry.msgstr == TITLE_EN
    return str(po).encode()


def _syntax_error(world, client):
    text = str(_po(world, client))
    return text.replace('msgctxt "title"', 'msgctxt "title', 1).encode()


def _no_quotes(world, client):
    text = str(_po(world, client))
    return text.replace(f'msgstr "{TITLE_EN}"', f"msgstr {TITLE_EN}", 1).encode()


def _not_utf8(world, client):
    return str(_po(world, client)).encode("utf-8").replace(TITLE_EN.encode(), b"\xff\xfe\xe2\x28")


NAME = "bai-viet-en.po"
LINE = "“%(name)s” is not a valid PO file (error on line %(line)s)."
NO_HEADER = "“%(name)s” was not downloaded from this translation: its header has no %(header)s."


def vi_plural(singular: str, plural: str, count: int) -> str:
    with translation.override("vi"):
        return ngettext(singular, plural, count)


def expected_reason(kind: str) -> str:
    """A regular expression of the Vietnamese reason the translator reads."""
    if kind == "line":
        return re.escape(vi(LINE) % {"name": NAME, "line": "0"}).replace("0", r"\d+")
    reasons = {
        "utf-8": lambda: (
            vi("“%(name)s” is not a valid PO file: it is not saved as UTF-8 text.") % {"name": NAME}
        ),
        "header": lambda: (
            vi(NO_HEADER) % {"name": NAME, "header": "X-WagtailLocalize-TranslationID"}
        ),
        "another": lambda: (
            vi("“%(name)s” was downloaded from another translation, not this one.") % {"name": NAME}
        ),
        "source": lambda: (
            vi_plural(
                "“%(name)s” does not match the current source page: %(count)s string is "
                "not in it (“%(string)s”). Download the PO file again.",
                "“%(name)s” does not match the current source page: %(count)s strings are "
                "not in it (the first: “%(string)s”). Download the PO file again.",
                1,
            )
            % {"name": NAME, "count": 1, "string": "Tỷ lệ lấp đầy đạt 60% diện tích."}
        ),
        "link": lambda: (
            vi("The translation of “%(string)s” in “%(name)s” is not valid: %(error)s")
            % {
                "name": NAME,
                "string": LINK_VI,
                "error": vi("Unrecognised id found in an <a> tag: {}").format("a7"),
            }
        ),
        "size": lambda: (
            vi("“%(name)s” is larger than %(size)s MB: it is not a PO file of this page.")
            % {"name": NAME, "size": 2}
        ),
        "twice": lambda: (
            vi("“%(name)s” defines the string “%(string)s” twice.")
            % {"name": NAME, "string": TITLE_VI}
        ),
    }
    return re.escape(reasons[kind]())


REFUSED = {
    "not a PO file": (lambda w, c: b"Hello, this is a Word document.\n", "line"),
    "empty": (lambda w, c: b"", "header"),
    "no translation header": (_without_header, "header"),
    "another translation": (_other_translation, "another"),
    "string of another version": (_changed_source_string, "source"),
    "broken link": (_broken_link, "link"),
    "defined twice": (_twice, "twice"),
    "syntax error": (_syntax_error, "line"),
    "not UTF-8": (_not_utf8, "utf-8"),
    "string without quotes": (_no_quotes, "line"),
    "too large": (lambda w, c: b"#" * (2 * 1024 * 1024 + 1), "size"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_file_that_cannot_be_imported_is_refused_and_changes_nothing(client, world, case):
    client.force_login(world.translator)
    make, kind = REFUSED[case]
    content = make(world, client)
    revision_before = world.en_page().latest_revision_id

    response = upload(client, world, content)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"http://testserver{editor_url(world)}"
    [message] = messages_of(response)
    nothing = re.escape(vi("%(reason)s Nothing was imported.") % {"reason": "REASON"})
    assert re.fullmatch(nothing.replace("REASON", expected_reason(kind)), message), message
    assert stored(world) == []
    assert world.en_page().latest_revision_id == revision_before


def test_no_file_is_refused(client, world):
    client.force_login(world.translator)

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[world.translation.pk])
        + f"?next={editor_url(world)}",
        {},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == [
        vi("%(reason)s Nothing was imported.") % {"reason": vi("Choose a PO file to upload.")}
    ]


def test_a_locked_page_takes_no_upload(client, world):
    reviewer = person_for("reviewer")
    Page.objects.filter(pk=world.en_page_id).update(
        locked=True, locked_by=reviewer, locked_at=timezone.now()
    )
    client.force_login(world.translator)
    content = str(_po(world, client)).encode()

    response = upload(client, world, content)

    assert messages_of(response) == [vi("This page is locked: nothing was imported.")]
    assert stored(world) == []


def test_who_cannot_edit_the_english_page_can_neither_download_nor_upload(client, world):
    """Site administrators see the report but edit no page."""
    client.force_login(world.translator)
    content = str(_po(world, client)).encode()
    client.force_login(person_for("siteadmin"))

    downloaded = client.get(
        reverse("wagtail_localize:download_pofile", args=[world.translation.pk])
    )
    uploaded = upload(client, world, content)

    for response in (downloaded, uploaded):
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse("wagtailadmin_home")
    assert stored(world) == []

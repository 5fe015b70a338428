"""``manage.py backup`` and ``manage.py restore`` on the database the suite runs on.

A round trip: pages with revisions, an image and a document are backed up; the
content is changed and deleted; the restore brings back exactly what was there
(page titles, revisions, file bytes) and removes what came after. A damaged,
tampered or foreign archive is refused with a clear message, and nothing changes.

The restore replaces the whole database it is pointed at, so every test here
first proves that this is the test database (``only_the_test_database``).
"""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from cms.backup import archive
from tests.factories import ArticlePageFactory, CustomImageFactory
from tests.workflows.gate_helpers import V1_TITLE, V2_TITLE, live_page_with_draft

PDF = b"%PDF-1.4\n% Ke hoach thong tin doi ngoai 2025\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


def _is_test_database() -> bool:
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor == "sqlite":
        return "mode=memory" in name or name == ":memory:" or Path(name).name.startswith("test")
    return name.startswith("test_")


@pytest.fixture(autouse=True)
def only_the_test_database():
    """Stop before anything is restored unless the connection is the test database."""
    if not _is_test_database():
        pytest.fail(f"refusing to run restore tests on {connection.settings_dict.get('NAME')!r}")


@pytest.fixture
def media(settings, tmp_path):
    """A media folder of this test's own (the restore makes it hold the archive's files)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def backup(folder: Path) -> Path:
    out = io.StringIO()
    call_command("backup", str(folder), stdout=out)
    [made] = folder.glob("*.tar.gz")
    assert str(made) in out.getvalue()
    assert not list(folder.glob("*.partial"))
    return made


def restore(path: Path, *options: str) -> str:
    out = io.StringIO()
    call_command("restore", str(path), *options, stdout=out)
    return out.getvalue()


def snapshot(media_root: Path) -> dict:
    """What a restore must bring back: pages, revisions, the media files' bytes."""
    return {
        "titles": dict(Page.objects.values_list("pk", "title")),
        "revisions": dict(
            Revision.page_revisions.values_list("pk", "content__title")
            if connection.vendor == "postgresql"
            else [(r.pk, r.content.get("title")) for r in Revision.page_revisions.all()]
        ),
        "files": {
            p.relative_to(media_root).as_posix(): p.read_bytes()
            for p in sorted(media_root.rglob("*"))
            if p.is_file()
        },
    }


def content(media_root: Path):
    live = live_page_with_draft()  # live version 1, draft version 2
    image = CustomImageFactory(title="Lễ khánh thành nhà văn hóa thôn Hưng Nghĩa")
    document = get_document_model()(title="Kế hoạch thông tin đối ngoại năm 2025")
    document.file.save("ke-hoach-ttdn-2025.pdf", ContentFile(PDF), save=False)
    document.save()
    return live, image, document


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_round_trip_brings_everything_back(client, media, tmp_path):
    live, image, document = content(media)
    before = snapshot(media)
    assert Path(image.file.path).read_bytes() and Path(document.file.path).read_bytes() == PDF

    made = backup(tmp_path / "archives")

    with tarfile.open(made) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["app_version"]
    assert "0001_initial" in manifest["migrations"]["wagtailcore"]
    media_entries = {name for name in manifest["files"] if name.startswith("media/")}
    assert media_entries == {f"media/{name}" for name in before["files"]}
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())
    assert made.stat().st_mode & 0o077 == 0  # readable by its owner only

    # Things change after the backup: a title, a new version, a new page, deleted files.
    page = live.fresh()
    Page.objects.filter(pk=page.pk).update(title="Tiêu đề bị sửa nhầm")
    page.save_revision(user=None)
    ArticlePageFactory(title="Bài đăng sau khi sao lưu", parent=page.get_parent())
    document_id = document.pk
    document.delete()  # Wagtail deletes its file too
    Path(image.file.path).unlink()
    (media / "tam.txt").write_text("tệp tạm")
    assert snapshot(media) != before

    said = restore(made, "--noinput")

    assert "Đã khôi phục. / Restored." in said
    assert snapshot(media) == before
    page = live.fresh()
    assert page.title == V1_TITLE
    assert page.latest_revision_id == live.v2.pk
    assert not Page.objects.filter(title="Bài đăng sau khi sao lưu").exists()
    restored = get_document_model().objects.get(pk=document_id)
    assert Path(restored.file.path).read_bytes() == PDF
    response = client.get(live.url)
    assert response.status_code == HTTPStatus.OK
    assert V1_TITLE in response.content.decode()
    assert V2_TITLE not in response.content.decode()


def repack(source: Path, target: Path, change) -> Path:
    """A copy of the archive with ``change(name, data) -> (name, data) | None`` applied to
    each member (None drops it), and ``change(None, None)`` added when it returns one."""
    with tarfile.open(source) as tar, tarfile.open(target, "w:gz") as out:
        for member in tar.getmembers():
            result = change(member.name, tar.extractfile(member).read())
            if result is not None:
                name, data = result
                info = tarfile.TarInfo(name)
                info.size = len(data)
                out.addfile(info, io.BytesIO(data))
        extra = change(None, None)
        if extra is not None:
            info = tarfile.TarInfo(extra[0])
            info.size = len(extra[1])
            out.addfile(info, io.BytesIO(extra[1]))
    return target


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_damaged_or_foreign_archive_is_refused_and_nothing_changes(media, tmp_path, monkeypatch):
    live, image, _document = content(media)
    made = backup(tmp_path / "archives")
    data = made.read_bytes()
    image_name = "media/" + Path(image.file.path).relative_to(media).as_posix()

    def flip_image_byte(name, body):
        if name == image_name:
            return name, body[:-1] + bytes([body[-1] ^ 0xFF])
        return None if name is None else (name, body)

    def other_vendor(name, body):
        if name == "manifest.json":
            manifest = json.loads(body)
            other = "sqlite" if manifest["database"]["vendor"] == "postgresql" else "postgresql"
            manifest["database"]["vendor"] = other
            return name, json.dumps(manifest).encode()
        return None if name is None else (name, body)

    def unlisted_file(name, body):
        if name is None:
            return "media/documents/them-vao.pdf", PDF
        return name, body

    def escaping_path(name, body):
        if name is None:
            return "../ngoai-thu-muc.txt", b"x"
        return name, body

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(data[: len(data) // 2])
    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(b"not an archive at all" * 100)
    not_ours = tmp_path / "not-ours.tar.gz"
    not_ours.write_bytes(gzip.compress(b"\0" * 10240))
    cases = {
        "truncated": (truncated, "hỏng"),
        "garbage": (garbage, "hỏng"),
        "not a tar": (not_ours, "hỏng"),
        "checksum": (repack(made, tmp_path / "c.tar.gz", flip_image_byte), "checksum"),
        "vendor": (repack(made, tmp_path / "v.tar.gz", other_vendor), "không khôi phục gì"),
        "unlisted": (repack(made, tmp_path / "u.tar.gz", unlisted_file), "not in the manifest"),
        "escaping": (repack(made, tmp_path / "e.tar.gz", escaping_path), "unexpected entry"),
    }

    # The content as it is now, after the backup, is what must survive every refusal.
    Page.objects.filter(pk=live.page.pk).update(title="Tiêu đề sau khi sao lưu")
    (media / "sau-sao-luu.txt").write_text("tệp mới")
    current = snapshot(media)
    monkeypatch.setattr("builtins.input", lambda prompt: pytest.fail("asked to confirm"))

    for case, (path, expected) in cases.items():
        with pytest.raises(CommandError) as refused:
            restore(path)
        message = str(refused.value)
        assert expected in message, (case, message)
        assert " / " in message  # Vietnamese, then English
        assert snapshot(media) == current, case
    assert not (tmp_path / "ngoai-thu-muc.txt").exists()

    # A sound archive, but the operator answers no: nothing changes either.
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    said = restore(made)
    assert "Cancelled; nothing changed." in said
    assert snapshot(media) == current


def test_pg_dump_of_the_wrong_version_is_named():
    """No pg_dump for the server's major version: the message says which one to install."""
    with pytest.raises(archive.BackupError) as error:
        archive.find_pg_tool("pg_dump", 99)
    message = str(error.value)
    assert "postgresql-client-99" in message
    assert "Hãy cài gói" in message and "Install" in message
    with pytest.raises(archive.BackupError) as error:
        archive.find_pg_tool("pg_dump", 15, search=[])
    assert "Không tìm thấy pg_dump" in str(error.value)
    assert "was not found" in str(error.value)

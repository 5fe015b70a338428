"""Backup archives of the database and the media files, and restoring them.

One archive is one ``.tar.gz`` file, readable with ``tar``::

    database/postgresql.dump   PostgreSQL: pg_dump's custom format, --no-owner
    database/sqlite3.db        SQLite: a copy made with SQLite's backup API
    media/<path>               every file under MEDIA_ROOT (uploads and renditions)
    manifest.json              what the archive holds (written last, read first)

The manifest (``MANIFEST``) says when and from what it was made: the database
vendor and server version, the migrations applied, the application's version,
and the size and SHA-256 of every file in the archive.

Consistency. The database is copied at one instant: pg_dump reads one snapshot,
SQLite's backup API copies a consistent image of a live database (a plain file
copy may catch it in the middle of a write). The media files are copied *after*
the database, so every file the copied database names was already on disk (an
upload is written before its row). A file uploaded while the backup runs may be in
the archive without a row: harmless.

Restoring checks everything before changing anything (``read_archive`` and
``check_restorable``): a damaged or incomplete archive, a file whose checksum
differs, a file the manifest does not list, another database vendor, migrations
this code does not have, a missing or too old ``pg_restore``: refused, nothing
touched. Then the database (PostgreSQL: ``pg_restore --clean --if-exists
--single-transaction``; SQLite: the backup API into the open database), then the
media folder, then every cache (the full-page cache included) is emptied.

Messages for the operator are in Vietnamese and English, as the other commands'.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connections

FORMAT = "xuantruong-cms-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"postgresql": "database/postgresql.dump", "sqlite": "database/sqlite3.db"}
CHUNK = 1024 * 1024

Progress = Callable[[str], None]


class BackupError(Exception):
    """What went wrong, for the operator (Vietnamese / English)."""


class ArchiveRefused(BackupError):
    """The archive cannot be restored here; nothing was changed."""


def _silent(_message: str) -> None:
    pass


# ------------------------------------------------------------------ small parts


def app_version() -> str:
    try:
        return metadata.version("xuantruong-cms")
    except metadata.PackageNotFoundError:
        return "unknown"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def human_size(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"  # pragma: no cover


class _Ticker:
    """Prints ``[n/total]`` progress at most every ``interval`` seconds, and at the end."""

    def __init__(self, progress: Progress, label: str, total: int, interval: float = 2.0):
        self.progress, self.label, self.total, self.interval = progress, label, total, interval
        self.done = self.bytes = 0
        self.last = time.monotonic()

    def step(self, size: int = 0) -> None:
        self.done += 1
        self.bytes += size
        now = time.monotonic()
        if self.done == self.total or now - self.last >= self.interval:
            self.last = now
            self.progress(f"  {self.label}: [{self.done}/{self.total}] {human_size(self.bytes)}")


class _HashingReader:
    """A file object that hashes what ``tarfile`` reads from it."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def database_connection(alias: str = "default"):
    return connections[alias]


def applied_migrations(connection) -> dict[str, list[str]]:
    from django.db.migrations.recorder import MigrationRecorder

    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def known_migrations() -> set[tuple[str, str]]:
    """The migrations this code has (on disk), whether applied or not."""
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


# ------------------------------------------------------------------ PostgreSQL tools


def server_major(connection) -> int:
    connection.ensure_connection()
    version = connection.pg_version  # e.g. 150020
    return version // 10000 if version >= 100000 else version // 100


def tool_major(path: str) -> int | None:
    try:
        output = subprocess.run(  # noqa: S603 - a PostgreSQL tool found by find_pg_tool
            [path, "--version"], capture_output=True, text=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(match.group(1)) if match else None


def find_pg_tool(name: str, major: int, *, search: list[str] | None = None) -> str:
    """The ``pg_dump``/``pg_restore`` of PostgreSQL ``major`` (or newer, which reads older).

    Looks in Debian's per-version folders (``/usr/lib/postgresql/<v>/bin``), the
    newest first, then on ``PATH``.
    """
    candidates = []
    if search is None:
        base = Path("/usr/lib/postgresql")
        versions = []
        if base.is_dir():
            numbers = (int(p.name) for p in base.iterdir() if p.name.isdigit())
            versions = sorted(numbers, reverse=True)
        search = [str(base / str(v) / "bin" / name) for v in versions]
        on_path = shutil.which(name)
        if on_path:
            search.append(on_path)
    found: dict[str, int | None] = {}
    for path in search:
        if os.access(path, os.X_OK) and path not in found:
            found[path] = tool_major(path)
            candidates.append(path)
    exact = [path for path in candidates if found[path] == major]
    newer = [path for path in candidates if (found[path] or 0) > major]
    if exact or newer:
        return (exact or newer)[0]
    if not candidates:
        raise BackupError(
            f"Không tìm thấy {name} (PostgreSQL {major}). Hãy cài gói postgresql-client-{major}. / "
            f"{name} for PostgreSQL {major} was not found. Install postgresql-client-{major}."
        )
    versions = ", ".join(f"{path} ({found[path]})" for path in candidates)
    raise BackupError(
        f"{name} không cùng phiên bản với máy chủ PostgreSQL {major}: {versions}. "
        f"Hãy cài gói postgresql-client-{major}. / "
        f"{name} does not match the PostgreSQL {major} server: {versions}. "
        f"Install postgresql-client-{major}."
    )


def libpq(settings_dict) -> tuple[list[str], dict[str, str]]:
    """(arguments, environment) that point a PostgreSQL tool at ``settings_dict``'s database.

    The password goes in the environment, never on the command line.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    pairs = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    options = settings_dict.get("OPTIONS") or {}
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
        ("passfile", "PGPASSFILE"),
        ("service", "PGSERVICE"),
    ):
        if options.get(option):
            pairs[variable] = str(options[option])
    env.update({key: str(value) for key, value in pairs.items() if value})
    # A conninfo string, so that no database name is ever read as a URI or as options.
    name = str(settings_dict.get("NAME")).replace("\\", "\\\\").replace("'", "\\'")
    return ["--dbname", f"dbname='{name}'"], env


def _run(command: list[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess:
    # A PostgreSQL tool found by find_pg_tool, with arguments built here (no shell).
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise BackupError(f"{what} thất bại / failed ({Path(command[0]).name}):\n{detail}")
    return result


# ------------------------------------------------------------------ backup


@dataclass
class Manifest:
    data: dict = field(default_factory=dict)

    @property
    def vendor(self) -> str:
        return self.data.get("database", {}).get("vendor", "")

    @property
    def files(self) -> dict[str, dict]:
        return self.data.get("files", {})

    @property
    def database_file(self) -> str:
        return DATABASE_FILES.get(self.vendor, "")


def default_archive_name(now: datetime.datetime | None = None) -> str:
    now = now or datetime.datetime.now().astimezone()
    return f"xuantruong-backup-{now:%Y%m%d-%H%M%S}.tar.gz"


def _dump_database(connection, workdir: Path, progress: Progress) -> tuple[Path, dict]:
    vendor = connection.vendor
    if vendor == "postgresql":
        major = server_major(connection)
        tool = find_pg_tool("pg_dump", major)
        target = workdir / "postgresql.dump"
        args, env = libpq(connection.settings_dict)
        progress(f"  pg_dump: {tool} (PostgreSQL {major})")
        _run(
            [tool, "--format=custom", "--no-owner", "--file", str(target), *args],
            env,
            "pg_dump",
        )
        info = {
            "server_version": connection.pg_version,
            "dump_tool": _run([tool, "--version"], env, "pg_dump --version").stdout.strip(),
        }
        return target, info
    if vendor == "sqlite":
        connection.ensure_connection()
        target = workdir / "sqlite3.db"
        copy = sqlite3.connect(target)
        try:

            def report(_status, remaining, total):
                if total:
                    progress(f"  SQLite: {total - remaining}/{total} trang / pages")

            connection.connection.backup(copy, pages=4096, progress=report)
        finally:
            copy.close()
        return target, {"server_version": sqlite3.sqlite_version}
    raise BackupError(
        f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {vendor}. / Backing up {vendor} is not supported."
    )


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def _add_file(tar: tarfile.TarFile, source: Path, arcname: str, files: dict) -> int | None:
    """Add ``source`` as ``arcname``, hashing exactly the bytes stored; None if it vanished."""
    try:
        handle = source.open("rb")
    except FileNotFoundError:
        return None
    with handle:
        stat = os.fstat(handle.fileno())
        info = tarfile.TarInfo(arcname)
        info.size = stat.st_size
        info.mtime = int(stat.st_mtime)
        info.mode = 0o644
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    files[arcname] = {"size": info.size, "sha256": reader.digest.hexdigest()}
    return info.size


def create_backup(
    target: Path, *, alias: str = "default", progress: Progress = _silent
) -> tuple[Path, Manifest]:
    """Write the archive to ``target`` (a ``.tar.gz`` path, or a folder to put it in).

    The archive is written beside the target as ``<name>.partial`` and renamed when
    complete, so the target never holds half an archive. Readable by its owner only:
    it holds every account's password hash.
    """
    target = Path(target)
    if target.is_dir() or not target.name.endswith((".tar.gz", ".tgz")):
        target.mkdir(parents=True, exist_ok=True)
        target = target / default_archive_name()
    if target.exists():
        raise BackupError(f"Tệp đã tồn tại / The file already exists: {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = database_connection(alias)
    media_root = Path(settings.MEDIA_ROOT)
    partial = target.with_name(target.name + ".partial")
    started = time.monotonic()
    files: dict[str, dict] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="xuantruong-backup-") as tmp:
            progress("1/3 Sao lưu cơ sở dữ liệu… / Copying the database…")
            dump, database_info = _dump_database(connection, Path(tmp), progress)
            migrations = applied_migrations(connection)
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                _add_file(tar, dump, DATABASE_FILES[connection.vendor], files)
                progress(
                    f"  {human_size(dump.stat().st_size)} ({DATABASE_FILES[connection.vendor]})"
                )
                media = _media_files(media_root)
                progress(f"2/3 Sao lưu {len(media)} tệp media… / Copying {len(media)} media files…")
                ticker = _Ticker(progress, "media", len(media))
                for path in media:
                    name = "media/" + path.relative_to(media_root).as_posix()
                    ticker.step(_add_file(tar, path, name, files) or 0)
                progress("3/3 Ghi bản kê… / Writing the manifest…")
                manifest = Manifest(
                    {
                        "format": FORMAT,
                        "format_version": FORMAT_VERSION,
                        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
                        "app_version": app_version(),
                        "django_version": _version("django"),
                        "wagtail_version": _version("wagtail"),
                        "database": {"vendor": connection.vendor, **database_info},
                        "migrations": migrations,
                        "files": files,
                    }
                )
                body = json.dumps(manifest.data, indent=2, ensure_ascii=False).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(body), int(time.time()), 0o644
                tar.addfile(info, io.BytesIO(body))
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    progress(
        f"Xong / Done: {target} ({human_size(target.stat().st_size)}, "
        f"{time.monotonic() - started:.1f} s)"
    )
    return target, manifest


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


# ------------------------------------------------------------------ restore: checks


def _corrupt(path: Path, detail: str) -> ArchiveRefused:
    return ArchiveRefused(
        f"Tệp sao lưu bị hỏng hoặc không đầy đủ, không khôi phục gì: {path} ({detail}). / "
        f"The archive is damaged or incomplete; nothing was restored: {path} ({detail})."
    )


def _allowed_member(name: str) -> bool:
    return name == MANIFEST or name.startswith(("database/", "media/"))


def read_archive(path: Path, workdir: Path, progress: Progress = _silent) -> Manifest:
    """Unpack ``path`` into ``workdir`` and prove it whole: every file listed, with its size and
    checksum, and nothing else. Raises ``ArchiveRefused``; touches nothing outside ``workdir``."""
    path = Path(path)
    if not path.is_file():
        raise ArchiveRefused(f"Không có tệp / No such file: {path}")
    progress("1/4 Giải nén và kiểm tra… / Unpacking and checking…")
    try:
        with tarfile.open(path, "r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                if not (member.isfile() or member.isdir()) or not _allowed_member(member.name):
                    raise _corrupt(path, f"unexpected entry {member.name!r}")
            tar.extractall(workdir, members=members, filter="data")
    except ArchiveRefused:
        raise
    except (tarfile.TarError, EOFError, OSError, zlib.error, ValueError) as error:
        raise _corrupt(path, f"{type(error).__name__}: {error}") from error
    try:
        manifest = Manifest(json.loads((workdir / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        raise _corrupt(path, f"{MANIFEST}: {error}") from error
    if manifest.data.get("format") != FORMAT:
        raise _corrupt(path, "not a backup of this application")
    if manifest.data.get("format_version") != FORMAT_VERSION:
        raise ArchiveRefused(
            f"Định dạng tệp sao lưu {manifest.data.get('format_version')} không được hỗ trợ. / "
            f"Archive format {manifest.data.get('format_version')} is not supported."
        )
    listed = manifest.files
    present = {p.relative_to(workdir).as_posix() for p in workdir.rglob("*") if p.is_file()}
    present.discard(MANIFEST)
    if present - set(listed):
        raise _corrupt(path, f"not in the manifest: {sorted(present - set(listed))[:3]}")
    if manifest.database_file not in listed:
        raise _corrupt(path, "no database copy")
    ticker = _Ticker(progress, "checksum", len(listed))
    for name, expected in listed.items():
        file = workdir / name
        if name not in present:
            raise _corrupt(path, f"missing {name}")
        size = file.stat().st_size
        if size != expected.get("size") or sha256_of(file) != expected.get("sha256"):
            raise _corrupt(path, f"checksum mismatch: {name}")
        ticker.step(size)
    return manifest


def _pg_tables_in_dump(tool: str, dump: Path) -> set[str]:
    result = _run([tool, "--list", str(dump)], dict(os.environ), "pg_restore --list")
    tables = set()
    for line in result.stdout.splitlines():
        match = re.match(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ", line)
        if match:
            tables.add(f"{match.group(1)}.{match.group(2)}")
    return tables


def check_restorable(manifest: Manifest, workdir: Path, *, alias: str = "default") -> dict:
    """Refuse (``ArchiveRefused``) what cannot be restored into this database; return the plan."""
    connection = database_connection(alias)
    vendor = connection.vendor
    if manifest.vendor != vendor:
        raise ArchiveRefused(
            f"Tệp sao lưu là của cơ sở dữ liệu {manifest.vendor or '?'}, còn hệ thống đang dùng "
            f"{vendor}: không khôi phục gì. / The archive holds a {manifest.vendor or '?'} "
            f"database and this site runs on {vendor}; nothing was restored."
        )
    archived = {
        (app, name) for app, names in manifest.data.get("migrations", {}).items() for name in names
    }
    unknown = sorted(archived - known_migrations())
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise ArchiveRefused(
            f"Tệp sao lưu được tạo bởi phiên bản mới hơn của ứng dụng (có migration {names}); "
            f"hãy cài phiên bản {manifest.data.get('app_version')} trước. / The archive was made "
            f"by a newer version of the application (migrations {names}); install version "
            f"{manifest.data.get('app_version')} first."
        )
    plan = {"vendor": vendor, "database": workdir / manifest.database_file, "tool": None}
    if vendor == "postgresql":
        archive_major = int(manifest.data["database"].get("server_version") or 0) // 10000
        tool = find_pg_tool("pg_restore", max(server_major(connection), archive_major))
        in_dump = _pg_tables_in_dump(tool, plan["database"])
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT schemaname || '.' || tablename FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            )
            existing = {row[0] for row in cursor.fetchall()}
        extra = sorted(existing - in_dump)
        if extra:
            raise ArchiveRefused(
                f"Cơ sở dữ liệu đích có bảng không có trong tệp sao lưu ({', '.join(extra[:5])}): "
                "hãy khôi phục vào một cơ sở dữ liệu trống hoặc cài đúng phiên bản đã sao lưu. / "
                f"The target database has tables that the archive does not "
                f"({', '.join(extra[:5])}): restore into an empty database, or install the "
                "version that made the backup."
            )
        plan["tool"] = tool
    plan["missing_migrations"] = sorted(known_migrations() - archived)
    return plan


# ------------------------------------------------------------------ restore: changes


def _restore_database(plan: dict, *, alias: str, progress: Progress) -> None:
    connection = database_connection(alias)
    if connection.in_atomic_block:
        raise BackupError("Cannot restore inside a transaction.")
    if plan["vendor"] == "postgresql":
        args, env = libpq(connection.settings_dict)
        connection.close()  # holds no lock while pg_restore replaces the tables
        _run(
            [
                plan["tool"],
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-acl",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(plan["database"]),
            ],
            env,
            "pg_restore",
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(plan["database"])
    try:

        def report(_status, remaining, total):
            if total:
                progress(f"  SQLite: {total - remaining}/{total} trang / pages")

        source.backup(connection.connection, pages=4096, progress=report)
    finally:
        source.close()


def _restore_media(workdir: Path, progress: Progress) -> int:
    """Make MEDIA_ROOT hold exactly the archive's media files."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    staged = workdir / "media"
    for entry in media_root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    files = sorted(p for p in staged.rglob("*") if p.is_file()) if staged.is_dir() else []
    ticker = _Ticker(progress, "media", len(files))
    for source in files:
        destination = media_root / source.relative_to(staged)
        destination.parent.mkdir(parents=True, exist_ok=True)
        size = source.stat().st_size
        shutil.move(source, destination)
        ticker.step(size)
    return len(files)


def _workdir_parent() -> Path | None:
    """Unpack beside MEDIA_ROOT when possible, so moving the files in is a rename."""
    parent = Path(settings.MEDIA_ROOT).resolve().parent
    return parent if os.access(parent, os.W_OK) else None


@contextlib.contextmanager
def unpacked(path: Path, progress: Progress = _silent) -> Iterator[tuple[Manifest, Path]]:
    with tempfile.TemporaryDirectory(prefix=".xuantruong-restore-", dir=_workdir_parent()) as tmp:
        workdir = Path(tmp)
        yield read_archive(path, workdir, progress), workdir


def restore(
    manifest: Manifest,
    workdir: Path,
    plan: dict,
    *,
    alias: str = "default",
    progress: Progress = _silent,
) -> None:
    """Replace the database and the media files with the archive's (checked by the caller)."""
    progress("3/4 Khôi phục cơ sở dữ liệu… / Restoring the database…")
    started = time.monotonic()
    _restore_database(plan, alias=alias, progress=progress)
    progress(f"  {time.monotonic() - started:.1f} s")
    progress("4/4 Khôi phục tệp media… / Restoring the media files…")
    count = _restore_media(workdir, progress)
    progress(f"  {count} tệp / files")
    for cache in caches.all():  # the full-page cache too: it holds the replaced pages
        cache.clear()

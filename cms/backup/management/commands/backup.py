"""``manage.py backup``: one archive of the database and the media files (``cms.backup.archive``).

Run it from cron (see the README); it prints its progress and the archive's path,
and exits with status 1 and a reason in Vietnamese and English when it fails, leaving
no partial archive behind.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.backup import archive


class Command(BaseCommand):
    help = (
        "Write a .tar.gz archive of the database (pg_dump or SQLite's backup API) and the "
        "media files, with a manifest of checksums. OUTPUT is a file name ending in .tar.gz "
        "or a folder (default: var/backups)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "output",
            nargs="?",
            default=str(Path(settings.BASE_DIR) / "var" / "backups"),
            help="archive file (.tar.gz) or folder to write it in",
        )
        parser.add_argument("--database", default="default", help="database alias")

    def handle(self, *args, output, database, **options):
        quiet = options.get("verbosity", 1) == 0
        progress = (lambda _message: None) if quiet else self.stdout.write
        try:
            path, manifest = archive.create_backup(Path(output), alias=database, progress=progress)
        except archive.BackupError as error:
            raise CommandError(str(error)) from error
        if quiet:
            self.stdout.write(str(path))
        self.stdout.write(
            f"Đã sao lưu {len(manifest.files) - 1} tệp media và cơ sở dữ liệu "
            f"{manifest.vendor}. / Backed up the {manifest.vendor} database and "
            f"{len(manifest.files) - 1} media files."
        )

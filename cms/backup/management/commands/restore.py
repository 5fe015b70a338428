"""``manage.py restore ARCHIVE``: bring back the database and the media files of a backup.

Everything is checked first (``archive.read_archive``, ``archive.check_restorable``):
a damaged archive, a checksum that differs, another database vendor, migrations this
code does not have, a missing ``pg_restore``... is refused with the reason and exit
status 1, and nothing is changed. Then it asks for confirmation (unless
``--noinput``), restores the database in one transaction, then the media folder, and
empties the caches. Stop the web server first; start it again afterwards.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Restore the database and the media files from an archive made by 'backup', after "
        "checking it; the current data are replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file made by 'manage.py backup'")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )
        parser.add_argument("--database", default="default", help="database alias")

    def handle(self, *args, archive: str, interactive: bool, database: str, **options):
        from cms.backup import archive as backup

        progress = self.stdout.write
        try:
            with backup.unpacked(Path(archive), progress) as (manifest, workdir):
                progress("2/4 Kiểm tra cơ sở dữ liệu đích… / Checking the target database…")
                plan = backup.check_restorable(manifest, workdir, alias=database)
                self.describe(manifest, database)
                if interactive and not self.confirmed(database):
                    self.stdout.write("Đã hủy, không thay đổi gì. / Cancelled; nothing changed.")
                    return
                backup.restore(manifest, workdir, plan, alias=database, progress=progress)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS("Đã khôi phục. / Restored."),
        )
        if plan["missing_migrations"]:
            self.stdout.write(
                "Tệp sao lưu cũ hơn mã nguồn: hãy chạy 'python manage.py migrate'. / "
                "The archive is older than the code: run 'python manage.py migrate'."
            )

    def describe(self, manifest, alias) -> None:
        from django.db import connections

        data = manifest.data
        target = connections[alias].settings_dict.get("NAME")
        self.stdout.write(
            f"Tệp sao lưu / Archive: {data.get('created_at')}, "
            f"phiên bản ứng dụng / app version {data.get('app_version')}, "
            f"{manifest.vendor}, {len(manifest.files) - 1} tệp media / media files.\n"
            f"Cơ sở dữ liệu đích / Target database: {target}"
        )

    def confirmed(self, alias) -> bool:
        from django.db import connections

        target = connections[alias].settings_dict.get("NAME")
        answer = input(
            f"Toàn bộ dữ liệu và tệp media hiện có của '{target}' sẽ bị thay thế. "
            "Gõ 'yes' để tiếp tục. / All current data and media files of "
            f"'{target}' will be replaced. Type 'yes' to continue: "
        )
        return answer.strip().lower() in ("yes", "có", "co")

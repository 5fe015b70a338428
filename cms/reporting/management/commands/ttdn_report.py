"""``python manage.py ttdn_report --from 2025-09-01 --to 2025-12-31 --output report.docx``.

Writes the periodic report on external information work (``docx_report``) for the
period, both days included, as a Word document the office edits and signs.

An existing file is not replaced unless ``--force`` is given: the office edits the
report after it is written, and running the command again must not lose that work.
The document is written to a temporary file beside the target and then renamed, so
a failure leaves no half-written report and keeps the old one. Messages follow the
admin's language (Vietnamese); a bad argument ends with a one-line ``CommandError``,
never a traceback.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.reporting import docx_report

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str, option: str) -> datetime.date:
    """``YYYY-MM-DD`` → date; anything else is a ``CommandError`` naming the option."""
    try:
        if DATE_RE.match(value or ""):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise CommandError(
        _("%(option)s: “%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 2025-09-01.")
        % {"option": option, "value": value}
    )


class Command(BaseCommand):
    help = (
        "Write the periodic report on external information work for a period as a Word "
        "document (.docx) the office can edit and sign."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="date_from",
            required=True,
            metavar="YYYY-MM-DD",
            help="First day of the period (included).",
        )
        parser.add_argument(
            "--to",
            dest="date_to",
            required=True,
            metavar="YYYY-MM-DD",
            help="Last day of the period (included).",
        )
        parser.add_argument(
            "--output", required=True, metavar="FILE", help="Where to write the .docx file."
        )
        parser.add_argument(
            "--force", action="store_true", help="Replace the output file if it exists."
        )

    def handle(self, *args, date_from, date_to, output, force=False, **options):
        start = parse_date(date_from, "--from")
        end = parse_date(date_to, "--to")
        if start > end:
            raise CommandError(
                _("The period ends (%(end)s) before it starts (%(start)s).")
                % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
            )
        target = Path(output)
        if target.is_dir():
            raise CommandError(_("%(path)s is a folder: give a file name.") % {"path": target})
        if not target.parent.is_dir():
            raise CommandError(
                _("The folder %(folder)s does not exist.") % {"folder": target.parent}
            )
        if target.exists() and not force:
            raise CommandError(
                _("%(path)s already exists: choose another file or add --force to replace it.")
                % {"path": target}
            )

        self.stdout.write(
            _("Collecting the figures from %(start)s to %(end)s…")
            % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
        )
        data = docx_report.collect(start, end)
        self.stdout.write(
            _("Writing the report: %(items)d published items, %(tasks)d plan tasks…")
            % {"items": data.total, "tasks": sum(1 for task in data.plan_tasks if task.task)}
        )
        document = docx_report.render(data)
        self._write(document, target)
        self.stdout.write(self.style.SUCCESS(_("Report written to %(path)s.") % {"path": target}))

    def _write(self, document, target: Path) -> None:
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("xb") as stream:
                document.save(stream)
            os.replace(temporary, target)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise CommandError(
                _("The report could not be written to %(path)s: %(error)s")
                % {"path": target, "error": error.strerror or error}
            ) from None

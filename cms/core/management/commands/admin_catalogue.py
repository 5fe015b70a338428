"""Report (and refresh) the Vietnamese catalogue of Wagtail's and wagtail-localize's strings.

    python manage.py admin_catalogue            # coverage of the installed strings
    python manage.py admin_catalogue --update   # add new strings, drop removed ones
    python manage.py admin_catalogue --check    # exit 3 below --minimum (default 95 %)

After ``--update``, translate the new entries in ``cms/admin_locale/vi/LC_MESSAGES``
and run ``make messages`` to compile.
"""

from django.core.management.base import BaseCommand

from cms.core import admin_catalogue


class Command(BaseCommand):
    help = (
        "Độ phủ bản dịch tiếng Việt của giao diện quản trị Wagtail và wagtail-localize "
        "(coverage of the admin's Vietnamese catalogue)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="Merge the installed strings.")
        parser.add_argument("--check", action="store_true", help="Exit 3 below the minimum.")
        parser.add_argument("--minimum", type=float, default=95.0, help="Percent, default 95.")
        parser.add_argument("--list-missing", action="store_true")

    def handle(self, *args, **options):
        below = False
        for domain in admin_catalogue.DOMAINS:
            if options["update"]:
                added, dropped = admin_catalogue.merge(domain)
                self.stdout.write(
                    f"{domain}: thêm {added}, bỏ {dropped} (added {added}, dropped {dropped})"
                )
            result = admin_catalogue.coverage(domain)
            percent = 100 * result.ratio
            line = (
                f"{domain}: {result.translated}/{result.total} đã dịch (translated), "
                f"{percent:.1f} %"
            )
            if percent < options["minimum"]:
                below = True
                self.stdout.write(self.style.WARNING(line))
            else:
                self.stdout.write(self.style.SUCCESS(line))
            if options["list_missing"]:
                for msgid in result.missing:
                    self.stdout.write(f"  - {msgid!r}")
        if options["check"] and below:
            raise SystemExit(3)

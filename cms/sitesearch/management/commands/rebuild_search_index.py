"""``manage.py rebuild_search_index``: fill the site search index from the live pages.

For a database that existed before the search, or after a bulk import; publishing
and unpublishing keep the index up to date on their own.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.sitesearch.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the site search index from the live, public pages."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def progress(done: int, total: int) -> None:
            if verbosity >= 1 and (done == total or done % 50 == 0):
                self.stdout.write(
                    _("Indexed %(done)d of %(total)d pages") % {"done": done, "total": total}
                )

        count = rebuild_index(progress)
        self.stdout.write(
            self.style.SUCCESS(_("The search index holds %(count)d pages.") % {"count": count})
        )

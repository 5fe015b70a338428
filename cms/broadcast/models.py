"""The radio bulletin keeps no data of its own: it reads the published articles.

``Bulletin`` is a model without a table. It only carries the custom permission that
opens the bulletin screen in the admin (``broadcast.view_bulletin``), granted to the
editorial groups by the data migration ``0002_bulletin_permission``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

VIEW_BULLETIN = "broadcast.view_bulletin"
#: Stored in English. Wagtail's group editor shows it in the row of the model ("radio
#: bulletin") without the model's name, as "Can prepare", translated.
PERMISSION_NAME = "Can prepare bulletin"
PERMISSION_LABEL = gettext_noop("Can prepare")


class Bulletin(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_bulletin", PERMISSION_NAME)]
        verbose_name = _("radio bulletin")
        verbose_name_plural = _("radio bulletins")

    def __str__(self):
        return str(self._meta.verbose_name)

"""The translators' tools keep no data of their own: wagtail-localize's models hold it.

``TranslationTools`` is a model without a table. It only carries the custom
permission that opens the out-of-date translations report
(``translations.view_outdated_report``), granted by the data migration
``0002_outdated_report_permission``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW_OUTDATED_REPORT = "translations.view_outdated_report"


class TranslationTools(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_outdated_report", "Can view the out-of-date translations report"),
        ]
        verbose_name = _("translation tools")
        verbose_name_plural = _("translation tools")

    def __str__(self):
        return str(self._meta.verbose_name)

"""Who may see the out-of-date translations report.

The people who act on it or answer for the English site: translators (who update
the translations), reviewers and the spokesperson (who approve them) and site
administrators. Writers do not need it. Superusers see it without a grant.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAME = "view_outdated_report"
GROUPS = ["Biên dịch", "Kiểm duyệt", "Người phát ngôn", "Quản trị"]


def _permission(apps):
    translations = apps.get_app_config("translations")
    translations.models_module = True
    create_permissions(translations, apps=apps, verbosity=0)
    translations.models_module = None
    return apps.get_model("auth.Permission").objects.get(
        content_type__app_label="translations", codename=CODENAME
    )


def forwards(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="translations", codename=CODENAME
    )
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("core", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

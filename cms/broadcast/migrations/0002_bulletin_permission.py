"""Who may prepare the radio bulletin.

The bulletin is put together by the people who write the news and broadcast it
(writers: the staff of the culture, sports and communication centre who run the
loudspeakers), checked by reviewers and answered for by the spokesperson. It only
reads what is already public, but it is an editorial tool: translators and site
administrators have no use for it and do not get it. Superusers see it without a grant.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAME = "view_bulletin"
GROUPS = ["Phóng viên – Biên tập", "Kiểm duyệt", "Người phát ngôn"]


def _permission(apps):
    broadcast = apps.get_app_config("broadcast")
    broadcast.models_module = True
    create_permissions(broadcast, apps=apps, verbosity=0)
    broadcast.models_module = None
    return apps.get_model("auth.Permission").objects.get(
        content_type__app_label="broadcast", codename=CODENAME
    )


def forwards(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="broadcast", codename=CODENAME)
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("broadcast", "0001_initial"),
        ("core", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

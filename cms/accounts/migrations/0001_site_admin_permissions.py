"""Site administrators see and lift sign-in locks and reset a user's second factor.

Granted to the "Quản trị" group (cms.core.roles.SITE_ADMIN) only; superusers hold
every permission anyway. Nobody else gets them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Quản trị"
PERMISSIONS = [
    ("axes", "view_accessattempt"),
    ("axes", "delete_accessattempt"),
    ("otp_totp", "delete_totpdevice"),
]


def forwards(apps, schema_editor):
    for label in {app_label for app_label, _codename in PERMISSIONS}:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    for app_label, codename in PERMISSIONS:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_editorial_roles"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

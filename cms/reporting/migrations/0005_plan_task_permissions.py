"""Who may keep the list of the plan's tasks.

Site administrators keep the system's reference data: they add tasks and change them
(a title, the lead unit, or marking a task inactive when the plan changes). Writers
choose a task for each article, feature and campaign, and reviewers and the
spokesperson check that choice: they may read the list, with each task's description.
Translators need none of it. Nobody is given "delete": content refers to its task, and
the reports count by it (deleting is left to superusers, and refused for a task in use).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITER, REVIEWER, SPOKESPERSON, SITE_ADMIN = (
    "Phóng viên – Biên tập",
    "Kiểm duyệt",
    "Người phát ngôn",
    "Quản trị",
)
GRANTS = {
    SITE_ADMIN: ["add_plantask", "change_plantask", "view_plantask"],
    WRITER: ["view_plantask"],
    REVIEWER: ["view_plantask"],
    SPOKESPERSON: ["view_plantask"],
}


def _permissions(apps):
    config = apps.get_app_config("reporting")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type__app_label="reporting", content_type__model="plantask"
        )
    }


def forwards(apps, schema_editor):
    permissions = _permissions(apps)
    for group in apps.get_model("auth.Group").objects.filter(name__in=GRANTS):
        group.permissions.add(*(permissions[codename] for codename in GRANTS[group.name]))


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    for group in apps.get_model("auth.Group").objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="reporting", codename__in=GRANTS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0004_permissions"),
        ("core", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

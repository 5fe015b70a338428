"""Who may keep the spokesperson register.

Site administrators add, change and delete entries; reviewers and spokespersons
may look at the register. Nobody else sees it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODEL = "spokespersonentry"
GRANTS = {
    "Quản trị": ["view", "add", "change", "delete"],
    "Kiểm duyệt": ["view"],
    "Người phát ngôn": ["view"],
}


def forwards(apps, schema_editor):
    workflows = apps.get_app_config("workflows")
    workflows.models_module = True
    create_permissions(workflows, apps=apps, verbosity=0)
    workflows.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, actions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="workflows",
                codename__in=[f"{action}_{MODEL}" for action in actions],
            )
        )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    permissions = Permission.objects.filter(
        content_type__app_label="workflows", codename__endswith=f"_{MODEL}"
    )
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0001_initial"),
        ("core", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

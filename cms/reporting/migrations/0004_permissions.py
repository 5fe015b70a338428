"""Who may use the reports, the audit-trail export and the false-information register.

The plan (section IV.1) makes the Culture and Society Division (the reviewers) sum up
the results, report, and watch the social networks for false information: they keep
the register and read the reports. The spokesperson answers for what is published
and reads both. Writers write the rebuttals, so they may read the register. Site
administrators inspect the system: they may export the audit trail. Translators
need none of these. Deleting an incident is left to superusers: the register is a
record.
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
    REVIEWER: ["view_reports", "export_audit_trail", "add_incident", "change_incident", "view_incident"],
    SPOKESPERSON: ["view_reports", "export_audit_trail", "view_incident"],
    WRITER: ["view_incident"],
    SITE_ADMIN: ["export_audit_trail"],
}


def _permissions(apps):
    config = apps.get_app_config("reporting")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Permission = apps.get_model("auth.Permission")
    return {
        permission.codename: permission
        for permission in Permission.objects.filter(content_type__app_label="reporting")
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
        ("reporting", "0003_report"),
        ("core", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

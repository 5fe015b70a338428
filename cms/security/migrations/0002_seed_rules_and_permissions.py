"""Seed one setting per rule (with its legal basis), the document registry, and role permissions.

Site administrators edit the rule settings; reviewers keep the term lists, the
allowlist and the document registry; the spokesperson and translators can see
them. Nobody edits exemptions or attestations in the admin: they are made from
the findings view and logged.
"""

import datetime

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Quản trị": [
        "view_rulesetting",
        "change_rulesetting",
        "view_termentry",
        "add_termentry",
        "change_termentry",
        "delete_termentry",
        "view_allowlistentry",
        "add_allowlistentry",
        "change_allowlistentry",
        "delete_allowlistentry",
        "view_documentregistryentry",
        "add_documentregistryentry",
        "change_documentregistryentry",
        "delete_documentregistryentry",
        "view_exemption",
        "view_attestation",
    ],
    "Kiểm duyệt": [
        "view_rulesetting",
        "view_termentry",
        "add_termentry",
        "change_termentry",
        "delete_termentry",
        "view_allowlistentry",
        "add_allowlistentry",
        "change_allowlistentry",
        "delete_allowlistentry",
        "view_documentregistryentry",
        "add_documentregistryentry",
        "change_documentregistryentry",
        "delete_documentregistryentry",
        "view_exemption",
        "view_attestation",
    ],
    "Người phát ngôn": [
        "view_rulesetting",
        "view_termentry",
        "view_allowlistentry",
        "view_documentregistryentry",
        "view_exemption",
        "view_attestation",
    ],
    "Phóng viên – Biên tập": [
        "view_rulesetting",
        "view_termentry",
        "view_allowlistentry",
        "view_documentregistryentry",
    ],
    "Biên dịch": [
        "view_rulesetting",
        "view_termentry",
        "view_allowlistentry",
        "view_documentregistryentry",
    ],
}


def _builtin_documents():
    """The scanner's own registry of legal documents, when it exposes one."""
    try:
        from cms.security.scanner.data import DOCUMENTS as registry
    except ImportError:
        return []
    result = []
    for item in registry or ():
        symbol = getattr(item, "symbol", None)
        issued = getattr(item, "issued_on", None)
        if not symbol or not issued:
            continue
        if isinstance(issued, tuple):
            issued = datetime.date(*issued)
        result.append((symbol, issued, getattr(item, "title", "") or ""))
    return result


def forwards(apps, schema_editor):
    from cms.security.services import ensure_rule_settings

    ensure_rule_settings(apps.get_model("security", "RuleSetting"))

    Registry = apps.get_model("security", "DocumentRegistryEntry")
    for symbol, issued_on, title in _builtin_documents():
        Registry.objects.get_or_create(
            symbol=symbol, defaults={"issued_on": issued_on, "title": title[:500]}
        )

    security = apps.get_app_config("security")
    security.models_module = True
    create_permissions(security, apps=apps, verbosity=0)
    security.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, codenames in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="security", codename__in=codenames)
        )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="security"))


class Migration(migrations.Migration):
    dependencies = [
        ("security", "0001_initial"),
        ("core", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

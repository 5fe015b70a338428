"""Create the editorial groups of the external-information plan with least privilege.

Page permissions are granted on the tree root so that they cover the Vietnamese
site and its English translation; image and document permissions on the root
collection, as Wagtail checks them per collection. Nobody but a spokesperson holds the publish
permission; the publication gate itself (workflow and checks) is enforced
separately and applies to every group, site administrators included.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Phóng viên – Biên tập": {
        "page": ["add_page", "change_page"],
        "collection": [
            "add_image",
            "choose_image",
            "add_document",
            "choose_document",
        ],
        "model": [
            "wagtailadmin.access_admin",
            "core.view_topic",
            "campaigns.view_occasion",
        ],
    },
    "Kiểm duyệt": {
        "page": ["change_page", "lock_page"],
        "collection": [
            "choose_image",
            "change_image",
            "choose_document",
        ],
        "model": [
            "wagtailadmin.access_admin",
            "core.view_topic",
            "core.add_topic",
            "core.change_topic",
            "campaigns.view_occasion",
            "campaigns.add_occasion",
            "campaigns.change_occasion",
        ],
    },
    "Người phát ngôn": {
        "page": ["change_page", "publish_page", "unlock_page"],
        "collection": [
            "choose_image",
            "choose_document",
        ],
        "model": [
            "wagtailadmin.access_admin",
            "core.view_topic",
            "campaigns.view_occasion",
        ],
    },
    "Biên dịch": {
        "page": ["change_page"],
        "collection": [
            "choose_image",
            "choose_document",
        ],
        "model": [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "core.view_topic",
            "campaigns.view_occasion",
        ],
    },
    "Quản trị": {
        "page": [],
        "collection": [
        ],
        "model": [
            "wagtailadmin.access_admin",
            "auth.add_user",
            "auth.change_user",
            "auth.view_user",
            "auth.view_group",
            "core.view_topic",
            "core.add_topic",
            "core.change_topic",
            "core.delete_topic",
            "campaigns.view_occasion",
            "campaigns.add_occasion",
            "campaigns.change_occasion",
            "campaigns.delete_occasion",
            "wagtailcore.view_site",
        ],
    },
}


def _permission(apps, dotted):
    Permission = apps.get_model("auth.Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def forwards(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    root = Page.objects.get(depth=1)
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root_collection = apps.get_model("wagtailcore.Collection").objects.get(depth=1)

    # Wagtail's generic starter groups grant broad rights that fit no role of the plan.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(apps, dotted) for dotted in grants["model"]])
        for codename in grants["page"]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=_permission(apps, f"wagtailcore.{codename}"),
            )
        # Images and documents are permitted per collection, from the root collection down.
        for codename in grants["collection"]:
            app_label = "wagtaildocs" if codename.endswith("_document") else "wagtailimages"
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, f"{app_label}.{codename}"),
            )


def backwards(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("home", "0002_site_root_and_locales"),
        ("articles", "0002_initial"),
        ("campaigns", "0002_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Create the Vietnamese and English locales and the Vietnamese home page as the site root.

Wagtail's own first migration leaves a placeholder "Welcome" page; it is replaced by
the portal's HomePage so that a freshly migrated site already serves /vi/.
"""

from django.db import migrations

HOME_TITLE = "Cổng thông tin đối ngoại xã Xuân Trường"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    vi, _ = Locale.objects.get_or_create(language_code="vi")
    Locale.objects.get_or_create(language_code="en")

    if HomePage.objects.exists():
        return

    # Wagtail's placeholder page, if it is still there untouched.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    root = Page.objects.get(depth=1)
    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    # Paths are treebeard's materialised path; the root has "0001".
    last_child = Page.objects.filter(depth=2).order_by("-path").first()
    step = int(last_child.path[4:8], 36) + 1 if last_child else 1
    path = root.path + _encode(step)

    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="trang-chu",
        content_type=homepage_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=vi,
        live=True,
        intro="Thông tin chính thức của Ủy ban nhân dân xã Xuân Trường, tỉnh Ninh Bình.",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True,
            site_name=HOME_TITLE,
        )
    else:
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()


def _encode(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(4, "0")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

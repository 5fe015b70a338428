"""Admin integration of the radio bulletin: its menu item, addresses and permission.

The menu item "Radio bulletin" is shown to holders of ``broadcast.view_bulletin``
(the editorial groups, ``migrations/0002``) and to superusers.
"""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .models import VIEW_BULLETIN


class BulletinMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_BULLETIN)


@hooks.register("register_admin_menu_item")
def register_bulletin_menu_item():
    return BulletinMenuItem(
        views.TITLE,
        reverse("broadcast:bulletin"),
        name="radio-bulletin",
        icon_name="media",
        order=450,
    )


@hooks.register("register_admin_urls")
def register_bulletin_urls():
    urls = [
        path("", views.BulletinView.as_view(), name="bulletin"),
        path("print/", views.print_bulletin, name="print"),
        path("download/", views.download_bulletin, name="download"),
    ]
    return [path("bulletin/", include((urls, "broadcast"), namespace="broadcast"))]


@hooks.register("register_permissions")
def register_bulletin_permission():
    app_label, codename = VIEW_BULLETIN.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)

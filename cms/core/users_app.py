"""Wagtail's users app with the project's user viewset (``user_admin.UserViewSet``).

Listed in ``INSTALLED_APPS`` instead of ``wagtail.users``; importing it loads no model.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "cms.core.user_admin.UserViewSet"

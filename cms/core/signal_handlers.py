"""Signal handlers of the core app; connected in ``CoreConfig.ready``."""

from django.conf import settings
from wagtail.users.models import UserProfile


def default_admin_language(sender, instance, created, raw=False, **kwargs):
    """New accounts see the admin in the site's language (Vietnamese), not the browser's."""
    if not created or raw:
        return
    profile = UserProfile.get_for_user(instance)
    if not profile.preferred_language:
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])

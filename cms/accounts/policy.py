"""Who must confirm a second factor before using the admin.

The spokesperson (who approves publication), site administrators and superusers
hold the rights that matter most, so their password alone does not open the admin:
after signing in they confirm a code from their authenticator app (or a backup code)
in each session. Writers, reviewers and translators are not asked.

``TWO_FACTOR_ENFORCED`` is ``True`` in every settings module but the test one, which
turns it off so that the suite's many ``force_login`` calls keep working; the tests
of this app turn it on. It is not read from the environment, and ``check --deploy``
fails without it (``checks.py``).
"""

from django.conf import settings

from cms.core.roles import SITE_ADMIN, SPOKESPERSON

TWO_FACTOR_GROUPS = (SPOKESPERSON.group_name, SITE_ADMIN.group_name)


def enforced() -> bool:
    return bool(getattr(settings, "TWO_FACTOR_ENFORCED", True))


def requires_two_factor(user) -> bool:
    """Whether ``user`` must confirm a second factor before using the admin."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=TWO_FACTOR_GROUPS).exists()

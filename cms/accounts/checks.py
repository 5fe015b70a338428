"""System checks of the accounts settings."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def two_factor_enforced_check(app_configs, **kwargs):
    """A deployment never runs with the second factor switched off."""
    if getattr(settings, "TWO_FACTOR_ENFORCED", True):
        return []
    return [
        Error(
            "TWO_FACTOR_ENFORCED is off: the spokesperson and site administrators could use "
            "the admin with a password alone.",
            hint="Only the test settings turn it off; remove the override.",
            id="accounts.E001",
        )
    ]


@register(Tags.security)
def login_throttle_check(app_configs, **kwargs):
    """The lockout needs at least one allowed failure and a positive cool-off period."""
    errors = []
    if int(getattr(settings, "AXES_FAILURE_LIMIT", 0)) < 1:
        errors.append(Error("LOGIN_FAILURE_LIMIT must be at least 1.", id="accounts.E002"))
    if int(getattr(settings, "LOGIN_LOCKOUT_MINUTES", 0)) < 1:
        errors.append(Error("LOGIN_LOCKOUT_MINUTES must be at least 1.", id="accounts.E003"))
    return errors

"""Admin integration of the accounts app: addresses, menu items, buttons and log actions.

- ``/admin/two-factor/``: enrolment, verification, backup codes, reset by a site
  administrator (a button in the users list);
- ``/admin/lockouts/``: *Cài đặt → Tài khoản bị tạm khóa*, the sign-ins locked now.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import lockout, two_factor, views


@hooks.register("register_admin_urls")
def register_accounts_urls():
    two_factor_urls = [
        path("enrol/", views.EnrolView.as_view(), name="enrol"),
        path("verify/", views.VerifyView.as_view(), name="verify"),
        path("backup-codes/", views.BackupCodesView.as_view(), name="backup_codes"),
        path("reset/<int:user_id>/", views.ResetView.as_view(), name="reset"),
    ]
    lockout_urls = [path("", views.LockoutsView.as_view(), name="index")]
    return [
        path("two-factor/", include((two_factor_urls, "two_factor"), namespace="two_factor")),
        path("lockouts/", include((lockout_urls, "lockouts"), namespace="lockouts")),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(lockout.VIEW_LOCKOUTS)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Locked sign-ins"),
        reverse("lockouts:index"),
        name="locked-sign-ins",
        icon_name="lock",
        order=650,
    )


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    # Offered for every account the administrator may reset (checking who has a device
    # would cost a query per row); the confirmation page says if there is none.
    if views.can_reset(request_user, user):
        yield Button(
            _("Reset two-factor authentication"),
            reverse("two_factor:reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_account_menu_item")
def backup_codes_menu_item(request):
    if two_factor.has_second_factor(request.user):
        return {
            "url": reverse("two_factor:backup_codes"),
            "label": _("Backup codes for two-factor authentication"),
            "help_text": _("See how many are left, or make new ones."),
        }
    return None


@hooks.register("register_log_actions")
def register_accounts_log_actions(actions):
    actions.register_action(
        two_factor.ENABLED_ACTION,
        _("Turn on two-factor authentication"),
        _("Two-factor authentication turned on"),
    )
    actions.register_action(
        two_factor.BACKUP_CODES_ACTION,
        _("Make backup codes"),
        _("New backup codes made"),
    )
    actions.register_action(
        two_factor.BACKUP_CODE_USED_ACTION,
        _("Sign in with a backup code"),
        _("Signed in with a backup code"),
    )
    actions.register_action(
        two_factor.RESET_ACTION,
        _("Reset two-factor authentication"),
        _("Two-factor authentication reset"),
    )
    actions.register_action(
        lockout.UNLOCK_ACTION,
        _("Unlock sign-in"),
        _("Sign-in unlocked after too many failures"),
    )

"""Two-factor authentication with django-otp: enrolment, verification, backup codes, reset.

A second factor is a TOTP authenticator app (``TOTPDevice``: RFC 6238, 6 digits
every 30 seconds, any app such as Google Authenticator, Microsoft Authenticator
or FreeOTP) plus ten one-time backup codes (``StaticDevice``) for the day the
phone is lost. The QR code is drawn on the server as SVG (segno): the secret
never leaves the site. Wrong codes slow the next try down exponentially
(django-otp's throttling: 1, 2, 4, 8 … seconds); a code is accepted once.

Every change is written to Wagtail's audit log on the user concerned.
"""

from __future__ import annotations

import enum
import math
from base64 import b32encode
from dataclasses import dataclass

import django_otp
import segno
from django.db import transaction
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

TOTP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup"
BACKUP_CODE_COUNT = 10

ENABLED_ACTION = "accounts.two_factor_enabled"
BACKUP_CODES_ACTION = "accounts.backup_codes_generated"
BACKUP_CODE_USED_ACTION = "accounts.backup_code_used"
RESET_ACTION = "accounts.two_factor_reset"

# Backup codes shown once, right after they are made (popped by the page that shows them).
FRESH_CODES_SESSION_KEY = "accounts_fresh_backup_codes"


def concrete(user):
    """The user object behind ``request.user``'s lazy wrappers (the audit log needs it).

    django-otp wraps Django's lazy user in a lazy object of its own."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def backup_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_device(user) -> TOTPDevice:
    """The authenticator being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps that cannot scan."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice, title: str = "") -> str:
    """The ``otpauth://`` address as an inline SVG QR code (no external service)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, dark="#000", light="#fff", title=title or None
    )


def normalise(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


class Outcome(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    THROTTLED = "throttled"


@dataclass(frozen=True)
class Check:
    outcome: Outcome
    device: object | None = None
    wait_seconds: int = 0

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.ACCEPTED


def _throttled(device) -> Check | None:
    allowed, data = device.verify_is_allowed()
    if allowed:
        return None
    if data and data.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
        locked_until = data.get("locked_until")
        wait = (locked_until - timezone.now()).total_seconds() if locked_until else 1
        return Check(Outcome.THROTTLED, device, max(1, math.ceil(wait)))
    return Check(Outcome.WRONG, device)


def check_code(user, code: str, *, device: TOTPDevice | None = None) -> Check:
    """Check ``code`` against the user's authenticator (or ``device``) or backup codes.

    Digits are an authenticator code; anything else is taken for a backup code, which
    is then used up. While wrong codes are being slowed down, nothing is checked.
    """
    token = normalise(code)
    if device is not None:
        target = device
    elif token.isdigit() and len(token) <= 8:
        target = confirmed_device(user)
    else:
        target = backup_device(user)
    if target is None or not token:
        return Check(Outcome.WRONG)
    throttled = _throttled(target)
    if throttled is not None:
        return throttled
    with transaction.atomic():
        # Lock the row so that two requests cannot both use one code.
        locked = type(target).objects.select_for_update().get(pk=target.pk)
        verified = locked.verify_token(token)
    return Check(Outcome.ACCEPTED if verified else Outcome.WRONG, locked)


def mark_verified(request, device) -> None:
    """This session has passed the second factor with ``device``.

    The session key changes, as at sign-in, since the session now holds more rights.
    """
    request.session.cycle_key()
    django_otp.login(request, device)
    if isinstance(device, StaticDevice):
        user = concrete(request.user)
        log(
            instance=user,
            action=BACKUP_CODE_USED_ACTION,
            user=user,
            data={"codes_left": backup_codes_left(request.user)},
        )


def new_backup_codes(user, *, by=None) -> list[str]:
    """Replace the user's backup codes with ``BACKUP_CODE_COUNT`` new ones (shown once)."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        user = concrete(user)
        log(instance=user, action=BACKUP_CODES_ACTION, user=concrete(by or user))
    return codes


def confirm_enrolment(request, device: TOTPDevice, code: str) -> tuple[Check, list[str]]:
    """Confirm the pending authenticator with its first code.

    On success the device is the user's only authenticator, ten backup codes are
    made, the session counts as verified and the audit log says so.
    """
    user = concrete(request.user)
    check = check_code(user, code, device=device)
    if not check.accepted:
        return check, []
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        device.refresh_from_db()
        codes = new_backup_codes(user)
        log(instance=user, action=ENABLED_ACTION, user=user)
    mark_verified(request, device)
    return check, codes


def reset_second_factor(user, *, by) -> bool:
    """Remove the user's authenticator and backup codes; they enrol again at next use.

    Sessions the user verified with the removed device are no longer verified
    (django-otp finds no device behind them). Returns whether there was anything.
    """
    with transaction.atomic():
        totp, _ = TOTPDevice.objects.filter(user=user).delete()
        static, _ = StaticDevice.objects.filter(user=user).delete()
        if totp or static:
            log(instance=concrete(user), action=RESET_ACTION, user=concrete(by))
    return bool(totp or static)

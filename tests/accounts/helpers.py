"""Accounts for the tests of sign-in lockout and two-factor authentication."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct-horse-battery"


def vi(message: str, **values) -> str:
    """What the Vietnamese admin shows for ``message``."""
    with translation.override("vi"):
        text = gettext(message)
    return text % values if values else text


def vi_plural(singular: str, plural: str, **values) -> str:
    """What the Vietnamese admin shows for a message with a number (``ngettext``)."""
    number = next(iter(values.values()))
    with translation.override("vi"):
        return ngettext(singular, plural, number) % values


def make_user(username: str, role=None, **extra):
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@xuantruong.ninhbinh.gov.vn",
        first_name=extra.pop("first_name", "Nguyễn Văn"),
        last_name=extra.pop("last_name", "An"),
        **extra,
    )
    if role is not None:
        user.groups.add(Group.objects.get(name=role.group_name))
    return user


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code an authenticator app holding ``device``'s secret shows now (RFC 6238)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return str(value).zfill(device.digits)


def enrolled_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def sign_in_verified(client, user, device=None) -> TOTPDevice:
    """Signed in, and this session already passed the second factor with ``device``."""
    device = device or enrolled_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device

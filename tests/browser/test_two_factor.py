"""Two-factor authentication, end to end in headless Chromium.

The spokesperson signs in through the admin's real form, is taken to the enrolment
page, reads the secret the page shows (as they would type it into an authenticator
app), enters the code computed from it, sees the backup codes once and reaches the
dashboard. Enforcement is on here, as in every settings module but the test one.
"""

import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.core.roles import SPOKESPERSON

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed data; serialized rollback restores what the
    # migrations created (locales, home page, groups, the workflow) after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"


def vi(message: str) -> str:
    """What the Vietnamese admin shows for ``message``."""
    with translation.override("vi"):
        return gettext(message)


@pytest.fixture
def spokesperson(transactional_db, settings):
    settings.TWO_FACTOR_ENFORCED = True
    user = get_user_model().objects.create_user(
        username="phatngon",
        password=PASSWORD,
        first_name="Phạm Quang",
        last_name="Hưng",
        email="phatngon@xuantruong.ninhbinh.gov.vn",
    )
    user.groups.add(Group.objects.get(name=SPOKESPERSON.group_name))
    return user


def test_the_spokesperson_enrols_at_first_sign_in_and_reaches_the_dashboard(
    page, expect, spokesperson
):
    page.goto("/admin/login/")
    page.fill('input[name="username"]', "phatngon")
    page.fill('input[name="password"]', PASSWORD)
    with page.expect_navigation():
        page.locator('form button[type="submit"]').click()

    # Not the dashboard: the enrolment page, with a QR code and the secret.
    expect(page).to_have_url(re.compile(r"/admin/two-factor/enrol/"))
    expect(page.locator("h1")).to_have_text(vi("Set up two-factor authentication"))
    expect(page.locator(".qr-code svg")).to_be_visible()
    secret = page.locator("[data-two-factor-secret]").inner_text()
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    device = TOTPDevice.objects.get(user=spokesperson, confirmed=False)
    assert key == device.bin_key

    # What the authenticator app would show.
    code = str(totp(key, device.step, device.t0, device.digits)).zfill(device.digits)
    page.fill('input[name="code"]', code)
    with page.expect_navigation():
        page.locator("form.login-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/admin/two-factor/backup-codes/"))
    expect(page.locator("[data-backup-code]")).to_have_count(10)
    with page.expect_navigation():
        page.get_by_role("link", name=vi("I have saved the codes, continue")).click()

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator(".messages li.error")).to_have_count(0)
    expect(page.locator("#wagtail-sidebar, [data-wagtail-sidebar]").first).to_be_attached()
    device.refresh_from_db()
    assert device.confirmed

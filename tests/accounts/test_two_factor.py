"""Two-factor authentication for the spokesperson, site administrators and superusers.

Enforcement is on in every settings module but the test one; each test here turns it
on (``enforced``). Codes are computed from the device's secret as an authenticator
app would (``django_otp.oath.totp``).
"""

import datetime
import re
from base64 import b32decode

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry, Page

from cms.accounts import two_factor
from cms.core.roles import REVIEWER, SITE_ADMIN, SPOKESPERSON, TRANSLATOR, WRITER
from tests.accounts.helpers import (
    PASSWORD,
    code_for,
    enrolled_device,
    make_user,
    sign_in_verified,
    vi,
    vi_plural,
)
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

ENROL = "/admin/two-factor/enrol/"
VERIFY = "/admin/two-factor/verify/"
BACKUP_CODES = "/admin/two-factor/backup-codes/"
WRONG_CODE = "This code is not correct or has expired. Enter the code your app shows now."


@pytest.fixture
def spokesperson():
    return make_user("phatngon", SPOKESPERSON, first_name="Phạm Quang", last_name="Hưng")


def sign_in(client, username):
    """Through the admin's sign-in form, as a person does."""
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"])


def wait_out_throttling(device):
    """What waiting a few seconds does: the slow-down after wrong codes has passed."""
    type(device).objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(minutes=5)
    )


# ------------------------------------------------------------------ who is asked


@pytest.mark.parametrize("role", [SPOKESPERSON, SITE_ADMIN], ids=lambda role: role.key)
def test_the_spokesperson_and_site_administrators_are_sent_to_enrol(client, enforced, role):
    make_user("canbo", role)

    response = sign_in(client, "canbo")

    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2F"


def test_a_superuser_is_asked_too(client, enforced):
    make_user("root", is_superuser=True, is_staff=True)

    response = sign_in(client, "root")

    assert response["Location"].startswith(ENROL)


@pytest.mark.parametrize("role", [WRITER, REVIEWER, TRANSLATOR], ids=lambda role: role.key)
def test_writers_reviewers_and_translators_are_not_asked(client, enforced, role):
    make_user("canbo", role)

    response = sign_in(client, "canbo")

    assert response.status_code == 200
    assert response.resolver_match.url_name == "wagtailadmin_home"


def test_the_test_settings_turn_enforcement_off_for_the_rest_of_the_suite(client, spokesperson):
    client.force_login(spokesperson)

    assert client.get("/admin/").status_code == 200


# ------------------------------------------------------------------ enrolment


def test_the_spokesperson_enrols_and_reaches_the_dashboard(client, enforced, spokesperson):
    response = client.get(sign_in(client, "phatngon")["Location"])
    assert response.status_code == 200
    page = response.content.decode()
    assert vi("Set up two-factor authentication") in page
    assert "<svg" in page  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(user=spokesperson, confirmed=False)
    shown = re.search(r"data-two-factor-secret>([A-Z2-7 ]+)<", page).group(1)
    assert b32decode(shown.replace(" ", "")) == device.bin_key
    assert client.get("/admin/").status_code == 302  # still not in

    # The same secret until it is confirmed (the page can be reloaded while scanning).
    assert two_factor.pending_device(spokesperson).pk == device.pk

    response = client.post(ENROL + "?next=%2Fadmin%2F", {"code": code_for(device)})

    assert response.status_code == 302
    assert response["Location"] == f"{BACKUP_CODES}?next=%2Fadmin%2F"
    device.refresh_from_db()
    assert device.confirmed
    response = client.get(response["Location"])
    codes = re.findall(r"data-backup-code>([a-z2-7]+)<", response.content.decode())
    assert len(codes) == two_factor.BACKUP_CODE_COUNT
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=spokesperson).values_list("token", flat=True)
    )
    # Shown once only.
    assert "data-backup-code" not in client.get(BACKUP_CODES).content.decode()

    response = client.get("/admin/")
    assert response.status_code == 200
    assert response.resolver_match.url_name == "wagtailadmin_home"
    assert ModelLogEntry.objects.filter(
        action=two_factor.ENABLED_ACTION, object_id=str(spokesperson.pk), user=spokesperson
    ).exists()


def test_a_wrong_enrolment_code_is_refused_and_nothing_is_turned_on(client, enforced, spokesperson):
    client.force_login(spokesperson)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=spokesperson)

    response = client.post(ENROL, {"code": str((int(code_for(device)) + 1) % 10**6).zfill(6)})

    assert response.status_code == 400
    assert vi(WRONG_CODE) in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticDevice.objects.filter(user=spokesperson).exists()
    assert client.get("/admin/").status_code == 302


def test_someone_already_enrolled_is_sent_to_verify_not_to_a_new_secret(
    client, enforced, spokesperson
):
    enrolled_device(spokesperson)
    client.force_login(spokesperson)

    response = client.get(ENROL)

    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=spokesperson).count() == 1


# ------------------------------------------------------------------ verification


def test_verification_refuses_a_wrong_code_then_lets_the_right_one_in(
    client, enforced, spokesperson
):
    device = enrolled_device(spokesperson)
    response = sign_in(client, "phatngon")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    response = client.get("/admin/pages/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    assert vi("Two-factor authentication") in client.get(response["Location"]).content.decode()

    response = client.post(VERIFY + "?next=%2Fadmin%2Fpages%2F", {"code": "000000"})
    assert response.status_code == 400
    assert vi(WRONG_CODE) in response.content.decode()

    # Straight after a wrong code, even the right one waits (slowing down guessing).
    response = client.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 400
    assert (
        vi_plural(
            "Too many wrong codes. Wait %(seconds)d second before trying again.",
            "Too many wrong codes. Wait %(seconds)d seconds before trying again.",
            seconds=1,
        )
        in response.content.decode()
    )
    assert client.get("/admin/").status_code == 302

    wait_out_throttling(device)
    response = client.post(VERIFY + "?next=%2Fadmin%2Fpages%2F", {"code": code_for(device)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_code_is_accepted_once(client, enforced, spokesperson):
    device = enrolled_device(spokesperson)
    code = code_for(device)
    client.force_login(spokesperson)
    assert client.post(VERIFY, {"code": code}).status_code == 302

    other = Client()
    other.force_login(spokesperson)
    response = other.post(VERIFY, {"code": code})

    assert response.status_code == 400
    assert other.get("/admin/").status_code == 302


def test_verification_does_not_send_anyone_elsewhere(client, enforced, spokesperson):
    device = enrolled_device(spokesperson)
    client.force_login(spokesperson)

    response = client.post(VERIFY + "?next=https://evil.example/", {"code": code_for(device)})

    assert response["Location"] == "/admin/"


def test_the_session_key_changes_when_the_second_factor_is_passed(client, enforced, spokesperson):
    device = enrolled_device(spokesperson)
    client.force_login(spokesperson)
    before = client.session.session_key

    client.post(VERIFY, {"code": code_for(device)})

    assert client.session.session_key != before


# ------------------------------------------------------------------ backup codes


def test_a_backup_code_works_once(client, enforced, spokesperson):
    enrolled_device(spokesperson)
    codes = two_factor.new_backup_codes(spokesperson)
    client.force_login(spokesperson)

    response = client.post(VERIFY, {"code": codes[0].upper()}, follow=True)

    assert response.resolver_match.url_name == "wagtailadmin_home"
    assert (
        vi_plural(
            "You signed in with a backup code. %(count)d backup code is left.",
            "You signed in with a backup code. %(count)d backup codes are left.",
            count=9,
        )
        in response.content.decode()
    )
    assert StaticToken.objects.filter(device__user=spokesperson).count() == 9
    assert ModelLogEntry.objects.filter(action=two_factor.BACKUP_CODE_USED_ACTION).exists()

    other = Client()
    other.force_login(spokesperson)
    response = other.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 400
    assert vi(WRONG_CODE) in response.content.decode()
    assert other.get("/admin/").status_code == 302


def test_new_backup_codes_replace_the_old_ones(client, enforced, spokesperson):
    device = enrolled_device(spokesperson)
    old = two_factor.new_backup_codes(spokesperson)
    sign_in_verified(client, spokesperson, device)

    response = client.post(BACKUP_CODES, follow=True)

    new = re.findall(r"data-backup-code>([a-z2-7]+)<", response.content.decode())
    assert len(new) == two_factor.BACKUP_CODE_COUNT
    assert not set(new) & set(old)
    assert not StaticToken.objects.filter(token__in=old).exists()


# ------------------------------------------------------------------ nothing before it


def test_no_admin_action_is_done_before_the_second_factor(client, enforced, spokesperson):
    page = ContentPageFactory(title="Giới thiệu xã Xuân Trường", publish=False)
    revisions = page.revisions.count()
    enrolled_device(spokesperson)
    codes = two_factor.new_backup_codes(spokesperson)
    client.force_login(spokesperson)

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(
        edit, {"title": "Đã bị sửa", "slug": page.slug, "action-publish": "action-publish"}
    )
    assert response.status_code == 403
    assert (
        vi("Confirm your sign-in with two-factor authentication before using the admin.")
        in response.content.decode()
    )

    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 403

    # A page request is sent to the verification, and shows nothing of the page.
    response = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)

    # The admin API answers JSON callers with 403.
    response = client.get("/admin/api/main/pages/", HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert response.json()["verify_url"] == VERIFY

    # Nor can the backup codes be replaced, or the account settings changed.
    assert client.post(BACKUP_CODES).status_code == 403
    assert client.post("/admin/account/", {"password-new_password1": "x"}).status_code == 403

    page.refresh_from_db()
    assert page.title == "Giới thiệu xã Xuân Trường"
    assert not page.live
    assert page.revisions.count() == revisions
    assert Page.objects.filter(pk=page.pk).exists()
    assert sorted(
        StaticToken.objects.filter(device__user=spokesperson).values_list("token", flat=True)
    ) == sorted(codes)


def test_signing_out_stays_possible_before_the_second_factor(client, enforced, spokesperson):
    client.force_login(spokesperson)

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


# ------------------------------------------------------------------ reset


@pytest.fixture
def site_admin(client):
    admin = make_user("quantri", SITE_ADMIN, first_name="Trần Văn", last_name="Bình")
    sign_in_verified(client, admin)
    return admin


def test_a_site_administrator_resets_a_lost_second_factor(client, enforced, site_admin):
    spokesperson = make_user("phatngon", SPOKESPERSON)
    device = enrolled_device(spokesperson)
    two_factor.new_backup_codes(spokesperson)
    theirs = Client()
    sign_in_verified(theirs, spokesperson, device)
    assert theirs.get("/admin/").status_code == 200

    listing = client.get("/admin/users/").content.decode()
    url = reverse("two_factor:reset", args=[spokesperson.pk])
    assert url in listing
    assert client.get(url).status_code == 200

    response = client.post(url, follow=True)

    assert response.resolver_match.url_name == "index"
    assert not TOTPDevice.objects.filter(user=spokesperson).exists()
    assert not StaticDevice.objects.filter(user=spokesperson).exists()
    entry = ModelLogEntry.objects.get(action=two_factor.RESET_ACTION)
    assert entry.user == site_admin
    assert entry.object_id == str(spokesperson.pk)
    # Their open session is no longer verified: they enrol again.
    assert theirs.get("/admin/")["Location"].startswith(ENROL)


def test_only_site_administrators_reset_and_not_a_superusers(client, enforced, site_admin):
    root = make_user("root", is_superuser=True)
    enrolled_device(root)
    writer = make_user("phongvien", WRITER)

    assert client.post(reverse("two_factor:reset", args=[root.pk])).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=root).exists()

    writer_client = Client()
    writer_client.force_login(writer)
    response = writer_client.post(reverse("two_factor:reset", args=[site_admin.pk]))
    assert response.status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=site_admin).exists()


def test_the_reset_command_removes_the_second_factor(enforced, spokesperson):
    enrolled_device(spokesperson)

    call_command("reset_two_factor", "phatngon")

    assert not TOTPDevice.objects.filter(user=spokesperson).exists()
    assert ModelLogEntry.objects.filter(action=two_factor.RESET_ACTION).exists()


# ------------------------------------------------------------------ no switch in production


def test_the_deployment_check_refuses_enforcement_turned_off(settings):
    settings.TWO_FACTOR_ENFORCED = False
    ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "accounts.E001" in ids

    settings.TWO_FACTOR_ENFORCED = True
    ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "accounts.E001" not in ids

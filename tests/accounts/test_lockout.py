"""Sign-in lockout: N failures for one username from one address lock it there for a while.

Through the admin's real sign-in form (Wagtail's LoginView, django-axes' backend and
middleware), with the project's settings (5 failures, 15 minutes).
"""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.accounts.lockout import UNLOCK_ACTION, lockout_message
from cms.core.roles import SITE_ADMIN, SPOKESPERSON, WRITER
from tests.accounts.helpers import PASSWORD, make_user, sign_in_verified, vi

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LOCKOUTS = "/admin/lockouts/"


def sign_in(client, username, password, address="203.113.10.5", language="vi"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def fail(client, username, times, address="203.113.10.5", language="vi"):
    response = None
    for _ in range(times):
        response = sign_in(client, username, "wrong-password-123", address, language)
    return response


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


@pytest.fixture
def spokesperson():
    return make_user("phatngon", SPOKESPERSON, first_name="Phạm Quang", last_name="Hưng")


def test_four_failures_still_let_the_right_password_in(client, settings, spokesperson):
    assert settings.AXES_FAILURE_LIMIT == 5

    response = fail(client, "phatngon", 4)
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()  # the usual "did not match"

    response = sign_in(client, "phatngon", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_the_fifth_failure_locks_the_account_with_a_message_in_vietnamese(client, spokesperson):
    fail(client, "phatngon", 4)
    response = fail(client, "phatngon", 1)

    assert response.status_code == 429
    page = response.content.decode()
    with translation.override("vi"):
        message = lockout_message()
    assert message in page
    assert "15" in message
    # The admin's own sign-in page (in Vietnamese), with the username kept.
    assert 'class="login-form"' in page
    assert 'lang="vi"' in page
    assert 'value="phatngon"' in page

    # The right password is refused too while the lock lasts.
    response = sign_in(client, "phatngon", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_the_lockout_page_speaks_english_to_an_english_browser(client, spokesperson):
    response = fail(client, "phatngon", 5, language="en")

    assert response.status_code == 429
    with translation.override("en"):
        assert lockout_message() in response.content.decode()


def test_the_lock_holds_only_for_that_address(client, spokesperson):
    fail(client, "phatngon", 5, address="203.113.10.5")

    response = sign_in(client, "phatngon", PASSWORD, address="14.160.32.7")

    assert response.status_code == 302
    assert signed_in(client)


def test_a_successful_sign_in_forgets_earlier_failures(client, spokesperson):
    fail(client, "phatngon", 4)
    assert sign_in(client, "phatngon", PASSWORD).status_code == 302
    client.logout()

    response = fail(client, "phatngon", 4)

    assert response.status_code == 200  # four again, not eight


def test_the_lock_ends_after_the_cool_off_period(client, settings, spokesperson):
    fail(client, "phatngon", 5)
    later = datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES, seconds=5)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=attempt.attempt_time - later
        )

    assert sign_in(client, "phatngon", PASSWORD).status_code == 302


def test_a_site_administrator_sees_the_lock_and_lifts_it(client, spokesperson):
    fail(client, "phatngon", 5)
    admin = make_user("quantri", SITE_ADMIN)
    admin_client = client.__class__()
    admin_client.force_login(admin)

    response = admin_client.get(LOCKOUTS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "phatngon" in page
    assert "203.113.10.5" in page
    assert vi("Locked sign-ins") in page

    response = admin_client.post(
        LOCKOUTS, {"username": "phatngon", "ip_address": "203.113.10.5"}, follow=True
    )
    assert vi("The sign-in of “%(username)s” is unlocked.", username="phatngon") in (
        response.content.decode()
    )
    assert "203.113.10.5" not in response.content.decode()

    assert sign_in(client, "phatngon", PASSWORD).status_code == 302
    entry = ModelLogEntry.objects.get(action=UNLOCK_ACTION)
    assert entry.user == admin
    assert entry.object_id == str(spokesperson.pk)
    assert entry.data == {"username": "phatngon", "ip_address": "203.113.10.5"}


def test_the_lockouts_are_in_the_settings_menu_of_site_administrators_only(client):
    admin = make_user("quantri", SITE_ADMIN)
    writer = make_user("phongvien", WRITER)
    url = reverse("lockouts:index")

    client.force_login(admin)
    assert url in client.get("/admin/").content.decode()

    client.force_login(writer)
    assert url not in client.get("/admin/").content.decode()
    assert client.get(url).status_code in (302, 403)
    fail(client.__class__(), "phatngon", 5)
    assert client.post(url, {"username": "phatngon"}).status_code in (302, 403)
    assert AccessAttempt.objects.filter(username="phatngon").exists()


def test_a_site_administrator_needs_the_second_factor_to_see_the_locks(client, enforced):
    admin = make_user("quantri", SITE_ADMIN)
    client.force_login(admin)
    assert client.get(LOCKOUTS).status_code == 302

    sign_in_verified(client, admin)
    assert client.get(LOCKOUTS).status_code == 200


def test_axes_reset_username_lifts_the_lock_from_the_command_line(client, spokesperson):
    fail(client, "phatngon", 5)

    call_command("axes_reset_username", "phatngon")

    assert sign_in(client, "phatngon", PASSWORD).status_code == 302

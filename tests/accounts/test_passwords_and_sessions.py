"""Strong passwords (refused with a message in Vietnamese) and sessions that end."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from cms.core.roles import SITE_ADMIN, WRITER
from tests.accounts.helpers import PASSWORD, make_user

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[2]


def password_errors(password, user=None, language="vi") -> list[str]:
    with translation.override(language):
        try:
            validate_password(password, user)
        except ValidationError as error:
            return error.messages
    return []


def vietnamese_errors(password, user=None) -> list[str]:
    return password_errors(password, user, "vi")


# ------------------------------------------------------------------ passwords


def test_every_password_rule_speaks_vietnamese():
    errors = vietnamese_errors("12345678")
    english = password_errors("12345678", language="en")

    assert len(errors) == 3  # too short, too common, only digits
    assert "12" in errors[0]
    for message, original in zip(errors, english, strict=True):
        assert message != original, f"not translated: {original}"


def test_a_site_administrator_cannot_give_a_new_user_a_weak_password(client):
    admin = make_user("quantri", SITE_ADMIN)
    client.force_login(admin)

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "bientap2",
            "email": "bientap2@xuantruong.ninhbinh.gov.vn",
            "first_name": "Lê",
            "last_name": "Hoa",
            "password1": "xuantruong",
            "password2": "xuantruong",
            "is_active": "on",
        },
        HTTP_ACCEPT_LANGUAGE="vi",
    )

    assert response.status_code == 200  # the form again, with the reason
    page = response.content.decode()
    for error in vietnamese_errors("xuantruong"):
        assert error in page
    assert not get_user_model().objects.filter(username="bientap2").exists()


def test_a_user_cannot_change_their_password_to_a_weak_one(client):
    writer = make_user("phongvien", WRITER, first_name="Nguyễn Thu", last_name="Trang")
    client.force_login(writer)

    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Nguyễn Thu",
            "name_email-last_name": "Trang",
            "name_email-email": writer.email,
            "password-old_password": PASSWORD,
            "password-new_password1": "phongvien1",
            "password-new_password2": "phongvien1",
        },
    )

    page = response.content.decode()
    errors = vietnamese_errors("phongvien1", writer)
    assert errors
    for error in errors:
        assert error in page
    writer.refresh_from_db()
    assert writer.check_password(PASSWORD)


def test_a_long_uncommon_password_is_accepted():
    assert vietnamese_errors("Đồng lúa Xuân Trường 2025 xanh mướt") == []


# ------------------------------------------------------------------ sessions


def sign_in(client, remember=False):
    data = {"username": "phongvien", "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    return client.post("/admin/login/", data)


def test_a_session_ends_when_the_browser_closes_and_after_a_working_day(client, settings):
    make_user("phongvien", WRITER)
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True

    response = sign_in(client)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""  # a browser-session cookie
    assert cookie["expires"] == ""
    assert cookie["httponly"]
    session = Session.objects.get(session_key=cookie.value)
    left = (session.expire_date - timezone.now()).total_seconds()
    assert 8 * 3600 - 60 < left <= 8 * 3600


def test_remember_me_keeps_the_session_for_a_working_day_only(client, settings):
    make_user("phongvien", WRITER)

    response = sign_in(client, remember=True)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 8 * 3600


def test_an_expired_session_no_longer_opens_the_admin(client):
    make_user("phongvien", WRITER)
    sign_in(client)
    assert client.get("/admin/").status_code == 200

    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# ------------------------------------------------------------------ settings


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "s" * 60,
    "ALLOWED_HOSTS": "xuantruong.ninhbinh.gov.vn",
    "DATABASE_URL": "postgres://cms:pw@db.internal:5432/cms",
}


def test_lockout_and_session_lengths_come_from_the_environment():
    result = run_python(
        "from cms.settings import production as s; "
        "print(s.AXES_FAILURE_LIMIT, s.LOGIN_LOCKOUT_MINUTES, s.SESSION_COOKIE_AGE, "
        "s.SESSION_EXPIRE_AT_BROWSER_CLOSE)",
        **PRODUCTION_ENV,
        LOGIN_FAILURE_LIMIT="3",
        LOGIN_LOCKOUT_MINUTES="60",
        SESSION_COOKIE_AGE="14400",
        SESSION_EXPIRE_AT_BROWSER_CLOSE="false",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "60", "14400", "False"]


def test_the_environment_cannot_turn_two_factor_authentication_off():
    result = run_python(
        "from cms.settings import production as p; from cms.settings import dev as d; "
        "print(p.TWO_FACTOR_ENFORCED, d.TWO_FACTOR_ENFORCED)",
        **PRODUCTION_ENV,
        TWO_FACTOR_ENFORCED="false",
        TWO_FACTOR="off",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]

"""The production settings: they refuse to start without their required values, and pass
Django's deployment checklist with no warning.

Each case runs ``manage.py`` in a fresh interpreter under ``cms.settings.production``
with a controlled environment, as a deployment would: a long random secret made
for the test, the public host name and a SQLite database in a temporary folder.
"""

import json
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "xuantruong.ninhbinh.gov.vn,www.xuantruong.ninhbinh.gov.vn",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PAGE_CACHE_DIR": str(tmp_path / "pagecache"),
    }


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return run(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")


def test_the_deployment_checklist_passes_with_no_warning(production_env):
    result = deploy_check(production_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("change", "warning"),
    [
        ({"SECURE_SSL_REDIRECT": "false"}, "security.W008"),
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
    ],
)
def test_the_checklist_really_catches_a_weakened_setting(production_env, change, warning):
    """The check above is not vacuous: turning off the https redirect or HSTS (both may
    be changed from the environment) fails it."""
    result = deploy_check({**production_env, **change})

    assert result.returncode != 0
    assert warning in result.stdout + result.stderr


@pytest.mark.parametrize("missing", REQUIRED)
def test_manage_py_refuses_to_start_without_a_required_variable(production_env, missing):
    env = {name: value for name, value in production_env.items() if name != missing}

    result = run(env, "manage.py", "check")

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line == (
        "django.core.exceptions.ImproperlyConfigured: "
        f"Thiếu biến môi trường {missing} (required setting {missing})."
    )


def test_a_host_list_naming_no_host_is_refused(production_env):
    result = run({**production_env, "ALLOWED_HOSTS": " , ,"}, "manage.py", "check")

    assert result.returncode != 0
    assert "ALLOWED_HOSTS names no host" in result.stderr


SHOW_TLS_SETTINGS = """
import json
from django.conf import settings as s
print(json.dumps({name: getattr(s, name) for name in (
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_SECURE",
    "X_FRAME_OPTIONS", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
)}))
"""


def settings_under(module: str, env: dict[str, str]) -> dict:
    result = run({**env, "DJANGO_SETTINGS_MODULE": module}, "-c", SHOW_TLS_SETTINGS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_sends_everything_over_tls_only(production_env):
    found = settings_under("cms.settings.production", production_env)

    assert found == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
    }


def test_development_keeps_plain_http_but_the_same_browser_headers(production_env):
    """``make run`` serves http://127.0.0.1: no HSTS nor https redirect there, but the
    headers that matter in every environment are the same as in production."""
    found = settings_under("cms.settings.dev", {"PATH": production_env["PATH"]})

    assert found["SECURE_SSL_REDIRECT"] is False
    assert found["SECURE_HSTS_SECONDS"] == 0
    assert found["SESSION_COOKIE_SECURE"] is False
    assert found["X_FRAME_OPTIONS"] == "DENY"
    assert found["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert found["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert found["SESSION_COOKIE_HTTPONLY"] is True
    assert found["CSRF_COOKIE_HTTPONLY"] is True


SERVE_OVER_TLS = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="xuantruong.ninhbinh.gov.vn")
plain = client.get("/static/hardening-probe.css")
tls = client.get("/static/hardening-probe.css", secure=True)
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location")],
    "tls": [tls.status_code, tls.get("Strict-Transport-Security"),
            tls.get("X-Content-Type-Options"), tls.get("Referrer-Policy")],
}))
"""


def test_a_production_server_redirects_to_https_and_sends_hsts(production_env, tmp_path):
    """Through the whole middleware stack under the production settings: a static file
    (no database needed) asked over http is redirected to https; over https it comes
    with HSTS for a year, sub-domains included."""
    static_root = tmp_path / "static"
    static_root.mkdir()
    (static_root / "hardening-probe.css").write_text("body { margin: 0; }\n")

    result = run({**production_env, "STATIC_ROOT": str(static_root)}, "-c", SERVE_OVER_TLS)

    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["plain"] == [
        301,
        "https://xuantruong.ninhbinh.gov.vn/static/hardening-probe.css",
    ]
    assert found["tls"] == [
        200,
        "max-age=31536000; includeSubDomains; preload",
        "nosniff",
        "strict-origin-when-cross-origin",
    ]

"""The production settings refuse to start without the values that must never have a default.

Each case imports ``cms.settings.production`` in a fresh interpreter with a
controlled environment, as a deployment would.
"""

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "-not-a-real-secret-but-long-enough-for-the-check-" + "x" * 20,
    "ALLOWED_HOSTS": "xuantruong.ninhbinh.gov.vn, www.xuantruong.ninhbinh.gov.vn",
    "DATABASE_URL": "postgres://cms:pw@db.internal:5432/cms",
}


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", **env}
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_settings_refuse_a_missing_variable(missing):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}

    result = run_python("import cms.settings.production", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


@pytest.mark.parametrize("blank", sorted(PRODUCTION_ENV))
def test_production_settings_refuse_a_blank_variable(blank):
    result = run_python("import cms.settings.production", **{**PRODUCTION_ENV, blank: ""})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert blank in result.stderr


def test_production_settings_import_with_the_environment():
    code = (
        "from cms.settings import production as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], "
        "s.DATABASES['default']['HOST'], s.SECRET_KEY == s.env['SECRET_KEY'])"
    )

    result = run_python(code, **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "['xuantruong.ninhbinh.gov.vn',",
        "'www.xuantruong.ninhbinh.gov.vn']",
        "django.db.backends.postgresql",
        "db.internal",
        "True",
    ]


def test_production_settings_pass_the_deployment_checklist():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            **PRODUCTION_ENV,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_development_settings_need_no_environment():
    result = run_python("from cms.settings import dev as s; print(s.DEBUG, bool(s.SECRET_KEY))")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]

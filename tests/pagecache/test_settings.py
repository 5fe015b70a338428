"""Where the page cache lives in each environment, and whom production trusts about https."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "-not-a-real-secret-but-long-enough-for-the-check-" + "x" * 20,
    "ALLOWED_HOSTS": "xuantruong.ninhbinh.gov.vn",
    "DATABASE_URL": "postgres://cms:pw@db.internal:5432/cms",
}

SHOW = (
    "import json; from django.conf import settings as s; import cms.settings.{module} as m; "
    "print(json.dumps({{'pages': m.CACHES['pages'], 'default': m.CACHES['default'], "
    "'proxy_header': getattr(m, 'SECURE_PROXY_SSL_HEADER', None), "
    "'enabled': m.PAGE_CACHE_ENABLED, 'first_middleware': m.MIDDLEWARE[0]}}, default=str))"
)


def settings_of(module: str, **env: str) -> dict:
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", SHOW.format(module=module)],
        cwd=PROJECT_DIR,
        env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_pages_in_files_that_every_worker_shares(tmp_path):
    found = settings_of("production", **PRODUCTION_ENV, PAGE_CACHE_DIR=str(tmp_path))

    assert found["pages"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert found["pages"]["LOCATION"] == str(tmp_path)
    assert found["enabled"] is True
    assert found["first_middleware"] == "cms.pagecache.middleware.PageCacheMiddleware"


@pytest.mark.parametrize("module", ["production", "dev", "test"])
def test_redis_holds_the_caches_when_redis_url_is_set(module):
    found = settings_of(module, **PRODUCTION_ENV, REDIS_URL="redis://127.0.0.1:6379/3")

    for alias in ("pages", "default"):
        assert found[alias]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert found[alias]["LOCATION"] == "redis://127.0.0.1:6379/3"
    assert found["pages"]["KEY_PREFIX"] != found["default"]["KEY_PREFIX"]


def test_local_memory_without_redis_in_development_and_tests():
    for module in ("dev", "test"):
        found = settings_of(module)
        assert found["pages"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_the_page_cache_can_be_switched_off():
    assert settings_of("production", **PRODUCTION_ENV, PAGE_CACHE="off")["enabled"] is False
    assert settings_of("dev")["enabled"] is False
    assert settings_of("dev", PAGE_CACHE="on")["enabled"] is True


def test_production_leaves_x_forwarded_proto_to_the_application_server():
    """Django itself would believe the header from anyone; gunicorn believes it only from
    the proxy's address (--forwarded-allow-ips, loopback by default)."""
    assert settings_of("production", **PRODUCTION_ENV)["proxy_header"] is None

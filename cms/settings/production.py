"""Production: everything from the environment; secrets have no default.

The site refuses to start when SECRET_KEY, ALLOWED_HOSTS or DATABASE_URL is
missing, so a misconfigured deployment fails loudly instead of running with a
development value.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *


def required(name: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Thiếu biến môi trường {name} (required setting {name}).")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required("ALLOWED_HOSTS").split(",") if host.strip()]
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Biến môi trường ALLOWED_HOSTS không có tên miền nào (ALLOWED_HOSTS names no host)."
    )
required("DATABASE_URL")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Behind a TLS-terminating proxy. Django's SECURE_PROXY_SSL_HEADER would believe
# X-Forwarded-Proto from any client that reaches the application server, so it is not
# set: the server believes it only from the proxy's addresses (FORWARDED_ALLOW_IPS,
# loopback by default) and then serves the request as https, which Django reads
# (cms.asgi's TrustedProxy; under WSGI, gunicorn's --forwarded-allow-ips).
#
# The headers for every environment (Content-Security-Policy, Permissions-Policy,
# Referrer-Policy, nosniff, frame denial) are in base; these need TLS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True

# Served through cms.asgi (gunicorn with uvicorn's workers): Django runs each request's synchronous
# code in a thread of its own, so connections are not kept per thread (CONN_MAX_AGE 0,
# as Django advises under ASGI); PostgreSQL connections come from psycopg's pool.
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(env.get("DATABASE_POOL_MIN", "2")),
        "max_size": int(env.get("DATABASE_POOL_MAX", "20")),
    }

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# The page cache in files that every worker shares (unless REDIS_URL puts it in Redis).
if not REDIS_URL:
    CACHES[PAGE_CACHE_ALIAS] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env.get("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "pagecache")),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }

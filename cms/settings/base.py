"""Settings shared by every environment.

The environment contract is read here, once. Every variable is listed in the
README's environment table. Development and test settings add defaults;
production settings (``cms.settings.production``) refuse to start without the
values that must never have one.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from cms.workflows.machine_translation import machine_translator_setting

env = os.environ.copy()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"


def env_bool(name: str, default: bool = False) -> bool:
    value = env.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


DEBUG = False

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "cms.core",
    "cms.security",
    "cms.workflows",
    "cms.translations",
    "cms.sitesearch",
    "cms.syndication",
    "cms.pagecache",
    "cms.broadcast",
    "cms.reporting",
    "home",
    "articles",
    "campaigns",
    # Translation
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost: stores the finished response of a live page for anonymous visitors
    # (cached copies are answered before Django, by cms.wsgi).
    "cms.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The request's Wagtail site, remembered per process until a site or locale changes.
    "cms.pagecache.sites.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A refused publication or workflow step becomes a message, never a traceback.
    "cms.workflows.middleware.PublicationRefusedMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: SQLite file by default, PostgreSQL (or any dj-database-url URL) via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: "default" for the application, "pages" for the full-page cache of anonymous
# visitors (cms.pagecache). Local memory unless REDIS_URL is set; then both live in
# Redis, which every worker shares. Production keeps pages in files by default
# (PAGE_CACHE_DIR), because every worker must see an invalidation.
REDIS_URL = env.get("REDIS_URL", "").strip()


def cache_backend(name: str, **local) -> dict:
    if REDIS_URL:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"xuantruong:{name}",
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"xuantruong-{name}",
        **local,
    }


PAGE_CACHE_ALIAS = "pages"
CACHES = {
    "default": cache_backend("default"),
    PAGE_CACHE_ALIAS: cache_backend("pages", OPTIONS={"MAX_ENTRIES": 5000}),
}
# PAGE_CACHE=off serves every page through Django (the benchmark's uncached run).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# At most this long, and never past the next local midnight.
PAGE_CACHE_TIMEOUT = int(env.get("PAGE_CACHE_TIMEOUT", str(24 * 3600)))

# The false-information register: open incidents older than this are overdue.
INCIDENT_OVERDUE_HOURS = int(env.get("INCIDENT_OVERDUE_HOURS", "24"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese is the source language, English the target.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
# The admin names the content languages in the user's own language ("Tiếng Anh" in the
# Vietnamese admin); the public switcher names each language in itself (i18n_tags).
WAGTAIL_CONTENT_LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's own catalogue first, then its Vietnamese translation of Wagtail's and
# wagtail-localize's strings (cms/core/admin_catalogue.py), which overrides theirs.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "admin_locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Cổng thông tin đối ngoại xã Xuân Trường"
# The public name of the portal, translated per visitor language.
SITE_NAME = _("Xuan Truong Commune External Information Portal")
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_USER_LOGIN_FORM = "cms.core.admin_forms.LoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.forms.CustomImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "txt"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# The editorial workflow (cms.workflows): approval publishes the approved revision,
# through the publication gate; any edit during the workflow needs the review again.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflows.finish.publish_approved"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# A new translation of a live page starts as a draft and goes through the workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Notifications go to the reviewers, the spokesperson and the author, not to administrators.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Machine translation in wagtail-localize's editor, off unless MACHINE_TRANSLATOR is set:
# "deepl" (DEEPL_API_KEY), "libretranslate" (LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY)
# or the dotted path of a translator class (cms/workflows/machine_translation.py; a
# misconfiguration is a system-check error). A string filled by machine is never
# published before a translator has reviewed it (the publication gate).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(env)

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "no-reply@xuantruong.ninhbinh.gov.vn")

# Demo content: the password shared by the demo accounts (demo only, never production).
DEMO_PASSWORD = env.get("DEMO_PASSWORD", "xuantruong-demo")


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # The document readers report damaged files in their own words; the parsers'
        # own complaints ("EOF marker not found") would only repeat them.
        "pypdf": {"level": "ERROR"},
        "PIL": {"level": "ERROR"},
    },
}

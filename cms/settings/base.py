"""Settings shared by every environment.

The environment contract is read here, once. Every variable is listed in the
README's environment table. Development and test settings add defaults;
production settings (``cms.settings.production``) refuse to start without the
values that must never have one.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from csp.constants import UNSAFE_INLINE as CSP_UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

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
    "cms.backup",
    "cms.uploads",
    "cms.accounts",
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
    "cms.core.users_app.UsersAppConfig",  # wagtail.users, with limits on site administrators
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Sign-in lockout and two-factor authentication (cms.accounts)
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
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
    # A query string or form post that is not UTF-8 gets the 400 page (cms.core.middleware).
    "cms.core.middleware.MalformedRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The request's Wagtail site, remembered per process until a site or locale changes.
    "cms.pagecache.sites.SiteMiddleware",
    # Content-Security-Policy and Permissions-Policy (see "Security headers" below).
    "cms.core.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session passed the second factor; the admin waits for it (cms.accounts).
    "django_otp.middleware.OTPMiddleware",
    "cms.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A refused publication or workflow step becomes a message, never a traceback.
    "cms.workflows.middleware.PublicationRefusedMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its page (cms.accounts).
    "axes.middleware.AxesMiddleware",
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
        # Django's, with its message in the project's catalogue (Vietnamese).
        "NAME": "cms.accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (cms.accounts). Sign-in lockout (django-axes): LOGIN_FAILURE_LIMIT failures
# for one username from one address lock it there for LOGIN_LOCKOUT_MINUTES after the
# last try. The first backend refuses locked sign-ins; the second checks the password.
AUTHENTICATION_BACKENDS = [
    "cms.accounts.backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_MINUTES = int(env.get("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_COOLOFF_TIME = LOGIN_LOCKOUT_MINUTES / 60  # hours, as a float
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.accounts.lockout.lockout_response"
AXES_VERBOSE = False  # no banner at every start; failures are still logged
# A session lasts a working day (SESSION_COOKIE_AGE seconds, 8 hours) and, unless
# "Remember me" is ticked at sign-in, ends when the browser closes.
SESSION_COOKIE_AGE = int(env.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
# Two-factor authentication for the spokesperson, site administrators and superusers
# (cms/accounts/policy.py). Never read from the environment; only the test settings
# turn it off, and `check --deploy` fails without it.
TWO_FACTOR_ENFORCED = True
OTP_TOTP_ISSUER = "Xuân Trường CMS"

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
# Uploads (cms.uploads, cms.core.forms): checked by their content, images re-encoded
# without metadata. Legacy Office files (.doc, .xls) are refused: they can carry macros
# and the information-security checker cannot read them.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000  # a 50-megapixel photo; all frames of an animation
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.core.forms.CustomDocumentForm"
# Documents are served by Django (cms.uploads.views), only when a live page uses them,
# always as attachments with the type of their (checked) extension.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain; charset=utf-8",
}
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

# Security headers sent in every environment (production adds HSTS, the https redirect
# and secure cookies). The public site runs no script and no inline style; its only
# frames are the embedded videos, from these hosts (WAGTAILEMBEDS_FINDERS).
EMBED_FRAME_HOSTS = ["https://www.youtube.com", "https://www.facebook.com"]
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube],
    },
    {"class": "cms.core.embed_finders.FacebookVideoFinder"},
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "frame-src": EMBED_FRAME_HOSTS,
        "object-src": [CSP_NONE],
        "base-uri": [CSP_NONE],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    },
}
# Wagtail's admin and wagtail-localize's editor write inline scripts and styles, and
# show images being uploaded as data: and blob: URLs; nothing else is loosened, and
# event-handler attributes (onclick=...) stay forbidden (cms.core.csp applies it under
# the admin's address).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [CSP_SELF, CSP_UNSAFE_INLINE],
        "script-src-attr": [CSP_NONE],
        "style-src": [CSP_SELF, CSP_UNSAFE_INLINE],
        "img-src": [CSP_SELF, "data:", "blob:"],
        "frame-src": [CSP_SELF, *EMBED_FRAME_HOSTS],
    },
}
# Powerful browser features: none for the site; the embedded players may play
# full screen, in a small window and protected media.
EMBED_FEATURES = ("self", *EMBED_FRAME_HOSTS)
PERMISSIONS_POLICY = {
    **dict.fromkeys(
        [
            "accelerometer",
            "browsing-topics",
            "camera",
            "clipboard-read",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "idle-detection",
            "local-fonts",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "screen-wake-lock",
            "serial",
            "usb",
            "window-management",
            "xr-spatial-tracking",
        ],
        (),
    ),
    **dict.fromkeys(
        ["autoplay", "encrypted-media", "fullscreen", "picture-in-picture"], EMBED_FEATURES
    ),
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The admin's avatars are the users' uploads or Wagtail's default, never Gravatar's (which
# would send a hash of every user's e-mail address to a third party).
WAGTAIL_GRAVATAR_PROVIDER_URL = None


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

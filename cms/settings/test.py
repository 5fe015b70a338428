"""Test settings: fast hashing, local-memory e-mail, plain static storage."""

import atexit
import shutil
import tempfile
import warnings
from pathlib import Path

from .base import *

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Uploads made by tests go to a throwaway folder, removed when the test run ends.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="xuantruong-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
WAGTAILADMIN_BASE_URL = "http://testserver"

# Static files come from the finders in tests; nothing is collected into STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")

# Two-factor authentication is off for the suite, whose tests sign the spokesperson and
# site administrators in with force_login or the password form; tests/accounts turns it
# on to test it. The only settings module where it is off (check --deploy refuses it).
TWO_FACTOR_ENFORCED = False

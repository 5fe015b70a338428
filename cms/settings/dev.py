"""Local development: debug on, console e-mail, a fixed development-only secret."""

import warnings

from .base import *

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY", "dev-only-not-secret-xuan-truong")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
INTERNAL_IPS = ["127.0.0.1"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# No page cache while templates and code change under runserver; PAGE_CACHE=on to try it.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", False)

# runserver serves static files through whitenoise straight from the finders.
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")

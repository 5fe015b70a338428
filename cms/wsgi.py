"""The WSGI entry point (gunicorn ``cms.wsgi:application``, and ``runserver``).

Django's application wrapped in the page cache, which answers anonymous
visitors' requests for cached pages before Django (``cms.pagecache``).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

from cms.pagecache.wsgi import PageCacheApplication

application = PageCacheApplication(get_wsgi_application())

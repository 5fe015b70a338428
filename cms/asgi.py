"""The ASGI entry point, served in production by gunicorn with uvicorn's workers.

Django's ASGI application behind the page cache (``cms.pagecache.asgi``), which
answers anonymous visitors' requests for cached pages on the event loop without
Django, and behind the trusted proxy's scheme.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

django_application = get_asgi_application()

from cms.pagecache.asgi import Lifespan, PageCacheASGI, TrustedProxy  # noqa: E402

application = Lifespan(TrustedProxy(PageCacheASGI(django_application)))

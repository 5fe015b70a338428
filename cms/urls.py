from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", core_views.root_redirect, name="root_redirect"),
    # sitemap.xml and robots.txt: one per site, outside the language prefix
    path("", include("cms.syndication.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # search and feeds live under each language prefix (/vi/tim-kiem/, /en/feeds/...)
    path("", include("cms.sitesearch.urls")),
    path("", include("cms.syndication.urls_i18n")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "cms.core.views.page_not_found"
handler500 = "cms.core.views.server_error"

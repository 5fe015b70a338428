from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from cms.core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, served only for live pages, as attachments (cms.uploads)
    path("documents/", include("cms.uploads.urls")),
    path("", core_views.root_redirect, name="root_redirect"),
    # sitemap.xml and robots.txt: one per site, outside the language prefix
    path("", include("cms.syndication.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Only the images' folders (and the admin's avatars): documents and pending uploads
    # are never served as files (README, "Uploads and documents").
    for folder in ("original_images", "images", "avatar_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )

urlpatterns += i18n_patterns(
    # search and feeds live under each language prefix (/vi/tim-kiem/, /en/feeds/...)
    path("", include("cms.sitesearch.urls")),
    path("", include("cms.syndication.urls_i18n")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "cms.core.views.bad_request"
handler404 = "cms.core.views.page_not_found"
handler500 = "cms.core.views.server_error"

"""sitemap.xml and robots.txt, one per site, outside the language prefix."""

from django.contrib.sitemaps import views as sitemap_views
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .sitemaps import PageSitemap


@require_safe
def sitemap(request):
    """Every live, public page in both languages, with its ``hreflang`` alternates."""
    return sitemap_views.sitemap(
        request,
        sitemaps={"pages": PageSitemap(request)},
        template_name="syndication/sitemap.xml",
    )


@require_safe
def robots_txt(request):
    """The public site is open to crawlers; the admin and the documents' serving view are not.

    The sitemap's URL follows the request's scheme and host (https behind the production
    proxy, which sets ``X-Forwarded-Proto``).
    """
    return render(
        request,
        "syndication/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )

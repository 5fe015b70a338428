from django.urls import path

from . import views

# At the site root, outside the language prefix: one sitemap and one robots.txt per site.
urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

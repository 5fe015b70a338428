"""Included under each language prefix: /vi/tim-kiem/, /en/search/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "sitesearch"

urlpatterns = [
    path(_("search/"), views.search, name="search"),
]

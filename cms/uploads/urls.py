"""``/documents/``: Wagtail's document URLs, served by this app's view (``views.serve``)."""

from django.urls import path, re_path
from wagtail.documents.views import serve as wagtail_serve

from . import views

urlpatterns = [
    # The same pattern and name as Wagtail's, so that Document.url points here.
    re_path(r"^(\d+)/(.*)$", views.serve, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        wagtail_serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]

"""The Content-Security-Policy of the public site and of the admin (django-csp).

The public site runs no script and no inline style: its policy
(``settings.CONTENT_SECURITY_POLICY``) allows only the site's own files, and
frames only from the video hosts of the embeds (``settings.EMBED_FRAME_HOSTS``).
The same header is stored with a cached page, so it carries no nonce.

Wagtail's admin and wagtail-localize's editor write inline scripts and styles:
pages under the admin's address get ``settings.ADMIN_CONTENT_SECURITY_POLICY``
instead. Nothing is framed, except Wagtail's previews, which the editor shows
in a frame of the admin: a preview (the page rendered for the editor, under the
public policy) and a response that Wagtail lets the same origin frame
(``X-Frame-Options: SAMEORIGIN``) get ``frame-ancestors 'self'``.

These four headers depend on the settings only, so each is built once and kept;
a response that asks for more (a nonce, a view's own policy through django-csp's
decorators, a report-only policy) goes through django-csp's own code.
"""

from __future__ import annotations

from dataclasses import asdict

from csp.constants import HEADER, SELF
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy, default_config
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse

#: The response attributes through which django-csp's decorators change the policy.
VIEW_POLICY_ATTRIBUTES = ("_csp_exempt", "_csp_config", "_csp_update", "_csp_replace")
POLICY_SETTINGS = {
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "ADMIN_CONTENT_SECURITY_POLICY",
}

#: ``{(admin, framed by the admin): header}``, built on first use.
_headers: dict[tuple[bool, bool], str] = {}


@receiver(setting_changed)
def _forget_headers(setting, **kwargs):
    if setting in POLICY_SETTINGS:
        _headers.clear()


def admin_prefix() -> str:
    """The admin's address, ``/admin/``."""
    return reverse("wagtailadmin_home")


def framed_by_the_admin(request, response) -> bool:
    """A preview: the page as rendered for the editor's preview panel (Wagtail runs it
    through the middleware at the page's own address), or a response Wagtail lets the
    same origin frame (a block's preview)."""
    return (
        getattr(request, "is_preview", False)
        or response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin's address."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self._admin_prefix: str | None = None

    def process_response(self, request, response):
        if self._needs_django_csp(request, response):
            return super().process_response(request, response)
        if HEADER not in response:
            key = (self._in_admin(request), framed_by_the_admin(request, response))
            header = _headers.get(key)
            if header is None:
                parts = self.get_policy_parts(request, response)
                header = _headers[key] = build_policy(**asdict(parts))
            response[HEADER] = header
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and self._in_admin(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if framed_by_the_admin(request, response):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts

    @staticmethod
    def _needs_django_csp(request, response) -> bool:
        """Whether this response's policy is more than the settings (or the debug page)."""
        return (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in VIEW_POLICY_ATTRIBUTES)
            or bool(getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None))
            or bool(settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES"))
        )

    def _in_admin(self, request) -> bool:
        if self._admin_prefix is None:
            self._admin_prefix = admin_prefix()
        return request.path_info.startswith(self._admin_prefix)

"""Nothing in the admin for the spokesperson or a site administrator before the second factor.

After signing in with a password, a user who must use two-factor authentication
(``policy.requires_two_factor``) reaches no admin address (pages, previews, the
admin API, JSON endpoints, uploads) until this session has been verified with a
code: a page request is sent to the enrolment page (no authenticator yet) or to
the verification page, with the address to come back to; any other request
(a form posted, an API or JSON call) is refused with 403 and does nothing.
Signing in and out, password reset, the admin's icons and its JavaScript
translations stay open, as do the enrolment and verification pages.

Runs after ``django_otp.middleware.OTPMiddleware``, which tells whether the session
is verified (``request.user.is_verified()``).
"""

from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from . import policy
from .two_factor import has_second_factor

OPEN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "two_factor:enrol",
        "two_factor:verify",
    }
)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not policy.enforced() or not request.path_info.startswith(self.admin_prefix):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_VIEWS:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not policy.requires_two_factor(user):
            return None
        return self.refuse(request, user)

    def refuse(self, request, user):
        enrolled = has_second_factor(user)
        target = reverse("two_factor:verify" if enrolled else "two_factor:enrol")
        wants_json = "application/json" in request.headers.get("Accept", "") or (
            request.headers.get("X-Requested-With") == "XMLHttpRequest"
        )
        if request.method in ("GET", "HEAD") and not wants_json:
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        with translation.override(admin_language(request, user)):
            message = _(
                "Confirm your sign-in with two-factor authentication before using the admin."
            )
        if wants_json:
            return JsonResponse({"error": message, "verify_url": target}, status=403)
        return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")


def admin_language(request, user) -> str:
    """The user's admin language (their preference, else the request's)."""
    from wagtail.users.models import UserProfile

    preferred = UserProfile.get_for_user(user).get_preferred_language()
    return preferred or translation.get_language() or "vi"

"""Admin views of the accounts app: two-factor enrolment and verification, backup codes,
resetting a user's second factor, and the list of locked sign-ins."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import lockout, policy, two_factor
from .forms import CodeForm

RESET_PERMISSIONS = ("auth.change_user", "otp_totp.delete_totpdevice")


def next_url(request) -> str:
    return get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")


def with_next(url: str, request) -> str:
    target = get_valid_next_url_from_request(request)
    return f"{url}?{urlencode({'next': target})}" if target else url


def refusal_message(check: two_factor.Check) -> str:
    if check.outcome is two_factor.Outcome.THROTTLED:
        return ngettext(
            "Too many wrong codes. Wait %(seconds)d second before trying again.",
            "Too many wrong codes. Wait %(seconds)d seconds before trying again.",
            check.wait_seconds,
        ) % {"seconds": check.wait_seconds}
    return _("This code is not correct or has expired. Enter the code your app shows now.")


class EnrolView(View):
    """Set up the authenticator app: QR code, secret, first code; then backup codes."""

    template_name = "accounts/two_factor/enrol.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if two_factor.has_second_factor(user):
            return redirect(with_next(reverse("two_factor:verify"), request))
        if not policy.requires_two_factor(user):
            return redirect("wagtailadmin_home")
        self.device = two_factor.pending_device(user)
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None):
        return CodeForm(
            data,
            numeric=True,
            help_text=gettext_lazy("The 6 digits your authenticator app shows now."),
        )

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "title": _("Set up two-factor authentication"),
                "form": form,
                "qr_code": two_factor.qr_code_svg(
                    self.device, title=_("QR code to scan with the authenticator app")
                ),
                "secret": two_factor.secret_for_typing(self.device),
                "next": get_valid_next_url_from_request(self.request),
            },
            status=status,
        )

    def get(self, request):
        return self.render(self.form())

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            check, codes = two_factor.confirm_enrolment(
                request, self.device, form.cleaned_data["code"]
            )
            if check.accepted:
                request.session[two_factor.FRESH_CODES_SESSION_KEY] = codes
                messages.success(request, _("Two-factor authentication is on for your account."))
                return redirect(with_next(reverse("two_factor:backup_codes"), request))
            form.add_error("code", refusal_message(check))
        return self.render(form, status=400)


class VerifyView(View):
    """Confirm this session with a code from the app or a backup code."""

    template_name = "accounts/two_factor/verify.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_verified():
            return redirect(next_url(request))
        if not two_factor.has_second_factor(user):
            if policy.requires_two_factor(user):
                return redirect(with_next(reverse("two_factor:enrol"), request))
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None):
        return CodeForm(
            data,
            help_text=gettext_lazy(
                "The 6 digits your authenticator app shows now, or one of your backup codes."
            ),
        )

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "title": _("Two-factor authentication"),
                "form": form,
                "next": get_valid_next_url_from_request(self.request),
            },
            status=status,
        )

    def get(self, request):
        return self.render(self.form())

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            check = two_factor.check_code(request.user, form.cleaned_data["code"])
            if check.accepted:
                two_factor.mark_verified(request, check.device)
                if not isinstance(check.device, two_factor.TOTPDevice):
                    left = two_factor.backup_codes_left(request.user)
                    messages.warning(
                        request,
                        ngettext(
                            "You signed in with a backup code. %(count)d backup code is left.",
                            "You signed in with a backup code. %(count)d backup codes are left.",
                            left,
                        )
                        % {"count": left},
                    )
                return redirect(next_url(request))
            form.add_error("code", refusal_message(check))
        return self.render(form, status=400)


class TitledView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page whose breadcrumbs end with its own title."""

    parent_breadcrumbs: tuple[tuple[str, str], ...] = ()

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        for url_name, label in self.parent_breadcrumbs:
            items.append({"url": reverse(url_name), "label": label})
        return [*items, {"url": "", "label": self.get_page_title()}]


class BackupCodesView(TitledView):
    """The backup codes just made (shown once), or how many are left and a way to renew them."""

    template_name = "accounts/two_factor/backup_codes.html"
    page_title = gettext_lazy("Backup codes")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not two_factor.has_second_factor(request.user):
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["codes"] = self.request.session.pop(two_factor.FRESH_CODES_SESSION_KEY, None)
        context["codes_left"] = two_factor.backup_codes_left(self.request.user)
        context["next"] = next_url(self.request)
        return context

    def post(self, request):
        request.session[two_factor.FRESH_CODES_SESSION_KEY] = two_factor.new_backup_codes(
            request.user
        )
        return redirect(with_next(reverse("two_factor:backup_codes"), request))


def can_reset(request_user, user) -> bool:
    """Site administrators reset others' second factor; only a superuser a superuser's."""
    if not request_user.has_perms(RESET_PERMISSIONS):
        return False
    return not (user.is_superuser and not request_user.is_superuser)


class ResetView(TitledView):
    """Confirm, then remove a user's authenticator and backup codes."""

    template_name = "accounts/two_factor/reset_confirm.html"
    page_title = gettext_lazy("Reset two-factor authentication")
    header_icon = "key"
    parent_breadcrumbs = (("wagtailusers_users:index", gettext_lazy("Users")),)

    def dispatch(self, request, user_id, *args, **kwargs):
        self.account = get_object_or_404(get_user_model(), pk=user_id)
        if not can_reset(request.user, self.account):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.account.get_full_name() or self.account.get_username()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = self.account
        context["has_second_factor"] = two_factor.has_second_factor(self.account)
        context["next"] = reverse("wagtailusers_users:index")
        return context

    def post(self, request):
        name = self.get_page_subtitle()
        if two_factor.reset_second_factor(self.account, by=request.user):
            messages.success(
                request,
                _(
                    "Two-factor authentication of %(name)s has been reset: they will set it "
                    "up again at their next sign-in."
                )
                % {"name": name},
            )
        else:
            messages.info(request, _("%(name)s had no second factor.") % {"name": name})
        return redirect("wagtailusers_users:index")


class LockoutsView(TitledView):
    """Sign-ins refused now after too many failures, with a button to lift each lock."""

    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Locked sign-ins")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(lockout.VIEW_LOCKOUTS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["locks"] = lockout.current_locks()
        context["can_unlock"] = self.request.user.has_perm(lockout.RESET_LOCKOUTS)
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["minutes"] = lockout.cool_off_minutes()
        return context

    def post(self, request):
        if not request.user.has_perm(lockout.RESET_LOCKOUTS):
            raise PermissionDenied
        username = request.POST.get("username", "")
        ip_address = request.POST.get("ip_address") or None
        if username and lockout.unlock(username=username, ip_address=ip_address, by=request.user):
            messages.success(
                request, _("The sign-in of “%(username)s” is unlocked.") % {"username": username}
            )
        else:
            messages.info(request, _("There was no lock to lift."))
        return redirect("lockouts:index")

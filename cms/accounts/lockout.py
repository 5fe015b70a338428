"""Sign-in lockout (django-axes): the page a locked-out official sees, the current locks, unlocking.

After ``AXES_FAILURE_LIMIT`` failed sign-ins for one username from one address
(``LOGIN_FAILURE_LIMIT``, 5 by default) that username is refused from that address
for ``AXES_COOLOFF_TIME`` after the last failure (``LOGIN_LOCKOUT_MINUTES``, 15 by
default); every further try during the lock starts the period again. The locked-out
official sees the admin's sign-in page with the reason in their language (HTTP 429),
not a bare error page. Site administrators see the current locks under
*Cài đặt → Tài khoản bị tạm khóa* and can lift one; ``manage.py axes_reset_username``
and ``axes_reset`` do the same from the command line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.views.account import LoginView, get_user_login_form
from wagtail.log_actions import log

from .two_factor import concrete

VIEW_LOCKOUTS = "axes.view_accessattempt"
RESET_LOCKOUTS = "axes.delete_accessattempt"
UNLOCK_ACTION = "accounts.lockout_reset"


def cool_off_minutes() -> int:
    return max(1, math.ceil(get_cool_off().total_seconds() / 60))


def lockout_message() -> str:
    minutes = cool_off_minutes()
    return ngettext(
        "Too many failed sign-in attempts: this account cannot sign in from this network "
        "address for %(minutes)d minute. Try again later, or ask a site administrator to "
        "unlock it.",
        "Too many failed sign-in attempts: this account cannot sign in from this network "
        "address for %(minutes)d minutes. Try again later, or ask a site administrator to "
        "unlock it.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the admin's sign-in page with the lockout explained.

    Shown in the visitor's language (the admin's language negotiation), with HTTP 429.
    The form is shown again, empty but for the username.
    """
    if not isinstance(credentials, dict):  # axes' asynchronous path passes two arguments
        credentials = None
    username = get_client_username(request, credentials) or ""
    messages.error(request, lockout_message())
    form = get_user_login_form()(request, initial={"username": username})
    view = LoginView()
    view.setup(request)
    context = view.get_context_data(form=form)
    # Rendered now: the response replaces the view's after the view has run.
    return render(request, LoginView.template_name, context, status=429)


@dataclass(frozen=True)
class Lock:
    username: str
    ip_address: str | None
    failures: int
    last_attempt: datetime
    locked_until: datetime


def current_locks() -> list[Lock]:
    """Username and address pairs refused now, newest first."""
    cool_off = get_cool_off()
    since = timezone.now() - cool_off
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )
    return [
        Lock(
            username=row["username"] or "",
            ip_address=row["ip_address"],
            failures=row["failures"],
            last_attempt=row["last_attempt"],
            locked_until=row["last_attempt"] + cool_off,
        )
        for row in rows
    ]


def unlock(*, username: str, ip_address: str | None, by) -> int:
    """Lift the lock of ``username`` from ``ip_address`` (every address if ``None``).

    The failures counted so far are forgotten; the audit log keeps who unlocked
    whom, when the username is an account of this site.
    """
    count = AxesProxyHandler.reset_attempts(username=username, ip_address=ip_address)
    account = get_user_model().objects.filter(username=username).first()
    if count and account is not None:
        log(
            instance=account,
            action=UNLOCK_ACTION,
            user=concrete(by),
            data={"username": username, "ip_address": ip_address},
        )
    return count

"""Admin views: a page's findings (for reviewers and the spokesperson) and the exemptions."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from cms.core.roles import SPOKESPERSON

from .forms import AttestationForm, ExemptionForm
from .models import Exemption
from .scanner.findings import Severity
from .services import (
    AttestationRefused,
    ExemptionRefused,
    attestation_refusal,
    can_view_findings,
    describe_field,
    exemption_refusal,
    record_attestation,
    record_exemption,
    scan_latest,
)


def _page_for(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_view_findings(request.user, page):
        raise PermissionDenied
    return page


def verdict_label(verdict) -> str:
    return {
        "block": _("publication blocked"),
        "attest": _("attestation needed"),
        "warn": _("advice only"),
        "clean": _("nothing found"),
    }[str(verdict)]


def _is_spokesperson(user) -> bool:
    return user.groups.filter(name=SPOKESPERSON.group_name).exists()


# ------------------------------------------------------------------ attest items


def user_label(user) -> str:
    """How a user is named next to what they did: full name, else user name."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def attestation_token(finding) -> str:
    """A stable name for an attest item in a form: its rule, field and excerpt, hashed."""
    key = "\x1f".join((finding.rule, finding.field or "", finding.excerpt))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def attestation_statement(finding) -> str:
    """What the reviewer confirms (and what ``record_attestation`` stores)."""
    return finding.attestation or finding.message


def attest_items(page, result) -> list[dict]:
    """The attest items of a scan, one per rule, field and excerpt, in the findings' order.

    Exempted findings need no confirmation and are left out. Each item has the
    ``token`` used in the form, the ``finding``, the ``statement`` to confirm (and its
    ``label`` "I confirm: …"), the
    ``attestation`` recorded on the scanned revision (or None) and, for display,
    the excerpt ``context``, the ``field_label`` and who confirmed it (``confirmed_by``).
    """
    items: list[dict] = []
    seen: set[tuple[str, str, str]] = set()
    for reported in result.reported:
        finding = reported.finding
        if finding.severity != Severity.ATTEST or reported.exemption is not None:
            continue
        if reported.key in seen:
            continue
        seen.add(reported.key)
        attestation = reported.attestation
        statement = attestation.statement if attestation else attestation_statement(finding)
        items.append(
            {
                "token": attestation_token(finding),
                "reported": reported,
                "finding": finding,
                "statement": statement,
                "label": confirm_label(statement),
                "attestation": attestation,
                "confirmed_by": user_label(attestation.created_by) if attestation else "",
                "context": result.excerpt_context(finding),
                "field_label": describe_field(page, finding.field or ""),
            }
        )
    return items


def confirm_label(statement: str) -> str:
    return _("I confirm: %(statement)s") % {"statement": statement}


@require_http_methods(["GET", "HEAD"])
def page_findings(request, page_id):
    """The findings of the page's latest revision, its exemptions and the exemption forms."""
    page = _page_for(request, page_id)
    result = scan_latest(page)
    revision = result.revision
    rows = []
    for number, reported in enumerate(result.reported):
        refusal = None
        if revision is None:
            refusal = _("Save the page first: exemptions are made on a saved revision.")
        elif reported.exemption is None:
            refusal = exemption_refusal(request.user, page, revision, reported.finding.rule)
        initial_reason = reported.earlier_exemption.reason if reported.earlier_exemption else ""
        attestation = reported.attestation
        rows.append(
            {
                "number": number,
                "reported": reported,
                "is_attest": reported.finding.severity == Severity.ATTEST,
                "confirmed_by": user_label(attestation.created_by) if attestation else "",
                "finding": reported.finding,
                "context": result.excerpt_context(reported.finding),
                "field_label": describe_field(page, reported.finding.field or ""),
                "refusal": refusal,
                "form": ExemptionForm(
                    initial={
                        "revision_id": revision.pk if revision else "",
                        "rule": reported.finding.rule,
                        "field": reported.finding.field or "",
                        "excerpt": reported.finding.excerpt,
                        "reason": initial_reason,
                    },
                    prefix=f"finding-{number}",
                ),
            }
        )
    items = attest_items(page, result)
    pending = [item for item in items if item["attestation"] is None]
    confirmed = [item for item in items if item["attestation"] is not None]
    attest_refusal = attestation_refusal(request.user, page, revision) if pending else None
    attest_form = AttestationForm(
        initial={"revision_id": revision.pk if revision else ""},
        choices=[(item["token"], item["label"]) for item in pending],
        auto_id="infosec-attest-%s",
    )
    exemptions = list(
        Exemption.objects.filter(page_id=page.pk)
        .select_related("created_by", "revision")
        .order_by("-created_at", "-pk")
    )
    return TemplateResponse(
        request,
        "security/page_findings.html",
        {
            "page": page,
            "result": result,
            "revision": revision,
            "rows": rows,
            "exemptions": exemptions,
            "current_exemptions": [
                e for e in exemptions if revision and e.revision_id == revision.pk
            ],
            "is_spokesperson": _is_spokesperson(request.user),
            "attest_pending": pending,
            "attest_confirmed": confirmed,
            "attest_refusal": attest_refusal,
            "attest_form": attest_form,
            "verdict_label": verdict_label(result.verdict),
            "header_title": _("Information-security findings"),
            "page_title": _("Information-security findings"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "warning",
        },
    )


@require_POST
def exempt_finding(request, page_id):
    """Record an exemption for one finding of the latest revision; refusals change nothing."""
    page = _page_for(request, page_id)
    back = reverse("security:page_findings", args=[page.pk])
    prefix = request.POST.get("prefix") or None
    form = ExemptionForm(request.POST, prefix=prefix)
    if not form.is_valid():
        if form.errors.get("reason"):
            messages.error(request, _("Give the reason why this finding is a false positive."))
        else:
            messages.error(request, _("The exemption request was incomplete; nothing was changed."))
        return redirect(back)
    data = form.cleaned_data
    result = scan_latest(page)
    revision = result.revision
    if revision is None or revision.pk != data["revision_id"]:
        messages.error(
            request,
            _(
                "The page has been changed since you opened its findings; nothing was "
                "exempted. Check the findings of the new revision."
            ),
        )
        return redirect(back)
    match = next(
        (
            reported
            for reported in result.reported
            if reported.finding.rule == data["rule"]
            and (reported.finding.field or "") == data["field"]
            and reported.finding.excerpt == data["excerpt"]
        ),
        None,
    )
    if match is None:
        messages.error(request, _("This finding is no longer reported; nothing was exempted."))
        return redirect(back)
    try:
        record_exemption(
            user=request.user,
            page=page,
            revision=revision,
            finding=match.finding,
            reason=data["reason"],
        )
    except ExemptionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(back)
    messages.success(
        request,
        _("Finding %(rule)s «%(excerpt)s» exempted for this revision.")
        % {"rule": match.finding.rule, "excerpt": match.finding.excerpt},
    )
    return redirect(back)


@require_POST
def attest_findings(request, page_id):
    """Confirm the ticked statements on the revision the reviewer saw; refusals change nothing."""
    page = _page_for(request, page_id)
    back = reverse("security:page_findings", args=[page.pk]) + "#infosec-attest"
    result = scan_latest(page)
    revision = result.revision
    items = {item["token"]: item for item in attest_items(page, result)}
    form = AttestationForm(
        request.POST,
        choices=[(token, item["label"]) for token, item in items.items()],
    )
    form.is_valid()
    data = form.cleaned_data
    if "revision_id" not in data:
        messages.error(request, _("The confirmation was incomplete; nothing was confirmed."))
        return redirect(back)
    if revision is None or revision.pk != data["revision_id"]:
        messages.error(
            request,
            _(
                "The page has been changed since you opened its findings; nothing was "
                "confirmed. Check the findings of the new revision."
            ),
        )
        return redirect(back)
    refusal = attestation_refusal(request.user, page, revision)
    if refusal:
        messages.error(request, refusal)
        return redirect(back)
    if form.errors.get("items"):
        for error in form.errors["items"]:
            messages.error(request, error)
        return redirect(back)
    ticked = [items[token] for token in data["items"]]
    try:
        with transaction.atomic():
            for item in ticked:
                record_attestation(
                    user=request.user, page=page, revision=revision, finding=item["finding"]
                )
    except AttestationRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(back)
    messages.success(
        request,
        ngettext(
            "%(count)d statement confirmed for this revision.",
            "%(count)d statements confirmed for this revision.",
            len(ticked),
        )
        % {"count": len(ticked)},
    )
    return redirect(back)


def exemption_list(request):
    """Every exemption, newest first, for the spokesperson and reviewers."""
    if not request.user.has_perm("security.view_exemption"):
        raise PermissionDenied
    exemptions = Exemption.objects.select_related("page", "created_by", "revision").order_by(
        "-created_at", "-pk"
    )
    paginator = Paginator(exemptions, 50)
    page_obj = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "security/exemption_list.html",
        {
            "page_obj": page_obj,
            "exemptions": page_obj.object_list,
            "header_title": _("Exempted information-security findings"),
            "page_title": _("Exempted information-security findings"),
            "header_icon": "warning",
        },
    )

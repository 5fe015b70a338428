"""The Django side of the checker: configuration from the database, page scans, exemptions.

``build_config(language)`` turns the office-editable data into a ``ScanConfig``;
it is cached per process and rebuilt when ``RuleDataVersion`` changes (bumped by
the signal handlers on every save or delete of that data, in any process) and
when the day changes (the current spokespersons' published phone and e-mail,
from ``cms.workflows``, are allowlisted only while their authorisation runs).

``scan_page(page)`` scans every text-bearing part of a page (see ``content``) in
the page's language, adds the image, press-release and translation-parity
checks, and sets aside the findings a reviewer exempted.

Exemptions are per revision, as the issue puts it ("rule + excerpt +
revision"): one applies to the revision it was recorded on. When a later
revision still contains the same excerpt in the same field, the finding shows
again, with the earlier exemption next to it, and a reviewer confirms it anew
(the form is pre-filled with the earlier reason). A reviewer therefore always
judges the text that is actually going to be published.
"""

from __future__ import annotations

import contextlib
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import F
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_tasks import task

from .scanner.findings import (
    Finding,
    KnownDocument,
    KnownOccasion,
    ScanConfig,
    ScanContext,
    Severity,
    Verdict,
    verdict,
)

# ----------------------------------------------------------------- rule metadata


@dataclass(frozen=True)
class RuleInfo:
    """What the admin needs to know about a rule of the scanner's catalogue."""

    id: str
    title_vi: str
    title_en: str
    severity: str
    legal_basis: str
    exemption: str = "reviewer"  # who may exempt: "nobody", "spokesperson" or "reviewer"
    locked: bool = False  # may be neither disabled nor weakened

    @property
    def title(self) -> str:
        language = (get_language() or "vi")[:2]
        return self.title_en if language == "en" else self.title_vi


FALLBACK_EXEMPTION = {"SEC-01": "nobody", "SEC-02": "spokesperson"}


@lru_cache(maxsize=1)
def _catalogue() -> tuple[RuleInfo, ...]:
    from .models import CATALOGUE_RULE_IDS

    try:
        from .scanner.rules import LOCKED_RULES, RULES
    except ImportError:
        RULES, LOCKED_RULES = {}, frozenset({"SEC-01"})

    infos: list[RuleInfo] = []
    for rule in RULES.values():
        severity = getattr(rule.severity, "value", rule.severity)
        infos.append(
            RuleInfo(
                id=rule.id,
                title_vi=rule.title_vi,
                title_en=rule.title_en,
                severity=str(severity),
                legal_basis=rule.basis or "",
                exemption=getattr(rule, "exemption", None)
                or FALLBACK_EXEMPTION.get(rule.id, "reviewer"),
                locked=rule.id in LOCKED_RULES,
            )
        )
    known = {info.id for info in infos}
    for rule_id in CATALOGUE_RULE_IDS:
        if rule_id not in known:
            infos.append(
                RuleInfo(
                    rule_id,
                    rule_id,
                    rule_id,
                    "warn",
                    "",
                    exemption=FALLBACK_EXEMPTION.get(rule_id, "reviewer"),
                    locked=rule_id in LOCKED_RULES,
                )
            )
    return tuple(infos)


def rule_catalogue() -> tuple[RuleInfo, ...]:
    return _catalogue()


def rule_info(rule_id: str) -> RuleInfo:
    for info in _catalogue():
        if info.id == rule_id:
            return info
    return RuleInfo(rule_id, rule_id, rule_id, "warn", "")


def ensure_rule_settings(rule_setting_model=None) -> int:
    """Create a ``RuleSetting`` row for every rule that has none; returns how many."""
    if rule_setting_model is None:
        from .models import RuleSetting

        rule_setting_model = RuleSetting
    existing = set(rule_setting_model.objects.values_list("rule_id", flat=True))
    missing = [
        rule_setting_model(rule_id=info.id, enabled=True, legal_basis=info.legal_basis)
        for info in _catalogue()
        if info.id not in existing
    ]
    rule_setting_model.objects.bulk_create(missing)
    return len(missing)


# --------------------------------------------------------------- configuration

_lock = threading.Lock()
_memo: dict[str | None, tuple[tuple, ScanConfig, object]] = {}


def data_version() -> int:
    from .models import RuleDataVersion

    value = RuleDataVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    return value or 0


def bump_data_version() -> None:
    """Called on every change of the editable data (see ``signal_handlers``)."""
    from .models import RuleDataVersion

    clear_local_cache()
    with transaction.atomic():
        updated = RuleDataVersion.objects.filter(pk=1).update(version=F("version") + 1)
        if not updated:
            RuleDataVersion.objects.get_or_create(pk=1, defaults={"version": 1})


def clear_local_cache() -> None:
    with _lock:
        _memo.clear()


def _occasions() -> tuple[KnownOccasion, ...]:
    try:
        from campaigns.models import CalendarKind, Occasion
    except ImportError:  # pragma: no cover - the campaigns app is always installed
        return ()
    names_by_key: dict[object, list[str]] = defaultdict(list)
    rows: dict[object, object] = {}
    for occasion in Occasion.objects.order_by("locale_id", "pk"):
        names_by_key[occasion.translation_key].append(occasion.name)
        rows.setdefault(occasion.translation_key, occasion)
    result = []
    for key, occasion in rows.items():
        result.append(
            KnownOccasion(
                names=tuple(dict.fromkeys(names_by_key[key])),
                day=occasion.day,
                month=occasion.month,
                founding_year=occasion.founding_year,
                lunar=occasion.calendar == CalendarKind.LUNAR,
                rule=occasion.date_rule,  # the campaign calendar's date rule
            )
        )
    return tuple(result)


def _spokesperson_contacts() -> tuple[frozenset[str], frozenset[str]]:
    """(phones, e-mails) of today's entries of the spokesperson register."""
    try:
        from cms.workflows.services import published_contacts
    except ImportError:  # pragma: no cover - the workflows app is always installed
        return frozenset(), frozenset()
    return published_contacts()


def _build_config(language: str | None) -> ScanConfig:
    from .models import AllowlistEntry, AllowlistKind, DocumentRegistryEntry, RuleSetting, TermEntry

    disabled = set()
    overrides: dict[str, Severity] = {}
    for setting in RuleSetting.objects.all():
        if not setting.enabled:
            disabled.add(setting.rule_id)
        if setting.severity:
            overrides[setting.rule_id] = Severity(setting.severity)

    allowed: dict[str, set[str]] = defaultdict(set)
    for kind, value in AllowlistEntry.objects.values_list("kind", "normalised"):
        allowed[kind].add(value)
    # The current spokespersons' published phone and e-mail (Decree 09/2017/NĐ-CP).
    phones, emails = _spokesperson_contacts()
    allowed[AllowlistKind.PHONE] |= phones
    allowed[AllowlistKind.EMAIL] |= emails

    terms = TermEntry.objects.all()
    if language:
        terms = terms.filter(language__in=[language, "any"])
    extra_terms: dict[str, list[str]] = defaultdict(list)
    replacements: dict[str, dict[str, str]] = defaultdict(dict)
    for rule_id, term, replacement in terms.values_list("rule_id", "term", "replacement"):
        extra_terms[rule_id].append(term)
        if replacement:
            replacements[rule_id][term] = replacement

    documents = tuple(
        KnownDocument(symbol, (issued.year, issued.month, issued.day))
        for symbol, issued in DocumentRegistryEntry.objects.values_list("symbol", "issued_on")
    )
    return ScanConfig(
        disabled_rules=frozenset(disabled),
        severity_overrides=overrides,
        allowed_phones=frozenset(allowed[AllowlistKind.PHONE]),
        allowed_email_domains=frozenset(allowed[AllowlistKind.EMAIL_DOMAIN]),
        allowed_emails=frozenset(allowed[AllowlistKind.EMAIL]),
        allowed_bank_accounts=frozenset(allowed[AllowlistKind.BANK_ACCOUNT]),
        extra_terms={rule: tuple(values) for rule, values in extra_terms.items()},
        term_replacements={rule: dict(pairs) for rule, pairs in replacements.items()},
        occasions=_occasions(),
        documents=documents,
    )


def _cached(language: str | None) -> tuple[ScanConfig, object]:
    from django.utils import timezone

    from .scanner import Scanner

    # The spokesperson register's allowlisted contacts depend on the day, so a
    # configuration is valid for the data version and the day it was built on.
    stamp = (data_version(), timezone.localdate())
    with _lock:
        entry = _memo.get(language)
    if entry is not None and entry[0] == stamp:
        return entry[1], entry[2]
    config = _build_config(language)
    scanner = Scanner(config)
    with _lock:
        _memo[language] = (stamp, config, scanner)
    return config, scanner


def build_config(language: str | None = None) -> ScanConfig:
    """The scanner configuration from the database, for pages in ``language`` (or all)."""
    return _cached(language)[0]


def get_scanner(language: str | None = None):
    """A ``Scanner`` built with ``build_config(language)``, cached the same way."""
    return _cached(language)[1]


# ------------------------------------------------------------------ page scans


@dataclass
class ReportedFinding:
    """A finding of a page scan, with its exemption state for the scanned revision."""

    finding: Finding
    exemption: object | None = None  # Exemption on this revision
    earlier_exemption: object | None = None  # same rule, field and excerpt, earlier revision
    attestation: object | None = None  # Attestation on this revision (attest findings)

    @property
    def needs_attestation(self) -> bool:
        """An attest finding, not exempted, that nobody has confirmed on this revision yet."""
        return (
            self.finding.severity == Severity.ATTEST
            and self.exemption is None
            and self.attestation is None
        )

    @property
    def rule_title(self) -> str:
        return rule_info(self.finding.rule).title

    @property
    def key(self) -> tuple[str, str, str]:
        return finding_key(self.finding)

    @property
    def severity_label(self) -> str:
        from .models import SeverityChoice

        return str(SeverityChoice(self.finding.severity.value).label)

    @property
    def status(self) -> str:
        """The admin's help-block style for the severity."""
        return SEVERITY_STATUS[self.finding.severity.value]

    @property
    def can_ever_be_exempted(self) -> bool:
        return exemption_policy(self.finding.rule) != "nobody"


SEVERITY_STATUS = {"block": "critical", "attest": "warning", "warn": "info"}


def describe_field(page, path: str) -> str:
    """A readable name for a field path: "body.3.caption" → "body / 4 / caption"."""
    if not path:
        return ""
    head, *rest = path.split(".")
    label = head
    try:
        label = str(page._meta.get_field(head).verbose_name)
    except FieldDoesNotExist:
        label = head
    parts = [label]
    for piece in rest:
        parts.append(str(int(piece) + 1) if piece.isdigit() else piece.replace("_", " "))
    return " / ".join(parts)


def finding_key(finding: Finding) -> tuple[str, str, str]:
    return (finding.rule, finding.field or "", finding.excerpt)


@dataclass
class PageScanResult:
    page: object
    revision: object | None
    language: str
    reported: list[ReportedFinding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # field path → scanned text

    def excerpt_context(self, finding: Finding, width: int = 60) -> tuple[str, str, str]:
        """(text before, excerpt, text after) around a finding, for display."""
        text = self.texts.get(finding.field or "", "")
        if text[finding.start : finding.end] != finding.excerpt:
            return "", finding.excerpt, ""
        before = text[max(0, finding.start - width) : finding.start]
        after = text[finding.end : finding.end + width]
        if finding.start > width:
            before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
        if finding.end + width < len(text):
            after = after.rsplit(" ", 1)[0] + "…" if " " in after else after + "…"
        return before, finding.excerpt, after

    @property
    def findings(self) -> list[Finding]:
        """The findings that count: those not exempted on this revision."""
        return [r.finding for r in self.reported if r.exemption is None]

    @property
    def active(self) -> list[ReportedFinding]:
        return [r for r in self.reported if r.exemption is None]

    @property
    def exempted(self) -> list[ReportedFinding]:
        return [r for r in self.reported if r.exemption is not None]

    @property
    def verdict(self) -> Verdict:
        return verdict(self.findings)

    def counts(self) -> dict[str, int]:
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts


def page_language(page) -> str:
    code = (page.locale.language_code or "vi").lower()
    return "en" if code.startswith("en") else "vi"


def _scan_parts(scanner, parts, language: str) -> list[Finding]:
    findings: list[Finding] = []
    for part in parts:
        for finding in scanner.scan(part.text, lang=language, context=part.context):
            findings.append(finding.with_field(part.field))
    return findings


def _image_findings(scanner, content, language: str) -> list[Finding]:
    """IMG-02/IMG-03 for every image use, SOV-05 for every map."""
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for use in content.images:
        image = use.image
        if image is None:
            continue
        alt = use.alt if use.alt is not None else (image.description or "")
        block_credit = (use.credit or "").strip()
        credit = block_credit or (getattr(image, "credit", "") or "")
        if block_credit:
            credit_field = use.field.rsplit(".", 1)[0] + ".credit"
        else:
            credit_field = f"{use.field}.credit"
        key = (image.pk, alt, credit)
        if key not in seen:
            seen.add(key)
            for finding in scanner.check_image(alt, credit, lang=language):
                is_credit = finding.field == "credit" or finding.rule == "IMG-03"
                where = credit_field if is_credit else f"{use.field}.alt"
                findings.append(finding.with_field(where))
        if use.is_map:
            excerpt = use.caption or alt or image.title
            for finding in scanner.check_map(lang=language, excerpt=excerpt or ""):
                findings.append(finding.with_field(use.field))
    return findings


PRESS_RELEASE_FIELDS = (
    "spokesperson_name",
    "spokesperson_position",
    "spokesperson_authorisation",
)


def _press_release_findings(scanner, page, content, language: str) -> list[Finding]:
    """SPK-01: the spokesperson details of a press release.

    The page type has no phone and e-mail fields: they must appear in the release's
    summary or body ("ĐT 0229 3888 999; ubndxaxuantruong@ninhbinh.gov.vn"), which is
    passed to the check as ``text``.
    """
    if getattr(page, "kind", None) != "press_release":
        return []
    fields = {name: str(getattr(page, name, "") or "") for name in PRESS_RELEASE_FIELDS}
    if fields["spokesperson_position"] and hasattr(page, "get_spokesperson_position_display"):
        fields["spokesperson_position_label"] = str(page.get_spokesperson_position_display())
    fields["text"] = "\n".join(
        part.text
        for part in content.parts
        if part.context.part == "text"
        and (part.field == "summary" or part.field.startswith("body."))
    )
    findings = [
        finding if finding.field else finding.with_field("spokesperson_name")
        for finding in scanner.check_press_release(fields, lang=language)
    ]
    # SPK-02: the named spokesperson must hold a register entry on the release's date.
    from cms.workflows.services import current_entries

    registered = [entry.full_name for entry in current_entries(at=page.publication_date)]
    findings.extend(
        finding.with_field("spokesperson_name")
        for finding in scanner.check_registered_speaker(
            fields["spokesperson_name"], registered, lang=language
        )
    )
    return findings


def _plan_task_findings(scanner, page, language: str) -> list[Finding]:
    """RPT-01: an article, feature or campaign names the task of the plan it carries out.

    Every page type with a ``plan_task`` field is such an item (the reports count them
    by it); other pages (the home page, indexes, standing pages) are not.
    """
    try:
        field = page._meta.get_field("plan_task")
    except FieldDoesNotExist:
        return []
    # Looked up rather than followed: a draft may name a task deleted since.
    task = (
        field.related_model.objects.filter(pk=page.plan_task_id).first()
        if page.plan_task_id
        else None
    )
    return scanner.check_plan_reference(task.code if task else "", lang=language)


def _parity_findings(scanner, page, content, language: str) -> list[Finding]:
    """EN-02: an English translation against its Vietnamese source, field by field."""
    from wagtail.models import Locale

    from .content import collect_page_content

    if language != "en" or not getattr(page, "translation_key", None):
        return []
    locale = Locale.objects.filter(language_code="vi").first()
    if locale is None:
        return []
    source = page.get_translation_or_none(locale)
    if source is None:
        return []
    source = source.specific
    if source.has_unpublished_changes and source.latest_revision_id:
        source = source.get_latest_revision_as_object()
    source_parts = {
        part.field: part.text for part in collect_page_content(source, read_files=False).parts
    }
    target_parts = {part.field: part.text for part in content.parts}
    findings: list[Finding] = []
    for field_path, source_text in source_parts.items():
        target_text = target_parts.get(field_path)
        if target_text is None or field_path == "slug":
            continue
        for finding in scanner.check_parity(source_text, target_text):
            findings.append(finding if finding.field else finding.with_field(field_path))
    return findings


def scan_page(page, *, revision=None, read_files: bool = True) -> PageScanResult:
    """Scan ``page`` — a page instance as stored or as built from a revision.

    ``revision`` is the revision the instance represents (exemptions are per
    revision); by default the page's latest revision.
    """
    from .content import collect_page_content
    from .models import Exemption

    if not hasattr(page, "specific_class") or type(page) is not page.specific_class:
        page = page.specific
    language = page_language(page)
    _config, scanner = _cached(language)
    content = collect_page_content(page, read_files=read_files)

    findings = _scan_parts(scanner, content.parts, language)
    findings += _image_findings(scanner, content, language)
    findings += _press_release_findings(scanner, page, content, language)
    findings += _plan_task_findings(scanner, page, language)
    findings += _parity_findings(scanner, page, content, language)
    findings = _dedupe(findings)

    if revision is None and page.pk:
        revision = page.latest_revision
    result = PageScanResult(page=page, revision=revision, language=language)
    result.notes = list(content.notes)
    for part in content.parts:
        result.texts.setdefault(part.field, part.text)

    this_revision: dict[tuple[str, str, str], object] = {}
    earlier: dict[tuple[str, str, str], object] = {}
    attested: dict[tuple[str, str, str], object] = {}
    if page.pk and revision is not None and revision.pk:
        from .models import Attestation

        for attestation in Attestation.objects.filter(revision_id=revision.pk).select_related(
            "created_by"
        ):
            key = (attestation.rule_id, attestation.field, attestation.excerpt)
            attested.setdefault(key, attestation)
    if page.pk:
        for exemption in Exemption.objects.filter(page_id=page.pk).select_related(
            "created_by", "revision"
        ):
            key = (exemption.rule_id, exemption.field, exemption.excerpt)
            if revision is not None and exemption.revision_id == revision.pk:
                this_revision[key] = exemption
            else:
                earlier.setdefault(key, exemption)  # newest first (Meta.ordering)
    for finding in findings:
        key = finding_key(finding)
        result.reported.append(
            ReportedFinding(
                finding,
                exemption=this_revision.get(key),
                earlier_exemption=None if key in this_revision else earlier.get(key),
                attestation=(attested.get(key) if finding.severity == Severity.ATTEST else None),
            )
        )
    return result


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    result = []
    for finding in findings:
        key = (finding.rule, finding.field, finding.start, finding.end, finding.excerpt)
        if key in seen:
            continue
        seen.add(key)
        result.append(finding)
    return result


def scan_revision(revision) -> PageScanResult:
    """Scan the page as it is in ``revision``."""
    return scan_page(revision.as_object(), revision=revision)


def scan_latest(page) -> PageScanResult:
    """Scan the latest revision of ``page`` (what a reviewer is asked to approve)."""
    page = page.specific
    revision = page.latest_revision
    if revision is None:
        return scan_page(page)
    return scan_page(revision.as_object(), revision=revision)


# ------------------------------------------------------------------ exemptions


class ExemptionRefused(Exception):
    """Why a user may not exempt a finding (a message for the user, in their language)."""


def exemption_policy(rule_id: str) -> str:
    """Who may exempt findings of ``rule_id``: "nobody", "spokesperson" or "reviewer"."""
    return rule_info(rule_id).exemption


def _in_group(user, role) -> bool:
    return user.groups.filter(name=role.group_name).exists()


def is_author(user, page, revision) -> bool:
    """Whether ``user`` wrote the text of ``revision``: saved it or an earlier revision since
    the last approved one, or submitted it (``cms.workflows.gate.authors_of``).

    A reviewer who edited the page is one of its authors and must leave the
    decision to another reviewer (four eyes).
    """
    from cms.workflows.gate import authors_of

    if revision is None:
        return page.owner_id == user.pk or page.revisions.filter(user_id=user.pk).exists()
    return user.pk in authors_of(page, revision, page.current_workflow_state)


def can_view_findings(user, page) -> bool:
    return bool(user.is_active and page.permissions_for_user(user).can_edit())


def exemption_refusal(user, page, revision, rule_id: str) -> str | None:
    """None when ``user`` may exempt a ``rule_id`` finding on ``revision``, else why not."""
    from cms.core.roles import REVIEWER, SPOKESPERSON

    policy = exemption_policy(rule_id)
    if policy == "nobody":
        return _("Findings of rule %(rule)s can never be exempted: change the text.") % {
            "rule": rule_id
        }
    is_spokesperson = _in_group(user, SPOKESPERSON)
    if policy == "spokesperson" and not is_spokesperson:
        return _("Only the spokesperson can exempt findings of rule %(rule)s.") % {"rule": rule_id}
    if not (is_spokesperson or _in_group(user, REVIEWER)):
        return _("Only a reviewer or the spokesperson can exempt a finding.")
    if is_author(user, page, revision):
        return _(
            "You wrote or edited this page, so you cannot exempt its findings: "
            "another reviewer must decide."
        )
    return None


def record_exemption(*, user, page, revision, finding: Finding, reason: str):
    """Record and log an exemption; raises ``ExemptionRefused`` and changes nothing if refused."""
    from wagtail.log_actions import log

    from .models import Exemption

    reason = (reason or "").strip()
    refusal = exemption_refusal(user, page, revision, finding.rule)
    if refusal:
        raise ExemptionRefused(refusal)
    if not reason:
        raise ExemptionRefused(_("Give the reason why this finding is a false positive."))
    with transaction.atomic():
        exemption, created = Exemption.objects.get_or_create(
            revision=revision,
            rule_id=finding.rule,
            field=finding.field or "",
            excerpt=finding.excerpt,
            defaults={"page_id": page.pk, "reason": reason, "created_by": user},
        )
        if not created:
            raise ExemptionRefused(_("This finding is already exempted on this revision."))
        log(
            instance=page,
            action="security.exempt_finding",
            user=user,
            revision=revision,
            data={
                "rule": finding.rule,
                "severity": finding.severity.value,
                "field": finding.field or "",
                "excerpt": finding.excerpt,
                "reason": reason,
                "revision_id": revision.pk,
                "exemption_id": exemption.pk,
            },
        )
    return exemption


# ------------------------------------------------------------------ attestations


class AttestationRefused(Exception):
    """Why a user may not confirm an attest item (a message for the user, in their language)."""


def unattested(result: PageScanResult) -> list[Finding]:
    """The attest findings of a scan that nobody confirmed on the scanned revision."""
    return [reported.finding for reported in result.reported if reported.needs_attestation]


def attestation_refusal(user, page, revision) -> str | None:
    """None when ``user`` may confirm attest items on ``revision`` of ``page``, else why not."""
    from cms.core.roles import REVIEWER, SPOKESPERSON

    if revision is None:
        return _("Save the page first: confirmations are made on a saved revision.")
    if not user.is_active or not (_in_group(user, REVIEWER) or _in_group(user, SPOKESPERSON)):
        return _("Only a reviewer or the spokesperson can confirm these statements.")
    if is_author(user, page, revision):
        return _(
            "You wrote or edited this page, so you cannot confirm its statements: "
            "another reviewer must decide."
        )
    return None


def record_attestation(*, user, page, revision, finding: Finding):
    """Record and log a reviewer's confirmation of ``finding``'s statement on ``revision``.

    Raises ``AttestationRefused`` and changes nothing if the user may not, or if the
    finding does not ask for a confirmation.
    """
    from wagtail.log_actions import log

    from .models import Attestation

    if finding.severity != Severity.ATTEST:
        raise AttestationRefused(_("This finding does not ask for a confirmation."))
    refusal = attestation_refusal(user, page, revision)
    if refusal:
        raise AttestationRefused(refusal)
    statement = finding.attestation or finding.message
    with transaction.atomic():
        attestation, created = Attestation.objects.get_or_create(
            revision=revision,
            rule_id=finding.rule,
            field=finding.field or "",
            excerpt=finding.excerpt,
            defaults={"page_id": page.pk, "statement": statement, "created_by": user},
        )
        if created:
            log(
                instance=page,
                action="security.attest_finding",
                user=user,
                revision=revision,
                data={
                    "rule": finding.rule,
                    "field": finding.field or "",
                    "excerpt": finding.excerpt,
                    "statement": statement,
                    "revision_id": revision.pk,
                    "attestation_id": attestation.pk,
                },
            )
    return attestation


def scan_context_for(part: str = "text", page=None) -> ScanContext:
    """A ScanContext for a part of ``page`` (or of a free-standing text)."""
    if page is None:
        return ScanContext(part=part)
    from .content import page_kind, publication_day

    day = publication_day(page)
    return ScanContext(
        part=part, page_kind=page_kind(page), published_on=(day.year, day.month, day.day)
    )


# ------------------------------------------------------------------ uploads


def strip_location_from_file(image) -> bool:
    """Strip location metadata from ``image.file`` if it is a new, unsaved upload.

    Returns True when the file was replaced. Raises ``ValidationError`` (with
    the reader's one-line reason) when location data cannot be removed: such a
    file must not be stored.
    """
    import hashlib

    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    from .extractors import exif
    from .extractors.base import ExtractionError

    file = getattr(image, "file", None)
    if not file or getattr(file, "_committed", True):
        return False
    with contextlib.suppress(AttributeError, OSError, ValueError):
        file.seek(0)
    data = file.read()
    try:
        stripped = exif.strip_location(data)
    except ExtractionError as error:
        raise ValidationError(str(error)) from None
    if stripped == data:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            file.seek(0)
        return False
    name = file.name
    image.file = ContentFile(stripped, name=name.rsplit("/", 1)[-1] if name else "image")
    if hasattr(image, "file_size"):
        image.file_size = len(stripped)
    if hasattr(image, "file_hash"):
        image.file_hash = hashlib.sha1(stripped, usedforsecurity=False).hexdigest()
    return True


def warm_file_cache(*, image=None, document=None) -> None:
    """Read an image's or a document's text into the cache (OCR, extraction) ahead of time."""
    from .content import FileReader

    reader = FileReader()
    try:
        if image is not None and image.file:
            reader.read_image(image)
        if document is not None and document.file:
            reader.read_document(document)
    except Exception:  # warming is an optimisation; the editor reads the file itself
        import logging

        logging.getLogger(__name__).exception("Reading the text of an upload failed")


@task()
def warm_file_cache_task(kind: str, pk) -> None:
    """Background (or immediate, by default) reading of an upload's text into the cache."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    model = get_image_model() if kind == "image" else get_document_model()
    instance = model.objects.filter(pk=pk).first()
    if instance is None:
        return
    if kind == "image":
        warm_file_cache(image=instance)
    else:
        warm_file_cache(document=instance)


def enqueue_warm_file_cache(kind: str, pk) -> None:
    warm_file_cache_task.enqueue(kind, pk)

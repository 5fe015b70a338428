"""Office-editable data of the information-security checker, and its records.

The scanner itself (``cms.security.scanner``) is pure Python; what an office
changes without a programmer lives here and is edited in the Wagtail admin:
rule settings (enabled flag, severity override, legal basis), extra terms, the
allowlist of official contacts and accounts, and the registry of legal
documents. Every change to those is written to Wagtail's audit log with its
before and after values (see ``signal_handlers``).

Exemptions (a finding marked as a false positive for one revision) and
attestations (a named reviewer confirming a statement) are records made from the
findings view, never edited afterwards.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.core.audit import AuditedModel

# The rule ids of the catalogue (../shared/RULES.md), used when the scanner's
# metadata cannot be imported (it always can in a complete installation).
CATALOGUE_RULE_IDS = (
    "SEC-01",
    "SEC-02",
    "SEC-03",
    "PII-01",
    "PII-02",
    "PII-03",
    "PII-04",
    "PII-05",
    "PII-06",
    "SOV-01",
    "SOV-02",
    "SOV-03",
    "SOV-04",
    "SOV-05",
    "SOV-06",
    "SPK-01",
    "SPK-02",
    "SPK-03",
    "LAW-01",
    "LAW-02",
    "LAW-03",
    "HR-01",
    "CITE-01",
    "CITE-02",
    "CITE-03",
    "IMG-01",
    "IMG-02",
    "IMG-03",
    "EN-01",
    "EN-02",
    "HOL-01",
    "RPT-01",
    "MON-01",
)


def rule_choices() -> list[tuple[str, str]]:
    """(id, "id – title") for every rule the scanner knows, in catalogue order.

    A callable so that migrations do not freeze the list: a new rule in the
    scanner appears in the admin without a migration.
    """
    from .services import rule_catalogue

    return [(rule.id, f"{rule.id} – {rule.title}") for rule in rule_catalogue()]


class SeverityChoice(models.TextChoices):
    BLOCK = "block", _("Block publication")
    ATTEST = "attest", _("Needs attestation")
    WARN = "warn", _("Advice")


class TermLanguage(models.TextChoices):
    VI = "vi", _("Vietnamese")
    EN = "en", _("English")
    ANY = "any", _("Any language")


class AllowlistKind(models.TextChoices):
    PHONE = "phone", _("Phone number")
    EMAIL_DOMAIN = "email_domain", _("E-mail domain")
    EMAIL = "email", _("E-mail address")
    BANK_ACCOUNT = "bank_account", _("Bank account")


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value or "")


def _collapse_spaces(value: str) -> str:
    return re.sub(r"\s+", " ", _nfc(value)).strip()


# The audit-log action recording the values of the checker's editable data.
RULE_DATA_CHANGE = "security.rule_data_change"


class RuleSetting(AuditedModel):
    """How one rule of the catalogue runs here: on or off, its severity, its legal basis."""

    audit_action = RULE_DATA_CHANGE

    rule_id = models.CharField(_("rule"), max_length=20, unique=True, choices=rule_choices)
    enabled = models.BooleanField(
        _("enabled"),
        default=True,
        help_text=_("A disabled rule reports nothing. The change is recorded in the audit log."),
    )
    severity = models.CharField(
        _("severity override"),
        max_length=10,
        choices=SeverityChoice.choices,
        blank=True,
        default="",
        help_text=_("Leave empty to use the severity of the catalogue."),
    )
    legal_basis = models.TextField(_("legal basis"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    audited_fields = ("rule_id", "enabled", "severity", "legal_basis", "notes")

    class Meta:
        verbose_name = _("rule setting")
        verbose_name_plural = _("rule settings")
        ordering = ["rule_id"]

    def __str__(self) -> str:
        return self.rule_id

    def clean(self):
        super().clean()
        from .services import rule_info

        info = rule_info(self.rule_id)
        if info.locked and not self.enabled:
            raise ValidationError(
                {"enabled": _("Rule %(rule)s cannot be disabled.") % {"rule": self.rule_id}}
            )
        if info.locked and self.severity and self.severity != info.severity:
            raise ValidationError(
                {
                    "severity": _("The severity of rule %(rule)s cannot be changed.")
                    % {"rule": self.rule_id}
                }
            )

    @property
    def title(self) -> str:
        from .services import rule_info

        return rule_info(self.rule_id).title

    @property
    def default_severity(self) -> str:
        from .services import rule_info

        return rule_info(self.rule_id).severity

    @property
    def effective_severity(self) -> str:
        return self.severity or self.default_severity

    def effective_severity_label(self) -> str:
        return str(SeverityChoice(self.effective_severity).label)

    effective_severity_label.short_description = _("severity")


class TermEntry(AuditedModel):
    """An extra word or phrase a rule looks for, added by the office.

    With a replacement it is a glossary entry: the finding suggests the replacement
    (for rule EN-01, "Xuan Truong Commune People's Committee" → "People's Committee of
    Xuan Truong Commune"). The office's English entries add to the scanner's built-in
    glossary of official names; for a term the built-in glossary also has, the office's
    replacement is suggested.
    """

    audit_action = RULE_DATA_CHANGE

    rule_id = models.CharField(_("rule"), max_length=20, choices=rule_choices)
    term = models.CharField(_("term"), max_length=255)
    replacement = models.CharField(
        _("replacement"),
        max_length=255,
        blank=True,
        default="",
        help_text=_(
            "The right word or phrase, suggested wherever the term is found, e.g. "
            "“People's Committee of Xuan Truong Commune” for “Xuan Truong Commune People's "
            "Committee” (rule EN-01, English). Leave empty if the term is simply to be avoided."
        ),
    )
    language = models.CharField(
        _("language"), max_length=3, choices=TermLanguage.choices, default=TermLanguage.VI
    )
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    audited_fields = ("rule_id", "term", "replacement", "language", "note")

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["rule_id", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule_id", "term", "language"], name="security_term_unique"
            )
        ]

    def __str__(self) -> str:
        if self.replacement:
            return f"{self.rule_id}: {self.term} → {self.replacement}"
        return f"{self.rule_id}: {self.term}"

    def clean(self):
        super().clean()
        self.term = _collapse_spaces(self.term)
        self.replacement = _collapse_spaces(self.replacement)
        if not self.term:
            raise ValidationError({"term": _("Enter a word or phrase.")})
        if len(self.term) < 3:
            raise ValidationError(
                {"term": _("A term needs at least three characters, or it flags ordinary words.")}
            )
        if self.replacement and self.replacement == self.term:
            raise ValidationError({"replacement": _("The replacement must differ from the term.")})
        languages = _rule_languages(self.rule_id)
        if languages == ("en",) and self.language == TermLanguage.VI:
            raise ValidationError(
                {
                    "language": _(
                        "Rule %(rule)s checks English pages only: choose English or any language."
                    )
                    % {"rule": self.rule_id}
                }
            )


def _rule_languages(rule_id: str) -> tuple[str, ...]:
    """The languages whose pages a rule of the scanner checks (both when unknown)."""
    from .scanner.rules import RULES

    rule = RULES.get(rule_id)
    return tuple(rule.langs) if rule is not None else ("vi", "en")


# Vietnamese numbers after normalisation to a leading 0: mobile (10 digits),
# landline (11 digits: 02 + area code + subscriber) and 1800/1900 service numbers.
_MOBILE_RE = re.compile(r"^0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$")
_LANDLINE_RE = re.compile(r"^02\d{9}$")
_SERVICE_RE = re.compile(r"^1[89]00\d{4,6}$")
_DOMAIN_RE = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def normalise_phone(value: str) -> str:
    """Digits with a leading 0: "+84 229 3888 999" → "02293888999"."""
    digits = re.sub(r"\D", "", value or "")
    stripped = (value or "").strip()
    if stripped.startswith("+84") or (digits.startswith("84") and len(digits) in (11, 12)):
        digits = "0" + digits[2:]
    return digits


def normalise_allowlist_value(kind: str, value: str) -> str:
    value = _nfc(value).strip()
    if kind == AllowlistKind.PHONE:
        return normalise_phone(value)
    if kind == AllowlistKind.BANK_ACCOUNT:
        return re.sub(r"\D", "", value)
    if kind == AllowlistKind.EMAIL_DOMAIN:
        return value.lower().lstrip("@").rstrip(".")
    if kind == AllowlistKind.EMAIL:
        return value.lower()
    return value


class AllowlistEntry(AuditedModel):
    """An official contact or account that the personal-data rules must let through.

    The spokesperson's published phone and e-mail (Decree 09/2017/NĐ-CP), the
    commune hotline and the Fatherland Front's relief account belong here.
    """

    audit_action = RULE_DATA_CHANGE

    kind = models.CharField(_("kind"), max_length=20, choices=AllowlistKind.choices)
    value = models.CharField(
        _("value"),
        max_length=255,
        help_text=_(
            "As it is written, e.g. 0229 3888 999, ninhbinh.gov.vn, "
            "ubndxaxuantruong@ninhbinh.gov.vn or 3713201001234."
        ),
    )
    normalised = models.CharField(_("normalised value"), max_length=255, editable=False)
    label = models.CharField(
        _("label"),
        max_length=255,
        help_text=_("Whose number or account this is, e.g. the commune hotline."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    audited_fields = ("kind", "value", "normalised", "label")

    class Meta:
        verbose_name = _("allowlist entry")
        verbose_name_plural = _("allowlist")
        ordering = ["kind", "normalised"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "normalised"], name="security_allowlist_unique")
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"

    def save(self, *args, **kwargs):
        self.normalised = normalise_allowlist_value(self.kind, self.value)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.kind:
            return
        normalised = normalise_allowlist_value(self.kind, self.value)
        error = None
        if self.kind == AllowlistKind.PHONE:
            if not (
                _MOBILE_RE.match(normalised)
                or _LANDLINE_RE.match(normalised)
                or _SERVICE_RE.match(normalised)
            ):
                error = _(
                    "Enter a Vietnamese phone number: a mobile number (10 digits), "
                    "a landline with its area code (11 digits, starting 02) or a 1800/1900 number."
                )
        elif self.kind == AllowlistKind.BANK_ACCOUNT:
            if not 6 <= len(normalised) <= 19:
                error = _("A bank account number has 6 to 19 digits.")
        elif self.kind == AllowlistKind.EMAIL_DOMAIN:
            if not _DOMAIN_RE.match(normalised):
                error = _("Enter a domain name such as ninhbinh.gov.vn, without the @.")
        elif self.kind == AllowlistKind.EMAIL:
            try:
                validate_email(normalised)
            except ValidationError:
                error = _("Enter a valid e-mail address.")
        if error:
            raise ValidationError({"value": error})
        self.normalised = normalised
        duplicates = AllowlistEntry.objects.filter(kind=self.kind, normalised=normalised)
        if self.pk:
            duplicates = duplicates.exclude(pk=self.pk)
        if duplicates.exists():
            raise ValidationError({"value": _("This value is already on the allowlist.")})


class DocumentRegistryEntry(AuditedModel):
    """A legal document with its date of issue, against which citations are checked (CITE-01)."""

    audit_action = RULE_DATA_CHANGE

    symbol = models.CharField(
        _("number and symbol"),
        max_length=80,
        unique=True,
        help_text=_("For example: 09/2017/NĐ-CP, 72/KH-UBND"),
    )
    issued_on = models.DateField(_("date of issue"))
    title = models.CharField(_("title"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    audited_fields = ("symbol", "issued_on", "title")

    class Meta:
        verbose_name = _("registered document")
        verbose_name_plural = _("document registry")
        ordering = ["-issued_on", "symbol"]

    def __str__(self) -> str:
        return self.symbol

    def clean(self):
        super().clean()
        self.symbol = re.sub(r"\s+", "", _nfc(self.symbol)).replace("Ð", "Đ")
        if not re.match(r"^\d{1,5}/", self.symbol or "") or "-" not in self.symbol:
            raise ValidationError(
                {"symbol": _("Write the number and symbol as in the document, e.g. 72/KH-UBND.")}
            )


class FindingRecord(models.Model):
    """What identifies one finding on one revision of a page: rule, excerpt and field."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="infosec_%(class)ss",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    rule_id = models.CharField(_("rule"), max_length=20)
    excerpt = models.TextField(_("excerpt"))
    field = models.CharField(_("field"), max_length=255)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.rule_id} «{self.excerpt}» ({self.field})"

    def matches(self, finding) -> bool:
        return (
            finding.rule == self.rule_id
            and finding.excerpt == self.excerpt
            and (finding.field or "") == self.field
        )


class Exemption(FindingRecord):
    """A finding marked as a false positive by a reviewer, for one revision of a page."""

    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("exempted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("exempted at"), auto_now_add=True)

    class Meta(FindingRecord.Meta):
        verbose_name = _("exemption")
        verbose_name_plural = _("exemptions")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "rule_id", "field", "excerpt"],
                name="security_exemption_unique",
            )
        ]


class Attestation(FindingRecord):
    """A named reviewer's confirmation of a statement a finding asks for, on one revision.

    Recorded now; the publication workflow (next issue) requires them.
    """

    statement = models.TextField(_("statement"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("attested at"), auto_now_add=True)

    class Meta(FindingRecord.Meta):
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")


class ExtractedText(models.Model):
    """Text read once from an image (OCR, metadata) or a document, keyed by file hash.

    The editor panel scans pages on every load; reading a scanned PDF or an
    image with Tesseract takes seconds, so results are kept here.
    """

    class Kind(models.TextChoices):
        OCR = "ocr", _("Text read from an image")
        IMAGE_METADATA = "image_meta", _("Image metadata")
        DOCUMENT = "document", _("Document text")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file_hash = models.CharField(_("file hash"), max_length=64)
    version = models.PositiveSmallIntegerField(_("reader version"), default=1)
    text = models.TextField(_("text"), blank=True)
    parts = models.JSONField(_("parts"), default=list, blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("read at"), auto_now_add=True)

    class Meta:
        verbose_name = _("extracted text")
        verbose_name_plural = _("extracted texts")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "file_hash", "version"], name="security_extracted_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_hash[:12]}"


class RuleDataVersion(models.Model):
    """A counter bumped whenever the editable rule data changes.

    Every process compares it with the version its cached scanner configuration
    was built from (one small query), so a change made in one worker applies in
    all of them at once.
    """

    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("rule data version")
        verbose_name_plural = _("rule data version")

    def __str__(self) -> str:
        return str(self.version)


from . import signal_handlers  # noqa: E402, F401  (connects the audit and cache signals)

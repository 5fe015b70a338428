"""The plan's tasks, which content names for reporting, and the false-information register.

``PlanTask`` holds the tasks of sections II and IV of the commune's plan for external
information; articles, features and campaigns name the one they serve
(``plan_task``), and the reports count per task. ``Incident`` is one item of hostile
or false information seen on a social network, followed from its discovery to its
rebuttal (plan, section IV.1: the Culture and Society Division watches Zalo,
Facebook and fanpages).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms.core.audit import AuditedModel
from cms.core.models import ResponsibleUnit

#: Hours after which an open incident with no response is overdue (``INCIDENT_OVERDUE_HOURS``).
DEFAULT_OVERDUE_HOURS = 24


class PlanSection(models.TextChoices):
    CONTENT = "II", _("II. Content of external information work")
    ORGANISATION = "IV", _("IV. Organisation of implementation")


class PlanTaskQuerySet(models.QuerySet):
    def by_code(self, code: str) -> PlanTask:
        """The task with this code, e.g. ``"II.5"``."""
        section, _dot, number = code.partition(".")
        return self.get(section=section, number=int(number))


class PlanTask(models.Model):
    """One task of the plan, e.g. "II.5" (sovereignty, borders, sea and islands)."""

    section = models.CharField(_("section"), max_length=3, choices=PlanSection.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("task"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    lead_unit = models.CharField(
        _("lead unit"), max_length=10, choices=ResponsibleUnit.choices, blank=True
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive tasks stay in the reports but cannot be chosen for new content."),
    )

    objects = PlanTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")
        ordering = ["section", "number"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="unique_plan_task_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    @property
    def code(self) -> str:
        return f"{self.section}.{self.number}"


class Platform(models.TextChoices):
    ZALO = "zalo", "Zalo"
    FACEBOOK = "facebook", "Facebook"
    FANPAGE = "fanpage", _("Fanpage")
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    OTHER = "other", _("Other")


class IncidentCategory(models.TextChoices):
    SOVEREIGNTY = "sovereignty", _("Sovereignty")
    HUMAN_RIGHTS = "human_rights", _("Human rights")
    LOCAL_ADMINISTRATION = "local_administration", _("Local administration")
    OTHER = "other", _("Other")


class IncidentSeverity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class IncidentStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("incident status", "New")
    VERIFYING = "verifying", _("Verifying")
    REBUTTED = "rebutted", _("Rebutted")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (IncidentStatus.NEW, IncidentStatus.VERIFYING)


def overdue_hours() -> int:
    return int(getattr(settings, "INCIDENT_OVERDUE_HOURS", DEFAULT_OVERDUE_HOURS))


class IncidentQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now: datetime.datetime | None = None):
        """Open incidents seen more than ``INCIDENT_OVERDUE_HOURS`` ago."""
        now = now or timezone.now()
        return self.open().filter(seen_at__lt=now - datetime.timedelta(hours=overdue_hours()))


class Incident(AuditedModel):
    """An item of false or hostile information seen on a social network."""

    seen_at = models.DateTimeField(_("seen at"), default=timezone.now)
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    address = models.CharField(
        _("address"),
        max_length=2000,
        help_text=_(
            "Where the item was seen. It is kept for the record and is never shown as a link."
        ),
    )
    summary = models.TextField(_("content summary"))
    category = models.CharField(_("category"), max_length=30, choices=IncidentCategory.choices)
    severity = models.CharField(
        _("severity"),
        max_length=10,
        choices=IncidentSeverity.choices,
        default=IncidentSeverity.MEDIUM,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=IncidentStatus.choices, default=IncidentStatus.NEW
    )
    unit = models.CharField(
        _("responsible unit"),
        max_length=10,
        choices=ResponsibleUnit.choices,
        default=ResponsibleUnit.CULTURE_SOCIETY,
    )
    rebuttal_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("rebuttal page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    screenshot = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("redacted screenshot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    screenshot_redacted = models.BooleanField(
        _("names, faces and avatars are hidden in the screenshot"), default=False
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = IncidentQuerySet.as_manager()

    audited_fields = (
        "seen_at",
        "platform",
        "address",
        "summary",
        "category",
        "severity",
        "status",
        "unit",
        "rebuttal_page_id",
        "screenshot_id",
        "screenshot_redacted",
        "responded_at",
        "closed_at",
    )
    audit_action = "reporting.incident_change"

    class Meta:
        verbose_name = _("false-information incident")
        verbose_name_plural = _("false-information incidents")
        ordering = ["-seen_at", "-pk"]
        indexes = [models.Index(fields=["status", "seen_at"])]

    def __str__(self) -> str:
        day = timezone.localtime(self.seen_at).strftime("%d/%m/%Y") if self.seen_at else ""
        summary = (self.summary or "").strip().splitlines()[0] if self.summary else ""
        return f"{day} · {self.get_platform_display()} · {summary[:60]}"

    def clean(self):
        super().clean()
        errors = {}
        if self.screenshot_id and not self.screenshot_redacted:
            errors["screenshot_redacted"] = _(
                "Confirm that names, faces and avatars are hidden before attaching a screenshot."
            )
        if self.seen_at and self.seen_at > timezone.now() + datetime.timedelta(minutes=5):
            errors["seen_at"] = _("The time seen cannot be in the future.")
        if self.status == IncidentStatus.REBUTTED and not self.rebuttal_page_id:
            errors["rebuttal_page"] = _("Choose the published page that rebuts this item.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        now = timezone.now()
        if self.status in (IncidentStatus.REBUTTED, IncidentStatus.CLOSED):
            if self.status == IncidentStatus.REBUTTED and self.responded_at is None:
                self.responded_at = now
            if self.status == IncidentStatus.CLOSED and self.closed_at is None:
                self.closed_at = now
        else:
            self.closed_at = None
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, now: datetime.datetime | None = None) -> bool:
        if not self.is_open or self.seen_at is None:
            return False
        now = now or timezone.now()
        return self.seen_at < now - datetime.timedelta(hours=overdue_hours())

    @property
    def response_time(self) -> datetime.timedelta | None:
        """From the time seen to the rebuttal, when there was one."""
        if self.responded_at and self.seen_at:
            return self.responded_at - self.seen_at
        return None


#: Who may open the reports and the dashboard charts, and write the periodic report.
VIEW_REPORTS = "reporting.view_reports"
#: Who may export the audit trail (approvals, attestations, exemptions, refusals, takedowns).
EXPORT_AUDIT_TRAIL = "reporting.export_audit_trail"


class Report(models.Model):
    """No table: carries the reporting permissions (granted by ``0003_permissions``)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_reports", "Can view reports"),
            ("export_audit_trail", "Can export the audit trail"),
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return str(self._meta.verbose_name)

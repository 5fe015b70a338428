"""The spokesperson register (Decree No. 09/2017/ND-CP).

At commune level the spokesperson is the Chairman of the People's Committee, or
a Vice Chairman whom the Chairman authorises in writing. Each
``SpokespersonEntry`` records one such designation for a period: who, in which
position, under which document, from when to when, and the phone number and
e-mail address published for the press.

Only a person with a current entry may approve publication
(``services.is_current_spokesperson``); the public site shows the current one
(``services.current_spokesperson``) on the spokesperson page and in the footer;
the published phone and e-mail are on the information-security checker's
allowlist while the entry is current.

English name: Vietnamese personal names are written in English without
diacritics and in the same order ("Phạm Quang Hưng" → "Pham Quang Hung"), so
the English form is derived from ``full_name`` (``name_en``), never typed twice.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from cms.core.audit import AuditedModel
from cms.core.roles import SPOKESPERSON
from cms.security.models import normalise_phone

# Vietnamese numbers after normalisation to a leading 0: mobile (10 digits) or
# landline (11 digits: 02 + area code + subscriber).
_MOBILE_RE = re.compile(r"^0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$")
_LANDLINE_RE = re.compile(r"^02\d{9}$")
OFFICIAL_EMAIL_SUFFIX = ".gov.vn"


def without_diacritics(text: str) -> str:
    """ "Phạm Quang Hưng" → "Pham Quang Hung" (đ → d, Đ → D)."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped)


def validate_vietnamese_phone(value: str) -> None:
    normalised = normalise_phone(value)
    if not (_MOBILE_RE.match(normalised) or _LANDLINE_RE.match(normalised)):
        raise ValidationError(
            _(
                "Enter a Vietnamese phone number: a mobile number (10 digits) or a "
                "landline with its area code (11 digits, starting 02)."
            ),
            code="invalid_phone",
        )


def validate_official_email(value: str) -> None:
    validate_email(value)
    domain = value.rsplit("@", 1)[-1].strip().lower().rstrip(".")
    if not domain.endswith(OFFICIAL_EMAIL_SUFFIX):
        raise ValidationError(
            _("The published e-mail address must be an official address at a .gov.vn domain."),
            code="not_official_email",
        )


class SpokespersonPosition(models.TextChoices):
    CHAIRMAN = "chairman", _("Chairman of the commune People's Committee")
    VICE_CHAIRMAN = "vice_chairman", _("Vice Chairman of the commune People's Committee")


class SpokespersonEntryQuerySet(models.QuerySet):
    def current(self, at: datetime.date | None = None):
        """Entries valid on ``at`` (today by default); both ends of the period count."""
        at = at or timezone.localdate()
        return self.filter(valid_from__lte=at).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=at)
        )

    def overlapping(self, start: datetime.date, end: datetime.date | None):
        """Entries whose period shares at least one day with [start, end] (end None = open)."""
        queryset = self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
        if end is not None:
            queryset = queryset.filter(valid_from__lte=end)
        return queryset


class SpokespersonEntry(AuditedModel):
    """One designation of a spokesperson for a period (Decree No. 09/2017/ND-CP).

    Every change is written to Wagtail's audit log with the values before and
    after (``signal_handlers``), besides the admin's own create/edit/delete entries.
    """

    audit_action = "workflows.spokesperson_change"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="spokesperson_entries",
        help_text=_("The account that approves publication. It must be in the spokesperson group."),
    )
    full_name = models.CharField(
        _("full name as published"),
        max_length=120,
        blank=True,
        help_text=_(
            "In Vietnamese, with diacritics. Leave empty to use the name of the user account. "
            "The English site shows it without diacritics."
        ),
    )
    position = models.CharField(_("position"), max_length=20, choices=SpokespersonPosition.choices)
    authorisation = models.CharField(
        _("authorisation document"),
        max_length=255,
        blank=True,
        help_text=_(
            "The written authorisation, e.g. Quyết định số 20/QĐ-UBND ngày 05/7/2025. Required "
            "for a Vice Chairman; for the Chairman, the designation decision is recommended."
        ),
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("The last day of the authorisation. Leave empty if it has no end date."),
    )
    phone = models.CharField(
        _("published phone number"),
        max_length=30,
        validators=[validate_vietnamese_phone],
        help_text=_("The official number published for the press, e.g. 0229 3888 999."),
    )
    email = models.EmailField(
        _("published e-mail address"),
        validators=[validate_official_email],
        help_text=_("An official address at a .gov.vn domain."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SpokespersonEntryQuerySet.as_manager()

    audited_fields = (
        "user_id",
        "full_name",
        "position",
        "authorisation",
        "valid_from",
        "valid_until",
        "phone",
        "email",
        "notes",
    )

    class Meta:
        verbose_name = _("spokesperson")
        verbose_name_plural = _("spokesperson register")
        ordering = ["-valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="workflows_spokesperson_period_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} – {self.get_position_display()}"

    # Names.

    @property
    def display_name(self) -> str:
        """The name as published in Vietnamese (the user's full name when left empty)."""
        if self.full_name:
            return self.full_name
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return ""

    @property
    def name_en(self) -> str:
        """The name as written on the English site: same order, no diacritics."""
        return without_diacritics(self.display_name)

    def name_for(self, language: str | None) -> str:
        return self.name_en if (language or "").startswith("en") else self.display_name

    # State.

    def is_current(self, at: datetime.date | None = None) -> bool:
        at = at or timezone.localdate()
        if self.valid_from is None or self.valid_from > at:
            return False
        return self.valid_until is None or self.valid_until >= at

    is_current.boolean = True
    is_current.short_description = _("current")

    @property
    def normalised_phone(self) -> str:
        return normalise_phone(self.phone)

    @property
    def tel_href(self) -> str:
        """The number for a ``tel:`` link, in international form: "+842293888999"."""
        digits = self.normalised_phone
        return "+84" + digits[1:] if digits.startswith("0") else digits

    # Validation.

    def save(self, *args, **kwargs):
        self.full_name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", self.full_name)).strip()
        if not self.full_name and self.user_id:
            self.full_name = self.user.get_full_name() or self.user.get_username()
        self.authorisation = unicodedata.normalize("NFC", self.authorisation).strip()
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        self.authorisation = unicodedata.normalize("NFC", self.authorisation or "").strip()
        if self.email:
            self.email = self.email.strip().lower()

        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors.setdefault("valid_until", []).append(
                _("The end of the period cannot be before its start.")
            )
        if self.position == SpokespersonPosition.VICE_CHAIRMAN and not self.authorisation:
            errors.setdefault("authorisation", []).append(
                _(
                    "A Vice Chairman speaks for the People's Committee only with the Chairman's "
                    "written authorisation: enter its number and date."
                )
            )
        # Checked when the person is chosen, so that an entry can still be closed
        # (valid_until) after its user has left the group.
        before = getattr(self, "_audit_snapshot", None) or {}
        user_chosen = self._state.adding or before.get("user_id") != self.user_id
        if (
            user_chosen
            and self.user_id
            and not self.user.groups.filter(name=SPOKESPERSON.group_name).exists()
        ):
            errors.setdefault("user", []).append(
                _("Add this user to the group %(group)s first.")
                % {"group": SPOKESPERSON.group_name}
            )

        if self.valid_from and "valid_until" not in errors:
            others = SpokespersonEntry.objects.overlapping(self.valid_from, self.valid_until)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if self.user_id and others.filter(user_id=self.user_id).exists():
                errors.setdefault("valid_from", []).append(
                    _("This person already has an entry for part of this period.")
                )
            if (
                self.position == SpokespersonPosition.CHAIRMAN
                and others.filter(position=SpokespersonPosition.CHAIRMAN)
                .exclude(user_id=self.user_id)
                .exists()
            ):
                errors.setdefault("valid_from", []).append(
                    _("Another Chairman is registered for part of this period.")
                )
        if errors:
            raise ValidationError(errors)


# ---------------------------------------------------------------- the workflow
#
# One workflow, "Duyệt tin bài thông tin đối ngoại", of two tasks (created by the
# data migration ``0003_publication_workflow``):
#
# 1. ``ReviewTask`` (Biên tập – kiểm duyệt): a reviewer who did not write or
#    submit the revision checks the findings, confirms every "attest" item and
#    approves or asks for changes.
# 2. ``SpokespersonApprovalTask`` (Người phát ngôn phê duyệt): a person with a
#    current entry in the register, other than the reviewer and the authors,
#    approves (which publishes) or asks for changes.
#
# Who may act is decided in ``cms.workflows.approval``; whether a revision may go
# live is decided, on every path, by ``cms.workflows.gate``.


def _refresh_latest_revision(workflow_state) -> None:
    """Wagtail starts a step on ``workflow_state.content_object.get_latest_revision()``; that
    object may have been loaded before the revision just saved (the editor's "submit" after
    changes were requested), so the step would start on the previous text."""
    obj = workflow_state.content_object
    if obj is not None and obj.pk:
        obj.refresh_from_db(fields=["latest_revision"])


class ReviewTask(AbstractGroupApprovalTask):
    """Step 1: review by the editorial reviewers (Kiểm duyệt)."""

    def start(self, workflow_state, user=None):
        _refresh_latest_revision(workflow_state)
        return super().start(workflow_state, user=user)

    class Meta:
        verbose_name = _("editorial review task")
        verbose_name_plural = _("editorial review tasks")

    @classmethod
    def get_description(cls):
        return _(
            "A reviewer who neither wrote nor submitted the page checks the information-security "
            "findings, confirms every attestation and approves or requests changes."
        )

    def _may_act(self, obj, user) -> bool:
        from .approval import review_refusal

        return review_refusal(self, obj, user) is None

    def user_can_access_editor(self, obj, user):
        return self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        return not self._user_in_groups(user)

    def get_actions(self, obj, user):
        if not self._may_act(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve the review"), True),
        ]

    def get_form_for_action(self, action):
        from .forms import RequestChangesForm

        return RequestChangesForm if action == "reject" else super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self._user_in_groups(user):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)

    def on_action(self, task_state, user, action_name, **kwargs):
        from .approval import act_on_review

        return act_on_review(self, task_state, user, action_name, **kwargs)


class SpokespersonApprovalTask(AbstractGroupApprovalTask):
    """Step 2: approval by the spokesperson (Người phát ngôn); approving publishes."""

    class Meta:
        verbose_name = _("spokesperson approval task")
        verbose_name_plural = _("spokesperson approval tasks")

    @classmethod
    def get_description(cls):
        return _(
            "Only a person with a current entry in the spokesperson register, other than the "
            "reviewer and the authors, approves publication or requests changes."
        )

    def start(self, workflow_state, user=None):
        """Start only on a revision that passed review; otherwise start the review again.

        Wagtail resumes a workflow sent back for changes at the step that sent it
        back; when that was this step, the new text still needs a reviewer.
        """
        from .approval import passed_review

        _refresh_latest_revision(workflow_state)
        revision = workflow_state.content_object.get_latest_revision()
        if passed_review(workflow_state, revision) is None:
            review = (
                ReviewTask.objects.filter(
                    workflow_tasks__workflow_id=workflow_state.workflow_id, active=True
                )
                .order_by("workflow_tasks__sort_order")
                .first()
            )
            if review is not None:
                return review.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    def _may_act(self, obj, user) -> bool:
        from .approval import spokesperson_refusal

        return spokesperson_refusal(self, obj, user) is None

    def user_can_access_editor(self, obj, user):
        return self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        # The spokesperson opens the page and decides from the editor. Should they
        # change anything, the edit sends the page back to review (restart_after_edit)
        # and makes them one of its authors: what is approved is what was reviewed.
        return not self._user_in_groups(user)

    def user_can_lock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self._may_act(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve and publish"), True),
        ]

    def get_form_for_action(self, action):
        from .forms import RequestChangesForm

        return RequestChangesForm if action == "reject" else super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from .services import is_current_spokesperson

        if not (self._user_in_groups(user) and is_current_spokesperson(user)):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)

    def on_action(self, task_state, user, action_name, **kwargs):
        from .approval import act_on_spokesperson_approval

        return act_on_spokesperson_approval(self, task_state, user, action_name, **kwargs)


class PublicationApprovalQuerySet(models.QuerySet):
    def unused(self):
        return self.filter(used_at__isnull=True)


class PublicationApproval(models.Model):
    """The two approvals of one revision, which together authorise it to go live once.

    Written only by the spokesperson step (``approval.act_on_spokesperson_approval``)
    and read by the gate, which marks it used when the revision goes live: an
    approval cannot publish twice, nor publish a revision other than its own.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="publication_approvals",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        verbose_name=_("workflow"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        verbose_name=_("review step"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"))
    spokesperson = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("spokesperson"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    spokesperson_entry = models.ForeignKey(
        SpokespersonEntry,
        verbose_name=_("register entry"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)
    used_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = PublicationApprovalQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication approval")
        verbose_name_plural = _("publication approvals")
        ordering = ["-approved_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision"],
                condition=Q(used_at__isnull=True),
                name="workflows_one_open_approval_per_revision",
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id}/{self.revision_id}"


class Takedown(models.Model):
    """A page taken off the public site at once, with the reason (misinformation, incident)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="takedowns",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision that was live"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken down by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("taken down at"), auto_now_add=True)

    class Meta:
        verbose_name = _("takedown")
        verbose_name_plural = _("takedowns")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.page_id} {self.created_at:%d/%m/%Y %H:%M}"


# The publication gate also watches every write into a live page (``gate.guard_content``).
def _connect_gate() -> None:
    from . import gate

    gate.connect()


_connect_gate()

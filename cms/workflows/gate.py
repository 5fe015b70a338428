"""The publication gate: the one check every path to the public site goes through.

A page goes live only by being saved with ``live=True`` and a new
``live_revision`` — whatever made it so: the editor's Publish button, workflow
approval, ``publish_scheduled``, bulk publish, copying, reverting,
wagtail-localize's editor and sync, the admin API, or ``revision.publish()``
from code. ``BasePage.save`` calls ``guard_save`` before writing, so all of
them meet the same conditions (``evaluate``):

* an unused ``PublicationApproval`` exists for exactly that revision;
* it names a reviewer and a spokesperson, two different people, neither of
  whom wrote or submitted the revision, and the review step it refers to was
  approved by that reviewer on that revision;
* the spokesperson's authorisation in the register is current today;
* the checker finds no ``block`` item in the revision that was not exempted,
  and every ``attest`` item in it was confirmed by a reviewer;
* a translated page has no string filled by machine translation that a
  translator has not reviewed (``translation_reasons``);
* the revision is not older than the one on the site, and the text being
  written is that revision's text.

On success the approval is marked used (an approval publishes once; of two
racing publishers the first wins). On refusal ``PublicationRefused`` is raised
before anything is written, so the live page stays exactly as it was; the
refusal is written to the audit log (``workflows.publication_refused``) with the
reasons and the door (``DOORS``; ``door()`` labels a block of code), and
``middleware.PublicationRefusedMiddleware`` turns it into a message in the
user's language. A caller whose own transaction is rolled back takes the entry
with it: the middleware, the workflow steps and ``publish_scheduled`` write it
again afterwards (``log_refusal`` is idempotent by the refusal's token); other
code that catches ``PublicationRefused`` should do the same.

A ``pre_save`` receiver (``connect``, called from ``models``) runs the same
check for a save that bypassed ``BasePage.save``, and keeps a live page's
published text in its row when a save would change it without publishing
(``keep_live_text``: wagtail-localize writes translations into live pages so).
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .exceptions import PublicationRefused

REFUSED_ACTION = "workflows.publication_refused"
logger = logging.getLogger(__name__)

# The door a save is going through, for the audit log ("scheduled", "localize"...).
_DOOR: contextvars.ContextVar[str] = contextvars.ContextVar("publication_door", default="")


@contextlib.contextmanager
def door(name: str):
    """Label the refusals raised inside this block with ``name`` (see ``DOORS``)."""
    token = _DOOR.set(name)
    try:
        yield
    finally:
        _DOOR.reset(token)


def current_door(default: str = "save") -> str:
    return _DOOR.get() or default


@dataclass(frozen=True)
class Reason:
    code: str
    message: str

    def __str__(self) -> str:
        return str(self.message)


# ------------------------------------------------------------------ who wrote it


def authors_of(page, revision, workflow_state=None) -> set[int]:
    """The users who wrote or submitted ``revision``: nobody among them may approve it.

    Whoever saved the revision, whoever saved any revision of the page since the
    last revision that was approved for publication (their text is in it), and
    whoever submitted it to the workflow.
    """
    from .models import PublicationApproval

    ids: set[int] = set()
    if revision is None:
        return ids
    if revision.user_id:
        ids.add(revision.user_id)
    previous = (
        PublicationApproval.objects.filter(
            page_id=page.pk, revision__created_at__lt=revision.created_at
        )
        .exclude(used_at__isnull=True)
        .order_by("-revision__created_at")
        .values_list("revision__created_at", flat=True)
        .first()
    )
    revisions = page.revisions.filter(created_at__lte=revision.created_at)
    if previous is not None:
        revisions = revisions.filter(created_at__gt=previous)
    ids.update(user_id for user_id in revisions.values_list("user_id", flat=True) if user_id)
    if workflow_state is not None and workflow_state.requested_by_id:
        ids.add(workflow_state.requested_by_id)
    return ids


# ------------------------------------------------------------------ the checker


def checker_reasons(revision) -> list[Reason]:
    """Blocking findings not exempted, and attest findings nobody confirmed, in ``revision``."""
    from cms.security.services import scan_revision, unattested

    result = scan_revision(revision)
    reasons: list[Reason] = []
    blocking = [f for f in result.findings if f.severity.value == "block"]
    if blocking:
        rules = ", ".join(sorted({f.rule for f in blocking}))
        reasons.append(
            Reason(
                "blocking_finding",
                _(
                    "The checker finds %(count)d item(s) that block publication (%(rules)s): "
                    "change the text."
                )
                % {"count": len(blocking), "rules": rules},
            )
        )
    missing = unattested(result)
    if missing:
        rules = ", ".join(sorted({f.rule for f in missing}))
        reasons.append(
            Reason(
                "unconfirmed_attestation",
                _("%(count)d item(s) that a reviewer must confirm are not confirmed (%(rules)s).")
                % {"count": len(missing), "rules": rules},
            )
        )
    return reasons


# ------------------------------------------------------------------ translations


def translation_reasons(revision, page=None) -> list[Reason]:
    """Strings of a translated page that no translator has reviewed, for ``revision``.

    A string that wagtail-localize's machine translator filled in (``translation_type``
    "machine") becomes "manual" when a translator saves it in the translation editor (or
    uploads it in a PO file): until then the page may not go live. Only the strings the
    page's translation source still uses count (the source's segments, in their context).
    A string saved after ``revision`` was made is not in that version (it may still hold
    the machine's text): the translation must be saved and submitted again.

    Two queries (one when ``page`` is given); none of it for a page nobody translated.
    """
    from django.db.models import Count, Exists, OuterRef, Q
    from django.utils.translation import ngettext
    from wagtail.models import Page
    from wagtail_localize.models import StringSegment, StringTranslation

    if revision is None:
        return []
    if page is not None and getattr(page, "translation_key", None):
        key, locale_id = page.translation_key, page.locale_id
    else:
        row = (
            Page.objects.filter(pk=revision.object_id)
            .values_list("translation_key", "locale_id")
            .first()
        )
        if row is None:
            return []
        key, locale_id = row
    used = StringSegment.objects.filter(
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
        source__translations__target_locale_id=locale_id,
    )
    counts = (
        StringTranslation.objects.filter(locale_id=locale_id, context__object_id=key)
        .filter(Exists(used))
        .aggregate(
            machine=Count(
                "pk", filter=Q(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
            ),
            changed=Count(
                "pk",
                filter=~Q(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
                & Q(updated_at__gt=revision.created_at),
            ),
        )
    )
    reasons: list[Reason] = []
    if counts["machine"]:
        reasons.append(
            Reason(
                "machine_translation",
                ngettext(
                    "%(count)d string was filled by machine translation and has not been "
                    "reviewed by a translator.",
                    "%(count)d strings were filled by machine translation and have not been "
                    "reviewed by a translator.",
                    counts["machine"],
                )
                % {"count": counts["machine"]},
            )
        )
    if counts["changed"]:
        reasons.append(
            Reason(
                "translation_changed",
                ngettext(
                    "%(count)d translated string was changed after this version was saved: "
                    "save the translation and submit it again.",
                    "%(count)d translated strings were changed after this version was saved: "
                    "save the translation and submit it again.",
                    counts["changed"],
                )
                % {"count": counts["changed"]},
            )
        )
    return reasons


# ------------------------------------------------------------------ the decision


def approval_reasons(page, revision, approval, *, at=None) -> list[Reason]:
    """What is wrong with ``approval`` as the authority to publish ``revision`` (empty: nothing)."""
    from wagtail.models import TaskState

    from .services import is_current_spokesperson

    reasons: list[Reason] = []
    if approval is None:
        reasons.append(
            Reason(
                "no_approval",
                _(
                    "This version has not been approved by a reviewer and the spokesperson: "
                    "submit it for review."
                ),
            )
        )
        return reasons
    if approval.revision_id != revision.pk:
        reasons.append(
            Reason("other_revision", _("The approved version is not the one being published."))
        )
    if not approval.reviewer_id or not approval.spokesperson_id:
        reasons.append(Reason("no_approval", _("An approval step is missing.")))
        return reasons
    if approval.reviewer_id == approval.spokesperson_id:
        reasons.append(
            Reason("same_person", _("The review and the approval were given by the same person."))
        )
    authors = authors_of(page, revision, approval.workflow_state)
    if approval.reviewer_id in authors or approval.spokesperson_id in authors:
        reasons.append(
            Reason("author_approved", _("This version was approved by one of its own authors."))
        )
    review = approval.review_task_state
    if (
        review is None
        or review.status != TaskState.STATUS_APPROVED
        or review.finished_by_id != approval.reviewer_id
        or review.revision_id != revision.pk
    ):
        reasons.append(Reason("no_review", _("This version has not passed the review step.")))
    if not is_current_spokesperson(approval.spokesperson, at=at):
        reasons.append(
            Reason(
                "authorisation_not_current",
                _(
                    "The authorisation of the spokesperson who approved it is not current "
                    "in the spokesperson register."
                ),
            )
        )
    return reasons


def open_approval(revision):
    from .models import PublicationApproval

    return (
        PublicationApproval.objects.unused()
        .filter(revision_id=revision.pk)
        .select_related("spokesperson", "review_task_state", "workflow_state")
        .first()
    )


def evaluate(page, revision, *, approval=None, at=None) -> tuple[object | None, list[Reason]]:
    """(approval, reasons): whether ``revision`` of ``page`` may go live now (no reasons: yes).

    ``approval`` is looked up when not given (the spokesperson step passes the
    one it is about to record, to check before recording it).
    """
    if revision is None:
        return None, [Reason("no_revision", _("There is no saved version to publish."))]
    if approval is None:
        approval = open_approval(revision)
    reasons = approval_reasons(page, revision, approval, at=at)
    reasons += _older_than_live(page, revision)
    reasons += checker_reasons(revision)
    reasons += translation_reasons(revision, page)
    return approval, reasons


def _older_than_live(page, revision) -> list[Reason]:
    """A revision older than the one on the site would put superseded text back."""
    from wagtail.models import Page

    if not getattr(page, "pk", None):
        return []
    live_id = (
        Page.objects.filter(pk=page.pk, live=True)
        .values_list("live_revision_id", flat=True)
        .first()
    )
    if not live_id or live_id == revision.pk:
        return []
    live = type(revision).objects.filter(pk=live_id).values_list("created_at", flat=True).first()
    if live is not None and (live, live_id) > (revision.created_at, revision.pk):
        return [
            Reason(
                "older_than_live",
                _("This version is older than the one on the site: it cannot replace it."),
            )
        ]
    return []


# ------------------------------------------------------------------ enforcement


def log_refusal(error: PublicationRefused, user=None) -> None:
    """Write the refusal to the audit log once (the token makes a second call a no-op).

    Called again after a caller's transaction was rolled back (the middleware, the
    workflow steps, ``publish_scheduled``): what that transaction created — a new
    revision, a new page — is gone by then, and is left out of the entry.
    """
    from wagtail.log_actions import log
    from wagtail.models import Page, PageLogEntry, Revision

    page = error.page
    if page is None or not getattr(page, "pk", None):
        return
    if not Page.objects.filter(pk=page.pk).exists():
        return
    if PageLogEntry.objects.filter(page_id=page.pk, data__token=error.token).exists():
        return
    revision_id = getattr(error.revision, "pk", None)
    revision = (
        error.revision if revision_id and Revision.objects.filter(pk=revision_id).exists() else None
    )
    log(
        instance=page,
        action=REFUSED_ACTION,
        user=user if getattr(user, "is_authenticated", False) else None,
        revision=revision,
        data={
            "token": error.token,
            "door": error.door,
            "revision_id": revision_id,
            "reasons": [{"code": r.code, "message": str(r.message)} for r in error.reasons],
        },
    )


def log_step_refusal(error, user=None) -> None:
    """Write a refused approval (``WorkflowActionRefused(publication=True)``) to the audit log."""
    if not getattr(error, "publication", False):
        return
    log_refusal(
        PublicationRefused(
            [Reason("step_refused", str(error))],
            page=error.page,
            revision=error.revision,
            door="workflow",
            token=error.token,
        ),
        user=user,
    )


def refuse(reasons, *, page, revision=None, door: str = "", user=None) -> PublicationRefused:
    """Build the refusal and log it; the caller raises it."""
    error = PublicationRefused(reasons, page=page, revision=revision, door=door)
    log_refusal(error, user=user)
    return error


def _going_live(page) -> bool:
    """Whether saving ``page`` now makes content live (new live page or new live revision)."""
    from wagtail.models import Page

    if not page.live:
        return False
    if not page.pk:
        return True
    row = Page.objects.filter(pk=page.pk).values("live", "live_revision_id").first()
    return row is None or not (row["live"] and row["live_revision_id"] == page.live_revision_id)


def _alias_of_live_page(page) -> bool:
    """An alias mirrors its source: it may be live when the source is live (and so gated)."""
    from wagtail.models import Page

    return bool(page.alias_of_id and Page.objects.filter(pk=page.alias_of_id, live=True).exists())


# Page fields that the public site shows; the specific page type's own fields are all shown.
_SHOWN_PAGE_FIELDS = ("title", "slug", "seo_title", "search_description")


def _shown_fields(page):
    from wagtail.models import Page

    base = {field.name for field in Page._meta.concrete_fields}
    for field in type(page)._meta.concrete_fields:
        if field.name in base and field.name not in _SHOWN_PAGE_FIELDS:
            continue
        if field.primary_key or getattr(field.remote_field, "parent_link", False):
            continue
        yield field


def _comparable(field, value):
    from wagtail.fields import StreamField

    if isinstance(field, StreamField):
        prepared = field.get_prep_value(value)
        if isinstance(prepared, str):
            try:
                return json.loads(prepared)
            except ValueError:
                return prepared
        return prepared
    return value


def changed_fields(page, other, update_fields=None) -> list[str]:
    """The fields the public site shows whose value in ``page`` differs from ``other``'s."""
    fields = list(_shown_fields(page))
    if update_fields is not None:
        wanted = set(update_fields)
        fields = [f for f in fields if f.name in wanted or f.attname in wanted]
    return [
        field.name
        for field in fields
        if _comparable(field, field.value_from_object(page))
        != _comparable(field, field.value_from_object(other))
    ]


_CHECKED = "_publication_gate_checked"


def guard_save(page) -> None:
    """Called by ``BasePage.save`` before writing: refuse anything that would go live ungated.

    (Also called from ``pre_save`` when a save did not go through ``BasePage.save``.)
    """
    _guard_going_live(page)
    page.__dict__[_CHECKED] = True


def _guard_going_live(page) -> None:
    if not _going_live(page) or _alias_of_live_page(page):
        return
    if not page.pk:
        raise refuse(
            [
                Reason(
                    "new_live_page",
                    _("A new page cannot be created already published: submit it for review."),
                )
            ],
            page=page.get_parent() if page.depth else None,
            door=current_door("create"),
        )
    revision = page.live_revision
    approval, reasons = evaluate(page, revision)
    if not reasons and changed_fields(page, revision.as_object()):
        reasons = [
            Reason(
                "other_revision",
                _("The text being published is not the text that was approved."),
            )
        ]
    if reasons:
        raise refuse(reasons, page=page, revision=revision, door=current_door())
    # An approval publishes once: of two racing publishers, the first wins.
    from .models import PublicationApproval

    used = PublicationApproval.objects.filter(pk=approval.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if used != 1:
        raise refuse(
            [Reason("approval_used", _("This approval has already been used to publish."))],
            page=page,
            revision=revision,
            door=current_door(),
        )


_KEPT = "_publication_gate_kept_text"


def keep_live_text(page, update_fields=None) -> list[str]:
    """A save that keeps ``page`` live on the same revision writes the published text back.

    The public site serves the page's row, so new text may reach it only by publishing
    an approved revision (``guard_save``). Wagtail's editor never writes a live page's
    row, but wagtail-localize does: it writes a translation's new text into the live
    page and then saves a revision (even to "save a draft"). Here, as in Wagtail's
    editor, the new text goes to the revision and the row keeps the published text: the
    changed fields are set back to what is stored for the write, and restored on the
    object afterwards (``_post_save``), so that a revision saved next holds the new text.
    Returns the names of the fields kept.
    """
    if not page.live or not page.pk:
        return []
    if update_fields is not None:
        # Saves of bookkeeping fields (latest revision, locks, ...) change no shown text.
        shown = {name for field in _shown_fields(page) for name in (field.name, field.attname)}
        if shown.isdisjoint(update_fields):
            return []
    if _alias_of_live_page(page):
        return []
    stored = type(page).objects.filter(pk=page.pk).first()
    if stored is None or not stored.live or stored.live_revision_id != page.live_revision_id:
        return []  # going live: guard_save decides
    changed = changed_fields(page, stored, update_fields)
    if not changed:
        return []
    kept = {}
    for name in changed:
        attname = page._meta.get_field(name).attname
        kept[attname] = getattr(page, attname)
        setattr(page, attname, getattr(stored, attname))
    page.__dict__[_KEPT] = kept
    logger.warning(
        "Page %s is live: its published text was kept (%s); the new text must be "
        "published through the workflow.",
        page.pk,
        ", ".join(changed),
    )
    return changed


def _pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    from cms.core.models import BasePage

    if raw or not isinstance(instance, BasePage):
        return
    if not instance.__dict__.pop(_CHECKED, False):
        guard_save(instance)
        instance.__dict__.pop(_CHECKED, None)
    keep_live_text(instance, update_fields)


def _post_save(sender, instance, raw=False, **kwargs):
    kept = instance.__dict__.pop(_KEPT, None)
    if kept:
        for attname, value in kept.items():
            setattr(instance, attname, value)


def connect() -> None:
    """Watch every page save (``pre_save``), whichever way it was called."""
    from django.db.models.signals import post_save, pre_save

    pre_save.connect(_pre_save, dispatch_uid="workflows-gate-pre-save")
    post_save.connect(_post_save, dispatch_uid="workflows-gate-post-save")


def revision_is_on_record(revision, page) -> bool:
    """Whether ``revision`` was submitted, approved or published (and must not be rewritten)."""
    from wagtail.models import TaskState

    from .models import PublicationApproval

    return (
        revision.pk == page.live_revision_id
        or TaskState.objects.filter(revision_id=revision.pk).exists()
        or PublicationApproval.objects.filter(revision_id=revision.pk).exists()
    )


# Labels for the doors, for the audit log's readers.
DOORS = {
    "save": gettext_lazy("publication"),
    "create": gettext_lazy("page creation"),
    "edit_publish": gettext_lazy("Publish button"),
    "bulk_publish": gettext_lazy("bulk publish"),
    "copy": gettext_lazy("copy and publish"),
    "scheduled": gettext_lazy("scheduled publication"),
    "workflow": gettext_lazy("workflow approval"),
    "revert": gettext_lazy("revert and publish"),
    "localize": gettext_lazy("translation editor and sync"),
    "api": gettext_lazy("admin API"),
}

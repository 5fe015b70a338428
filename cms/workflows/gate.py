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
  and every ``attest`` item in it was confirmed by a reviewer.

On success the approval is marked used in the same transaction (an approval
publishes once). On refusal ``PublicationRefused`` is raised before anything is
written, so the live page stays exactly as it was; the refusal is written to the
audit log (``workflows.publication_refused``) with the reasons, and
``middleware.PublicationRefusedMiddleware`` turns it into a message in the
user's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .exceptions import PublicationRefused

REFUSED_ACTION = "workflows.publication_refused"


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
    reasons += checker_reasons(revision)
    return approval, reasons


# ------------------------------------------------------------------ enforcement


def log_refusal(error: PublicationRefused, user=None) -> None:
    """Write the refusal to the audit log once (the token makes a second call a no-op)."""
    from wagtail.log_actions import log
    from wagtail.models import PageLogEntry

    page = error.page
    if page is None or not getattr(page, "pk", None):
        return
    if PageLogEntry.objects.filter(page_id=page.pk, data__token=error.token).exists():
        return
    log(
        instance=page,
        action=REFUSED_ACTION,
        user=user if getattr(user, "is_authenticated", False) else None,
        revision=error.revision if getattr(error.revision, "pk", None) else None,
        data={
            "token": error.token,
            "door": error.door,
            "revision_id": getattr(error.revision, "pk", None),
            "reasons": [{"code": r.code, "message": str(r.message)} for r in error.reasons],
        },
    )


def refuse(reasons, *, page, revision=None, door: str = "", user=None) -> PublicationRefused:
    """Build the refusal and log it; the caller raises it."""
    error = PublicationRefused(reasons, page=page, revision=revision, door=door)
    log_refusal(error, user=user)
    return error


def _going_live(page) -> tuple[bool, object | None]:
    """Whether saving ``page`` now makes content live, and the DB row's live revision id."""
    from wagtail.models import Page

    if not page.live:
        return False, None
    if not page.pk:
        return True, None
    row = Page.objects.filter(pk=page.pk).values("live", "live_revision_id").first()
    if row is None:
        return True, None
    if row["live"] and row["live_revision_id"] == page.live_revision_id:
        return False, row["live_revision_id"]
    return True, row["live_revision_id"]


def _alias_of_live_page(page) -> bool:
    """An alias mirrors its source: it may be live when the source is live (and so gated)."""
    from wagtail.models import Page

    return bool(page.alias_of_id and Page.objects.filter(pk=page.alias_of_id, live=True).exists())


def guard_save(page) -> None:
    """Called by ``BasePage.save`` before writing: refuse anything that would go live ungated."""
    going_live, _previous = _going_live(page)
    if not going_live or _alias_of_live_page(page):
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
            door="create",
        )
    revision = page.live_revision
    approval, reasons = evaluate(page, revision)
    if reasons:
        raise refuse(reasons, page=page, revision=revision, door="save")
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
            door="save",
        )


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
}

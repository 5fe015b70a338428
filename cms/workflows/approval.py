"""The two steps of the workflow: who may take them, and what taking them does.

``ReviewTask`` and ``SpokespersonApprovalTask`` (``models``) delegate here.

* A reviewer approves only if they did not write or submit the revision, the
  checker finds nothing blocking in it, every ``attest`` item is confirmed and,
  for a translation, no string filled by machine is left unreviewed.
* The spokesperson approves only with a current register entry, if they neither
  wrote, submitted nor reviewed the revision, and the gate would let it through;
  approving records a ``PublicationApproval`` and publishes that revision.
* Requesting changes needs a comment, which goes to the author by e-mail.

A refused action raises ``WorkflowActionRefused`` before anything is written;
``middleware.PublicationRefusedMiddleware`` shows its message.

``submit``/``take_step``/``publish_through_workflow`` drive the same steps from
code (the demo content, tests), exactly as the admin does.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState

from . import gate
from .exceptions import WorkflowActionRefused

APPROVAL_ACTION = "workflows.publication_approved"


# ------------------------------------------------------------------ helpers


def _page(obj):
    return obj.specific if hasattr(obj, "specific") else obj


def review_task_ids():
    from .models import ReviewTask

    return ReviewTask.objects.values("pk")


def passed_review(workflow_state, revision):
    """The review step approved on exactly ``revision`` in ``workflow_state`` (or None)."""
    if workflow_state is None or revision is None:
        return None
    return (
        TaskState.objects.filter(
            workflow_state=workflow_state,
            status=TaskState.STATUS_APPROVED,
            revision=revision,
            task_id__in=review_task_ids(),
        )
        .order_by("-finished_at", "-pk")
        .first()
    )


def _state_and_revision(page):
    workflow_state = page.current_workflow_state
    task_state = workflow_state.current_task_state if workflow_state else None
    revision = task_state.revision if task_state else page.get_latest_revision()
    return workflow_state, revision


# ------------------------------------------------------------------ who may act


def review_refusal(task, page, user) -> str | None:
    """None when ``user`` may take the review step on ``page`` now, else why not."""
    page = _page(page)
    if not (user.is_active and task._user_in_groups(user)):
        return _("Only a member of the reviewers' group can take the review step.")
    workflow_state, revision = _state_and_revision(page)
    if user.pk in gate.authors_of(page, revision, workflow_state):
        return _("You wrote, edited or submitted this version, so another reviewer must review it.")
    return None


def spokesperson_refusal(task, page, user) -> str | None:
    """None when ``user`` may take the spokesperson step on ``page`` now, else why not."""
    from .services import is_current_spokesperson

    page = _page(page)
    if not (user.is_active and task._user_in_groups(user)):
        return _("Only the spokesperson can approve publication.")
    if not is_current_spokesperson(user):
        return _(
            "Your authorisation in the spokesperson register is not current, so you cannot "
            "approve publication."
        )
    workflow_state, revision = _state_and_revision(page)
    if user.pk in gate.authors_of(page, revision, workflow_state):
        return _("You wrote, edited or submitted this version, so you cannot approve it.")
    review = passed_review(workflow_state, revision)
    if review is not None and review.finished_by_id == user.pk:
        return _("You reviewed this version: the approval must come from another person.")
    return None


def refusal_for(task, page, user) -> str | None:
    """Why ``user`` may not take ``task``'s step on ``page`` now (None: they may)."""
    from .models import ReviewTask, SpokespersonApprovalTask

    task = task.specific
    if isinstance(task, ReviewTask):
        return review_refusal(task, page, user)
    if isinstance(task, SpokespersonApprovalTask):
        return spokesperson_refusal(task, page, user)
    return None


# ------------------------------------------------------------------ taking a step


def _lock(task_state):
    """Lock the workflow state row and return fresh (workflow_state, task_state, page).

    Two people deciding the same step at once are serialised here; the second
    finds the step already decided.
    """
    workflow_state = WorkflowState.objects.select_for_update().get(pk=task_state.workflow_state_id)
    fresh = TaskState.objects.get(pk=task_state.pk).specific
    page = _page(workflow_state.content_object)
    if fresh.status != TaskState.STATUS_IN_PROGRESS or workflow_state.status != (
        WorkflowState.STATUS_IN_PROGRESS
    ):
        raise WorkflowActionRefused(
            _("This step has already been decided by someone else."), page=page
        )
    return workflow_state, fresh, page


def _check_latest(task_state, page):
    if task_state.revision_id != page.latest_revision_id:
        raise WorkflowActionRefused(
            _("The page was changed after it was submitted: the review starts again."),
            page=page,
        )


def _reject(task_state, user, page, comment):
    comment = (comment or "").strip()
    if not comment:
        raise WorkflowActionRefused(_("Say what the author should change."), page=page)
    task_state.reject(user=user, comment=comment)


def _logged(action):
    """Refused approvals are written to the audit log after the step's transaction is undone."""

    def run(task, task_state, user, action_name, comment="", **kwargs):
        try:
            return action(task, task_state, user, action_name, comment=comment, **kwargs)
        except WorkflowActionRefused as error:
            if action_name == "approve":
                error.publication = True
                if error.revision is None:
                    error.revision = task_state.revision
                if error.page is None:
                    error.page = _page(task_state.workflow_state.content_object)
                gate.log_step_refusal(error, user=user)
            raise
        except gate.PublicationRefused as error:
            gate.log_refusal(error, user=user)
            raise

    run.__name__ = action.__name__
    run.__doc__ = action.__doc__
    return run


@_logged
def act_on_review(task, task_state, user, action_name, comment="", **kwargs):
    with transaction.atomic():
        _workflow_state, task_state, page = _lock(task_state)
        refusal = review_refusal(task, page, user)
        if refusal:
            raise WorkflowActionRefused(refusal, page=page)
        if action_name == "reject":
            return _reject(task_state, user, page, comment)
        if action_name != "approve":
            raise WorkflowActionRefused(_("Unknown action."), page=page)
        _check_latest(task_state, page)
        checker = gate.checker_reasons(task_state.revision)
        translation = gate.translation_reasons(task_state.revision, page)
        if checker or translation:
            parts = [_("The review cannot be approved."), *[str(reason) for reason in checker]]
            if checker:
                parts.append(_("Open the information-security findings to confirm or exempt them."))
            parts += [str(reason) for reason in translation]
            raise WorkflowActionRefused(" ".join(parts), page=page)
        task_state.approve(user=user, comment=(comment or "").strip())


@_logged
def act_on_spokesperson_approval(task, task_state, user, action_name, comment="", **kwargs):
    from .models import PublicationApproval, SpokespersonEntry

    with transaction.atomic():
        workflow_state, task_state, page = _lock(task_state)
        refusal = spokesperson_refusal(task, page, user)
        if refusal:
            raise WorkflowActionRefused(refusal, page=page)
        if action_name == "reject":
            return _reject(task_state, user, page, comment)
        if action_name != "approve":
            raise WorkflowActionRefused(_("Unknown action."), page=page)
        _check_latest(task_state, page)
        revision = task_state.revision
        review = passed_review(workflow_state, revision)
        if review is None:
            raise WorkflowActionRefused(
                _("This version has not passed the review step."), page=page
            )
        # A new approval of the same text replaces one that was never used (a scheduled
        # publication the gate refused, for instance): one open approval per revision.
        superseded = list(
            PublicationApproval.objects.unused()
            .filter(revision=revision)
            .values_list("pk", flat=True)
        )
        approval = PublicationApproval(
            page_id=page.pk,
            revision=revision,
            workflow_state=workflow_state,
            review_task_state=review,
            reviewer_id=review.finished_by_id,
            reviewed_at=review.finished_at,
            spokesperson=user,
            spokesperson_entry=SpokespersonEntry.objects.current().filter(user=user).first(),
        )
        _approval, reasons = gate.evaluate(page, revision, approval=approval)
        if reasons:
            raise gate.refuse(reasons, page=page, revision=revision, door="workflow", user=user)
        PublicationApproval.objects.filter(pk__in=superseded).delete()
        approval.save()
        log(
            instance=page,
            action=APPROVAL_ACTION,
            user=user,
            revision=revision,
            data={
                "approval_id": approval.pk,
                "revision_id": revision.pk,
                "reviewer_id": approval.reviewer_id,
                "spokesperson_id": user.pk,
                "register_entry_id": approval.spokesperson_entry_id,
                "superseded_approval_ids": superseded,
            },
        )
        task_state.approve(user=user, comment=(comment or "").strip())


def publish_approved(workflow_state, user=None):
    """``WAGTAIL_FINISH_WORKFLOW_ACTION``: publish the revision the spokesperson approved.

    Not "the latest revision" (Wagtail's default): the approved one. The gate
    decides; permissions play no part, so nobody needs Wagtail's publish right.
    """
    from .models import PublicationApproval

    approval = (
        PublicationApproval.objects.unused()
        .filter(workflow_state=workflow_state)
        .select_related("revision")
        .order_by("-approved_at", "-pk")
        .first()
    )
    page = _page(workflow_state.content_object)
    if approval is None:
        raise gate.refuse(
            [gate.Reason("no_approval", _("This version has not been approved for publication."))],
            page=page,
            revision=page.latest_revision,
            door="workflow",
            user=user,
        )
    with gate.door("workflow"):
        approval.revision.publish(user=user, skip_permission_checks=True)
    # The approval e-mail (sent next, by Wagtail) reads the page from the workflow state:
    # let it read the page as published, with its public address, not as loaded before.
    field = WorkflowState._meta.get_field("content_object")
    if field.is_cached(workflow_state):
        field.delete_cached_value(workflow_state)


# ------------------------------------------------------------------ edits restart it

RESTART_ACTION = "workflows.review_restarted"


def restart_after_edit(page) -> None:
    """A new revision of a page in the workflow sends it back to the review step.

    Whatever was approved was another text. Called by ``BasePage.save`` once the
    page's ``latest_revision`` points at the new revision. The step in progress
    is cancelled; the workflow then starts the first step not yet approved on
    the new revision — the review — and the reviewers are notified again.
    """
    workflow_state = (
        WorkflowState.objects.filter(
            base_content_type_id=_page_content_type_id(),
            object_id=str(page.pk),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        .select_related("current_task_state")
        .first()
    )
    if workflow_state is None:
        return
    current = workflow_state.current_task_state
    if current is None or current.status != TaskState.STATUS_IN_PROGRESS:
        return
    if current.revision_id == page.latest_revision_id:
        return
    revision = page.latest_revision
    user = getattr(revision, "user", None)
    current.specific.cancel(user=user)
    log(
        instance=page,
        action=RESTART_ACTION,
        user=user,
        revision=revision,
        data={"cancelled_task_state_id": current.pk, "revision_id": page.latest_revision_id},
    )


def _page_content_type_id():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page).pk


# ------------------------------------------------------------------ from code


def submit(page, user):
    """Submit the latest revision of ``page`` to its workflow as ``user`` (the writer)."""
    page = _page(page)
    if page.latest_revision_id is None:
        page.save_revision(user=user)
    workflow = page.get_workflow()
    if workflow is None:
        raise WorkflowActionRefused(_("No workflow is assigned to this page."), page=page)
    return workflow.start(page, user)


def take_step(page, user, action_name="approve", comment="", *, attest=False):
    """Take the current step of ``page``'s workflow as ``user``.

    ``attest=True`` first confirms, as ``user``, every attest item of the revision
    under review, as a reviewer does on the findings page.
    """
    from cms.security.services import record_attestation, scan_revision, unattested

    page = _page(type(page).objects.get(pk=page.pk))
    task_state = page.current_workflow_task_state
    if task_state is None:
        raise WorkflowActionRefused(_("This page is not awaiting a decision."), page=page)
    task = task_state.task.specific
    if attest and action_name == "approve":
        result = scan_revision(task_state.revision)
        for finding in unattested(result):
            record_attestation(user=user, page=page, revision=task_state.revision, finding=finding)
    if action_name not in [name for name, _label, _modal in task.get_actions(page, user)]:
        from .models import ReviewTask

        refusal = (
            review_refusal(task, page, user)
            if isinstance(task, ReviewTask)
            else spokesperson_refusal(task, page, user)
        )
        error = WorkflowActionRefused(
            refusal or _("You cannot take this step."),
            page=page,
            revision=task_state.revision,
            publication=action_name == "approve",
        )
        gate.log_step_refusal(error, user=user)
        raise error
    return task.on_action(task_state, user, action_name, comment=comment)


def publish_through_workflow(page, *, writer, reviewer, spokesperson, comment=""):
    """Submit, review (confirming attest items) and approve ``page``'s latest revision."""
    page = _page(page)
    submit(page, writer)
    take_step(page, reviewer, "approve", comment, attest=True)
    take_step(page, spokesperson, "approve", comment)
    page.refresh_from_db()
    return page

"""Translations go through the workflow: wagtail-localize's Publish and sync submit instead.

A translated page is a page: its English version goes through the same review,
spokesperson approval and gate as a Vietnamese one. wagtail-localize publishes
from two places, and both are turned into what a translator expects — the
translation is saved as a draft (a new revision, by the translator) and
submitted to the workflow as the translator. If changes were requested, the
workflow resumes. While the page is in review it is locked, as any page, for all
but the current step's group: the translator is told so and nothing is saved; a
reviewer or the spokesperson who corrects the translation there sends it back to
the review step (``approval.restart_after_edit``) and becomes one of its authors:

* the translation editor's "Publish in English" (a POST with ``action=publish`` to
  the page's edit URL, which wagtail-localize answers from its ``before_edit_page``
  hook): ``submit_from_editor``, run by our own ``before_edit_page`` hook, which
  Wagtail calls first (``wagtail_hooks``). The editor's button says "Save and
  submit for review" (``templates/wagtail_localize/admin/edit_translation.html``
  sets the editor's ``perms.canPublish`` to whether the user may submit, and
  relabels the button);
* "Sync translated pages" with "Publish immediately": ``GatedUpdateTranslationsView``,
  registered at wagtail-localize's own address before wagtail-localize's URLs.
  Snippets (topics, occasions) are not pages and keep wagtail-localize's behaviour.

Nothing of wagtail-localize is patched; whatever still reached ``publish`` would be
refused by the gate anyway (``gate.guard_save``).

Who may translate: the translators' group ("Biên dịch") holds ``change_page`` at the
root of the tree and wagtail-localize's ``submit_translation``
(``core/migrations/0002``). That is what wagtail-localize needs: "Translate this page"
and "Sync translated pages" are buttons on the *Vietnamese* page, in the explorer, and
Wagtail has no read-only page permission, so a group limited to the English tree
would not see the Vietnamese pages it has to translate. The Vietnamese text itself is the
writers': an account whose only page rights come from the translators' group may not
open a source page in the editor, revert it or save it (``source_edit_refusal``, checked
by a ``before_edit_page`` hook and by the admin API's revert); it translates it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowState
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import approval, gate
from .exceptions import WorkflowActionRefused

# The URL name of ``GatedUpdateTranslationsView`` (at wagtail-localize's sync address).
LOCALIZE_SYNC_URL_NAME = "workflows_localize_update_translations"

SUBMITTED = "submitted"
RESTARTED = "restarted"

SUBMITTED_MESSAGE = gettext_lazy("The translation was saved and submitted for review.")
RESTARTED_MESSAGE = gettext_lazy(
    "The translation was saved; it was already in review, so the review starts again."
)


SOURCE_EDIT_REFUSAL = gettext_lazy(
    "Translators work on the English version: the Vietnamese text is changed by the "
    "writers. Use “Translate” or “Sync translated pages” on this page, then edit the "
    "English page."
)


def source_edit_refusal(user, page):
    """Why ``user`` may not change ``page``'s text (None: they may, as far as translation goes).

    Refused: a page in the source language (the default locale) for an account whose
    only page rights come from the translators' group.
    """
    from cms.core.roles import TRANSLATOR

    if not user.is_authenticated or user.is_superuser:
        return None
    if page.locale_id != Locale.get_default().pk:
        return None
    if not user.groups.filter(name=TRANSLATOR.group_name).exists():
        return None
    other_page_rights = (
        GroupPagePermission.objects.filter(group__user=user)
        .exclude(group__name=TRANSLATOR.group_name)
        .exists()
    )
    return None if other_page_rights else SOURCE_EDIT_REFUSAL


def target_translation(page):
    """The enabled wagtail-localize ``Translation`` that writes ``page`` (or None)."""
    from wagtail_localize.models import Translation

    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_and_submit(translation, user) -> tuple[Page, str]:
    """Save ``translation`` into its page as a draft by ``user`` and submit it for review.

    Returns the page and ``SUBMITTED`` (a workflow was started, or resumed after a
    request for changes) or ``RESTARTED`` (the page was already in review: the new
    revision restarted it). Raises ``ValidationError`` when the translated page does
    not validate (wagtail-localize records the errors on the strings) and
    ``WorkflowActionRefused`` when the page has no workflow.
    """
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(
        translation_key=translation.source.object_id, locale_id=translation.target_locale_id
    ).specific
    with transaction.atomic():
        workflow_state = page.current_workflow_state
        if workflow_state is not None and workflow_state.status == (
            WorkflowState.STATUS_IN_PROGRESS
        ):
            return page, RESTARTED
        if workflow_state is not None and workflow_state.status == (
            WorkflowState.STATUS_NEEDS_CHANGES
        ):
            workflow_state.resume(user)
        else:
            approval.submit(page, user)
    return page, SUBMITTED


def _report(request, page, outcome) -> None:
    messages.success(request, SUBMITTED_MESSAGE if outcome == SUBMITTED else RESTARTED_MESSAGE)
    # Machine-filled strings do not stop the submission; the reviewer will be refused
    # until a translator has reviewed them, so say it now.
    for reason in gate.translation_reasons(page.latest_revision, page):
        if reason.code == "machine_translation":
            messages.warning(request, str(reason))


def _lock_refusal(page, user):
    """Why ``user`` may not save into ``page`` now (None: they may).

    A page in review is locked for everyone but the current step's group (a reviewer or
    the spokesperson may still correct it, which restarts the review); a translator
    waits for the decision or for a request for changes.
    """
    lock = page.get_lock()
    if lock is None or not lock.for_user(user):
        return None
    return format_html("{} {}", _("The translation was not saved."), lock.get_message(user) or "")


def submit_from_editor(request, page):
    """The translation editor's Publish: save the translation as a draft and submit it.

    Returns the response, or None when ``page`` is not the target of a translation (not
    wagtail-localize's editor). Wagtail has already checked that the user may edit it.
    """
    if page.alias_of_id is not None:
        return None  # wagtail-localize shows "Translate this page" for an alias
    translation = target_translation(page)
    if translation is None:
        return None
    refusal = _lock_refusal(page, request.user)
    if refusal:
        messages.error(request, refusal)
        return redirect(request.path)
    try:
        page, outcome = save_and_submit(translation, request.user)
    except ValidationError:
        messages.error(
            request,
            _(
                "The translation could not be saved: some strings are not valid. Correct "
                "them in the editor and submit again."
            ),
        )
    except WorkflowActionRefused as error:
        messages.error(request, str(error))
    else:
        _report(request, page, outcome)
    return redirect(request.path)


class GatedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", with "Submit for review" for "Publish".

    For a page, the box that published the translations at once saves each translation
    as a draft by the user and submits it to the workflow (``save_and_submit``).
    """

    def _is_page_source(self) -> bool:
        return issubclass(self.object.specific_content_type.model_class() or object, Page)

    def get_form(self):
        form = super().get_form()
        if self._is_page_source():
            field = form.fields["publish_translations"]
            field.label = _("Save and submit for review")
            field.help_text = _(
                "Save the updated translations as drafts and submit them for review and "
                "the spokesperson's approval. Nothing is published now."
            )
        return form

    def form_valid(self, form):
        if not (form.cleaned_data.get("publish_translations") and self._is_page_source()):
            return super().form_valid(form)
        # wagtail-localize's own sync (source, machine translation, related objects),
        # without publishing; then the translated pages are saved and submitted.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        translations = self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )
        for translation in translations:
            self._submit(translation)
        return response

    def _submit(self, translation) -> None:
        request = self.request
        target = Page.objects.filter(
            translation_key=translation.source.object_id, locale_id=translation.target_locale_id
        ).first()
        refusal = _lock_refusal(target, request.user) if target is not None else None
        if refusal:
            messages.error(request, refusal)
            return
        try:
            page, outcome = save_and_submit(translation, request.user)
        except ValidationError:
            messages.error(
                request,
                _(
                    "The translation could not be saved: some strings are not valid. Correct "
                    "them in the editor and submit again."
                ),
            )
        except WorkflowActionRefused as error:
            messages.error(request, str(error))
        else:
            _report(request, page, outcome)

"""Every door to ``live``, tried by every role that can reach it: the gate refuses.

The page is an article live at version 1 (published through the workflow) with
the writer's version 2 waiting as a draft (``gate_helpers.live_page_with_draft``).
Each test tries to put version 2 (or other unapproved text) live through one
door, as one role, and proves that:

* the attempt is refused — where a role cannot even reach the door, that it
  gets no button and a 403 or a redirect;
* the user is told why, in the admin's language (Vietnamese: new accounts
  default to it);
* the live page is exactly as it was, in the database and on the public URL;
* where the gate refused, a ``workflows.publication_refused`` entry is in the
  audit log, with the door.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.revert_to_page_revision import RevertToPageRevisionAction
from wagtail.models import Page, PageLogEntry, Revision

from articles.models import ArticlePage
from cms.security.models import TermEntry
from cms.workflows import approval
from cms.workflows.exceptions import PublicationRefused
from cms.workflows.models import PublicationApproval
from cms.workflows.wagtail_hooks import DIRECT_PUBLISH_REFUSAL
from tests.factories import editorial_team, get_home_page, get_locale
from tests.workflows.gate_helpers import (
    ALL_ROLES,
    GATE_HEAD,
    V1_TITLE,
    V2_TITLE,
    article_data,
    assert_untouched,
    live_page_with_draft,
    messages_of,
    person_for,
    refusals,
    register,
    shared_state,
    vi,
)

pytestmark = pytest.mark.django_db

BULK = (
    "Pages cannot be published in bulk: each one goes through review and the "
    "spokesperson's approval."
)
COPY = "A copy cannot be published directly: copy it as a draft and submit it for review."
API = "Pages are published only through the review workflow: submit the page for review."


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """The live article and its English translation, made once for this module."""
    with shared_state(django_db_blocker):
        live = live_page_with_draft()
        yield live, make_live_translation(live)


@pytest.fixture
def live(module_data, db):
    return module_data[0]


@pytest.fixture
def live_translation(module_data, db):
    return module_data[1]


def refused_in_vietnamese(response, *parts: str) -> None:
    shown = messages_of(response)
    assert any(all(vi(part) in message for part in parts) for message in shown), shown


def cannot_reach(response) -> None:
    """Wagtail's answer to a user without the right: 403, or a redirect to the dashboard (or,
    for a translator and a Vietnamese page, to the explorer, with the reason)."""
    if response.status_code == HTTPStatus.FOUND:
        location = response["Location"]
        assert (
            location.rstrip("/").endswith("/admin")
            or "login" in location
            or re.fullmatch(r"/admin/pages/\d+/", location)
        ), location
    else:
        assert response.status_code == HTTPStatus.FORBIDDEN


# ------------------------------------------------------------------ the editor's Publish


@pytest.mark.parametrize("key", ALL_ROLES)
def test_edit_view_publish_is_hidden_and_refused(client, live, key):
    user = person_for(key)
    assert user.wagtail_userprofile.preferred_language == "vi"
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[live.page.pk])

    shown = client.get(url)
    response = client.post(url, article_data(live.page, **{"action-publish": "action-publish"}))

    if key in ("siteadmin", "translator"):  # no right to edit pages, or Vietnamese ones
        cannot_reach(shown)
        cannot_reach(response)
        assert not refusals(live.page).exists()
    else:
        assert shown.status_code == HTTPStatus.OK
        assert 'name="action-publish"' not in shown.content.decode()
        assert response.status_code == HTTPStatus.FOUND
        refused_in_vietnamese(response, GATE_HEAD, str(DIRECT_PUBLISH_REFUSAL))
        assert refusals(live.page, "edit_publish").filter(user=user).exists()
        draft = live.fresh().get_latest_revision()
        assert draft.user == user  # the text is kept as a draft
        assert draft.content["title"] == V2_TITLE
    assert_untouched(live, client)


@pytest.mark.parametrize("key", ALL_ROLES)
def test_create_view_publish_makes_a_draft(client, live, key):
    user = person_for(key)
    client.force_login(user)
    parent = live.page.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", parent.pk])
    data = article_data(live.page, slug="bai-moi-xuat-ban-thang", **{"action-publish": "1"})

    shown = client.get(url)
    response = client.post(url, data)

    created = ArticlePage.objects.filter(slug="bai-moi-xuat-ban-thang").first()
    if key in ("siteadmin", "reviewer", "spokesperson", "translator"):  # no right to add pages
        cannot_reach(shown)
        cannot_reach(response)
        assert created is None
    else:
        assert 'name="action-publish"' not in shown.content.decode()
        assert response.status_code == HTTPStatus.FOUND
        assert created is not None
        assert not created.live
        assert created.live_revision is None
        assert created.get_latest_revision().user == user
        refused_in_vietnamese(response, GATE_HEAD, str(DIRECT_PUBLISH_REFUSAL))
        assert refusals(created, "create").filter(user=user).exists()
        client.logout()
        assert client.get(f"{parent.url}bai-moi-xuat-ban-thang/").status_code == 404
    assert_untouched(live, client)


# ------------------------------------------------------------------ workflow approval


def workflow_action(client, page, action="approve", comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment}, headers={"x-requested-with": "XMLHttpRequest"})


@pytest.mark.parametrize("key", ALL_ROLES)
def test_review_step_refuses_everyone_but_another_reviewer(client, live, key):
    """The writer submitted version 2; everyone else but a reviewer is refused at review."""
    writer = person_for("writer") if key == "writer" else editorial_team()[0]
    page = live.fresh()
    page.save_revision(user=writer)
    approval.submit(page, writer)
    user = writer if key == "writer" else person_for(key)
    if key == "reviewer":  # a reviewer who edited the text during review is one of its authors
        live.fresh().get_latest_revision_as_object().save_revision(user=user)
    client.force_login(user)
    page = live.fresh()
    task_state = page.current_workflow_task_state

    response = workflow_action(client, page)

    assert response.status_code == HTTPStatus.OK
    assert json.loads(response.content)["step"] == "success"
    expected = (
        "You wrote, edited or submitted this version, so another reviewer must review it."
        if key == "reviewer"
        else "Only a member of the reviewers' group can take the review step."
    )
    assert messages_of(response) == [vi(expected)]
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert refusals(page, "workflow").filter(user=user).exists()
    assert_untouched(live, client)


@pytest.mark.parametrize("key", ALL_ROLES)
def test_spokesperson_step_refuses_the_wrong_people(client, live, key):
    """Version 2 passed review; only a registered spokesperson who took no part approves.

    The spokesperson of this test has an authorisation that ended yesterday.
    """
    writer, reviewer, _spokesperson = editorial_team()
    approval.submit(live.fresh(), writer)
    approval.take_step(live.fresh(), reviewer, "approve", attest=True)
    user = {"writer": writer, "reviewer": reviewer}.get(key) or person_for(key)
    if key == "spokesperson":
        user.spokesperson_entries.update(valid_until=timezone.localdate() - datetime.timedelta(1))
    client.force_login(user)
    page = live.fresh()
    task_state = page.current_workflow_task_state

    response = workflow_action(client, page)

    assert json.loads(response.content)["step"] == "success"
    expected = (
        "Your authorisation in the spokesperson register is not current, so you cannot "
        "approve publication."
        if key == "spokesperson"
        else "Only the spokesperson can approve publication."
    )
    assert messages_of(response) == [vi(expected)]
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert not PublicationApproval.objects.filter(revision=task_state.revision).exists()
    assert refusals(page, "workflow").filter(user=user).exists()
    assert_untouched(live, client)


# ------------------------------------------------------------------ publish_scheduled


def approve_for_later(live, *, hours=2):
    """Version 2 approved by the whole workflow with a go-live time ``hours`` from now."""
    writer, reviewer, spokesperson = editorial_team()
    entry = spokesperson.spokesperson_entries.first() or register(spokesperson)
    page = live.fresh().get_latest_revision_as_object()
    page.go_live_at = timezone.now() + datetime.timedelta(hours=hours)
    page.save_revision(user=writer)
    approval.publish_through_workflow(
        page, writer=writer, reviewer=reviewer, spokesperson=spokesperson
    )
    revision = live.fresh().get_latest_revision()
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None  # scheduled, not published
    assert live.fresh().live_revision_id == live.v1.pk
    return revision, entry


def time_passes(revision):
    """The go-live time has come: as if the clock had moved past it."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def run_publish_scheduled():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("publish_scheduled", stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_our_publish_scheduled_overrides_wagtails():
    from django.core.management import get_commands

    assert get_commands()["publish_scheduled"] == "cms.workflows"


def test_scheduled_publication_happens_when_the_gate_still_passes(client, live):
    revision, _entry = approve_for_later(live)
    time_passes(revision)

    code, out, err = run_publish_scheduled()

    assert code == 0, err
    page = live.fresh()
    assert page.live_revision_id == revision.pk
    assert page.title == V2_TITLE
    assert "Published" in out and "[1/1]" in out
    assert PublicationApproval.objects.get(revision=revision).used_at is not None
    client.logout()
    assert V2_TITLE in client.get(live.url).content.decode()


def test_publish_scheduled_dry_run_changes_nothing(live):
    revision, _entry = approve_for_later(live)
    time_passes(revision)
    out = io.StringIO()

    call_command("publish_scheduled", "--dryrun", stdout=out)

    assert "Will do a dry run." in out.getvalue()
    assert V2_TITLE in out.getvalue()  # Wagtail's listing of the revisions due
    assert live.fresh().live_revision_id == live.v1.pk
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None


def test_scheduled_publication_is_refused_when_the_authorisation_has_ended(client, live):
    revision, entry = approve_for_later(live)
    entry.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    entry.save()
    time_passes(revision)

    code, _out, err = run_publish_scheduled()

    assert code == 1
    assert_untouched(live, client)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None  # the schedule is cancelled
    [entry_log] = refusals(live.page, "scheduled")
    assert "authorisation_not_current" in {r["code"] for r in entry_log.data["reasons"]}
    assert "Từ chối xuất bản / Publication refused" in err
    assert "en: Publication refused by the information-security gate." in err
    assert PageLogEntry.objects.filter(page=live.page, action="wagtail.schedule.cancel").exists()
    # Run again: nothing is due any more.
    assert run_publish_scheduled()[0] == 0


def test_scheduled_publication_is_refused_when_the_checker_finds_a_new_block_term(client, live):
    revision, _entry = approve_for_later(live)
    TermEntry.objects.create(rule_id="SEC-02", term="kiểm duyệt và phê duyệt", language="vi")
    time_passes(revision)

    code, _out, err = run_publish_scheduled()

    assert code == 1, err
    assert_untouched(live, client)
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    [entry_log] = refusals(live.page, "scheduled")
    assert "blocking_finding" in {r["code"] for r in entry_log.data["reasons"]}


def test_one_refused_scheduled_revision_does_not_stop_the_others(client, live):
    revision, _entry = approve_for_later(live)
    other = live_page_with_draft(slug="bai-thu-hai", title="Bài thứ hai")
    other_revision, _ = approve_for_later(other)
    TermEntry.objects.create(rule_id="SEC-02", term="kiểm duyệt và phê duyệt", language="vi")
    other_page = other.fresh()
    # Only the first page's text contains the term: make the second one's differ.
    other_revision.content["body"] = json.dumps(
        [{"type": "paragraph", "value": "<p>Nội dung khác.</p>", "id": "x1"}]
    )
    other_revision.save(update_fields=["content"])
    time_passes(revision)
    time_passes(other_revision)

    code, out, err = run_publish_scheduled()

    assert code == 1
    assert_untouched(live, client)
    assert other_page.__class__.objects.get(pk=other_page.pk).live_revision_id == (
        other_revision.pk
    )
    assert "[2/2]" in out + err and "[1/2]" in out + err


# ------------------------------------------------------------------ bulk publish


@pytest.mark.parametrize("key", ALL_ROLES)
def test_bulk_publish_is_refused(client, live, key):
    user = person_for(key)
    client.force_login(user)
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={live.page.pk}"
    )

    response = client.post(url, {"include_descendants": ""})

    # Refused for everyone, also for those who could not publish these pages anyway.
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_explore", args=[live.page.get_parent().pk])
    refused_in_vietnamese(response, GATE_HEAD, BULK)
    assert refusals(live.page, "bulk_publish").filter(user=user).exists()
    assert_untouched(live, client)


# ------------------------------------------------------------------ copy and publish


@pytest.mark.parametrize("key", ALL_ROLES)
def test_copy_and_publish_is_refused(client, live, key):
    user = person_for(key)
    client.force_login(user)
    parent = live.page.get_parent()
    url = reverse("wagtailadmin_pages:copy", args=[live.page.pk])
    pages_before = Page.objects.count()

    response = client.post(
        url,
        {
            "new_title": "Bản sao xuất bản thẳng",
            "new_slug": "ban-sao-xuat-ban-thang",
            "new_parent_page": str(parent.pk),
            "copy_subpages": "",
            "publish_copies": "on",
            "alias": "",
        },
    )

    assert Page.objects.count() == pages_before
    assert not Page.objects.filter(slug="ban-sao-xuat-ban-thang").exists()
    if response.status_code == HTTPStatus.FORBIDDEN or (
        key == "siteadmin" and not refusals(live.page).exists()
    ):
        cannot_reach(response)
    else:
        assert response.status_code == HTTPStatus.FOUND
        refused_in_vietnamese(response, GATE_HEAD, COPY)
        assert refusals(live.page, "copy").filter(user=user).exists()
    assert_untouched(live, client)


def test_copy_keeping_it_live_from_code_is_refused(client, live):
    parent = live.page.get_parent()
    superuser = person_for("superuser")
    action = CopyPageAction(
        live.fresh(),
        to=parent,
        update_attrs={"slug": "ban-sao-tu-ma-nguon", "title": "Bản sao"},
        keep_live=True,
        user=superuser,
    )

    with pytest.raises(PublicationRefused) as refused:
        action.execute(skip_permission_checks=True)

    assert refused.value.reasons[0].code == "new_live_page"
    assert not Page.objects.filter(slug="ban-sao-tu-ma-nguon").exists()
    # Wagtail's tree code ran it in a transaction, which took the audit entry with it;
    # code that catches the refusal writes it with the refusal's token (the admin's
    # middleware does so for every admin view).
    from cms.workflows.gate import log_refusal

    log_refusal(refused.value)
    assert refusals(parent).filter(data__token=refused.value.token).exists()
    assert_untouched(live, client)


# ------------------------------------------------------------------ revert and publish


@pytest.mark.parametrize("key", ALL_ROLES)
def test_revert_and_publish_is_refused(client, live, key):
    user = person_for(key)
    client.force_login(user)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[live.page.pk, live.v2.pk])

    shown = client.get(url)
    response = client.post(url, article_data(live.page, **{"action-publish": "action-publish"}))

    if key in ("siteadmin", "translator"):
        cannot_reach(shown)
        cannot_reach(response)
    else:
        assert shown.status_code == HTTPStatus.OK
        assert 'name="action-publish"' not in shown.content.decode()
        assert response.status_code == HTTPStatus.FOUND
        refused_in_vietnamese(response, GATE_HEAD, str(DIRECT_PUBLISH_REFUSAL))
        assert refusals(live.page, "revert").filter(user=user).exists()
    assert_untouched(live, client)


def test_republishing_an_earlier_approved_revision_from_code_is_refused(client, live):
    """Version 1 was approved and published once: its approval is used up."""
    writer, reviewer, spokesperson = editorial_team()
    register(spokesperson)
    approval.publish_through_workflow(
        live.fresh(), writer=writer, reviewer=reviewer, spokesperson=spokesperson
    )
    assert live.fresh().live_revision_id == live.v2.pk

    with pytest.raises(PublicationRefused) as refused:
        Revision.objects.get(pk=live.v1.pk).publish(user=spokesperson, skip_permission_checks=True)

    codes = {reason.code for reason in refused.value.reasons}
    assert {"no_approval", "older_than_live"} <= codes
    page = live.fresh()
    assert page.live_revision_id == live.v2.pk
    assert page.title == V2_TITLE
    assert refusals(page).filter(revision_id=live.v1.pk).exists()


def test_revert_from_code_makes_a_draft_and_publishing_it_is_refused(client, live):
    superuser = person_for("superuser")
    reverted = RevertToPageRevisionAction(live.fresh(), live.v2, user=superuser).execute(
        skip_permission_checks=True
    )

    with pytest.raises(PublicationRefused):
        reverted.publish(user=superuser)

    assert_untouched(live, client)


# ------------------------------------------------------------------ wagtail-localize


def make_live_translation(live):
    """The article's English translation, synchronised by wagtail-localize, live through the
    workflow (version 1 in English)."""
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    from tests.factories import publish_page, translate_page

    translate_page(
        get_home_page("vi"), "en", title="Xuan Truong Commune External Information Portal"
    )
    source, _created = TranslationSource.get_or_create_from_instance(live.fresh())
    translation = Translation.objects.create(
        source=source, target_locale=get_locale("en"), enabled=True
    )
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=f"EN {segment.string.data}",
        )
    translation.save_target(user=editorial_team()[0], publish=False)
    en_page = live.page.get_translation(get_locale("en"))
    publish_page(en_page.specific)
    en_page = en_page.specific_class.objects.get(pk=en_page.pk)
    assert en_page.live
    return translation, en_page


def en_untouched(en_page, client):
    fresh = type(en_page).objects.get(pk=en_page.pk)
    assert fresh.live
    assert fresh.live_revision_id == en_page.live_revision_id
    assert fresh.title == en_page.title
    assert str(fresh.body) == str(en_page.body)
    client.logout()
    public = client.get(en_page.get_url())
    assert public.status_code == 200
    assert "CHANGED" not in public.content.decode()


@pytest.fixture
def on_commit_now(monkeypatch):
    """wagtail-localize publishes on commit of its own transaction, inside the request in
    production (the view's outermost transaction); a test's transaction never commits."""
    import wagtail_localize.models as localize_models

    monkeypatch.setattr(localize_models.transaction, "on_commit", lambda func, **kw: func())


def submitted_by(en_page, user) -> None:
    """The translation was saved as ``user``'s draft and submitted for review, not published."""
    page = type(en_page).objects.get(pk=en_page.pk)
    assert page.latest_revision_id != en_page.live_revision_id
    assert page.latest_revision.user == user
    assert "CHANGED" in json.dumps(page.latest_revision.content)
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.requested_by == user
    assert state.current_task_state.revision_id == page.latest_revision_id


@pytest.mark.parametrize("key", ALL_ROLES)
def test_translation_editor_publish_submits_for_review(
    client, live_translation, key, on_commit_now
):
    from wagtail_localize.models import StringTranslation

    from cms.workflows.translation import SUBMITTED_MESSAGE

    translation, en_page = live_translation
    StringTranslation.objects.filter(locale=translation.target_locale).update(
        data="CHANGED text, not approved"
    )
    user = person_for(key)
    client.force_login(user)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[en_page.pk]), {"action": "publish"}
    )

    if key == "siteadmin":  # no right to edit pages
        cannot_reach(response)
    else:
        assert response.status_code == HTTPStatus.FOUND
        assert messages_of(response) == [vi(str(SUBMITTED_MESSAGE))]
        submitted_by(en_page, user)
    assert not refusals(en_page).exists()  # nothing tried to publish
    en_untouched(en_page, client)


def test_translation_editor_keeps_new_text_out_of_the_live_page_until_it_is_approved(
    client, live_translation, django_capture_on_commit_callbacks
):
    """wagtail-localize writes the translation into the live page and saves a revision; it
    publishes nothing (no publication waits for its transaction to commit)."""
    from wagtail_localize.models import StringTranslation

    translation, en_page = live_translation
    StringTranslation.objects.filter(locale=translation.target_locale).update(
        data="CHANGED text, not approved"
    )
    user = person_for("superuser")
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[en_page.pk]), {"action": "publish"}
        )

    assert response.status_code == HTTPStatus.FOUND
    assert not [c for c in callbacks if getattr(c, "__name__", "") == "publish"]
    en_untouched(en_page, client)  # committed: the live page still has its published text
    submitted_by(en_page, user)  # the new text waits in a revision, in review


@pytest.mark.parametrize("key", ALL_ROLES)
def test_sync_translated_pages_and_publish_submits_for_review(
    client, live_translation, key, on_commit_now
):
    from wagtail_localize.models import StringTranslation

    from cms.workflows.translation import SUBMITTED_MESSAGE

    translation, en_page = live_translation
    StringTranslation.objects.filter(locale=translation.target_locale).update(
        data="CHANGED text, not approved"
    )
    user = person_for(key)
    client.force_login(user)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])

    response = client.post(url, {"publish_translations": "on"})

    if key in ("translator", "superuser"):  # wagtail-localize's submit_translation right
        assert response.status_code == HTTPStatus.FOUND
        assert vi(str(SUBMITTED_MESSAGE)) in messages_of(response)
        submitted_by(en_page, user)
    else:
        cannot_reach(response)
    assert not refusals(en_page).exists()
    en_untouched(en_page, client)


# ------------------------------------------------------------------ the admin API


@pytest.mark.parametrize("key", ALL_ROLES)
@pytest.mark.parametrize(
    ("action", "payload"), [("publish", {}), ("copy", {}), ("copy", {"keep_live": True})]
)
def test_admin_api_publish_and_live_copy_are_refused(client, live, key, action, payload):
    user = person_for(key)
    client.force_login(user)
    url = reverse("wagtailadmin_api:pages:action", args=[live.page.pk, action])
    live_before = Page.objects.filter(live=True).count()

    response = client.post(url, payload, content_type="application/json")

    refused = response.status_code == HTTPStatus.FORBIDDEN and "message" in response.json()
    if refused:
        assert vi(GATE_HEAD) in response.json()["message"]
        assert refusals(live.page, "api").filter(user=user).exists()
    elif action == "copy" and not payload and key in ("writer", "superuser"):
        assert response.status_code == HTTPStatus.CREATED  # a draft copy
        assert not response.json()["meta"]["status"]["live"]
    else:
        # The page is not theirs to publish or copy: Wagtail's 403 or 404 (the latter
        # redirected to the same URL under /vi/ by the locale middleware).
        assert response.status_code in (
            HTTPStatus.FORBIDDEN,
            HTTPStatus.NOT_FOUND,
            HTTPStatus.FOUND,
        ), response.content
        if response.status_code == HTTPStatus.FOUND:
            assert response["Location"].startswith("/vi/admin/api/")
        assert key not in ("writer", "superuser") or action == "copy"
    if action == "publish" and key != "siteadmin":
        assert refused
    assert Page.objects.filter(live=True).count() == live_before
    assert_untouched(live, client)


@pytest.mark.parametrize("key", ["reviewer", "spokesperson", "superuser"])
def test_admin_api_unpublish_sends_to_the_takedown_form(client, live, key):
    client.force_login(person_for(key))

    response = client.post(
        reverse("wagtailadmin_api:pages:action", args=[live.page.pk, "unpublish"]),
        {},
        content_type="application/json",
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert_untouched(live, client)


# ------------------------------------------------------------------ from code


def test_revision_publish_from_code_is_refused(client, live):
    with pytest.raises(PublicationRefused) as refused:
        Revision.objects.get(pk=live.v2.pk).publish()

    assert {reason.code for reason in refused.value.reasons} == {"no_approval"}
    assert refusals(live.page).filter(revision_id=live.v2.pk).exists()
    assert_untouched(live, client)


def test_publish_action_skipping_permission_checks_is_refused(client, live):
    superuser = person_for("superuser")
    action = PublishPageRevisionAction(Revision.objects.get(pk=live.v2.pk), user=superuser)

    with pytest.raises(PublicationRefused):
        action.execute(skip_permission_checks=True)

    assert refusals(live.page).filter(user=superuser).exists() or refusals(live.page).exists()
    assert_untouched(live, client)


def test_writing_other_text_into_the_live_page_from_code_keeps_the_published_text(client, live):
    """As in Wagtail's editor, new text of a live page goes to a revision, not to the site."""
    page = live.fresh()
    page.title = V2_TITLE
    page.body = live.v2.as_object().body

    page.save()

    assert_untouched(live, client)
    assert page.title == V2_TITLE  # the object still holds the new text...
    revision = page.save_revision(user=editorial_team()[0])
    assert revision.content["title"] == V2_TITLE  # ...which becomes a draft revision
    assert_untouched(live, client)


def test_publishing_an_approved_revision_with_other_text_in_memory_is_refused(client, live):
    """An approved revision is not a licence to publish whatever the object holds."""
    revision, _entry = approve_for_later(live)
    forged = live.fresh()
    forged.title = "Văn bản khác chưa được duyệt"
    forged.live_revision = revision

    with pytest.raises(PublicationRefused) as refused:
        forged.save()

    assert refused.value.reasons[0].code == "other_revision"
    assert PublicationApproval.objects.get(revision=revision).used_at is None  # not spent
    assert_untouched(live, client)


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        ("spokesperson_is_reviewer", "same_person"),
        ("spokesperson_is_author", "author_approved"),
        ("reviewer_is_author", "author_approved"),
        ("no_review_step", "no_review"),
        ("other_revision", "no_approval"),
    ],
)
def test_the_gate_itself_checks_who_approved(client, live, tamper, code):
    """Approvals are recorded only by the workflow; the gate checks them again anyway."""
    revision, _entry = approve_for_later(live)
    writer, reviewer, _spokesperson = editorial_team()
    record = PublicationApproval.objects.filter(revision=revision)
    changes = {
        "spokesperson_is_reviewer": {"spokesperson": reviewer},
        "spokesperson_is_author": {"spokesperson": writer},
        "reviewer_is_author": {"reviewer": writer},
        "no_review_step": {"review_task_state": None},
        "other_revision": {"revision": live.v1},
    }[tamper]
    record.update(**changes)
    time_passes(revision)

    with pytest.raises(PublicationRefused) as refused:
        Revision.objects.get(pk=revision.pk).publish()

    assert code in {reason.code for reason in refused.value.reasons}
    assert_untouched(live, client)
    assert refusals(live.page).filter(data__token=refused.value.token).exists()


def test_refusal_message_is_in_the_log_formatter(live):
    with pytest.raises(PublicationRefused):
        Revision.objects.get(pk=live.v2.pk).publish()
    entry = refusals(live.page).get()
    assert entry.data["door"] == "save"
    assert entry.data["revision_id"] == live.v2.pk
    assert V1_TITLE not in json.dumps(entry.data)

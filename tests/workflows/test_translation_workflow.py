"""A translated page is a page: the English version goes through the same workflow and gate.

The translator works as in the admin: "Translate this page" on the Vietnamese
article, each string typed in wagtail-localize's editor (its string API), then the
editor's Publish button — which saves the translation as a draft and submits it
for review. Reviewers and the spokesperson take their steps in the admin's workflow
views. Machine translation is off unless configured, and a string the machine filled
in blocks the review and the publication until a translator has saved it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation as django_translation
from django.utils.translation import ngettext
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.workflows import approval, gate
from cms.workflows.exceptions import PublicationRefused
from cms.workflows.machine_translation import (
    DEEPL,
    LIBRETRANSLATE,
    check_machine_translator,
    machine_translator_setting,
)
from cms.workflows.models import PublicationApproval, ReviewTask
from cms.workflows.translation import RESTARTED_MESSAGE, SUBMITTED_MESSAGE
from tests.factories import ArticlePageFactory, TopicFactory, get_locale, paragraphs
from tests.workflows.gate_helpers import messages_of, person_for, vi

pytestmark = pytest.mark.django_db

DUMMY = "wagtail_localize.machine_translators.dummy.DummyTranslator"

VI_TITLE = "Xã Xuân Trường đón đoàn nhà đầu tư"
EN_TITLE = "Xuan Truong Commune welcomes investors"
VI_BODY = "Đoàn công tác làm việc với UBND xã về hạ tầng cụm công nghiệp."
EN_BODY = (
    "The delegation met the People's Committee of Xuan Truong Commune on the industrial "
    "cluster's infrastructure."
)
ENGLISH = {
    VI_TITLE: EN_TITLE,
    "xa-xuan-truong-don-doan-nha-dau-tu": "xuan-truong-welcomes-investors",
    "Đoàn nhà đầu tư thăm cụm công nghiệp của xã.": "Investors visit the commune's industrial "
    "cluster.",
    VI_BODY: EN_BODY,
    "Văn Minh": "Van Minh",
}


# ------------------------------------------------------------------ the translator's steps


@pytest.fixture
def crew(db):
    """The translator, a reviewer and a registered spokesperson (accounts of their groups)."""
    return {key: person_for(key) for key in ("translator", "reviewer", "spokesperson")}


@pytest.fixture
def source(db):
    """The Vietnamese article, published through the workflow."""
    return ArticlePageFactory(
        title=VI_TITLE,
        slug="xa-xuan-truong-don-doan-nha-dau-tu",
        summary="Đoàn nhà đầu tư thăm cụm công nghiệp của xã.",
        body=paragraphs(VI_BODY),
        author_name="Văn Minh",
    )


def translate_this_page(client, page) -> Translation:
    """wagtail-localize's "Translate this page" into English, as the logged-in user."""
    english = get_locale("en")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND, response.content
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=english)


def type_strings(client, translation, english=ENGLISH) -> None:
    """Type every string in the translation editor (its string API), as the logged-in user."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": english[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.CREATED), response.content


def english_page(source):
    return Page.objects.get(
        translation_key=source.translation_key, locale__language_code="en"
    ).specific


def editor_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def said(client, response) -> list[str]:
    """The messages ``response`` left for the user, read once (as the next page shows them)."""
    shown = messages_of(response)
    client.cookies.pop("messages", None)
    return shown


def editor_publish(client, page):
    """The translation editor's Publish button (a POST of ``action=publish``): the messages."""
    response = client.post(editor_url(page), {"action": "publish"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == editor_url(page)
    return said(client, response)


def workflow_action(client, page, action="approve", comment=""):
    """A workflow step in the admin (the modal's XHR POST): the messages."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = client.post(
        url, {"comment": comment}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == HTTPStatus.OK
    assert json.loads(response.content)["step"] == "success"
    return said(client, response)


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def reviewed_and_approved(client, page, crew):
    """The reviewer (confirming attest items) and the spokesperson approve in the admin."""
    client.force_login(crew["reviewer"])
    page = fresh(page)
    approval.take_step(page, crew["reviewer"], "approve", attest=True)
    client.force_login(crew["spokesperson"])
    assert workflow_action(client, fresh(page)) == []
    return fresh(page)


def vi_n(singular: str, plural: str, count: int) -> str:
    with django_translation.override("vi"):
        return ngettext(singular, plural, count) % {"count": count}


def machine_reason(count: int) -> str:
    return vi_n(
        "%(count)d string was filled by machine translation and has not been reviewed by a "
        "translator.",
        "%(count)d strings were filled by machine translation and have not been reviewed by a "
        "translator.",
        count,
    )


def editor_props(client, page) -> tuple[dict, dict]:
    """(wagtail-localize's editor props, what our template tells the editor)."""
    response = client.get(editor_url(page))
    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    editor = soup.select_one(".js-translation-editor")
    setup = soup.select_one("script#workflows-translation-editor")
    # The setup script runs when the editor's element has been parsed, before the editor
    # starts (on DOMContentLoaded): it comes after the element.
    assert editor.find_next("script", id="workflows-translation-editor") is setup
    return json.loads(editor["data-props"]), json.loads(setup.string)


@pytest.fixture
def english_draft(client, crew, source):
    """The translator translated the article in the editor; nothing saved into the page yet."""
    client.force_login(crew["translator"])
    translation = translate_this_page(client, source)
    type_strings(client, translation)
    return translation, english_page(source)


# ------------------------------------------------------------------ the editor's Publish


def test_the_editors_publish_saves_the_translation_and_submits_it_for_review(
    client, crew, source, english_draft
):
    translator = crew["translator"]
    _translation, page = english_draft
    assert not page.live

    props, setup = editor_props(client, page)
    assert props["perms"]["canPublish"] is False  # wagtail-localize's: nobody may publish
    assert setup["canSubmit"] is True  # the button is shown, to submit
    assert setup["labels"] == {
        "Publish in ": vi("Save and submit for review: "),
        "Publishing...": vi("Submitting for review..."),
    }

    shown = editor_publish(client, page)

    assert shown == [vi(str(SUBMITTED_MESSAGE))]
    page = fresh(page)
    assert not page.live
    assert page.live_revision is None
    draft = page.latest_revision
    assert draft.user == translator
    assert draft.content["title"] == EN_TITLE
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == translator
    assert isinstance(state.current_task_state.task.specific, ReviewTask)
    assert state.current_task_state.revision == draft
    assert not PublicationApproval.objects.filter(page_id=page.pk).exists()

    page = reviewed_and_approved(client, page, crew)  # the same two steps as any page

    assert page.live
    assert page.live_revision == draft
    assert page.title == EN_TITLE
    client.logout()
    assert "on the industrial cluster" in client.get(page.url).content.decode()
    assert fresh(source).title == VI_TITLE


def test_a_new_translation_of_a_live_page_waits_for_review_and_a_correction_restarts_it(
    client, crew, english_draft
):
    translation, page = english_draft
    editor_publish(client, page)
    live = reviewed_and_approved(client, page, crew)
    new_title = "Xuan Truong Commune receives investors from Japan"
    client.force_login(crew["translator"])
    type_strings(client, translation, {**ENGLISH, VI_TITLE: new_title})

    assert editor_publish(client, live) == [vi(str(SUBMITTED_MESSAGE))]
    page = fresh(live)
    assert page.live_revision_id == live.live_revision_id  # the site keeps what was approved
    assert page.title == EN_TITLE
    assert page.latest_revision.content["title"] == new_title
    first = page.current_workflow_task_state
    assert first.revision == page.latest_revision

    # In review the page is locked for the translator, as any page for its writer.
    assert editor_props(client, page)[1]["canSubmit"] is False
    [refusal] = editor_publish(client, page)
    assert refusal.startswith(vi("The translation was not saved."))
    assert fresh(page).latest_revision_id == first.revision_id

    # A reviewer corrects the translation in the editor: the review starts again, on the
    # new text, and that reviewer is now one of its authors.
    reviewer = crew["reviewer"]
    client.force_login(reviewer)
    type_strings(client, translation, {**ENGLISH, VI_TITLE: f"{new_title} (2026)"})
    assert editor_publish(client, page) == [vi(str(RESTARTED_MESSAGE))]
    page = fresh(page)
    first.refresh_from_db()
    assert first.status == TaskState.STATUS_CANCELLED
    current = page.current_workflow_task_state
    assert isinstance(current.task.specific, ReviewTask)
    assert current.revision == page.latest_revision
    assert current.revision.content["title"] == f"{new_title} (2026)"
    assert current.revision.user == reviewer
    assert approval.review_refusal(current.task.specific, page, reviewer)
    assert page.title == EN_TITLE


def test_sync_translated_pages_with_publish_submits_them_for_review(client, crew, english_draft):
    translation, page = english_draft
    editor_publish(client, page)
    live = reviewed_and_approved(client, page, crew)
    client.force_login(crew["translator"])
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])

    form = BeautifulSoup(client.get(url).content, "html.parser")
    label = form.select_one('label[for="id_publish_translations"]').get_text(strip=True)
    assert label == vi("Save and submit for review")
    response = client.post(url, {"publish_translations": "on"})

    assert response.status_code == HTTPStatus.FOUND
    assert vi(str(SUBMITTED_MESSAGE)) in said(client, response)
    page = fresh(live)
    assert page.live_revision_id == live.live_revision_id
    assert page.latest_revision_id != live.live_revision_id
    assert page.latest_revision.user == crew["translator"]
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == crew["translator"]
    assert state.current_task_state.revision == page.latest_revision


def test_the_translation_editor_of_a_snippet_is_left_as_it_was(client):
    """Topics are snippets, not pages: no workflow, wagtail-localize's own editor."""
    topic = TopicFactory(name="Kinh tế – Đầu tư")
    source, _created = TranslationSource.get_or_create_from_instance(topic)
    translation = Translation.objects.create(
        source=source, target_locale=get_locale("en"), enabled=True
    )
    translation.save_target(publish=True)
    english = topic.get_translation(get_locale("en"))
    client.force_login(person_for("superuser"))

    response = client.get(reverse("wagtailsnippets_core_topic:edit", args=[english.pk]))

    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    assert json.loads(soup.select_one("script#workflows-translation-editor").string) is None
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    assert props["perms"]["canPublish"] is True


# ------------------------------------------------------------------ nobody publishes alone


def test_a_translator_can_neither_approve_nor_publish(client, crew, english_draft):
    translator = crew["translator"]
    _translation, page = english_draft
    editor_publish(client, page)
    page = fresh(page)

    # The review step.
    assert workflow_action(client, page) == [
        vi("Only a member of the reviewers' group can take the review step.")
    ]
    assert fresh(page).current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    # The spokesperson step, once another person has reviewed.
    approval.take_step(page, crew["reviewer"], "approve", attest=True)
    client.force_login(translator)
    assert workflow_action(client, fresh(page)) == [
        vi("Only the spokesperson can approve publication.")
    ]

    # The editor's Publish (the page in review is locked for the translator), the admin
    # API. (Every other door, for every role: test_gate_doors.)
    [refusal] = editor_publish(client, fresh(page))
    assert refusal.startswith(vi("The translation was not saved."))
    response = client.post(
        reverse("wagtailadmin_api:pages:action", args=[page.pk, "publish"]),
        {},
        content_type="application/json",
    )
    assert response.status_code == HTTPStatus.FORBIDDEN

    page = fresh(page)
    assert not page.live
    assert not PublicationApproval.objects.filter(page_id=page.pk).exists()
    assert page.current_workflow_state.requested_by == translator


# ------------------------------------------------------------------ the English rules


@pytest.mark.parametrize(
    ("sea", "publishes"), [("South China Sea", False), ("East Sea", True)], ids=["scs", "east"]
)
def test_an_english_page_saying_south_china_sea_is_not_published(
    client, crew, source, sea, publishes
):
    client.force_login(crew["translator"])
    translation = translate_this_page(client, source)
    body = f"Fishermen of Xuan Truong Commune work in the {sea}."
    type_strings(client, translation, {**ENGLISH, VI_BODY: body})
    editor_publish(client, english_page(source))
    page = english_page(source)
    client.force_login(crew["reviewer"])

    shown = workflow_action(client, page)

    if publishes:
        assert shown == []
        client.force_login(crew["spokesperson"])
        assert workflow_action(client, fresh(page)) == []
        page = fresh(page)
        assert page.live
        assert body in str(page.body)
        return
    [message] = shown
    assert message.startswith(vi("The review cannot be approved."))
    assert "SOV-01" in message
    page = fresh(page)
    assert isinstance(page.current_workflow_task_state.task.specific, ReviewTask)
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    # Whoever tried to put that version live, the gate refuses it.
    with pytest.raises(PublicationRefused) as refused:
        page.latest_revision.publish(user=crew["spokesperson"], skip_permission_checks=True)
    blocking = [r for r in refused.value.reasons if r.code == "blocking_finding"]
    assert blocking
    assert "SOV-01" in str(blocking[0])
    assert not fresh(page).live


# ------------------------------------------------------------------ machine translation


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": DUMMY, "OPTIONS": {}})
def test_strings_filled_by_machine_block_until_a_translator_has_saved_them(client, crew, source):
    translator = crew["translator"]
    client.force_login(translator)
    translation = translate_this_page(client, source)
    page = english_page(source)
    props, _setup = editor_props(client, page)
    assert props["machineTranslator"]["url"] == reverse(
        "wagtail_localize:machine_translate", args=[translation.pk]
    )
    said(client, client.post(props["machineTranslator"]["url"], {"next": editor_url(page)}))
    strings = StringTranslation.objects.filter(locale=translation.target_locale)
    count = strings.count()
    assert count == 5
    assert set(strings.values_list("translation_type", flat=True)) == {"machine"}

    shown = editor_publish(client, page)

    # Submitted; the translator is told at once what will stop the review.
    assert shown == [vi(str(SUBMITTED_MESSAGE)), machine_reason(count)]
    page = fresh(page)
    client.force_login(crew["reviewer"])
    [refusal] = workflow_action(client, page)
    assert refusal.startswith(vi("The review cannot be approved."))
    assert machine_reason(count) in refusal
    _approval, reasons = gate.evaluate(page, page.latest_revision)
    assert "machine_translation" in {reason.code for reason in reasons}

    # The translator reviews every string in the editor: each becomes "manual"...
    client.force_login(translator)
    type_strings(client, translation)
    assert set(strings.values_list("translation_type", flat=True)) == {"manual"}
    assert set(strings.values_list("last_translated_by", flat=True)) == {translator.pk}
    # ...but the version in review still holds the machine's text: not that one.
    client.force_login(crew["reviewer"])
    [refusal] = workflow_action(client, fresh(page))
    assert (
        vi_n(
            "%(count)d translated string was changed after this version was saved: save the "
            "translation and submit it again.",
            "%(count)d translated strings were changed after this version was saved: save the "
            "translation and submit it again.",
            count,
        )
        in refusal
    )

    # The reviewer asks for changes; the translator submits the reviewed strings.
    approval.take_step(fresh(page), crew["reviewer"], "reject", "Save the reviewed strings.")
    client.force_login(translator)
    assert editor_publish(client, page) == [vi(str(SUBMITTED_MESSAGE))]
    assert fresh(page).current_workflow_state.requested_by == translator
    page = reviewed_and_approved(client, page, crew)

    assert page.live
    assert page.title == EN_TITLE


def test_the_check_of_machine_strings_is_one_query(
    client, crew, english_draft, django_assert_num_queries
):
    translation, page = english_draft
    editor_publish(client, page)
    page = fresh(page)
    StringTranslation.objects.filter(locale=translation.target_locale).update(
        translation_type="machine"
    )
    revision = page.latest_revision

    with django_assert_num_queries(1):
        reasons = gate.translation_reasons(revision, page)

    assert [reason.code for reason in reasons] == ["machine_translation"]
    assert gate.translation_reasons(revision) == reasons  # the page looked up: one more query
    vietnamese = Page.objects.get(pk=page.pk).get_translation(get_locale("vi")).specific
    assert gate.translation_reasons(vietnamese.live_revision, vietnamese) == []


# ------------------------------------------------------------------ settings


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, None),
        ({"MACHINE_TRANSLATOR": "  "}, None),
        (
            {"MACHINE_TRANSLATOR": "deepl", "DEEPL_API_KEY": "abc:fx"},
            {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": "abc:fx"}},
        ),
        (
            {
                "MACHINE_TRANSLATOR": "LibreTranslate",
                "LIBRETRANSLATE_URL": "https://dich.example.vn/",
                "LIBRETRANSLATE_API_KEY": "k1",
            },
            {
                "CLASS": LIBRETRANSLATE,
                "OPTIONS": {"LIBRETRANSLATE_URL": "https://dich.example.vn", "API_KEY": "k1"},
            },
        ),
        (
            {"MACHINE_TRANSLATOR": "libretranslate", "LIBRETRANSLATE_URL": "http://127.0.0.1:5000"},
            {
                "CLASS": LIBRETRANSLATE,
                "OPTIONS": {"LIBRETRANSLATE_URL": "http://127.0.0.1:5000", "API_KEY": ""},
            },
        ),
        ({"MACHINE_TRANSLATOR": DUMMY}, {"CLASS": DUMMY, "OPTIONS": {}}),
    ],
    ids=["unset", "blank", "deepl", "libretranslate", "libretranslate-no-key", "custom"],
)
def test_machine_translator_setting(environment, expected):
    config = machine_translator_setting(environment)

    assert config == expected
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=config):
        assert check_machine_translator() == []
        if config is not None:
            from wagtail_localize.machine_translators import get_machine_translator

            assert (
                type(get_machine_translator()).__module__
                + "."
                + type(get_machine_translator()).__name__
                == config["CLASS"]
            )


@pytest.mark.parametrize(
    ("environment", "error_id", "names"),
    [
        ({"MACHINE_TRANSLATOR": "deepl"}, "workflows.E101", "DEEPL_API_KEY"),
        ({"MACHINE_TRANSLATOR": "libretranslate"}, "workflows.E102", "LIBRETRANSLATE_URL"),
        (
            {"MACHINE_TRANSLATOR": "libretranslate", "LIBRETRANSLATE_URL": "dich.example.vn"},
            "workflows.E102",
            "LIBRETRANSLATE_URL",
        ),
        ({"MACHINE_TRANSLATOR": "google"}, "workflows.E103", "'google'"),
        ({"MACHINE_TRANSLATOR": "cms.nowhere.Translator"}, "workflows.E103", "cms.nowhere"),
        ({"MACHINE_TRANSLATOR": "django.db.models.Model"}, "workflows.E104", "BaseMachine"),
    ],
    ids=[
        "deepl-no-key",
        "libre-no-url",
        "libre-bad-url",
        "unknown",
        "no-module",
        "not-a-translator",
    ],
)
def test_a_misconfigured_machine_translator_is_a_check_error(environment, error_id, names):
    with override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator_setting(environment)
    ):
        errors = check_machine_translator()

    assert [error.id for error in errors] == [error_id]
    assert names in errors[0].msg
    assert error_id != "workflows.E101" or "khóa API" in errors[0].msg  # Vietnamese and English


def _manage(*args, **environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MACHINE_", "DEEPL_", "LIBRE"))}
    env.update(environment, DJANGO_SETTINGS_MODULE="cms.settings.test")
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_machine_translation_is_off_by_default_and_a_misconfiguration_stops_the_start(
    client, english_draft
):
    # Off by default: no translator configured, no machine-translation button in the editor.
    _translation, page = english_draft
    props, _setup = editor_props(client, page)
    assert props["machineTranslator"] is None
    if not os.environ.get("MACHINE_TRANSLATOR", "").strip():  # as on CI
        assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None

    started = _manage("check", MACHINE_TRANSLATOR="deepl")

    assert started.returncode != 0
    assert "workflows.E101" in started.stderr
    assert "cần khóa API DeepL" in started.stderr
    assert "needs the DeepL API key in DEEPL_API_KEY" in started.stderr

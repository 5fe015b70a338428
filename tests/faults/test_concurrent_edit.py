"""Two people on one page, as two browsers would send it (crafted requests, two clients).

* Locking: a reviewer locks the page; another editor's save is refused with a
  message in Vietnamese and nothing is written; only the person who locked it, or
  a role with the right to unlock (the spokesperson), unlocks it.
* Concurrent edits (Wagtail's editing sessions): both open the editor; one
  saves; the other's ping (``/admin/editing-sessions/ping/…``) says in Vietnamese
  that a newer version was saved, and by whom; the editor's autosave refuses to
  overwrite it; a full save of the outdated form makes a new version and loses
  nothing: both versions are in the page's history.
"""

from __future__ import annotations

import html
import json
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Revision

from tests.workflows.gate_helpers import (
    V1_TITLE,
    article_data,
    live_page_with_draft,
    make_person,
    messages_of,
)

pytestmark = pytest.mark.django_db

TITLE_A = "Xã Xuân Trường ra quân làm sạch môi trường – bản của biên tập viên thứ nhất"
TEXT_A = "Hơn 300 đoàn viên thanh niên tham gia dọn dẹp đường làng."
TITLE_B = "Xã Xuân Trường ra quân làm sạch môi trường – bản của biên tập viên thứ hai"
TEXT_B = "Các thôn đồng loạt ra quân vào sáng Chủ nhật."


def vi(message: str, **values) -> str:
    with translation.override("vi"):
        text = gettext(message)
    return text % values if values else text


@pytest.fixture
def live():
    return live_page_with_draft()


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def revisions(page) -> list[int]:
    return list(Revision.page_revisions.filter(object_id=str(page.pk)).values_list("pk", flat=True))


def page_shown(response) -> str:
    return html.unescape(response.content.decode())


# ------------------------------------------------------------------ locking


def test_a_locked_page_refuses_another_editors_save(live):
    reviewer = make_person("reviewer", "kd-khoa")
    writer = make_person("writer", "pv-nhap")
    before = revisions(live.page)

    locking = signed_in(reviewer).post(reverse("wagtailadmin_pages:lock", args=[live.page.pk]))
    assert locking.status_code == HTTPStatus.FOUND
    page = live.fresh()
    assert page.locked and page.locked_by == reviewer

    writers_browser = signed_in(writer)
    response = writers_browser.post(edit_url(page), article_data(page, title=TITLE_A, text=TEXT_A))

    assert response.status_code == HTTPStatus.OK  # the form again, with the writer's text
    assert vi("The page could not be saved as it is locked.") in page_shown(response)
    assert TITLE_A in page_shown(response)  # what the writer typed is still in the form
    assert revisions(live.page) == before
    page.refresh_from_db()
    assert page.live_revision_id == live.v1.pk
    assert page.latest_revision_id == live.v2.pk

    # The editor shows who holds the lock.
    shown = page_shown(writers_browser.get(edit_url(page)))
    assert reviewer.username in shown


def test_who_may_unlock(live):
    locker = make_person("reviewer", "kd-khoa")
    other_reviewer = make_person("reviewer", "kd-khac")
    writer = make_person("writer", "pv-nhap")
    spokesperson = make_person("spokesperson", "pn-mo")
    lock_url = reverse("wagtailadmin_pages:lock", args=[live.page.pk])
    unlock_url = reverse("wagtailadmin_pages:unlock", args=[live.page.pk])

    def locked() -> bool:
        return Page.objects.get(pk=live.page.pk).locked

    assert signed_in(writer).post(lock_url).status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert not locked()  # a writer has no right to lock

    signed_in(locker).post(lock_url)
    assert locked()
    for someone in (writer, other_reviewer):
        response = signed_in(someone).post(unlock_url)
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
        assert locked(), someone.username

    signed_in(spokesperson).post(unlock_url)
    assert not locked()

    signed_in(locker).post(lock_url)
    signed_in(locker).post(unlock_url)
    assert not locked()

    # Unlocked: the writer saves, as a new draft version.
    before = revisions(live.page)
    response = signed_in(writer).post(
        edit_url(live.page), article_data(live.page, title=TITLE_A, text=TEXT_A)
    )
    assert response.status_code == HTTPStatus.FOUND
    assert len(revisions(live.page)) == len(before) + 1


# ------------------------------------------------------------------ concurrent edits


def open_editor(client, page) -> dict:
    """GET the editor; return what its editing-session module carries (ping URL, loaded
    revision and its time, as the page's JavaScript reads them)."""
    response = client.get(edit_url(page))
    assert response.status_code == HTTPStatus.OK
    context = response.context
    module = context["editing_sessions"]
    return {
        "ping_url": module.ping_url,
        "revision_id": module.revision_id,
        "revision_created_at": module.revision_created_at,
    }


def ping(client, editor, *, is_editing=True) -> dict:
    response = client.post(
        editor["ping_url"],
        {
            "is_editing": "1" if is_editing else "",
            "revision_id": editor["revision_id"],
            "revision_created_at": editor["revision_created_at"],
        },
    )
    assert response.status_code == HTTPStatus.OK
    return json.loads(response.content)


def form(page, editor, **fields) -> dict:
    data = article_data(page, **fields)
    data["loaded_revision_id"] = str(editor["revision_id"])
    data["loaded_revision_created_at"] = editor["revision_created_at"]
    return data


def test_two_editors_are_warned_and_no_version_is_lost(live):
    first = make_person("writer", "pv-an", first_name="Nguyễn Văn", last_name="An")
    second = make_person("writer", "pv-binh", first_name="Trần Thị", last_name="Bình")
    first_browser, second_browser = signed_in(first), signed_in(second)
    page = live.fresh()
    first_editor = open_editor(first_browser, page)
    second_editor = open_editor(second_browser, page)
    assert first_editor["revision_id"] == second_editor["revision_id"] == live.v2.pk

    # Each sees the other in the editor.
    seen = ping(second_browser, second_editor)
    [other] = seen["other_sessions"]
    assert other["user"] == first.get_full_name()
    assert other["revision_id"] is None
    assert vi("Currently viewing") in html.unescape(seen["html"]) or (
        vi("%(user_name)s has unsaved changes", user_name=first.get_full_name())
        in html.unescape(seen["html"])
    )

    # The first saves.
    saved = first_browser.post(edit_url(page), form(page, first_editor, title=TITLE_A, text=TEXT_A))
    assert saved.status_code == HTTPStatus.FOUND
    first_version = live.fresh().latest_revision_id
    assert first_version != live.v2.pk

    # The second's editor learns it at its next ping, in Vietnamese, with a name.
    seen = ping(second_browser, second_editor)
    warned = [s for s in seen["other_sessions"] if s["revision_id"] == first_version]
    assert warned and warned[0]["user"] == first.get_full_name()
    assert vi(
        "%(user_name)s saved a new version", user_name=first.get_full_name()
    ) in html.unescape(seen["html"])

    # Autosave from the outdated editor does not overwrite the newer version.
    autosave = second_browser.post(
        edit_url(page),
        form(page, second_editor, title=TITLE_B, text=TEXT_B),
        headers={"accept": "application/json"},
    )
    assert autosave.status_code == HTTPStatus.BAD_REQUEST
    answer = json.loads(autosave.content)
    assert answer["error_code"] == "invalid_revision"
    assert answer["error_message"] == vi("Saving will overwrite a newer version.")
    assert live.fresh().latest_revision_id == first_version

    # Saving the outdated form anyway adds a version; the first one stays in the history.
    saved = second_browser.post(
        edit_url(page), form(page, second_editor, title=TITLE_B, text=TEXT_B)
    )
    assert saved.status_code == HTTPStatus.FOUND
    page = live.fresh()
    second_version = page.latest_revision_id
    assert second_version not in (first_version, live.v2.pk)
    assert Revision.objects.get(pk=first_version).content["title"] == TITLE_A
    assert Revision.objects.get(pk=second_version).content["title"] == TITLE_B
    assert {live.v1.pk, live.v2.pk, first_version, second_version} <= set(revisions(page))
    history = second_browser.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == HTTPStatus.OK
    shown = page_shown(history)
    assert first.get_full_name() in shown and second.get_full_name() in shown
    # The site still shows the published version: saving drafts publishes nothing.
    assert page.live_revision_id == live.v1.pk
    assert page.title == V1_TITLE
    assert not [m for m in messages_of(saved) if "lỗi" in m.lower()]

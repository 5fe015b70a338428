"""Two writers in the same page's editor, in two browsers (Chromium contexts).

The second writer's editor shows the first as "viewing"; when the first saves, the
second's header warns, in Vietnamese, that a newer version was saved and by whom;
saving anyway asks for confirmation first, and then both versions are in the page's
history: nothing is lost. (The autosave's refusal to overwrite is tested with crafted
requests in ``tests/faults/test_concurrent_edit.py``.)
"""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Revision

from tests.workflows.gate_helpers import PASSWORD, live_page_with_draft, make_person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE_A = "Xã Xuân Trường ra quân làm sạch môi trường – bản của chị Trang"
TITLE_B = "Xã Xuân Trường ra quân làm sạch môi trường – bản của anh Lâm"


def vi(message: str, **values) -> str:
    with translation.override("vi"):
        text = gettext(message)
    return text % values if values else text


def log_in(tab, username):
    tab.goto("/admin/login/")
    tab.fill('input[name="username"]', username)
    tab.fill('input[name="password"]', PASSWORD)
    with tab.expect_navigation():
        tab.locator('form button[type="submit"]').click()
    return tab


def test_the_second_editor_is_warned_and_both_versions_are_kept(new_tab, expect, settings):
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 1000  # ms: the warning comes quickly
    live = live_page_with_draft()
    first = make_person("writer", "pv-trang", first_name="Nguyễn Thu", last_name="Trang")
    second = make_person("writer", "pv-lam", first_name="Trần Văn", last_name="Lâm")
    edit = f"/admin/pages/{live.page.pk}/edit/"

    first_tab = log_in(new_tab(), first.username)
    second_tab = log_in(new_tab(), second.username)
    first_tab.goto(edit)
    second_tab.goto(edit)
    sessions = second_tab.locator("#w-editing-sessions")
    expect(sessions.locator(".w-editing-sessions__session")).to_have_count(1)

    first_tab.fill("#id_title", TITLE_A)
    with first_tab.expect_navigation():
        first_tab.locator("footer nav.actions button.action-save").click()
    expect(first_tab.locator(".messages li.error")).to_have_count(0)
    first_version = Revision.page_revisions.filter(object_id=str(live.page.pk)).latest("pk")
    assert first_version.content["title"] == TITLE_A

    warning = vi("%(user_name)s saved a new version", user_name=first.get_full_name())
    saved = sessions.locator(".w-editing-sessions__session--saved")
    expect(saved).to_be_visible()
    expect(saved.locator("[aria-label]").first).to_have_attribute("aria-label", warning)

    # The second saves anyway: asked first, with the same warning.
    second_tab.fill("#id_title", TITLE_B)
    second_tab.locator("footer nav.actions button.action-save").click()
    dialog = second_tab.locator("#w-save-confirmation-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(warning)
    with second_tab.expect_navigation():
        dialog.locator("[data-w-dialog-target=confirm]").click()
    expect(second_tab).to_have_url(re.compile(rf"{edit}$"))

    titles = [
        revision.content["title"]
        for revision in Revision.page_revisions.filter(object_id=str(live.page.pk)).order_by("pk")
    ]
    assert TITLE_A in titles and TITLE_B in titles
    assert titles[-1] == TITLE_B
    assert Revision.objects.get(pk=first_version.pk).content["title"] == TITLE_A
    second_tab.goto(f"/admin/pages/{live.page.pk}/history/")
    expect(second_tab.locator("main")).to_contain_text(first.get_full_name())
    expect(second_tab.locator("main")).to_contain_text(second.get_full_name())

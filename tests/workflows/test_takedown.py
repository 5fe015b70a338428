"""Takedown: a reviewer or the spokesperson takes a live page off the site at once, with a reason.

The page leaves the public site (404), a ``Takedown`` row keeps the reason and
the audit log says who, when and why. Writers and translators cannot; a missing
or too short reason is refused and the page stays live; Wagtail's own
"Unpublish" leads to the takedown form.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from cms.workflows.models import Takedown
from cms.workflows.takedown import TAKEDOWN_ACTION
from tests.workflows.gate_helpers import (
    V1_TITLE,
    live_page_with_draft,
    messages_of,
    person_for,
    shared_state,
    vi,
)

pytestmark = pytest.mark.django_db

REASON = "Bài viết có thông tin sai về số hộ nghèo của xã; cần kiểm tra lại số liệu."


@pytest.fixture(scope="module")
def module_live(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        yield live_page_with_draft()


@pytest.fixture
def live(module_live, db):
    return module_live


def takedown_url(page):
    return reverse("workflows:takedown", args=[page.pk])


@pytest.mark.parametrize("key", ["reviewer", "spokesperson"])
def test_reviewer_and_spokesperson_take_a_page_down_with_a_reason(client, live, key):
    user = person_for(key)
    client.force_login(user)
    page = live.fresh()

    form = client.get(takedown_url(page))
    response = client.post(takedown_url(page), {"reason": f"  {REASON}  "})

    assert form.status_code == HTTPStatus.OK
    assert 'name="reason"' in form.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    page = live.fresh()
    assert not page.live
    client.logout()
    assert client.get(live.url).status_code == HTTPStatus.NOT_FOUND
    record = Takedown.objects.get(page=page)
    assert record.reason == REASON
    assert record.user == user
    assert record.revision_id == live.v1.pk
    entry = PageLogEntry.objects.get(page=page, action=TAKEDOWN_ACTION)
    assert entry.user == user
    assert entry.data["reason"] == REASON
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").exists()


@pytest.mark.parametrize("key", ["writer", "translator", "siteadmin", "superuser"])
def test_other_roles_cannot_take_a_page_down(client, live, key):
    client.force_login(person_for(key))

    shown = client.get(takedown_url(live.page))
    posted = client.post(takedown_url(live.page), {"reason": REASON})

    for response in (shown, posted):
        # 403, which Wagtail's admin turns into a redirect to the dashboard with a message.
        assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
        if response.status_code == HTTPStatus.FOUND:
            assert response["Location"] == reverse("wagtailadmin_home")
    assert live.fresh().live
    assert not Takedown.objects.exists()


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Give the reason for taking this page down."),
        ("   ", "Give the reason for taking this page down."),
        ("sai", "Describe the reason in at least %(limit_value)d characters."),
    ],
    ids=["empty", "blank", "short"],
)
def test_a_missing_or_short_reason_is_refused_and_the_page_stays_live(
    client, live, reason, message
):
    client.force_login(person_for("reviewer"))

    response = client.post(takedown_url(live.page), {"reason": reason})

    assert response.status_code == HTTPStatus.OK  # the form again, with the error
    expected = vi(message)
    if "%(limit_value)d" in expected:
        expected = expected % {"limit_value": 10}
    assert expected in response.content.decode()
    page = live.fresh()
    assert page.live
    assert page.live_revision_id == live.v1.pk
    assert not Takedown.objects.exists()
    client.logout()
    assert V1_TITLE in client.get(live.url).content.decode()


@pytest.mark.parametrize("key", ["reviewer", "spokesperson", "superuser"])
def test_wagtails_unpublish_leads_to_the_takedown_form(client, live, key):
    client.force_login(person_for(key))

    shown = client.get(reverse("wagtailadmin_pages:unpublish", args=[live.page.pk]))
    posted = client.post(reverse("wagtailadmin_pages:unpublish", args=[live.page.pk]), {})

    for response in (shown, posted):
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == takedown_url(live.page)
    assert live.fresh().live
    assert not Takedown.objects.exists()


def test_the_takedown_entry_is_offered_to_reviewers_only(client, live):
    client.force_login(person_for("reviewer"))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[live.page.pk]))
    assert takedown_url(live.page) in edit.content.decode()

    client.force_login(person_for("writer"))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[live.page.pk]))
    assert takedown_url(live.page) not in edit.content.decode()
    assert messages_of(edit) == []

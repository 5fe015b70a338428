"""The register in the admin: site administrators keep it, every change is in the audit log."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.core.roles import REVIEWER, SITE_ADMIN, SPOKESPERSON, TRANSLATOR, WRITER
from cms.workflows.models import SpokespersonEntry
from cms.workflows.signal_handlers import SPOKESPERSON_CHANGE
from cms.workflows.wagtail_hooks import SpokespersonChangeFormatter
from tests.factories import SpokespersonEntryFactory, SpokespersonUserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_workflows_spokespersonentry:add"
LIST_URL = "wagtailsnippets_workflows_spokespersonentry:list"


def form_data(user, **changes):
    data = {
        "user": str(user.pk),
        "full_name": "Phạm Quang Hưng",
        "position": "chairman",
        "authorisation": "Quyết định số 15/QĐ-UBND ngày 01/7/2025",
        "valid_from": "2025-07-01",
        "valid_until": "",
        "phone": "0229 3777 555",
        "email": "phatngon@xuantruong.ninhbinh.gov.vn",
        "notes": "",
    }
    data.update(changes)
    return data


def test_site_administrator_adds_an_entry_and_it_is_logged(client, make_user):
    admin = make_user(SITE_ADMIN)
    spokesperson = SpokespersonUserFactory()
    client.force_login(admin)

    response = client.post(reverse(ADD_URL), form_data(spokesperson))

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    entry = SpokespersonEntry.objects.get()
    assert entry.user == spokesperson
    assert entry.valid_until is None
    logged = ModelLogEntry.objects.filter(object_id=str(entry.pk), user=admin)
    actions = set(logged.values_list("action", flat=True))
    assert "wagtail.create" in actions
    details = ModelLogEntry.objects.get(action=SPOKESPERSON_CHANGE, object_id=str(entry.pk))
    assert details.data["after"]["phone"] == "0229 3777 555"
    assert details.user == admin


def test_site_administrator_sees_the_refusal_of_an_invalid_entry(client, make_user):
    client.force_login(make_user(SITE_ADMIN))

    response = client.post(
        reverse(ADD_URL),
        form_data(
            SpokespersonUserFactory(),
            position="vice_chairman",
            authorisation="",
            email="hung@gmail.com",
        ),
    )

    assert response.status_code == HTTPStatus.OK
    assert not SpokespersonEntry.objects.exists()
    assert "gov.vn" in response.content.decode()


def test_change_is_logged_with_values_before_and_after(client, make_user):
    admin = make_user(SITE_ADMIN)
    entry = SpokespersonEntryFactory()
    client.force_login(admin)
    url = reverse("wagtailsnippets_workflows_spokespersonentry:edit", args=[entry.pk])

    response = client.post(url, form_data(entry.user, valid_until="2025-12-31"))

    assert response.status_code == HTTPStatus.FOUND
    log = ModelLogEntry.objects.filter(action=SPOKESPERSON_CHANGE, object_id=str(entry.pk)).latest(
        "timestamp"
    )
    assert log.data["changed"] == ["valid_until"]
    assert log.data["before"]["valid_until"] is None
    assert log.data["after"]["valid_until"] == "2025-12-31"
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(entry.pk)).exists()


@pytest.mark.parametrize("role", [WRITER, REVIEWER, SPOKESPERSON, TRANSLATOR], ids=lambda r: r.key)
def test_other_roles_cannot_add_an_entry(client, make_user, role):
    client.force_login(make_user(role))

    response = client.post(reverse(ADD_URL), form_data(SpokespersonUserFactory()))

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    if response.status_code == HTTPStatus.FOUND:
        assert reverse(ADD_URL) not in response["Location"]
    assert not SpokespersonEntry.objects.exists()


@pytest.mark.parametrize(
    ("role", "may_view"),
    [(SITE_ADMIN, True), (REVIEWER, True), (SPOKESPERSON, True), (WRITER, False)],
    ids=lambda value: getattr(value, "key", str(value)),
)
def test_who_sees_the_register(client, make_user, role, may_view):
    SpokespersonEntryFactory()
    client.force_login(make_user(role))

    response = client.get(reverse(LIST_URL))

    if may_view:
        assert response.status_code == HTTPStatus.OK
        assert "Phạm Quang Hưng" in response.content.decode()
    else:
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)


def test_reviewer_cannot_change_or_delete(client, make_user):
    entry = SpokespersonEntryFactory()
    client.force_login(make_user(REVIEWER))

    edit = client.post(
        reverse("wagtailsnippets_workflows_spokespersonentry:edit", args=[entry.pk]),
        form_data(entry.user, valid_until="2025-07-02"),
    )
    delete = client.post(
        reverse("wagtailsnippets_workflows_spokespersonentry:delete", args=[entry.pk])
    )

    assert edit.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert delete.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    entry.refresh_from_db()
    assert entry.valid_until is None


def test_site_administrator_deletes_an_entry_and_it_is_logged(client, make_user):
    entry = SpokespersonEntryFactory()
    pk = entry.pk
    client.force_login(make_user(SITE_ADMIN))

    response = client.post(reverse("wagtailsnippets_workflows_spokespersonentry:delete", args=[pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert not SpokespersonEntry.objects.exists()
    assert ModelLogEntry.objects.filter(action=SPOKESPERSON_CHANGE, object_id=str(pk)).exists()


def test_register_has_its_own_menu_item(client, make_user):
    client.force_login(make_user(SITE_ADMIN))

    response = client.get(reverse("wagtailadmin_home"))

    assert reverse(LIST_URL) in response.content.decode()


def test_changes_appear_in_the_site_history_report(client, make_user):
    admin = make_user(SITE_ADMIN)
    client.force_login(admin)
    client.post(reverse(ADD_URL), form_data(SpokespersonUserFactory()))

    response = client.get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Phạm Quang Hưng" in content
    with translation.override("vi"):  # the admin's language; the label may be translated
        label = str(SpokespersonChangeFormatter.label)
    assert label in content

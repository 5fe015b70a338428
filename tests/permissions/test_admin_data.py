"""The data the office keeps in the admin, operation by operation and role by role.

The checker's rules (*An toàn thông tin → Quy tắc*) and its term lists, allowlist and
document registry; the spokesperson register; the false-information register; the plan's
tasks. Each operation is the form the admin posts; the role the matrix allows gets its
change made, every other role (and an anonymous visitor) is refused and nothing in the
database changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.reporting.models import Incident, IncidentStatus, PlanTask
from cms.security.models import AllowlistEntry, DocumentRegistryEntry, RuleSetting, TermEntry
from cms.workflows.models import SpokespersonEntry
from tests.permissions.conftest import (
    assert_refused,
    assert_unchanged,
    error_messages,
    make_people,
    snapshot,
)
from tests.permissions.matrix import EVERYONE, case_id, may
from tests.workflows.gate_helpers import make_person, shared_state

pytestmark = pytest.mark.django_db

SUMMARY = "Bài đăng sai sự thật về việc thu hồi đất làm khu công nghiệp ở thôn Hành Thiện."


@dataclass
class World:
    people: dict
    new_spokesperson: object  # in the spokesperson's group, not yet in the register
    entry: SpokespersonEntry  # the spokesperson's current entry
    allowed_phone: AllowlistEntry
    incident: Incident
    unused_task: PlanTask  # no content is counted under it


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        people = make_people()
        yield World(
            people=people,
            new_spokesperson=make_person("spokesperson", "perm-pho-chu-tich"),
            entry=SpokespersonEntry.objects.get(user=people["spokesperson"]),
            allowed_phone=AllowlistEntry.objects.create(
                kind="phone", value="0229 3888 999", label="Đường dây nóng UBND xã"
            ),
            incident=Incident.objects.create(
                seen_at=timezone.now() - datetime.timedelta(hours=2),
                platform="facebook",
                address="https://facebook.com/groups/tin-xuan-truong/posts/1",
                summary=SUMMARY,
                category="local_administration",
                severity="high",
            ),
            unused_task=PlanTask.objects.create(
                section="IV", number=9, title="Nhiệm vụ thử nghiệm", lead_unit="vhxh"
            ),
        )


@pytest.fixture
def world(module_world, db):
    return module_world


@pytest.fixture
def people(world):
    """The accounts of this module's world (``conftest.login`` logs in as them)."""
    return world.people


def snippet(model, view: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


# ------------------------------------------------------------------ the operations


@dataclass(frozen=True)
class Operation:
    action: str  # the matrix's action
    name: str
    send: Callable  # (client, world) -> response
    done: Callable  # (world, user) -> None: asserts the change was made


def _edit_rule(client, world):
    setting = RuleSetting.objects.get(rule_id="CITE-03")
    return client.post(
        snippet(RuleSetting, "edit", setting.pk),
        {
            "rule_id": "CITE-03",
            "enabled": "on",
            "severity": "block",
            "legal_basis": setting.legal_basis,
            "notes": "Thống kê phải có nguồn.",
        },
    )


def _rule_edited(world, user):
    assert RuleSetting.objects.get(rule_id="CITE-03").severity == "block"


def _add_term(client, world):
    return client.post(
        snippet(TermEntry, "add"),
        {"rule_id": "SEC-02", "term": "tài liệu mật nội bộ", "language": "vi", "note": ""},
    )


def _term_added(world, user):
    assert TermEntry.objects.filter(term="tài liệu mật nội bộ", rule_id="SEC-02").exists()


def _add_phone(client, world):
    return client.post(
        snippet(AllowlistEntry, "add"),
        {"kind": "phone", "value": "0912 345 678", "label": "Trưởng công an xã"},
    )


def _phone_added(world, user):
    assert AllowlistEntry.objects.filter(normalised="0912345678").exists()


def _delete_phone(client, world):
    return client.post(snippet(AllowlistEntry, "delete", world.allowed_phone.pk))


def _phone_deleted(world, user):
    assert not AllowlistEntry.objects.filter(pk=world.allowed_phone.pk).exists()


def _add_document(client, world):
    return client.post(
        snippet(DocumentRegistryEntry, "add"),
        {"symbol": "88/KH-UBND", "issued_on": "2025-08-15", "title": "Kế hoạch thử nghiệm"},
    )


def _document_added(world, user):
    assert DocumentRegistryEntry.objects.filter(symbol="88/KH-UBND").exists()


REGISTER = "wagtailsnippets_workflows_spokespersonentry"


def register_form(user, **changes) -> dict:
    data = {
        "user": str(user.pk),
        "full_name": "Trần Văn Bình",
        "position": "vice_chairman",
        "authorisation": "Quyết định số 21/QĐ-UBND ngày 01/7/2025",
        "valid_from": "2025-07-01",
        "valid_until": "",
        "phone": "0229 3777 556",
        "email": "phatngon2@xuantruong.ninhbinh.gov.vn",
        "notes": "",
    }
    data.update(changes)
    return data


def _add_entry(client, world):
    return client.post(reverse(f"{REGISTER}:add"), register_form(world.new_spokesperson))


def _entry_added(world, user):
    assert SpokespersonEntry.objects.filter(user=world.new_spokesperson).exists()


def _edit_entry(client, world):
    entry = world.entry
    return client.post(
        reverse(f"{REGISTER}:edit", args=[entry.pk]),
        register_form(
            entry.user,
            full_name=entry.full_name,
            position=entry.position,
            authorisation=entry.authorisation,
            valid_from=entry.valid_from.isoformat(),
            phone="0229 3777 599",
            email=entry.email,
        ),
    )


def _entry_edited(world, user):
    assert SpokespersonEntry.objects.get(pk=world.entry.pk).phone == "0229 3777 599"


def _delete_entry(client, world):
    return client.post(reverse(f"{REGISTER}:delete", args=[world.entry.pk]))


def _entry_deleted(world, user):
    assert not SpokespersonEntry.objects.filter(pk=world.entry.pk).exists()


def incident_form(**changes) -> dict:
    data = {
        "seen_at": "02/09/2025 08:30",
        "platform": "facebook",
        "address": "https://facebook.com/groups/tin-xuan-truong/posts/2",
        "summary": "Tin đồn sai về việc dừng cấp nước sạch ở thôn Lạc Thiện.",
        "category": "local_administration",
        "severity": "medium",
        "unit": "vhxh",
        "status": "new",
        "rebuttal_page": "",
        "screenshot": "",
    }
    data.update(changes)
    return data


def _add_incident(client, world):
    return client.post(reverse("incidents:add"), incident_form())


def _incident_added(world, user):
    added = Incident.objects.get(summary__startswith="Tin đồn sai về việc dừng cấp nước")
    assert added.created_by == user


def _edit_incident(client, world):
    return client.post(
        reverse("incidents:edit", args=[world.incident.pk]),
        incident_form(summary=SUMMARY, status="verifying", severity="high"),
    )


def _incident_edited(world, user):
    assert Incident.objects.get(pk=world.incident.pk).status == IncidentStatus.VERIFYING


def _delete_incident(client, world):
    return client.post(reverse("incidents:delete", args=[world.incident.pk]))


def task_form(**changes) -> dict:
    data = {
        "section": "IV",
        "number": "6",
        "title": "Hội Nông dân xã: tuyên truyền cho hội viên",
        "description": "",
        "lead_unit": "vhxh",
        "active": "on",
    }
    data.update(changes)
    return data


def _add_task(client, world):
    return client.post(reverse("plan_tasks:add"), task_form())


def _task_added(world, user):
    assert PlanTask.objects.filter(section="IV", number=6).exists()


def _edit_task(client, world):
    task = PlanTask.objects.by_code("II.5")
    return client.post(
        reverse("plan_tasks:edit", args=[task.pk]),
        task_form(section="II", number="5", title="Tuyên truyền chủ quyền biển, đảo"),
    )


def _task_edited(world, user):
    assert PlanTask.objects.by_code("II.5").title == "Tuyên truyền chủ quyền biển, đảo"


def _delete_task(client, world):
    return client.post(reverse("plan_tasks:delete", args=[world.unused_task.pk]))


def _nobody(world, user):
    raise AssertionError("the matrix lets nobody do this")


OPERATIONS = (
    Operation("edit-the-rules", "edit-a-rule-severity", _edit_rule, _rule_edited),
    Operation("edit-the-checker-lists", "add-a-term", _add_term, _term_added),
    Operation("edit-the-checker-lists", "add-an-allowlisted-phone", _add_phone, _phone_added),
    Operation(
        "edit-the-checker-lists", "delete-an-allowlisted-phone", _delete_phone, _phone_deleted
    ),
    Operation(
        "edit-the-checker-lists", "add-a-registered-document", _add_document, _document_added
    ),
    Operation("edit-the-spokesperson-register", "add-a-register-entry", _add_entry, _entry_added),
    Operation(
        "edit-the-spokesperson-register", "edit-a-register-entry", _edit_entry, _entry_edited
    ),
    Operation(
        "edit-the-spokesperson-register", "delete-a-register-entry", _delete_entry, _entry_deleted
    ),
    Operation("record-an-incident", "record-an-incident", _add_incident, _incident_added),
    Operation("record-an-incident", "update-an-incident", _edit_incident, _incident_edited),
    Operation("delete-an-incident", "delete-an-incident", _delete_incident, _nobody),
    Operation("edit-plan-tasks", "add-a-plan-task", _add_task, _task_added),
    Operation("edit-plan-tasks", "edit-a-plan-task", _edit_task, _task_edited),
    Operation("delete-a-plan-task", "delete-a-plan-task", _delete_task, _nobody),
)


def operation_cases():
    return [
        pytest.param(operation, role, id=case_id(role, operation.action) + f"-{operation.name}")
        for operation in OPERATIONS
        for role in EVERYONE
    ]


@pytest.mark.parametrize(("operation", "role"), operation_cases())
def test_admin_data(login, world, operation, role):
    client = login(role)
    before = snapshot()

    response = operation.send(client, world)

    if may(role, operation.action):
        assert response.status_code == HTTPStatus.FOUND, (
            response.context["form"].errors if response.context else response.status_code
        )
        assert not error_messages(response), error_messages(response)
        operation.done(world, world.people[role])
    else:
        assert_refused(response, role)
        assert_unchanged(before, snapshot())


def test_a_site_administrator_cannot_register_themselves_as_spokesperson(login, world):
    """Keeping the register is no way to approve publication: only members of the
    spokesperson's group can be in it, and an administrator cannot join that group
    (``test_users``)."""
    admin = world.people["siteadmin"]
    client = login("siteadmin")
    before = snapshot()

    response = client.post(reverse(f"{REGISTER}:add"), register_form(admin))

    assert response.status_code == HTTPStatus.OK  # the form again, with the reason
    assert response.context["form"].errors
    assert_unchanged(before, snapshot())

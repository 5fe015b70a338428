"""What every permission test needs: one account per role, a client logged in as a role, a
snapshot of everything an admin action could change, and what a refusal looks like.

The accounts are made once per test module (``shared_state``): each test runs in a
savepoint of the module's transaction and leaves the data as it found it.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    TaskState,
    WorkflowState,
)

from cms.reporting.models import Incident, PlanTask
from cms.security import services as security_services
from cms.security.models import (
    AllowlistEntry,
    Attestation,
    DocumentRegistryEntry,
    Exemption,
    RuleDataVersion,
    RuleSetting,
    TermEntry,
)
from cms.workflows.models import PublicationApproval, SpokespersonEntry, Takedown
from tests.permissions.matrix import ANONYMOUS, ROLES
from tests.workflows.gate_helpers import make_person, register, shared_state


@pytest.fixture(autouse=True)
def _fresh_checker_config():
    """The checker keeps its configuration in memory; a rolled-back rule change must not
    outlive its test."""
    security_services.clear_local_cache()
    yield
    security_services.clear_local_cache()


def make_people() -> dict:
    """One account per role; the spokesperson holds a current entry in the register."""
    people = {key: make_person(key, f"perm-{key}") for key in ROLES}
    register(people["spokesperson"])
    return people


@pytest.fixture(scope="module")
def module_people(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        yield make_people()


@pytest.fixture
def people(module_people, db):
    return module_people


@pytest.fixture
def login(client, people):
    """``login(role)``: the test client as that role's account (``anonymous``: logged out)."""

    def as_role(role):
        client.logout()
        if role != ANONYMOUS:
            client.force_login(people[role])
        return client

    return as_role


# ------------------------------------------------------------------ the snapshot

User = get_user_model()

#: Everything an admin action of the matrix could change, table by table.
TRACKED = {
    "pages": Page,
    "revisions": Revision,
    "workflow states": WorkflowState,
    "task states": TaskState,
    "publication approvals": PublicationApproval,
    "takedowns": Takedown,
    "rule settings": RuleSetting,
    "term lists": TermEntry,
    "allowlist": AllowlistEntry,
    "document registry": DocumentRegistryEntry,
    "rule data version": RuleDataVersion,
    "exemptions": Exemption,
    "attestations": Attestation,
    "spokesperson register": SpokespersonEntry,
    "incidents": Incident,
    "plan tasks": PlanTask,
    "groups": Group,
    "group permissions": Group.permissions.through,
    "group page permissions": GroupPagePermission,
    "group collection permissions": GroupCollectionPermission,
    "permissions": Permission,
    "user groups": User.groups.through,
    "user permissions": User.user_permissions.through,
}
# Logging in sets ``last_login``; that is not the action's doing.
USER_FIELDS = [field.attname for field in User._meta.concrete_fields if field.name != "last_login"]


def snapshot(*, ignore: tuple[str, ...] = ()) -> dict:
    """Every row of every tracked table, in a form that compares equal when nothing changed."""
    state = {
        name: list(model.objects.order_by("pk").values())
        for name, model in TRACKED.items()
        if name not in ignore
    }
    state["users"] = list(User.objects.order_by("pk").values(*USER_FIELDS))
    return state


def assert_unchanged(before: dict, after: dict) -> None:
    """Compare table by table, so that a failure names what changed."""
    for name in before:
        assert after[name] == before[name], f"{name} changed"


# ------------------------------------------------------------------ refusals


def error_messages(response) -> list[str]:
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level >= message_levels.ERROR
    ]


def assert_refused(response, role: str) -> None:
    """The request did not go through.

    Anonymous visitors are sent to the login form. A logged-in account gets Wagtail's
    answer to a missing permission — 403, or a redirect with its "you do not have
    permission" message — or the project's own refusal, a redirect with the reason.
    """
    if role == ANONYMOUS:
        assert response.status_code == HTTPStatus.FOUND, response.status_code
        assert response["Location"].startswith(reverse("wagtailadmin_login")), response["Location"]
        return
    if response.status_code == HTTPStatus.FORBIDDEN:
        return
    assert response.status_code == HTTPStatus.FOUND, (
        f"expected a refusal, got {response.status_code}: {response.content[:300]!r}"
    )
    assert error_messages(response), f"redirected to {response['Location']} without a reason"

"""Accounts and groups (*Cài đặt → Người dùng / Nhóm người dùng*), role by role.

Site administrators create accounts and set other people's groups; nobody but a
superuser makes a superuser, touches a superuser's account, changes their own
groups (the edit form or the bulk "Assign role"), changes what a group may do, or
deletes an account. Refused requests change no account, group or permission.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.core.roles import SITE_ADMIN, SPOKESPERSON, WRITER
from cms.core.user_admin import (
    OWN_GROUPS_REFUSAL,
    SUPERUSER_ACCOUNT_REFUSAL,
    SUPERUSER_STATUS_REFUSAL,
)
from tests.permissions.conftest import (
    assert_refused,
    assert_unchanged,
    error_messages,
    make_people,
    snapshot,
)
from tests.permissions.matrix import ANONYMOUS, cases, may
from tests.workflows.gate_helpers import make_person, shared_state, vi

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "Lua-chon-mat-khau-2026"


@pytest.fixture(scope="module")
def module_accounts(django_db_setup, django_db_blocker):
    with shared_state(django_db_blocker):
        people = make_people()
        people["newcomer"] = make_person("translator", "perm-newcomer", last_name="Mới")
        people["newcomer"].groups.clear()
        people["root"] = make_person("superuser", "perm-root", last_name="Gốc")
        yield people


@pytest.fixture
def people(module_accounts, db):
    return module_accounts


def group(role) -> Group:
    return Group.objects.get(name=role.group_name)


def user_url(view, user=None) -> str:
    return reverse(f"wagtailusers_users:{view}", args=[user.pk] if user else [])


def edit_data(user, **changes) -> dict:
    """The user edit form as the admin posts it, with the account as it is."""
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or user.username,
        "last_name": user.last_name or "Nguyễn",
        "password1": "",
        "password2": "",
        "is_active": "on",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
    }
    data.update(changes)
    return data


def new_account_data(**changes) -> dict:
    data = {
        "username": "perm-tai-khoan-moi",
        "email": "tai-khoan-moi@xuantruong.ninhbinh.gov.vn",
        "first_name": "Lan",
        "last_name": "Trần Thị",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "groups": [str(group(WRITER).pk)],
    }
    data.update(changes)
    return data


def bulk_url(action: str, *users) -> str:
    url = reverse("wagtail_bulk_action", args=[User._meta.app_label, User._meta.model_name, action])
    return url + "?" + "&".join(f"id={user.pk}" for user in users)


def assert_not_done(response, role, reason=None) -> None:
    """Refused: by Wagtail's permission check, or by the form, which says why. A site
    administrator, who may use these forms, reads ``reason`` in Vietnamese."""
    if response.status_code == HTTPStatus.OK and role != ANONYMOUS:
        shown = [str(error) for error in response.context["form"].non_field_errors()]
    else:
        assert_refused(response, role)
        shown = error_messages(response)
    if role == "siteadmin":
        assert vi(str(reason)) in shown, shown


# ------------------------------------------------------------------ other people's accounts


@pytest.mark.parametrize("role", cases("manage-other-users"))
def test_create_an_account_in_a_group(login, people, role):
    client = login(role)
    before = snapshot()

    response = client.post(user_url("add"), new_account_data())

    if may(role, "manage-other-users"):
        assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
        created = User.objects.get(username="perm-tai-khoan-moi")
        assert list(created.groups.all()) == [group(WRITER)]
        assert not created.is_superuser
    else:
        assert_refused(response, role)
        assert_unchanged(before, snapshot())


@pytest.mark.parametrize("role", cases("manage-other-users"))
def test_set_another_accounts_groups(login, people, role):
    newcomer = people["newcomer"]
    client = login(role)
    before = snapshot()

    response = client.post(
        user_url("edit", newcomer), edit_data(newcomer, groups=[str(group(WRITER).pk)])
    )

    if may(role, "manage-other-users"):
        assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
        assert list(newcomer.groups.all()) == [group(WRITER)]
    else:
        assert_refused(response, role)
        assert_unchanged(before, snapshot())


# ------------------------------------------------------------------ escalation


def _wanted_group(role) -> Group:
    """A group the account is not in, and would gain from: the spokesperson's (the site
    administrators' for the spokesperson)."""
    return group(SITE_ADMIN if role == "spokesperson" else SPOKESPERSON)


def own_groups_in_the_edit_form(client, people, role):
    me = people.get(role) or people["newcomer"]
    groups = [*edit_data(me)["groups"], str(_wanted_group(role).pk)]
    return client.post(user_url("edit", me), edit_data(me, groups=groups))


def own_groups_in_bulk(client, people, role):
    me = people.get(role) or people["newcomer"]
    return client.post(bulk_url("assign_role", me), {"role": str(_wanted_group(role).pk)})


OWN_GROUPS = {"edit-form": own_groups_in_the_edit_form, "bulk-assign-role": own_groups_in_bulk}


@pytest.mark.parametrize("door", OWN_GROUPS)
@pytest.mark.parametrize("role", cases("change-own-groups"))
def test_nobody_changes_their_own_groups(login, people, role, door):
    """A site administrator may set everyone's groups but their own: joining the
    spokesperson's group is not theirs to decide."""
    client = login(role)
    before = snapshot()

    response = OWN_GROUPS[door](client, people, role)

    assert_not_done(response, role, OWN_GROUPS_REFUSAL)
    assert_unchanged(before, snapshot())


def superuser_by_editing(client, people, role):
    newcomer = people["newcomer"]
    return client.post(user_url("edit", newcomer), edit_data(newcomer, is_superuser="on"))


def superuser_by_creating(client, people, role):
    return client.post(user_url("add"), new_account_data(is_superuser="on"))


GRANT = {"edit-an-account": superuser_by_editing, "create-an-account": superuser_by_creating}


@pytest.mark.parametrize("door", GRANT)
@pytest.mark.parametrize("role", cases("grant-superuser"))
def test_nobody_grants_superuser_status(login, people, role, door):
    client = login(role)
    before = snapshot()

    response = GRANT[door](client, people, role)

    assert_not_done(response, role, SUPERUSER_STATUS_REFUSAL)
    assert_unchanged(before, snapshot())
    assert not User.objects.filter(is_superuser=True).exclude(pk=people["root"].pk).exists()


def superuser_password(client, people, role):
    root = people["root"]
    return client.post(
        user_url("edit", root),
        edit_data(
            root, email="ke-gian@example.com", password1=NEW_PASSWORD, password2=NEW_PASSWORD
        ),
    )


def superuser_deactivated_in_bulk(client, people, role):
    return client.post(bulk_url("set_active_state", people["root"]), {"mark_as_active": "False"})


SUPERUSER_DOORS = {
    "edit-form": superuser_password,
    "bulk-deactivate": superuser_deactivated_in_bulk,
}


@pytest.mark.parametrize("door", SUPERUSER_DOORS)
@pytest.mark.parametrize("role", cases("edit-a-superuser"))
def test_nobody_takes_over_a_superusers_account(login, people, role, door):
    """Setting a superuser's password or e-mail would hand over their account."""
    client = login(role)
    before = snapshot()

    response = SUPERUSER_DOORS[door](client, people, role)

    assert_not_done(response, role, SUPERUSER_ACCOUNT_REFUSAL)
    assert_unchanged(before, snapshot())
    root = User.objects.get(pk=people["root"].pk)
    assert root.is_active
    assert not root.check_password(NEW_PASSWORD)


@pytest.mark.parametrize("role", cases("edit-a-superuser", roles=("siteadmin",)))
def test_a_site_administrator_is_not_offered_what_they_may_not_do(login, people, role):
    """The superuser box, and the groups of one's own account, are shown disabled; a
    superuser's account cannot be opened."""
    client = login(role)

    add_form = client.get(user_url("add"))
    own_form = client.get(user_url("edit", people[role]))
    root_form = client.get(user_url("edit", people["root"]))

    assert add_form.status_code == HTTPStatus.OK
    assert add_form.context["form"].fields["is_superuser"].disabled
    assert "is_superuser" not in own_form.context["form"].fields  # Wagtail: not for oneself
    assert own_form.context["form"].fields["groups"].disabled
    assert_refused(root_form, role)
    assert error_messages(root_form)


def test_a_site_administrator_still_edits_their_own_name(login, people):
    """The disabled groups are not sent by the browser: the rest of the form saves."""
    me = people["siteadmin"]
    groups_before = set(me.groups.all())
    client = login("siteadmin")
    data = edit_data(me, first_name="Quản trị mới")
    del data["groups"]

    response = client.post(user_url("edit", me), data)

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    me.refresh_from_db()
    assert me.first_name == "Quản trị mới"
    assert set(me.groups.all()) == groups_before


def test_a_superuser_still_grants_superuser_status(client, people):
    client.force_login(people["root"])
    newcomer = people["newcomer"]

    response = client.post(user_url("edit", newcomer), edit_data(newcomer, is_superuser="on"))

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    assert User.objects.get(pk=newcomer.pk).is_superuser


# ------------------------------------------------------------------ groups and deletion


def rename_a_group(client, people, role):
    spokespersons = group(SPOKESPERSON)
    return client.post(
        reverse("wagtailusers_groups:edit", args=[spokespersons.pk]), {"name": "Ai cũng duyệt"}
    )


def add_a_group(client, people, role):
    return client.post(reverse("wagtailusers_groups:add"), {"name": "Toàn quyền"})


GROUP_DOORS = {"edit-a-group": rename_a_group, "add-a-group": add_a_group}


@pytest.mark.parametrize("door", GROUP_DOORS)
@pytest.mark.parametrize("role", cases("change-group-permissions"))
def test_nobody_changes_what_a_group_may_do(login, people, role, door):
    client = login(role)
    before = snapshot()

    response = GROUP_DOORS[door](client, people, role)

    assert_refused(response, role)
    assert_unchanged(before, snapshot())


@pytest.mark.parametrize("role", cases("delete-a-user"))
def test_nobody_deletes_an_account(login, people, role):
    client = login(role)
    before = snapshot()

    response = client.post(user_url("delete", people["newcomer"]))

    assert_refused(response, role)
    assert_unchanged(before, snapshot())

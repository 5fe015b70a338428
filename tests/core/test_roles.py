"""The editorial roles exist as Django groups, created by a data migration."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from cms.core.roles import ROLES, SPOKESPERSON, WRITER

pytestmark = pytest.mark.django_db


def test_role_keys_group_names_and_demo_users_are_distinct():
    for attribute in ("key", "group_name", "demo_username"):
        values = [getattr(role, attribute) for role in ROLES]
        assert len(set(values)) == len(ROLES), f"duplicate {attribute}"


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_every_role_has_its_group(role):
    assert Group.objects.filter(name=role.group_name).exists(), (
        f"group {role.group_name!r} for role {role.key!r} is missing"
    )


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_every_role_group_may_use_the_admin(role):
    group = Group.objects.get(name=role.group_name)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "access_admin" in codenames


def test_only_the_spokesperson_may_publish_pages():
    """Decree 09/2017/ND-CP: publication is the spokesperson's decision."""
    publishers = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
            "group__name", flat=True
        )
    )

    assert publishers == {SPOKESPERSON.group_name}


def test_writers_may_draft_pages_everywhere():
    permissions = GroupPagePermission.objects.filter(group__name=WRITER.group_name)

    codenames = set(permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page"} <= codenames
    assert "publish_page" not in codenames
    assert {permission.page.depth for permission in permissions} == {1}  # the tree root

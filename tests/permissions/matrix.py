"""Who may do what in the admin: the permission matrix the tests in this folder prove.

Each action names the roles that may take it; every other role, and an anonymous
visitor, is refused and changes nothing. Superusers are left out: they hold every
right but still cannot publish outside the workflow (``tests/workflows/test_gate_doors.py``).
The README's table "Who may do what" is this matrix (``test_readme.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

ROLES = ("writer", "reviewer", "spokesperson", "translator", "siteadmin")
ANONYMOUS = "anonymous"
EVERYONE = (*ROLES, ANONYMOUS)


@dataclass(frozen=True)
class Action:
    slug: str
    label: str
    allowed: frozenset[str]


def _action(slug: str, label: str, *allowed: str) -> Action:
    return Action(slug, label, frozenset(allowed))


ACTIONS = (
    # pages and the workflow
    _action("create-a-page", "create a page (draft)", "writer"),
    _action(
        "edit-a-vietnamese-page",
        "edit a Vietnamese page (draft)",
        "writer",
        "reviewer",
        "spokesperson",
    ),
    _action(
        "submit-a-vietnamese-page",
        "submit a Vietnamese page for review",
        "writer",
        "reviewer",
        "spokesperson",
    ),
    _action(
        "edit-and-submit-an-english-page",
        "edit and submit an English translation",
        "writer",
        "reviewer",
        "spokesperson",
        "translator",
    ),
    _action("approve-the-review", "approve the review step (not one's own text)", "reviewer"),
    _action(
        "approve-publication",
        "approve publication (registered, not author or reviewer)",
        "spokesperson",
    ),
    _action("publish-directly", "publish directly (Publish button, bulk action, admin API)"),
    _action(
        "take-down", "take down a live page (Unpublish), with a reason", "reviewer", "spokesperson"
    ),
    # the checker's data
    _action("edit-the-rules", "edit the checker's rule settings", "siteadmin"),
    _action(
        "edit-the-checker-lists",
        "edit term lists, allowlist and document registry",
        "reviewer",
        "siteadmin",
    ),
    # registers and reference data
    _action("edit-the-spokesperson-register", "edit the spokesperson register", "siteadmin"),
    _action("record-an-incident", "record and update false-information incidents", "reviewer"),
    _action("delete-an-incident", "delete an incident"),
    _action("edit-plan-tasks", "add and change plan tasks", "siteadmin"),
    _action("delete-a-plan-task", "delete a plan task"),
    # accounts
    _action("manage-other-users", "create accounts, set other accounts' groups", "siteadmin"),
    _action("change-own-groups", "change one's own groups"),
    _action("grant-superuser", "make an account a superuser"),
    _action("edit-a-superuser", "edit or deactivate a superuser's account"),
    _action("change-group-permissions", "change a group's permissions"),
    _action("delete-a-user", "delete an account"),
)
BY_SLUG = {action.slug: action for action in ACTIONS}


def may(role: str, slug: str) -> bool:
    return role in BY_SLUG[slug].allowed


def case_id(role: str, slug: str) -> str:
    return f"{role}-{'may' if may(role, slug) else 'cannot'}-{slug}"


def cases(slug: str, roles=EVERYONE) -> list:
    """``pytest.param(role)`` for each role, with an id such as ``writer-cannot-take-down``."""
    return [pytest.param(role, id=case_id(role, slug)) for role in roles]

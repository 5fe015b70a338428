"""The README's table "Who may do what" is the matrix the tests of this folder prove."""

from __future__ import annotations

from pathlib import Path

from tests.permissions.matrix import ACTIONS, ROLES

README = Path(__file__).resolve().parents[2] / "README.md"
HEADING = "### Who may do what"


def readme_table() -> tuple[list[str], dict[str, set[str]]]:
    """The table's role columns, and for each action the roles ticked."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADING) + 1
    section = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        section.append(line)
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section
        if line.startswith("|")
    ]
    header, _separator, *body = rows
    roles = [cell.strip("`") for cell in header[1:]]
    return roles, {
        row[0]: {role for role, cell in zip(roles, row[1:], strict=True) if cell == "✓"}
        for row in body
    }


def test_the_readme_table_is_the_matrix():
    roles, table = readme_table()

    assert roles == list(ROLES)
    assert table == {action.label: set(action.allowed) for action in ACTIONS}

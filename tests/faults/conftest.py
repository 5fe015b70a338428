"""Fixtures of the fault tests: a database error injected in the middle of a real write.

``failing_writes`` installs a trigger in the test database (SQLite or PostgreSQL)
that makes one kind of write fail the way a real database fails: the statement
raises inside the transaction that publishes, after the writes before it have
gone through. The triggers are dropped at the end of the test, whatever happens.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import pytest
from django.db import connection


@dataclass(frozen=True)
class Fault:
    """A write that fails: on ``table``, for ``events`` (INSERT/UPDATE), when ``condition``.

    ``pg_errcode``: the SQLSTATE PostgreSQL raises (40001 serialization failure becomes
    Django's ``OperationalError``, 23505 unique violation its ``IntegrityError``); SQLite's
    ``RAISE(ABORT)`` is a constraint failure (``IntegrityError``).
    """

    name: str
    table: str
    events: tuple[str, ...]
    condition: str = ""
    pg_errcode: str = "40001"
    #: Instead of raising: a statement the trigger runs (its failure comes later).
    body: str = ""


def _install(fault: Fault) -> list[str]:
    """Create the trigger(s); return the statements that drop them."""
    drops = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            function = f"fault_{fault.name}"
            action = fault.body or (
                f"RAISE EXCEPTION 'fault injected: {fault.name}' "
                f"USING ERRCODE = '{fault.pg_errcode}'"
            )
            cursor.execute(
                f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN {action}; RETURN NEW; END $$"
            )
            when = f"WHEN ({fault.condition})" if fault.condition else ""
            cursor.execute(
                f"CREATE TRIGGER {function} BEFORE {' OR '.join(fault.events)} "
                f"ON {fault.table} FOR EACH ROW {when} EXECUTE FUNCTION {function}()"
            )
            drops.append(f"DROP FUNCTION IF EXISTS {function}() CASCADE")
        elif connection.vendor == "sqlite":
            for event in fault.events:
                trigger = f"fault_{fault.name}_{event.lower()}"
                when = f"WHEN {fault.condition}" if fault.condition else ""
                action = fault.body or f"SELECT RAISE(ABORT, 'fault injected: {fault.name}')"
                cursor.execute(
                    f"CREATE TRIGGER {trigger} BEFORE {event} ON {fault.table} {when} "
                    f"BEGIN {action}; END"
                )
                drops.append(f"DROP TRIGGER IF EXISTS {trigger}")
        else:  # pragma: no cover - the project runs on these two
            pytest.skip(f"no fault injection for {connection.vendor}")
    return drops


@pytest.fixture
def failing_writes(transactional_db):
    """``with failing_writes(fault):`` — the writes ``fault`` names fail inside the block."""
    installed: list[str] = []

    @contextlib.contextmanager
    def inject(fault: Fault):
        drops = _install(fault)
        installed.extend(drops)
        try:
            yield fault
        finally:
            with connection.cursor() as cursor:
                for statement in drops:
                    cursor.execute(statement)
            for statement in drops:
                installed.remove(statement)

    yield inject
    if installed:  # the test failed inside the block and the connection was left unusable
        connection.close()
        with connection.cursor() as cursor:
            for statement in installed:
                cursor.execute(statement)

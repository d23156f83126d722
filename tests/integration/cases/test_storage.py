"""Migration 0002 builds the tables the code describes; each database itself keeps an enterprise to one
retention case that is not closed."""

import uuid
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from cases.storage.tables import cases, metadata
from district_shared.db import create_engine

OPENED = datetime(2026, 3, 2, 1, tzinfo=UTC)


def _differences(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), metadata))


async def test_migrated_schema_matches_the_tables_of_the_code(cases_db):
    engine = create_engine(cases_db)
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await engine.dispose()


def a_row(enterprise_id: uuid.UUID, kind: str, status: str) -> dict[str, object]:
    return {
        "id": uuid.uuid4(),
        "enterprise_id": enterprise_id,
        "kind": kind,
        "mechanism": "special_case",
        "team": "government_services",
        "status": status,
        "opened_at": OPENED,
        "sla_deadline": OPENED,
        "routing_rule": "retention_orange",
        "team_assigned_by_person": False,
        "breached": False,
    }


async def _insert(database_url: str, *rows: dict[str, object]) -> None:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(insert(cases), list(rows))
    finally:
        await engine.dispose()


@pytest.mark.parametrize("second", ["open", "resolved", "reopened"])
async def test_a_second_retention_case_not_closed_is_refused_by_the_database(cases_db, second):
    enterprise = uuid.uuid4()
    await _insert(cases_db, a_row(enterprise, "retention", "in_progress"))
    with pytest.raises(IntegrityError):
        await _insert(cases_db, a_row(enterprise, "retention", second))


async def test_closed_retention_cases_and_other_kinds_are_not_limited(cases_db):
    enterprise = uuid.uuid4()
    rows = [a_row(enterprise, "retention", "closed") for _ in range(2)]
    rows += [a_row(enterprise, kind, "open") for kind in ("retention", "need", "need", "manual")]
    await _insert(cases_db, *rows)

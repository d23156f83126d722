"""Enterprise facts: a placeholder row on first sight, locked while a use case changes its cases."""

from dataclasses import asdict, fields
from typing import Any
from uuid import UUID

from sqlalchemy import Row, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain import Colour, EnterpriseFacts
from cases.storage.tables import enterprise_facts

_PLACEHOLDER = {"key_enterprise": False, "departed": False}


async def locked(session: AsyncSession, enterprise_id: UUID) -> EnterpriseFacts:
    """The enterprise's facts (a placeholder when unseen so far), locked until the transaction ends.

    Every use case that opens, reopens or escalates an enterprise's case takes this lock first, so a
    rating and a member of staff never both decide on its one retention case (SQLite: one writer anyway).
    """
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    await session.execute(
        dialect.insert(enterprise_facts)
        .values(enterprise_id=enterprise_id, **_PLACEHOLDER)
        .on_conflict_do_nothing()
    )
    query = select(enterprise_facts).where(enterprise_facts.c.enterprise_id == enterprise_id)
    return _facts((await session.execute(query.with_for_update())).one())


async def save(session: AsyncSession, facts: EnterpriseFacts) -> None:
    """Write the facts over their (locked) row."""
    table = enterprise_facts
    await session.execute(
        update(table).where(table.c.enterprise_id == facts.enterprise_id).values(**asdict(facts))
    )


def _facts(row: Row[Any]) -> EnterpriseFacts:
    values = {field.name: row._mapping[field.name] for field in fields(EnterpriseFacts)}
    values["colour"] = None if row.colour is None else Colour(row.colour)
    return EnterpriseFacts(**values)

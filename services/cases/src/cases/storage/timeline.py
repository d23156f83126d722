"""A case's timeline: one row per change, in the order the changes were applied."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic_core import to_jsonable_python
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain import Case
from cases.storage.tables import case_timeline


@dataclass(frozen=True)
class Entry:
    """One change: what was done, by whom, when, and where it left the case."""

    action: str
    actor: str
    at: datetime
    status: str
    mechanism: str
    team: str
    details: dict[str, Any]


async def add(
    session: AsyncSession, case: Case, action: str, actor: str, at: datetime, details: dict[str, Any]
) -> None:
    """Append an entry that records `case` as it stands after the change."""
    await session.execute(
        insert(case_timeline).values(
            case_id=case.id,
            action=action,
            actor=actor,
            at=at,
            status=case.status,
            mechanism=case.mechanism,
            team=case.team,
            details=to_jsonable_python(details),
        )
    )


async def of_case(session: AsyncSession, case_id: UUID) -> list[Entry]:
    """The case's entries, oldest first."""
    query = select(case_timeline).where(case_timeline.c.case_id == case_id).order_by(case_timeline.c.id)
    return [
        Entry(row.action, row.actor, row.at, row.status, row.mechanism, row.team, row.details)
        for row in await session.execute(query)
    ]

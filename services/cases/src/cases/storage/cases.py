"""Cases: repository functions that write into the caller's transaction, never commit."""

from dataclasses import asdict, dataclass, fields
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Row, Select, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain import Case, Kind, Mechanism, Status, Team
from cases.storage.tables import cases
from district_shared.http.pagination import Keyset, Page, PageParams, paginate

_ORDER = Keyset((cases.c.opened_at, cases.c.id))


@dataclass(frozen=True)
class CaseFilter:
    """The list's filters; each one that is set narrows it."""

    enterprise_id: UUID | None = None
    mechanism: Mechanism | None = None
    team: Team | None = None
    status: Status | None = None
    kind: Kind | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        given = {name: value for name, value in asdict(self).items() if value is not None}
        return [cases.c[name] == value for name, value in given.items()]


def _case(row: Row[Any]) -> Case:
    values = {field.name: row._mapping[field.name] for field in fields(Case)}
    values.update(
        kind=Kind(row.kind),
        mechanism=Mechanism(row.mechanism),
        team=Team(row.team),
        status=Status(row.status),
    )
    return Case(**values)


async def add(session: AsyncSession, case: Case) -> None:
    await session.execute(insert(cases).values(**asdict(case)))


async def save(session: AsyncSession, case: Case) -> None:
    """Write the case's current state over its row."""
    await session.execute(update(cases).where(cases.c.id == case.id).values(**asdict(case)))


async def get(session: AsyncSession, case_id: UUID) -> Case | None:
    return await _one(session, select(cases).where(cases.c.id == case_id))


async def locked(session: AsyncSession, case_id: UUID) -> Case | None:
    """The case, its row locked until the transaction ends (PostgreSQL; SQLite has one writer anyway)."""
    return await _one(session, select(cases).where(cases.c.id == case_id).with_for_update())


async def not_closed_retention(session: AsyncSession, enterprise_id: UUID) -> Case | None:
    """The enterprise's one retention case that is not closed, if any (the unique index allows one)."""
    query = select(cases).where(
        cases.c.enterprise_id == enterprise_id,
        cases.c.kind == Kind.RETENTION,
        cases.c.status != Status.CLOSED,
    )
    return await _one(session, query.with_for_update())


async def page(session: AsyncSession, where: CaseFilter, params: PageParams) -> Page[Case]:
    """One page of the cases that pass `where`, oldest opening first."""
    return await paginate(session, select(cases).where(*where.conditions()), _ORDER, params, _case)


async def _one(session: AsyncSession, query: Select[Any]) -> Case | None:
    row = (await session.execute(query)).one_or_none()
    return None if row is None else _case(row)

"""Visits and the fields each verified: written in the caller's transaction, never committed."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Keyset, Page, PageParams, paginate
from registry.domain.visits import VerifiableField, Visit
from registry.storage.tables import verified_fields, visits

_NEWEST_FIRST = Keyset((visits.c.visited_at, visits.c.id), descending=True)
_FIELDS = ("id", "enterprise_id", "building_id", "visited_at", "team", "visitor", "notes")


async def add(session: AsyncSession, visit: Visit, actor: str, now: datetime) -> None:
    values = {name: getattr(visit, name) for name in _FIELDS}
    await session.execute(insert(visits).values(**values, recorded_by=actor, recorded_at=now))
    if visit.verified_fields:
        rows = [
            {"visit_id": visit.id, "field": f, "position": i} for i, f in enumerate(visit.verified_fields)
        ]
        await session.execute(insert(verified_fields), rows)


async def get(session: AsyncSession, enterprise_id: UUID, visit_id: UUID) -> Visit | None:
    query = select(visits).where(visits.c.id == visit_id, visits.c.enterprise_id == enterprise_id)
    row = (await session.execute(query)).one_or_none()
    return None if row is None else _visit(row, (await _fields_of(session, [visit_id]))[visit_id])


async def page(session: AsyncSession, enterprise_id: UUID, params: PageParams) -> Page[Visit]:
    """One page of the enterprise's visits, newest first."""
    query = select(visits).where(visits.c.enterprise_id == enterprise_id)
    rows = await paginate(session, query, _NEWEST_FIRST, params, _same)
    fields = await _fields_of(session, [row.id for row in rows.items])
    return Page(items=[_visit(row, fields[row.id]) for row in rows.items], next_cursor=rows.next_cursor)


async def _fields_of(session: AsyncSession, ids: Iterable[UUID]) -> dict[UUID, tuple[VerifiableField, ...]]:
    query = (
        select(verified_fields)
        .where(verified_fields.c.visit_id.in_(list(ids)))
        .order_by(verified_fields.c.position)
    )
    found: defaultdict[UUID, list[VerifiableField]] = defaultdict(list)
    for row in await session.execute(query):
        found[row.visit_id].append(row.field)
    return defaultdict(tuple, {key: tuple(names) for key, names in found.items()})


def _same(row: Row[Any]) -> Row[Any]:
    return row


def _visit(row: Row[Any], fields: tuple[VerifiableField, ...]) -> Visit:
    return Visit(**{name: getattr(row, name) for name in _FIELDS}, verified_fields=fields)

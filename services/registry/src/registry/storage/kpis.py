"""The KPI counts, per building, computed by the database (one query, whatever the district's size)."""

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, case, distinct, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from registry.domain.kpis import Period, Tally
from registry.storage.tables import buildings, enterprises, verified_fields, visits


def _in_district(period: Period) -> ColumnElement[bool]:
    """Enterprises still in the district at the period's end."""
    return or_(enterprises.c.departed_on.is_(None), enterprises.c.departed_on > period.last)


def _visited(period: Period) -> ColumnElement[bool]:
    return exists().where(
        visits.c.enterprise_id == enterprises.c.id,
        visits.c.visited_at >= period.start,
        visits.c.visited_at < period.end,
    )


def _complete(period: Period, mandatory: Sequence[str]) -> ColumnElement[bool]:
    """Every mandatory field verified by some visit of the 12 months that end with the period."""
    verified = (
        select(visits.c.enterprise_id)
        .join(verified_fields, verified_fields.c.visit_id == visits.c.id)
        .where(
            visits.c.visited_at >= period.verification_start,
            visits.c.visited_at < period.end,
            verified_fields.c.field.in_(list(mandatory)),
        )
        .group_by(visits.c.enterprise_id)
        .having(func.count(distinct(verified_fields.c.field)) == len(mandatory))
    )
    return enterprises.c.id.in_(verified)


def _count(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


async def tallies(session: AsyncSession, period: Period, mandatory: Sequence[str]) -> dict[UUID, Tally]:
    """The tally of each building that has enterprises in the district at the period's end."""
    query = (
        select(
            enterprises.c.building_id,
            func.count(),
            _count(_visited(period)),
            _count(_complete(period, mandatory)),
        )
        .where(_in_district(period))
        .group_by(enterprises.c.building_id)
    )
    rows = (await session.execute(query)).all()
    return {row[0]: Tally(int(row[1]), int(row[2]), int(row[3])) for row in rows}


async def building_names(session: AsyncSession) -> list[tuple[UUID, str]]:
    """Every building, by name."""
    query = select(buildings.c.id, buildings.c.name).order_by(buildings.c.name, buildings.c.id)
    return [(row.id, row.name) for row in await session.execute(query)]

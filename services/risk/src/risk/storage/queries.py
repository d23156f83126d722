"""Reads behind the HTTP API: ratings by filter, an enterprise's history, counts per colour."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Keyset, Page, PageParams, paginate
from risk.domain import Colour, EnterpriseRecord, Rating, RatingCause
from risk.storage.enterprises import to_record
from risk.storage.tables import enterprises, rating_history

_BY_ID = Keyset((enterprises.c.enterprise_id,))
_NEWEST_FIRST = Keyset((rating_history.c.id,), descending=True)


@dataclass(frozen=True)
class RatingFilter:
    """The list's filters; each one that is set narrows it."""

    colour: Colour | None = None
    building_id: UUID | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.colour is not None:
            found.append(enterprises.c.colour == self.colour.value)
        if self.building_id is not None:
            found.append(enterprises.c.building_id == self.building_id)
        return found


async def list_ratings(
    session: AsyncSession, where: RatingFilter, params: PageParams
) -> Page[EnterpriseRecord]:
    """Rated enterprises in id order."""
    statement = select(enterprises).where(*where.conditions())
    return await paginate(session, statement, _BY_ID, params, to_record)


@dataclass(frozen=True)
class Announced:
    """One row of an enterprise's rating history."""

    ce_id: str
    from_colour: Colour | None
    colour: Colour
    rating: Rating
    cause: RatingCause
    rated_at: datetime


def _announced(row: Row[Any]) -> Announced:
    return Announced(
        ce_id=row.ce_id,
        from_colour=None if row.from_colour is None else Colour(row.from_colour),
        colour=Colour(row.colour),
        rating=Rating.model_validate_json(row.rating),
        cause=RatingCause.model_validate_json(row.cause),
        rated_at=row.rated_at,
    )


async def history(session: AsyncSession, enterprise_id: UUID, params: PageParams) -> Page[Announced]:
    """The ratings announced for one enterprise, newest first."""
    statement = select(rating_history).where(rating_history.c.enterprise_id == enterprise_id)
    return await paginate(session, statement, _NEWEST_FIRST, params, _announced)


async def colour_counts(session: AsyncSession) -> dict[UUID | None, dict[Colour, int]]:
    """How many enterprises show each colour, per building (None: building not known yet)."""
    building, colour = enterprises.c.building_id, enterprises.c.colour
    query = select(building, colour, func.count()).group_by(building, colour)
    counts: dict[UUID | None, dict[Colour, int]] = defaultdict(dict)
    for building_id, colour_name, count in (await session.execute(query)).all():
        counts[building_id][Colour(colour_name)] = count
    return dict(counts)

"""Needs, with the catalogue terms they were raised under: written in the caller's transaction."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Row, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Keyset, Page, PageParams, paginate
from registry.domain.needs import Need, Terms
from registry.storage.tables import needs

_NEWEST_FIRST = Keyset((needs.c.raised_at, needs.c.id), descending=True)
_OWN = tuple(f.name for f in fields(Need) if f.name != "terms")
_TERMS = tuple(f.name for f in fields(Terms))


@dataclass(frozen=True)
class NeedFilter:
    """The list's filters; each one that is set narrows it."""

    enterprise_id: UUID | None = None
    category_code: str | None = None
    channel: str | None = None
    requester: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        return [needs.c[name] == value for name, value in asdict(self).items() if value is not None]


async def add_all(session: AsyncSession, raised: Sequence[Need], actor: str) -> None:
    if raised:
        await session.execute(insert(needs), [{**_values(need), "raised_by": actor} for need in raised])


async def get(session: AsyncSession, need_id: UUID) -> Need | None:
    row = (await session.execute(select(needs).where(needs.c.id == need_id))).one_or_none()
    return None if row is None else _need(row)


async def page(session: AsyncSession, where: NeedFilter, params: PageParams) -> Page[Need]:
    """One page of the needs that pass `where`, the latest raised first."""
    return await paginate(session, select(needs).where(*where.conditions()), _NEWEST_FIRST, params, _need)


def _values(need: Need) -> dict[str, Any]:
    terms = {name: getattr(need.terms, name) for name in _TERMS}
    own = {name: getattr(need, name) for name in _OWN}
    return {**own, **terms, "departments_involved": list(need.terms.departments_involved)}


def _need(row: Row[Any]) -> Need:
    terms = {name: getattr(row, name) for name in _TERMS}
    terms["departments_involved"] = tuple(row.departments_involved)
    return Need(**{name: getattr(row, name) for name in _OWN}, terms=Terms(**terms))

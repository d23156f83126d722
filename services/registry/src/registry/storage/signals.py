"""Signals: written in the caller's transaction, never committed."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from sqlalchemy import ColumnElement, Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Keyset, Page, PageParams, paginate
from registry.domain.visits import Signal
from registry.storage.tables import signals

_NEWEST_FIRST = Keyset((signals.c.observed_at, signals.c.id), descending=True)
SignalStatus = Literal["active", "resolved"]
_FIELDS = ("id", "enterprise_id", "code", "observed_at", "details", "visit_id", "resolved_at", "resolution")


@dataclass(frozen=True)
class SignalFilter:
    enterprise_id: UUID
    status: SignalStatus | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found = [signals.c.enterprise_id == self.enterprise_id]
        if self.status is not None:
            resolved = signals.c.resolved_at.is_not(None)
            found.append(resolved if self.status == "resolved" else ~resolved)
        return found


async def add_all(session: AsyncSession, reported: Sequence[Signal], actor: str, now: datetime) -> None:
    if reported:
        rows = [{**_values(signal), "reported_by": actor, "reported_at": now} for signal in reported]
        await session.execute(insert(signals), rows)


async def get(session: AsyncSession, enterprise_id: UUID, signal_id: UUID) -> Signal | None:
    query = select(signals).where(signals.c.id == signal_id, signals.c.enterprise_id == enterprise_id)
    row = (await session.execute(query)).one_or_none()
    return None if row is None else _signal(row)


async def save_resolution(session: AsyncSession, signal: Signal, actor: str) -> None:
    values = {"resolved_at": signal.resolved_at, "resolution": signal.resolution, "resolved_by": actor}
    await session.execute(update(signals).where(signals.c.id == signal.id).values(**values))


async def page(session: AsyncSession, where: SignalFilter, params: PageParams) -> Page[Signal]:
    """One page of an enterprise's signals, the latest observed first."""
    return await paginate(session, select(signals).where(*where.conditions()), _NEWEST_FIRST, params, _signal)


def _values(signal: Signal) -> dict[str, Any]:
    return {name: getattr(signal, name) for name in _FIELDS}


def _signal(row: Row[Any]) -> Signal:
    return Signal(**{name: getattr(row, name) for name in _FIELDS})

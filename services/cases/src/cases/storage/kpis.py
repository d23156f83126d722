"""The KPI counts, per mechanism and team, computed by the database over cases and their timelines."""

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, not_, select
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain import Mechanism, Status, Team
from cases.domain.kpis import Tally
from cases.storage.tables import case_timeline, cases

Group = tuple[Mechanism, Team]
_FINISHED = (Status.RESOLVED, Status.CLOSED)


def _count(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(when((condition, 1), else_=0)), 0)


async def tallies(session: AsyncSession, start: datetime, end: datetime) -> dict[Group, Tally]:
    """The period's tally of every (mechanism, team) that has one."""
    found: defaultdict[Group, Tally] = defaultdict(Tally)
    for row in await session.execute(_states_at_end(start, end)):
        found[Mechanism(row.mechanism), Team(row.team)] += Tally(row.opened, row.resolved, row.backlog)
    for row in await session.execute(_closed_in(start, end)):
        found[Mechanism(row.mechanism), Team(row.team)] += Tally(
            closed=row.closed, satisfaction_total=row.total
        )
    return dict(found)


def _states_at_end(start: datetime, end: datetime) -> Select[Any]:
    """Each case opened before `end`, counted where its last timeline entry before `end` left it."""
    entry = case_timeline.c
    # The last entry before the end is the case's state then: status, mechanism and team after it.
    recency = func.row_number().over(partition_by=entry.case_id, order_by=entry.id.desc())
    latest = select(entry.case_id, entry.status, entry.mechanism, entry.team, recency.label("recency"))
    ranked = latest.where(entry.at < end).subquery()
    in_period = cases.c.opened_at >= start
    finished = ranked.c.status.in_(_FINISHED)
    return (
        select(
            ranked.c.mechanism,
            ranked.c.team,
            _count(in_period).label("opened"),
            _count(and_(in_period, finished)).label("resolved"),
            _count(not_(finished)).label("backlog"),
        )
        .join(cases, cases.c.id == ranked.c.case_id)
        .where(ranked.c.recency == 1, cases.c.opened_at < end)
        .group_by(ranked.c.mechanism, ranked.c.team)
    )


def _closed_in(start: datetime, end: datetime) -> Select[Any]:
    """Cases closed in the period and still closed (a reopened case's rating no longer stands)."""
    closed_in_period = and_(
        cases.c.status == Status.CLOSED, cases.c.closed_at >= start, cases.c.closed_at < end
    )
    return (
        select(
            cases.c.mechanism,
            cases.c.team,
            func.count().label("closed"),
            func.sum(cases.c.satisfaction).label("total"),
        )
        .where(closed_in_period)
        .group_by(cases.c.mechanism, cases.c.team)
    )

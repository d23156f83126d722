"""KPIs for a period of district days: overall, per mechanism and per team."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain import Mechanism, Team
from cases.domain.kpis import Tally
from cases.storage import kpis


@dataclass(frozen=True)
class Kpis:
    """The period's tallies; every mechanism and team is listed, with zeros when it had no case."""

    first: date
    last: date
    overall: Tally
    by_mechanism: dict[Mechanism, Tally]
    by_team: dict[Team, Tally]


async def kpis_for(session: AsyncSession, first: date, last: date, zone: tzinfo) -> Kpis:
    """The KPIs from the start of `first` to the end of `last`, both district days."""
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(UTC)
    found = await kpis.tallies(session, start, end)
    by_mechanism = {m: sum((t for (gm, _), t in found.items() if gm is m), Tally()) for m in Mechanism}
    by_team = {team: sum((t for (_, gt), t in found.items() if gt is team), Tally()) for team in Team}
    return Kpis(first, last, sum(found.values(), Tally()), by_mechanism, by_team)

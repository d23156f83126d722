"""Record a door-to-door visit: one `visit recorded`, a `signal reported` per signal and a `need raised`
per need, all in the caller's one transaction (DESIGN §3)."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Page, PageParams
from district_shared.http.problems import NotFound
from district_shared.outbox import add_event
from registry.domain.needs import Need, terms_for
from registry.domain.visits import Signal, Visit, not_in_the_future, verified
from registry.storage import needs, signals, visits
from registry.storage.enterprises import Anchor
from registry.use_cases.announce import need_raised, signal_reported, visit_recorded
from registry.use_cases.catalogue import category
from registry.use_cases.commands import RecordVisit
from registry.use_cases.enterprise import anchored, find_enterprise
from registry.use_cases.ids import RANDOM, NewId


@dataclass(frozen=True)
class RecordedVisit:
    visit: Visit
    signals: tuple[Signal, ...]
    needs: tuple[Need, ...]


async def record_visit(
    session: AsyncSession,
    enterprise_id: UUID,
    command: RecordVisit,
    actor: str,
    now: datetime,
    new_id: NewId = RANDOM,
) -> RecordedVisit:
    """404 for an unknown enterprise, 422 for a time in the future or a category not in the catalogue."""
    enterprise = await anchored(session, enterprise_id)
    at = not_in_the_future("visited_at", command.visited_at, now)
    visit = Visit(
        id=new_id(),
        enterprise_id=enterprise.id,
        building_id=enterprise.building_id,
        visited_at=at,
        team=command.team,
        visitor=command.visitor,
        notes=command.notes,
        verified_fields=verified(command.verified_fields),
    )
    recorded = RecordedVisit(
        visit,
        _signals(visit, command, now, new_id),
        await _needs(session, enterprise, visit, command, new_id),
    )
    await _write(session, recorded, actor, now)
    return recorded


def _signals(visit: Visit, command: RecordVisit, now: datetime, new_id: NewId) -> tuple[Signal, ...]:
    return tuple(
        Signal(
            new_id(),
            visit.enterprise_id,
            signal.code,
            not_in_the_future(f"signals[{i}].observed_at", signal.observed_at or visit.visited_at, now),
            signal.details,
            visit.id,
        )
        for i, signal in enumerate(command.signals)
    )


async def _needs(
    session: AsyncSession, enterprise: Anchor, visit: Visit, command: RecordVisit, new_id: NewId
) -> tuple[Need, ...]:
    raised = []
    for i, need in enumerate(command.needs):
        field = f"needs[{i}].category_code"
        terms = terms_for(await category(session, need.category_code, field), "enterprise", field)
        raised.append(
            Need(
                id=new_id(),
                enterprise_id=enterprise.id,
                requester="enterprise",
                channel="visit",
                terms=terms,
                description=need.description,
                raised_at=visit.visited_at,
                key_enterprise=enterprise.key_enterprise,
                visit_id=visit.id,
            )
        )
    return tuple(raised)


async def _write(session: AsyncSession, recorded: RecordedVisit, actor: str, now: datetime) -> None:
    """The state, then the events in the order DESIGN §3 lists them: visit, signals, needs."""
    await visits.add(session, recorded.visit, actor, now)
    await signals.add_all(session, recorded.signals, actor, now)
    await needs.add_all(session, recorded.needs, actor)
    visit_event = visit_recorded(recorded.visit, len(recorded.signals), len(recorded.needs), actor)
    await add_event(session, visit_event, now=now)
    for signal in recorded.signals:
        await add_event(session, signal_reported(signal, actor), now=now)
    for need in recorded.needs:
        await add_event(session, need_raised(need, actor), now=now)


async def find_visit(session: AsyncSession, enterprise_id: UUID, visit_id: UUID) -> Visit:
    """The visit; 404 when the enterprise has no visit with this id."""
    visit = await visits.get(session, enterprise_id, visit_id)
    if visit is None:
        raise NotFound("visit", visit_id)
    return visit


async def list_visits(session: AsyncSession, enterprise_id: UUID, params: PageParams) -> Page[Visit]:
    """The enterprise's visits, newest first; 404 for an unknown enterprise."""
    await find_enterprise(session, enterprise_id)
    return await visits.page(session, enterprise_id, params)

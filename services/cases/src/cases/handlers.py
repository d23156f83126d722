"""The topics cases reads: each handler turns a contract event into a command for a use case.

- `registry.needs.v1`: need raised → a `need` case;
- `risk.ratings.v1`: rating changed → the enterprise's retention case (DESIGN §3);
- `registry.enterprises.v1`: enterprise events → the facts routing needs (visits and signals are skipped).
"""

from enum import StrEnum
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from cases.config import CasesConfig
from cases.domain import Colour, Mechanism
from cases.use_cases.commands import EnterpriseSeen, RaisedNeed, Rating
from cases.use_cases.facts import note_enterprise
from cases.use_cases.opening import open_need_case
from cases.use_cases.retention import apply_rating
from cases.use_cases.trigger import Trigger
from district_shared.clock import Clock
from district_shared.consumer import Handler
from district_shared.contracts import Envelope, Event
from district_shared.contracts.needs import NeedRaisedV1
from district_shared.contracts.registry import (
    EnterpriseEvent,
    EnterpriseLeftV1,
    EnterpriseMovedV1,
    EnterpriseRegisteredV1,
    EnterpriseUpdatedV1,
    LeaseChangedV1,
)
from district_shared.contracts.risk import RatingChangedV1
from district_shared.service import Runtime
from district_shared.topics import REGISTRY_ENTERPRISES, REGISTRY_NEEDS, RISK_RATINGS

E = TypeVar("E", bound=StrEnum)
ENTERPRISE_EVENTS = (
    EnterpriseRegisteredV1,
    EnterpriseUpdatedV1,
    EnterpriseMovedV1,
    LeaseChangedV1,
    EnterpriseLeftV1,
)


def known(vocabulary: type[E], value: str | None) -> E | None:
    """`value` as a member of `vocabulary`; None for a value added after this build (no change)."""
    return vocabulary(value) if value in set(vocabulary) else None


def raised_need(event: NeedRaisedV1) -> RaisedNeed:
    return RaisedNeed(
        need_id=event.need_id,
        enterprise_id=event.enterprise_id,
        raised_at=event.raised_at,
        category_code=event.category_code,
        default_mechanism=known(Mechanism, event.default_mechanism),
        sla_working_days=event.sla_working_days,
        solvable_on_spot=event.solvable_on_spot,
        departments_involved=len(event.departments_involved),
        key_enterprise=event.key_enterprise,
        description=event.description,
        channel=event.channel,
        requester=event.requester,
    )


def rating(event: RatingChangedV1) -> Rating:
    return Rating(
        enterprise_id=event.enterprise_id,
        from_colour=event.from_colour,
        to=known(Colour, event.to),
        score=event.score,
        key_enterprise=event.key_enterprise,
        building_id=event.building_id,
        departed=event.departed,
        rated_at=event.rated_at,
    )


def enterprise_seen(event: EnterpriseEvent) -> EnterpriseSeen:
    return EnterpriseSeen(
        enterprise_id=event.enterprise_id,
        key_enterprise=event.key_enterprise,
        building_id=event.building_id,
        departed=isinstance(event, EnterpriseLeftV1),
    )


def subscribe(runtime: Runtime, config: CasesConfig) -> None:
    """Attach the handlers to their topics (consumer groups `cases.<topic>`)."""
    clock: Clock = runtime.clock

    async def on_need(session: AsyncSession, event: NeedRaisedV1, envelope: Envelope) -> None:
        trigger = Trigger.event(envelope, event.raised_at, clock.now())
        await open_need_case(session, raised_need(event), config, trigger)

    async def on_rating(session: AsyncSession, event: RatingChangedV1, envelope: Envelope) -> None:
        # A retention case's SLA counts from the rating's ce_time (DESIGN §3).
        await apply_rating(
            session, rating(event), config, Trigger.event(envelope, envelope.time, clock.now())
        )

    async def on_enterprise(session: AsyncSession, event: EnterpriseEvent, envelope: Envelope) -> None:
        await note_enterprise(session, enterprise_seen(event), envelope.time)

    enterprise_handlers: dict[type[Event], Handler] = {model: on_enterprise for model in ENTERPRISE_EVENTS}
    runtime.consume(REGISTRY_NEEDS, {NeedRaisedV1: on_need})
    runtime.consume(RISK_RATINGS, {RatingChangedV1: on_rating})
    runtime.consume(REGISTRY_ENTERPRISES, enterprise_handlers)

"""A new rating of an enterprise: open, reopen, note or escalate its one retention case (DESIGN §3)."""

from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from cases.config import CasesConfig
from cases.domain import (
    Action,
    AddTimelineEntry,
    AddTimelineEntryAndEscalate,
    Case,
    Colour,
    Escalate,
    Kind,
    NoRetentionAction,
    Observation,
    OpenRetentionCase,
    Reopen,
    ReopenRetentionCase,
    RetentionDecision,
    RoutingDecision,
    apply,
    decide_retention,
    open_case,
)
from cases.storage import cases
from cases.use_cases.commands import Rating
from cases.use_cases.facts import observe
from cases.use_cases.record import record_note, record_opening, record_transition
from cases.use_cases.trigger import Trigger

log = structlog.get_logger(__name__)


async def apply_rating(session: AsyncSession, rating: Rating, config: CasesConfig, trigger: Trigger) -> None:
    """Keep the rating's facts, then carry out what the retention rules decide for its colour."""
    seen = Observation(
        at=rating.rated_at,
        key_enterprise=rating.key_enterprise,
        building_id=rating.building_id,
        colour=rating.to,
        departed=rating.departed,
    )
    # The facts' lock serialises this with staff reopening the enterprise's retention case.
    facts = await observe(session, rating.enterprise_id, seen)
    to = rating.to
    if to is None:  # a colour this build does not know: no change
        return
    current = await cases.not_closed_retention(session, rating.enterprise_id)
    decision = decide_retention(
        current, to, departed=facts.departed, key_enterprise=facts.key_enterprise, rules=config.routing
    )
    await _carry_out(session, decision, current, rating, to, config, trigger)


async def _carry_out(
    session: AsyncSession,
    decision: RetentionDecision,
    current: Case | None,
    rating: Rating,
    to: Colour,
    config: CasesConfig,
    trigger: Trigger,
) -> None:
    match decision:
        case NoRetentionAction(reason=reason):
            log.info("rating opens no retention case", colour=to.value, why=reason)
        case OpenRetentionCase(routing=routing):
            await _open(session, routing, rating, config, trigger)
        case ReopenRetentionCase() | AddTimelineEntry() | AddTimelineEntryAndEscalate():
            assert current is not None, "only the current case is reopened, noted or escalated"
            await record_note(session, current, trigger, _note(rating))
            action = _follow_up(decision, to)
            if action is not None:
                after = apply(current, action, trigger.at, config.sla)
                await record_transition(session, action, current, after, trigger)


async def _open(
    session: AsyncSession, routing: RoutingDecision, rating: Rating, config: CasesConfig, trigger: Trigger
) -> None:
    """A new retention case, routed once and for all; its SLA counts from the rating's ce_time."""
    case = open_case(
        case_id=trigger.new_id("retention case"),
        kind=Kind.RETENTION,
        enterprise_id=rating.enterprise_id,
        routing=routing,
        opened_at=trigger.at,
        sla=config.sla,
    )
    await record_opening(session, case, trigger, {"rating": _note(rating)})


def _follow_up(decision: RetentionDecision, to: Colour) -> Action | None:
    """The transition a rating makes beyond its note on the timeline, if any."""
    if isinstance(decision, ReopenRetentionCase):
        return Reopen(reason=f"the enterprise's rating turned {to}")
    if isinstance(decision, AddTimelineEntryAndEscalate):
        return Escalate(reason=f"the enterprise's rating turned {to}")
    return None


def _note(rating: Rating) -> dict[str, Any]:
    return {"from": rating.from_colour, "to": rating.to, "score": rating.score}

"""Translate a change of colour into the contract event, write it to the outbox and to the history."""

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.contracts.risk import FactorV1, RatingCauseV1, RatingChangedV1
from district_shared.outbox import add_event
from risk.domain import Rerated
from risk.storage import history
from risk.use_cases.trigger import Trigger


def rating_changed(rerated: Rerated) -> RatingChangedV1:
    """The `rating changed` event of a re-rated enterprise (`from` null on its first rating)."""
    record, current = rerated.record, rerated.record.current
    assert current is not None, "an announced record is rated"
    return RatingChangedV1(
        enterprise_id=record.enterprise_id,
        from_colour=None if rerated.previous_colour is None else rerated.previous_colour.value,
        to=current.colour.value,
        colour=current.colour.value,
        score=current.rating.score,
        factors=[
            FactorV1.model_validate(factor.model_dump(mode="json")) for factor in current.rating.factors
        ],
        cause=RatingCauseV1.model_validate(current.cause.model_dump(mode="json")),
        building_id=record.profile.building_id,
        key_enterprise=record.profile.key_enterprise,
        departed=record.departed,
        rated_at=current.rated_at,
    )


async def announce(session: AsyncSession, rerated: Rerated, trigger: Trigger) -> str:
    """Write the event (ce_id derived from the trigger) and its history row; return the ce_id."""
    current = rerated.record.current
    assert current is not None, "an announced record is rated"
    ce_id = trigger.event_id(rerated.record.enterprise_id, current.colour)
    await add_event(session, rating_changed(rerated), now=trigger.now, cause=trigger.flow, ce_id=ce_id)
    await history.append(session, rerated, ce_id)
    return ce_id

"""A member of staff sets an enterprise's colour by hand until a given instant (DESIGN §3)."""

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.problems import Invalid, NotFound
from risk.domain import Colour, EnterpriseRecord, Override
from risk.storage import enterprises, overrides
from risk.use_cases.rating import Policy, rerate_and_save
from risk.use_cases.trigger import Trigger


@dataclass(frozen=True)
class OverrideCommand:
    """The colour to show, why, and until when."""

    colour: Colour
    reason: str
    until: datetime


@dataclass(frozen=True)
class Overridden:
    """The override recorded, and the enterprise's record after it."""

    id: UUID
    override: Override
    record: EnterpriseRecord


async def override_rating(
    session: AsyncSession,
    enterprise_id: UUID,
    command: OverrideCommand,
    actor: str,
    now: datetime,
    policy: Policy,
) -> Overridden:
    """404 for an enterprise risk never rated, 422 for an `until` not after now; announced on a new colour."""
    if command.until <= now:
        raise Invalid.at("until", "must be later than now")
    record = await enterprises.locked_if_known(session, enterprise_id)
    if record is None:
        raise NotFound("rating of enterprise", enterprise_id)
    override = Override(colour=command.colour, reason=command.reason, by=actor, until=command.until)
    override_id = uuid.uuid4()
    await overrides.add(session, override_id, enterprise_id, override, now)
    trigger = Trigger.override(override, override_id, now)
    rerated = await rerate_and_save(session, replace(record, override=override), trigger, policy)
    return Overridden(override_id, override, rerated.record)

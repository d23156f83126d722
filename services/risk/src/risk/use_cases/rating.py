"""Re-rate one locked record, save it, and announce it when its colour is new."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from risk.domain import EnterpriseRecord, Rerated, RiskConfig, rerate
from risk.storage import enterprises
from risk.use_cases.announce import announce
from risk.use_cases.trigger import Trigger


@dataclass(frozen=True)
class Policy:
    """What rating reads besides the facts: the rules and the district's time zone."""

    config: RiskConfig
    timezone: str


async def rerate_and_save(
    session: AsyncSession, record: EnterpriseRecord, trigger: Trigger, policy: Policy
) -> Rerated:
    """The caller holds the record's lock; the outbox row is written after the state, in one transaction."""
    rerated = rerate(record, trigger.now, trigger.cause, policy.config, policy.timezone)
    await enterprises.save(session, rerated.record)
    if rerated.changed:
        await announce(session, rerated, trigger)
    return rerated

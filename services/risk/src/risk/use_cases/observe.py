"""An input event about one enterprise: fold what it says into the facts, then re-rate."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from risk.domain import EnterpriseFacts, Profile
from risk.storage import enterprises
from risk.use_cases.rating import Policy, rerate_and_save
from risk.use_cases.trigger import Trigger

Fold = Callable[[EnterpriseFacts], EnterpriseFacts]


def unchanged(facts: EnterpriseFacts) -> EnterpriseFacts:
    """The fold of an event that says nothing new (e.g. a value added to an enum after this build)."""
    return facts


@dataclass(frozen=True)
class Observation:
    """What an input event says about one enterprise: a fold of its facts, and where it is now."""

    enterprise_id: UUID
    fold: Fold = unchanged
    profile: Profile | None = None


async def observe(session: AsyncSession, observation: Observation, trigger: Trigger, policy: Policy) -> None:
    """Apply the observation under the enterprise's lock; an enterprise seen first here is rated first."""
    record = await enterprises.locked(session, observation.enterprise_id)
    observed = replace(
        record, facts=observation.fold(record.facts), profile=record.profile.merge(observation.profile)
    )
    await rerate_and_save(session, observed, trigger, policy)

"""Translate what happened to an enterprise into contract events and write them to the outbox."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.contracts.registry import (
    EnterpriseEvent,
    EnterpriseLeftV1,
    EnterpriseMovedV1,
    EnterpriseRegisteredV1,
    EnterpriseUpdatedV1,
    LeaseChangedV1,
    LeaseTerms,
)
from district_shared.outbox import add_event
from registry.domain.enterprise import Change, Enterprise, LeaseChanged, Left, Moved, Registered, Updated


def _facts(enterprise: Enterprise, actor: str) -> dict[str, Any]:
    """What every enterprise event carries (DESIGN §3): ids and counts, never a contact's details."""
    return {
        "enterprise_id": enterprise.id,
        "version": enterprise.version,
        "credit_code": enterprise.credit_code,
        "building_id": enterprise.building_id,
        "unit": enterprise.unit,
        "industry": enterprise.industry,
        "headcount": enterprise.headcount,
        "key_enterprise": enterprise.key_enterprise,
        "registered_in_district": enterprise.registered_in_district,
        "contact_ids": [contact.id for contact in enterprise.contacts],
        "contact_count": len(enterprise.contacts),
        "actor": actor,
    }


def contract_event(change: Change, actor: str) -> EnterpriseEvent:
    """The versioned event that announces `change`."""
    facts = _facts(change.enterprise, actor)
    match change:
        case Registered():
            return EnterpriseRegisteredV1(**facts)
        case Updated(changed=changed):
            return EnterpriseUpdatedV1(**facts, changed=list(changed))
        case Moved(from_building_id=building, from_unit=unit):
            return EnterpriseMovedV1(**facts, from_building_id=building, from_unit=unit)
        case LeaseChanged(enterprise=enterprise, renewal=renewal, previous_end=previous_end):
            assert enterprise.lease is not None, "a lease change leaves a lease"
            terms = LeaseTerms(
                start=enterprise.lease.start,
                end=enterprise.lease.end,
                renewal_status=enterprise.lease.renewal_status,
            )
            return LeaseChangedV1(**facts, lease=terms, renewal=renewal, previous_end=previous_end)
        case Left(enterprise=enterprise):
            assert enterprise.departure is not None, "a departure leaves a departure"
            departure = enterprise.departure
            return EnterpriseLeftV1(
                **facts, departed_on=departure.departed_on, destination=departure.destination
            )


async def publish(session: AsyncSession, changes: Iterable[Change], actor: str, now: datetime) -> None:
    """Write one outbox row per change, in order, in the caller's transaction."""
    for change in changes:
        await add_event(session, contract_event(change, actor), now=now)

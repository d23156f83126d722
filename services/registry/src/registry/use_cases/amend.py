"""PATCH an enterprise: its details (`updated`) and its place (`moved`), each announced once."""

import uuid
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.problems import Invalid
from registry.domain.enterprise import DETAILS, Change, Contact, Enterprise, amend, move
from registry.storage import enterprises
from registry.use_cases.buildings import find_building
from registry.use_cases.commands import AmendEnterprise, ContactIn
from registry.use_cases.enterprise import locked
from registry.use_cases.publish import publish


def merge_contacts(current: Sequence[Contact], given: Sequence[ContactIn]) -> tuple[Contact, ...]:
    """The new list: a contact sent with its id keeps it, one without gets a fresh id."""
    known, kept = {contact.id for contact in current}, set()
    for index, contact in enumerate(given):
        if contact.id is None:
            continue
        if contact.id not in known or contact.id in kept:
            reason = "listed twice" if contact.id in kept else "the enterprise has no such contact"
            raise Invalid.at(f"contacts[{index}].id", f"{reason}: {contact.id}")
        kept.add(contact.id)
    return tuple(Contact(c.id or uuid.uuid4(), c.name, c.role, c.phone, c.email) for c in given)


async def _destination(
    session: AsyncSession, enterprise: Enterprise, command: AmendEnterprise
) -> tuple[UUID, str | None]:
    """Where the PATCH puts the enterprise; a new building without a unit leaves the unit unknown."""
    building_id = command.building_id or enterprise.building_id
    if building_id != enterprise.building_id:
        await find_building(session, building_id)
    if "unit" in command.model_fields_set:  # sent as null: the unit is no longer known
        return building_id, command.unit
    return building_id, enterprise.unit if building_id == enterprise.building_id else None


async def amend_enterprise(
    session: AsyncSession, enterprise_id: UUID, command: AmendEnterprise, actor: str, now: datetime
) -> Enterprise:
    """Apply the fields sent; when nothing changes, nothing is published."""
    before = await locked(session, enterprise_id)
    details = command.model_dump(include=set(DETAILS) & command.model_fields_set, exclude={"contacts"})
    if command.contacts is not None:
        details["contacts"] = merge_contacts(before.contacts, command.contacts)
    changes: list[Change] = []
    after = before
    updated = amend(after, details)
    if updated is not None:
        changes.append(updated)
        after = updated.enterprise
    moved = move(after, *await _destination(session, after, command))
    if moved is not None:
        changes.append(moved)
        after = moved.enterprise
    if changes:
        await enterprises.save(session, before, after, now)
        await publish(session, changes, actor, now)
    return after

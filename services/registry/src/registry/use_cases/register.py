"""Register an enterprise: validate its credit code, refuse duplicates, announce it."""

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.problems import Conflict
from registry.domain.enterprise import Change, Contact, Enterprise, Registered, put_lease
from registry.domain.errors import RuleBroken
from registry.storage import enterprises
from registry.use_cases.buildings import find_building
from registry.use_cases.commands import LeaseIn, RegisterEnterprise
from registry.use_cases.ids import RANDOM, NewId
from registry.use_cases.lease import lease_of
from registry.use_cases.publish import publish


def duplicate(code: str) -> Conflict:
    return Conflict(f"credit code {code} is already registered", "credit_code")


async def register_enterprise(
    session: AsyncSession, command: RegisterEnterprise, actor: str, now: datetime, new_id: NewId = RANDOM
) -> Enterprise:
    """422 for an invalid credit code or lease, 404 for an unknown building, 409 for a code registered."""
    details = command.model_dump(exclude={"credit_code", "name", "building_id", "contacts", "lease"})
    enterprise = Enterprise.register(
        new_id(),
        command.credit_code,
        command.name,
        command.building_id,
        contacts=tuple(Contact(new_id(), c.name, c.role, c.phone, c.email) for c in command.contacts),
        **details,
    )
    await find_building(session, command.building_id)
    changes = [Registered(enterprise), *await _first_lease(session, enterprise, command.lease)]
    if await enterprises.credit_code_taken(session, enterprise.credit_code):
        raise duplicate(enterprise.credit_code)
    try:
        # A savepoint: a concurrent registration of the same code can win between the check and here.
        async with session.begin_nested():
            await enterprises.add(session, changes[-1].enterprise, now)
    except IntegrityError as error:
        raise duplicate(enterprise.credit_code) from error
    await publish(session, changes, actor, now)
    return changes[-1].enterprise


async def _first_lease(session: AsyncSession, enterprise: Enterprise, lease: LeaseIn | None) -> list[Change]:
    """A lease sent with the registration, as if it were PUT right after it."""
    if lease is None:
        return []
    try:
        return put_lease(enterprise, await lease_of(session, enterprise, lease))
    except RuleBroken as broken:
        raise broken.inside("lease") from None

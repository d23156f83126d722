"""Raise a need outside a visit (self-service or hotline), and find the needs raised so far."""

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Page, PageParams
from district_shared.http.problems import NotFound
from district_shared.outbox import add_event
from registry.domain.needs import Need, requester_of, terms_for
from registry.storage import needs
from registry.storage.needs import NeedFilter
from registry.use_cases.announce import need_raised
from registry.use_cases.catalogue import category
from registry.use_cases.commands import RaiseNeed
from registry.use_cases.enterprise import anchored
from registry.use_cases.ids import RANDOM, NewId


async def raise_need(
    session: AsyncSession, command: RaiseNeed, actor: str, now: datetime, new_id: NewId = RANDOM
) -> Need:
    """404 for an unknown enterprise, 422 for a category the catalogue lacks or meant for others."""
    key_enterprise = False
    if command.enterprise_id is not None:
        # Locked, so the enterprise's needs reach registry.needs.v1 in the order they commit.
        key_enterprise = (await anchored(session, command.enterprise_id)).key_enterprise
    requester = requester_of(command.enterprise_id)
    entry = await category(session, command.category_code)
    need = Need(
        id=new_id(),
        enterprise_id=command.enterprise_id,
        requester=requester,
        channel=command.channel,
        terms=terms_for(entry, requester, "category_code"),
        description=command.description,
        raised_at=now,
        key_enterprise=key_enterprise,
        contact=command.contact,
    )
    await needs.add_all(session, [need], actor)
    await add_event(session, need_raised(need, actor), now=now)
    return need


async def find_need(session: AsyncSession, need_id: UUID) -> Need:
    """The need; 404 when there is none with this id."""
    need = await needs.get(session, need_id)
    if need is None:
        raise NotFound("need", need_id)
    return need


async def list_needs(session: AsyncSession, where: NeedFilter, params: PageParams) -> Page[Need]:
    return await needs.page(session, where, params)

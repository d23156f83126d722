"""Finding enterprises, and locking one for a change (the lock keeps its events in order)."""

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Page, PageParams
from district_shared.http.problems import NotFound
from registry.domain.enterprise import Enterprise
from registry.storage import enterprises
from registry.storage.enterprises import Anchor, EnterpriseFilter


async def anchored(session: AsyncSession, enterprise_id: UUID) -> Anchor:
    """The enterprise's id, building and key flag, its row locked until the transaction ends; 404 if none.

    Taken before anything is read or written, so two changes of one enterprise run one after the other
    and write their outbox rows (and versions) in the order they commit (DESIGN §3 "Order").
    """
    anchor = await enterprises.lock(session, enterprise_id)
    if anchor is None:
        raise NotFound("enterprise", enterprise_id)
    return anchor


async def locked(session: AsyncSession, enterprise_id: UUID) -> Enterprise:
    """The enterprise, locked until the transaction ends (see `anchored`); 404 when there is none."""
    await anchored(session, enterprise_id)
    enterprise = await enterprises.get(session, enterprise_id)
    assert enterprise is not None, "a locked row stays"
    return enterprise


async def find_enterprise(session: AsyncSession, enterprise_id: UUID) -> Enterprise:
    """The enterprise as it is now; 404 when there is none."""
    enterprise = await enterprises.get(session, enterprise_id)
    if enterprise is None:
        raise NotFound("enterprise", enterprise_id)
    return enterprise


async def list_enterprises(
    session: AsyncSession, where: EnterpriseFilter, params: PageParams
) -> Page[Enterprise]:
    """One page of the enterprises that pass the filters, in registration order."""
    return await enterprises.page(session, where, params)

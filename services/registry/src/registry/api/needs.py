"""`/needs`: needs raised by self-service or the hotline, and every need raised so far."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.pagination import Page
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from registry.api.resources import NeedOut, NeedQuery
from registry.storage.needs import NeedFilter
from registry.use_cases import needs
from registry.use_cases.commands import RaiseNeed


def need_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(prefix="/needs", tags=["needs"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]
    Writer = Annotated[Principal, Security(runtime.principal, scopes=["registry:write"])]
    clock = runtime.clock

    Session = Annotated[AsyncSession, Depends(runtime.read_session)]

    @router.post("", status_code=201, response_model=NeedOut, responses=problem_responses(404))
    async def raise_need(body: RaiseNeed, who: Writer, key: IdempotencyKey) -> Response:
        """Raise a need (`need raised`); 422 when its category is not in the catalogue or not for it."""

        async def effect(session: AsyncSession) -> StoredResponse:
            need = await needs.raise_need(session, body, who.subject, clock.now())
            return StoredResponse.created(NeedOut.of(need), f"/needs/{need.id}")

        return await run_once(runtime.sessions, who.subject, key, clock.now(), effect)

    @router.get("")
    async def list_needs(
        query: Annotated[NeedQuery, Query()], _who: Reader, session: Session
    ) -> Page[NeedOut]:
        """Needs, the latest raised first."""
        where = NeedFilter(query.enterprise_id, query.category_code, query.channel, query.requester)
        found = await needs.list_needs(session, where, query)
        return Page(items=[NeedOut.of(n) for n in found.items], next_cursor=found.next_cursor)

    @router.get("/{need_id}", responses=problem_responses(404))
    async def get_need(need_id: UUID, _who: Reader, session: Session) -> NeedOut:
        return NeedOut.of(await needs.find_need(session, need_id))

    return router

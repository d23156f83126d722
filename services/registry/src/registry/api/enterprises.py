"""`/enterprises`: registration, details, moves, the lease and the departure of each enterprise."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.pagination import Page
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from registry.api.schemas import EnterpriseOut, EnterpriseQuery
from registry.use_cases.amend import amend_enterprise
from registry.use_cases.commands import AmendEnterprise, DepartureIn, LeaseIn, RegisterEnterprise
from registry.use_cases.departure import record_departure
from registry.use_cases.enterprise import find_enterprise, list_enterprises
from registry.use_cases.lease import replace_lease
from registry.use_cases.register import register_enterprise


def _out(enterprise: object) -> EnterpriseOut:
    return EnterpriseOut.model_validate(enterprise)


def enterprise_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(prefix="/enterprises", tags=["enterprises"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]
    Writer = Annotated[Principal, Security(runtime.principal, scopes=["registry:write"])]
    clock = runtime.clock

    Session = Annotated[AsyncSession, Depends(runtime.read_session)]

    @router.post("", status_code=201, response_model=EnterpriseOut, responses=problem_responses(404, 409))
    async def register(body: RegisterEnterprise, who: Writer, key: IdempotencyKey) -> Response:
        """Register an enterprise: 422 for a bad credit code, 404 unknown building, 409 duplicate code."""

        async def effect(session: AsyncSession) -> StoredResponse:
            enterprise = await register_enterprise(session, body, who.subject, clock.now())
            return StoredResponse.created(_out(enterprise), f"/enterprises/{enterprise.id}")

        return await run_once(runtime.sessions, who.subject, key, runtime.clock.now(), effect)

    @router.get("")
    async def list_(
        query: Annotated[EnterpriseQuery, Query()], _who: Reader, session: Session
    ) -> Page[EnterpriseOut]:
        found = await list_enterprises(session, query.filter(clock.zone), query)
        return Page(items=[_out(e) for e in found.items], next_cursor=found.next_cursor)

    @router.get("/{enterprise_id}", responses=problem_responses(404))
    async def get(enterprise_id: UUID, _who: Reader, session: Session) -> EnterpriseOut:
        return _out(await find_enterprise(session, enterprise_id))

    @router.patch("/{enterprise_id}", responses=problem_responses(404))
    async def amend(enterprise_id: UUID, body: AmendEnterprise, who: Writer) -> EnterpriseOut:
        """Change the fields sent: `updated` for details, `moved` for building or unit."""
        async with runtime.sessions.begin() as session:
            return _out(await amend_enterprise(session, enterprise_id, body, who.subject, clock.now()))

    @router.put("/{enterprise_id}/lease", responses=problem_responses(404))
    async def put_lease(enterprise_id: UUID, body: LeaseIn, who: Writer) -> EnterpriseOut:
        """Replace the current lease (a later end is a renewal); a lease elsewhere moves the enterprise."""
        async with runtime.sessions.begin() as session:
            return _out(await replace_lease(session, enterprise_id, body, who.subject, clock.now()))

    @router.post(
        "/{enterprise_id}/departure",
        status_code=201,
        response_model=EnterpriseOut,
        responses=problem_responses(404, 409),
    )
    async def depart(enterprise_id: UUID, body: DepartureIn, who: Writer, key: IdempotencyKey) -> Response:
        """Record the confirmed departure (`enterprise left`); 409 when it already left."""

        async def effect(session: AsyncSession) -> StoredResponse:
            left = await record_departure(session, enterprise_id, body, who.subject, clock.now())
            return StoredResponse.created(_out(left), f"/enterprises/{enterprise_id}")

        return await run_once(runtime.sessions, who.subject, key, runtime.clock.now(), effect)

    return router

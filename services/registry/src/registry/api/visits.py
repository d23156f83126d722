"""`/enterprises/{id}/visits`: door-to-door visits, each recorded with the signals and needs it found."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.pagination import Page, PageQuery
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from registry.api.resources import RecordedVisitOut, VisitOut
from registry.use_cases import visits
from registry.use_cases.commands import RecordVisit


def visit_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(
        prefix="/enterprises/{enterprise_id}/visits", tags=["visits"], responses=problem_responses(404, 422)
    )
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]
    Writer = Annotated[Principal, Security(runtime.principal, scopes=["registry:write"])]
    clock = runtime.clock

    Session = Annotated[AsyncSession, Depends(runtime.read_session)]

    @router.post("", status_code=201, response_model=RecordedVisitOut)
    async def record(enterprise_id: UUID, body: RecordVisit, who: Writer, key: IdempotencyKey) -> Response:
        """Record a visit with its signals and needs: all their events in one transaction, or none."""

        async def effect(session: AsyncSession) -> StoredResponse:
            recorded = await visits.record_visit(session, enterprise_id, body, who.subject, clock.now())
            location = f"/enterprises/{enterprise_id}/visits/{recorded.visit.id}"
            return StoredResponse.created(RecordedVisitOut.of(recorded), location)

        return await run_once(runtime.sessions, who.subject, key, clock.now(), effect)

    @router.get("")
    async def list_visits(
        enterprise_id: UUID, page: PageQuery, _who: Reader, session: Session
    ) -> Page[VisitOut]:
        """The enterprise's visits, newest first."""
        found = await visits.list_visits(session, enterprise_id, page)
        return Page(items=[VisitOut.model_validate(v) for v in found.items], next_cursor=found.next_cursor)

    @router.get("/{visit_id}")
    async def get_visit(enterprise_id: UUID, visit_id: UUID, _who: Reader, session: Session) -> VisitOut:
        return VisitOut.model_validate(await visits.find_visit(session, enterprise_id, visit_id))

    return router

"""`/enterprises/{id}/visits` and `/enterprises/{id}/signals`: door-to-door visits and what they found."""

from collections.abc import AsyncIterator
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.pagination import Page, PageQuery
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from registry.api.resources import RecordedVisitOut, SignalOut, SignalQuery, VisitOut
from registry.storage.signals import SignalFilter
from registry.use_cases import signals, visits
from registry.use_cases.commands import RecordVisit, ResolveSignal, SignalIn


def visit_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(prefix="/enterprises/{enterprise_id}", responses=problem_responses(404, 422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]
    Writer = Annotated[Principal, Security(runtime.principal, scopes=["registry:write"])]
    clock = runtime.clock

    async def reading() -> AsyncIterator[AsyncSession]:
        async with runtime.sessions() as session:
            yield session

    Session = Annotated[AsyncSession, Depends(reading)]

    @router.post("/visits", status_code=201, response_model=RecordedVisitOut, tags=["visits"])
    async def record(enterprise_id: UUID, body: RecordVisit, who: Writer, key: IdempotencyKey) -> Response:
        """Record a visit with its signals and needs: all their events in one transaction, or none."""

        async def effect(session: AsyncSession) -> StoredResponse:
            recorded = await visits.record_visit(session, enterprise_id, body, who.subject, clock.now())
            location = f"/enterprises/{enterprise_id}/visits/{recorded.visit.id}"
            return StoredResponse.created(RecordedVisitOut.of(recorded), location)

        return await run_once(runtime.sessions, who.subject, key, clock.now(), effect)

    @router.get("/visits", tags=["visits"])
    async def list_visits(
        enterprise_id: UUID, page: PageQuery, _who: Reader, session: Session
    ) -> Page[VisitOut]:
        """The enterprise's visits, newest first."""
        found = await visits.list_visits(session, enterprise_id, page)
        return Page(items=[VisitOut.model_validate(v) for v in found.items], next_cursor=found.next_cursor)

    @router.get("/visits/{visit_id}", tags=["visits"])
    async def get_visit(enterprise_id: UUID, visit_id: UUID, _who: Reader, session: Session) -> VisitOut:
        return VisitOut.model_validate(await visits.find_visit(session, enterprise_id, visit_id))

    @router.post("/signals", status_code=201, response_model=SignalOut, tags=["signals"])
    async def report(enterprise_id: UUID, body: SignalIn, who: Writer, key: IdempotencyKey) -> Response:
        """Report a signal observed outside a visit."""

        async def effect(session: AsyncSession) -> StoredResponse:
            signal = await signals.report_signal(session, enterprise_id, body, who.subject, clock.now())
            location = f"/enterprises/{enterprise_id}/signals/{signal.id}"
            return StoredResponse.created(SignalOut.model_validate(signal), location)

        return await run_once(runtime.sessions, who.subject, key, clock.now(), effect)

    @router.get("/signals", tags=["signals"])
    async def list_signals(
        enterprise_id: UUID, query: Annotated[SignalQuery, Query()], _who: Reader, session: Session
    ) -> Page[SignalOut]:
        """The enterprise's signals, the latest observed first."""
        where = SignalFilter(enterprise_id, query.status)
        found = await signals.list_signals(session, where, query)
        return Page(items=[SignalOut.model_validate(s) for s in found.items], next_cursor=found.next_cursor)

    @router.get("/signals/{signal_id}", tags=["signals"])
    async def get_signal(enterprise_id: UUID, signal_id: UUID, _who: Reader, session: Session) -> SignalOut:
        return SignalOut.model_validate(await signals.find_signal(session, enterprise_id, signal_id))

    @router.post(
        "/signals/{signal_id}/resolve",
        response_model=SignalOut,
        tags=["signals"],
        responses=problem_responses(409),
    )
    async def resolve(
        enterprise_id: UUID, signal_id: UUID, body: ResolveSignal, who: Writer, key: IdempotencyKey
    ) -> Response:
        """Resolve a signal (`signal resolved`); 409 when it already was."""

        async def effect(session: AsyncSession) -> StoredResponse:
            signal = await signals.resolve_signal(
                session, enterprise_id, signal_id, body, who.subject, clock.now()
            )
            return StoredResponse(200, SignalOut.model_validate(signal).model_dump_json())

        return await run_once(runtime.sessions, who.subject, key, clock.now(), effect)

    return router

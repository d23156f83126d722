"""`/enterprises/{id}/signals`: signs of risk reported on their own, listed, and resolved."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.pagination import Page
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from registry.api.resources import SignalOut, SignalQuery
from registry.storage.signals import SignalFilter
from registry.use_cases import signals
from registry.use_cases.commands import ResolveSignal, SignalIn


def signal_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(
        prefix="/enterprises/{enterprise_id}/signals", tags=["signals"], responses=problem_responses(404, 422)
    )
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]
    Writer = Annotated[Principal, Security(runtime.principal, scopes=["registry:write"])]
    clock = runtime.clock

    Session = Annotated[AsyncSession, Depends(runtime.read_session)]

    @router.post("", status_code=201, response_model=SignalOut)
    async def report(enterprise_id: UUID, body: SignalIn, who: Writer, key: IdempotencyKey) -> Response:
        """Report a signal observed outside a visit."""

        async def effect(session: AsyncSession) -> StoredResponse:
            signal = await signals.report_signal(session, enterprise_id, body, who.subject, clock.now())
            location = f"/enterprises/{enterprise_id}/signals/{signal.id}"
            return StoredResponse.created(SignalOut.model_validate(signal), location)

        return await run_once(runtime.sessions, who.subject, key, clock.now(), effect)

    @router.get("")
    async def list_signals(
        enterprise_id: UUID, query: Annotated[SignalQuery, Query()], _who: Reader, session: Session
    ) -> Page[SignalOut]:
        """The enterprise's signals, the latest observed first."""
        where = SignalFilter(enterprise_id, query.status)
        found = await signals.list_signals(session, where, query)
        return Page(items=[SignalOut.model_validate(s) for s in found.items], next_cursor=found.next_cursor)

    @router.get("/{signal_id}")
    async def get_signal(enterprise_id: UUID, signal_id: UUID, _who: Reader, session: Session) -> SignalOut:
        return SignalOut.model_validate(await signals.find_signal(session, enterprise_id, signal_id))

    @router.post("/{signal_id}/resolve", response_model=SignalOut, responses=problem_responses(409))
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

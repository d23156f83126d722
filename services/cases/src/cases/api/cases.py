"""`/cases`: staff open cases, list and read them, and move them through the transition table."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Query, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from cases.api.actions import RerouteIn, TransitionIn
from cases.api.schemas import CaseDetail, CaseOut, CaseQuery
from cases.config import CasesConfig
from cases.use_cases.commands import NewCase
from cases.use_cases.opening import open_manual_case
from cases.use_cases.queries import list_cases, view_case
from cases.use_cases.transitions import transition
from cases.use_cases.trigger import Trigger
from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.pagination import Page
from district_shared.http.problems import Forbidden, problem_responses
from district_shared.service import Runtime

REROUTE_SCOPE = "cases:reroute"


def case_routes(runtime: Runtime, config: CasesConfig) -> APIRouter:
    router = APIRouter(prefix="/cases", tags=["cases"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["cases:read"])]
    Writer = Annotated[Principal, Security(runtime.principal, scopes=["cases:write"])]
    clock = runtime.clock

    Session = Annotated[AsyncSession, Depends(runtime.read_session)]

    @router.post("", status_code=201, response_model=CaseDetail)
    async def open_(body: NewCase, who: Writer, key: IdempotencyKey) -> Response:
        """Open a `manual` case; answers 201 with it and its `Location`."""

        async def effect(session: AsyncSession) -> StoredResponse:
            trigger = Trigger.request(who.subject, clock.now())
            case = await open_manual_case(session, body, config, trigger)
            detail = CaseDetail.of_view(await view_case(session, case.id))
            return StoredResponse.created(detail, f"/cases/{case.id}")

        return await run_once(runtime.sessions, who.subject, key, runtime.clock.now(), effect)

    @router.get("")
    async def list_(query: Annotated[CaseQuery, Query()], _who: Reader, session: Session) -> Page[CaseOut]:
        found = await list_cases(session, query.filter(), query)
        return Page(items=[CaseOut.of(case) for case in found.items], next_cursor=found.next_cursor)

    @router.get("/{case_id}", responses=problem_responses(404))
    async def get(case_id: UUID, _who: Reader, session: Session) -> CaseDetail:
        return CaseDetail.of_view(await view_case(session, case_id))

    @router.post(
        "/{case_id}/transitions", response_model=CaseDetail, responses=problem_responses(403, 404, 409)
    )
    async def move(
        case_id: UUID, body: Annotated[TransitionIn, Body()], who: Writer, key: IdempotencyKey
    ) -> Response:
        """Apply one action of the transition table; 409 with the reason when the status forbids it."""
        if isinstance(body, RerouteIn) and REROUTE_SCOPE not in who.scopes:
            raise Forbidden([REROUTE_SCOPE])

        async def effect(session: AsyncSession) -> StoredResponse:
            trigger = Trigger.request(who.subject, clock.now())
            await transition(session, case_id, body.to_action(), config, trigger)
            detail = CaseDetail.of_view(await view_case(session, case_id))
            return StoredResponse(200, detail.model_dump_json())

        return await run_once(runtime.sessions, who.subject, key, runtime.clock.now(), effect)

    return router

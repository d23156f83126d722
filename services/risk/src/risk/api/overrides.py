"""`POST /ratings/{enterprise_id}/override`: staff set the colour by hand until a given instant."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from risk.api.schemas import OverrideCreated, OverrideIn, RatingOut
from risk.use_cases.override import Overridden, override_rating
from risk.use_cases.rating import Policy


def _created(done: Overridden) -> OverrideCreated:
    override = done.override
    return OverrideCreated(
        id=done.id,
        enterprise_id=done.record.enterprise_id,
        colour=override.colour,
        reason=override.reason,
        by=override.by,
        until=override.until,
        rating=RatingOut.of(done.record),
    )


def override_routes(runtime: Runtime, policy: Policy) -> APIRouter:
    router = APIRouter(prefix="/ratings", tags=["ratings"], responses=problem_responses(422))
    Overrider = Annotated[Principal, Security(runtime.principal, scopes=["risk:override"])]

    @router.post(
        "/{enterprise_id}/override",
        status_code=201,
        response_model=OverrideCreated,
        responses=problem_responses(404),
    )
    async def override(
        enterprise_id: UUID, body: OverrideIn, who: Overrider, key: IdempotencyKey
    ) -> Response:
        """Set the colour by hand until `until` (scope risk:override); announced when the colour changes."""

        async def effect(session: AsyncSession) -> StoredResponse:
            done = await override_rating(
                session, enterprise_id, body.command(), who.subject, runtime.clock.now(), policy
            )
            return StoredResponse.created(_created(done), f"/ratings/{enterprise_id}")

        return await run_once(runtime.sessions, who.subject, key, runtime.clock.now(), effect)

    return router

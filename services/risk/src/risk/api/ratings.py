"""`/ratings`: each enterprise's rating, the list by colour or building, its history, staff overrides."""

from collections.abc import AsyncIterator
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse
from district_shared.http.pagination import Page, PageQuery
from district_shared.http.problems import NotFound, problem_responses
from district_shared.service import Runtime
from risk.api.schemas import HistoryItemOut, OverrideCreated, OverrideIn, RatingOut, RatingsQuery
from risk.api.transactions import create_once
from risk.storage import enterprises, queries
from risk.use_cases.override import Overridden, override_rating
from risk.use_cases.rating import Policy


def _history_item(item: queries.Announced) -> HistoryItemOut:
    rating = item.rating
    return HistoryItemOut(
        ce_id=item.ce_id,
        from_colour=item.from_colour,
        colour=item.colour,
        score=rating.score,
        rule=rating.rule,
        factors=list(rating.factors),
        cause=item.cause,
        rated_at=item.rated_at,
    )


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


def rating_routes(runtime: Runtime, policy: Policy) -> APIRouter:
    router = APIRouter(prefix="/ratings", tags=["ratings"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["risk:read"])]
    Overrider = Annotated[Principal, Security(runtime.principal, scopes=["risk:override"])]

    async def reading() -> AsyncIterator[AsyncSession]:
        async with runtime.sessions() as session:
            yield session

    Session = Annotated[AsyncSession, Depends(reading)]

    async def known(session: AsyncSession, enterprise_id: UUID) -> RatingOut:
        record = await enterprises.get(session, enterprise_id)
        if record is None:
            raise NotFound("rating of enterprise", enterprise_id)
        return RatingOut.of(record)

    @router.get("")
    async def list_(
        query: Annotated[RatingsQuery, Query()], _who: Reader, session: Session
    ) -> Page[RatingOut]:
        where = queries.RatingFilter(query.colour, query.building_id)
        found = await queries.list_ratings(session, where, query)
        return Page(items=[RatingOut.of(record) for record in found.items], next_cursor=found.next_cursor)

    @router.get("/{enterprise_id}", responses=problem_responses(404))
    async def get(enterprise_id: UUID, _who: Reader, session: Session) -> RatingOut:
        """The enterprise's rating: colour, score, factors with evidence, cause, since."""
        return await known(session, enterprise_id)

    @router.get("/{enterprise_id}/history", responses=problem_responses(404))
    async def history(
        enterprise_id: UUID, page: PageQuery, _who: Reader, session: Session
    ) -> Page[HistoryItemOut]:
        """Every rating announced for the enterprise, newest first."""
        await known(session, enterprise_id)
        found = await queries.history(session, enterprise_id, page)
        return Page(items=[_history_item(item) for item in found.items], next_cursor=found.next_cursor)

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

        return await create_once(runtime, who, key, effect)

    return router

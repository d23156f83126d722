"""`/ratings`: each enterprise's rating, and the list by colour or building, and its history."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.pagination import Page, PageQuery
from district_shared.http.problems import NotFound, problem_responses
from district_shared.service import Runtime
from risk.api.schemas import HistoryItemOut, RatingOut, RatingsQuery
from risk.storage import enterprises, queries


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


def rating_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(prefix="/ratings", tags=["ratings"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["risk:read"])]

    Session = Annotated[AsyncSession, Depends(runtime.read_session)]

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

    return router

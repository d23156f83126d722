"""`/kpis`: resolution rate, satisfaction and backlog, overall, per mechanism and per team."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Security
from sqlalchemy.ext.asyncio import AsyncSession

from cases.api.schemas import KpiQuery, KpisOut
from cases.use_cases.kpis import kpis_for
from district_shared.http.auth import Principal
from district_shared.http.problems import Invalid, problem_responses
from district_shared.service import Runtime


def kpi_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(prefix="/kpis", tags=["kpis"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["cases:read"])]
    clock = runtime.clock

    async def reading() -> AsyncIterator[AsyncSession]:
        async with runtime.sessions() as session:
            yield session

    @router.get("", response_model_by_alias=True)
    async def kpis(
        period: Annotated[KpiQuery, Query()],
        _who: Reader,
        session: Annotated[AsyncSession, Depends(reading)],
    ) -> KpisOut:
        """The KPIs of a period of district days (`from`, `to` included); default this month to today."""
        last = period.last or clock.today()
        first = period.first or last.replace(day=1)
        if first > last:  # `from` alone, after today
            raise Invalid.at("from", "is after `to`")
        return KpisOut.of(await kpis_for(session, first, last, clock.zone))

    return router

"""`/kpis`: resolution rate, satisfaction and backlog, overall, per mechanism and per team."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Security
from sqlalchemy.ext.asyncio import AsyncSession

from cases.api.schemas import KpisOut
from cases.use_cases.kpis import kpis_for
from district_shared.http.auth import Principal
from district_shared.http.period import PeriodQuery
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime


def kpi_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(prefix="/kpis", tags=["kpis"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["cases:read"])]
    clock = runtime.clock

    @router.get("", response_model_by_alias=True)
    async def kpis(
        period: Annotated[PeriodQuery, Query()],
        _who: Reader,
        session: Annotated[AsyncSession, Depends(runtime.read_session)],
    ) -> KpisOut:
        """The KPIs of a period of district days (`from`, `to` included); default this month to today."""
        first, last = period.bounds(clock.today())
        return KpisOut.of(await kpis_for(session, first, last, clock.zone))

    return router

"""`/kpis`: base-data completeness and visit coverage, overall and per building."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.period import PeriodQuery
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from registry.api.resources import KpisOut
from registry.domain.kpis import Period
from registry.use_cases.kpis import kpis_for


def kpi_routes(runtime: Runtime, mandatory_fields: Sequence[str]) -> APIRouter:
    router = APIRouter(prefix="/kpis", tags=["kpis"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]
    clock = runtime.clock

    @router.get("", response_model_by_alias=True)
    async def kpis(
        period: Annotated[PeriodQuery, Query()],
        _who: Reader,
        session: Annotated[AsyncSession, Depends(runtime.read_session)],
    ) -> KpisOut:
        """The KPIs of a period of district days (`from`, `to` included); default this month to today."""
        first, last = period.bounds(clock.today())
        return KpisOut.of(await kpis_for(session, Period(first, last, clock.zone), mandatory_fields))

    return router

"""`/catalogue`: the services the station offers, on site and as self-services."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.pagination import Page
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from registry.api.resources import CatalogueQuery, ServiceOut
from registry.storage.catalogue import CatalogueFilter
from registry.use_cases import catalogue


def catalogue_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(prefix="/catalogue", tags=["catalogue"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]

    Session = Annotated[AsyncSession, Depends(runtime.read_session)]

    @router.get("")
    async def list_services(
        query: Annotated[CatalogueQuery, Query()], _who: Reader, session: Session
    ) -> Page[ServiceOut]:
        """The catalogue in its file's order: on-site services first, then self-services."""
        where = CatalogueFilter(query.audience, query.area, query.delivery)
        found = await catalogue.list_services(session, where, query)
        return Page(items=[ServiceOut.model_validate(s) for s in found.items], next_cursor=found.next_cursor)

    @router.get("/{category_code}", responses=problem_responses(404))
    async def get_service(category_code: str, _who: Reader, session: Session) -> ServiceOut:
        return ServiceOut.model_validate(await catalogue.find_service(session, category_code))

    return router

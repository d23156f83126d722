"""`/buildings`: the district's office buildings and their units."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response, Security
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import IdempotencyKey, StoredResponse, run_once
from district_shared.http.pagination import Page, PageQuery
from district_shared.http.problems import problem_responses
from district_shared.service import Runtime
from registry.api.schemas import BuildingOut, UnitOut
from registry.use_cases import buildings
from registry.use_cases.commands import NewBuilding


def building_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter(prefix="/buildings", tags=["buildings"], responses=problem_responses(422))
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["registry:read"])]
    Writer = Annotated[Principal, Security(runtime.principal, scopes=["registry:write"])]

    Session = Annotated[AsyncSession, Depends(runtime.read_session)]

    @router.post("", status_code=201, response_model=BuildingOut)
    async def create_building(body: NewBuilding, who: Writer, key: IdempotencyKey) -> Response:
        """Record a building; answers 201 with it and its `Location`."""

        async def effect(session: AsyncSession) -> StoredResponse:
            building = await buildings.create_building(session, body, runtime.clock.now())
            return StoredResponse.created(BuildingOut.model_validate(building), f"/buildings/{building.id}")

        return await run_once(runtime.sessions, who.subject, key, runtime.clock.now(), effect)

    @router.get("")
    async def list_buildings(page: PageQuery, _who: Reader, session: Session) -> Page[BuildingOut]:
        found = await buildings.list_buildings(session, page)
        return Page(items=[BuildingOut.model_validate(b) for b in found.items], next_cursor=found.next_cursor)

    @router.get("/{building_id}", responses=problem_responses(404))
    async def get_building(building_id: UUID, _who: Reader, session: Session) -> BuildingOut:
        return BuildingOut.model_validate(await buildings.find_building(session, building_id))

    @router.get("/{building_id}/units", responses=problem_responses(404))
    async def list_units(building_id: UUID, page: PageQuery, _who: Reader, session: Session) -> Page[UnitOut]:
        found = await buildings.list_units(session, building_id, page)
        return Page(items=[UnitOut.model_validate(u) for u in found.items], next_cursor=found.next_cursor)

    return router

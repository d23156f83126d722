"""`/distribution` (counts per colour, overall and per building) and `/rules` (the rules in force)."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Security

from district_shared.http.auth import Principal
from district_shared.service import Runtime
from risk.api.schemas import BuildingCounts, DistributionOut
from risk.domain import Colour, RiskConfig
from risk.storage import queries


def _all_colours(counts: dict[Colour, int]) -> dict[Colour, int]:
    return {colour: counts.get(colour, 0) for colour in Colour}


def _distribution(counts: dict[UUID | None, dict[Colour, int]]) -> DistributionOut:
    overall: dict[Colour, int] = {}
    for per_colour in counts.values():
        for colour, count in per_colour.items():
            overall[colour] = overall.get(colour, 0) + count
    buildings = [
        BuildingCounts(building_id=building, total=sum(each.values()), colours=_all_colours(each))
        for building, each in sorted(counts.items(), key=lambda item: str(item[0]))
        if building is not None
    ]
    return DistributionOut(total=sum(overall.values()), colours=_all_colours(overall), buildings=buildings)


def district_routes(runtime: Runtime, rules: RiskConfig) -> APIRouter:
    router = APIRouter(tags=["district"])
    Reader = Annotated[Principal, Security(runtime.principal, scopes=["risk:read"])]

    @router.get("/distribution")
    async def distribution(_who: Reader) -> DistributionOut:
        """How many enterprises show each colour, over the district and per building."""
        async with runtime.sessions() as session:
            return _distribution(await queries.colour_counts(session))

    @router.get("/rules")
    async def rules_in_force(_who: Reader) -> RiskConfig:
        """The rating rules in force (bands, weights, floors, thresholds, windows)."""
        return rules

    return router

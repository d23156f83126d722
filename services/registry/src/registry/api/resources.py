"""What the API answers about visits, signals, needs, the catalogue and KPIs, and the filters it takes."""

from datetime import date, datetime
from typing import Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from district_shared.http.pagination import PageParams
from district_shared.http.problems import FieldError
from registry.domain.catalogue import Area, Audience, Delivery, Mechanism
from registry.domain.kpis import Tally
from registry.domain.needs import Channel, Need, Requester
from registry.domain.visits import SignalCode, Team, VerifiableField
from registry.storage.signals import SignalStatus
from registry.use_cases.imports.rows import Format
from registry.use_cases.kpis import Kpis
from registry.use_cases.visits import RecordedVisit


class Resource(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class SignalOut(Resource):
    id: UUID
    enterprise_id: UUID
    code: SignalCode
    observed_at: datetime
    details: str | None
    visit_id: UUID | None
    active: bool
    resolved_at: datetime | None
    resolution: str | None


class NeedOut(Resource):
    id: UUID
    enterprise_id: UUID | None = Field(description="None for an employee's personal need.")
    requester: Requester
    channel: Channel
    category_code: str
    default_mechanism: Mechanism
    sla_working_days: int
    solvable_on_spot: bool
    departments_involved: list[str]
    key_enterprise: bool
    description: str
    raised_at: datetime
    visit_id: UUID | None
    contact: str | None

    @classmethod
    def of(cls, need: Need) -> Self:
        terms = vars(need.terms) | {"departments_involved": list(need.terms.departments_involved)}
        return cls.model_validate({**vars(need), **terms})


class VisitOut(Resource):
    id: UUID
    enterprise_id: UUID
    building_id: UUID
    visited_at: datetime
    team: Team
    visitor: str
    notes: str | None
    verified_fields: list[VerifiableField]


class RecordedVisitOut(VisitOut):
    """A visit as recorded, with the signals and needs captured on it."""

    signals: list[SignalOut]
    needs: list[NeedOut]

    @classmethod
    def of(cls, recorded: RecordedVisit) -> Self:
        return cls.model_validate(
            {
                **VisitOut.model_validate(recorded.visit).model_dump(),
                "signals": [SignalOut.model_validate(s) for s in recorded.signals],
                "needs": [NeedOut.of(n) for n in recorded.needs],
            }
        )


class SignalQuery(PageParams):
    status: SignalStatus | None = Field(None, description="active (not yet resolved) or resolved.")


class NeedQuery(PageParams):
    """`GET /needs` filters; each one given narrows the list."""

    enterprise_id: UUID | None = None
    category_code: str | None = None
    channel: Channel | None = None
    requester: Requester | None = None


class ServiceOut(Resource):
    category_code: str = Field(description="Stable slug: needs and their events carry it.")
    name: str
    area: Area
    delivery: Delivery = Field(description="on_site (one-stop desk) or self_service.")
    audience: Audience
    default_mechanism: Mechanism
    sla_working_days: int
    solvable_on_spot: bool
    departments_involved: list[str]


class CatalogueQuery(PageParams):
    audience: Audience | None = None
    area: Area | None = None
    delivery: Delivery | None = None


class TallyOut(BaseModel):
    enterprises: int = Field(description="Enterprises still in the district at the period's end.")
    visited: int = Field(description="Of those, the ones visited in the period.")
    visit_coverage: float | None = Field(description="visited / enterprises; null when there are none.")
    complete: int = Field(
        description="Of those, the ones whose every mandatory field a visit verified in the 12 months "
        "that end with the period."
    )
    base_data_completeness: float | None = Field(description="complete / enterprises; null when none.")

    @classmethod
    def of(cls, tally: Tally) -> Self:
        return cls(
            enterprises=tally.enterprises,
            visited=tally.visited,
            visit_coverage=tally.visit_coverage,
            complete=tally.complete,
            base_data_completeness=tally.base_data_completeness,
        )


class BuildingTallyOut(TallyOut):
    building_id: UUID
    name: str


class KpisOut(BaseModel):
    first: date = Field(serialization_alias="from")
    last: date = Field(serialization_alias="to")
    mandatory_fields: list[str]
    overall: TallyOut
    buildings: list[BuildingTallyOut]

    @classmethod
    def of(cls, kpis: Kpis) -> Self:
        buildings = [
            BuildingTallyOut(building_id=b.building_id, name=b.name, **TallyOut.of(b.tally).model_dump())
            for b in kpis.buildings
        ]
        return cls(
            first=kpis.period.first,
            last=kpis.period.last,
            mandatory_fields=list(kpis.mandatory_fields),
            overall=TallyOut.of(kpis.overall),
            buildings=buildings,
        )


class RejectedRowOut(Resource):
    line: int = Field(description="The CSV line (the header is line 1), or the JSON item's position from 1.")
    errors: list[FieldError]


class ImportOut(Resource):
    id: UUID
    imported_at: datetime
    format: Format
    all_or_nothing: bool
    row_count: int
    buildings_stored: int
    enterprises_stored: int = Field(
        description="Each published `registered`, then `lease changed` if leased."
    )
    rejected: list[RejectedRowOut]

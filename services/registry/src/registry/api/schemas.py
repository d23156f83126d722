"""What the HTTP API answers, and the list filters it takes (request bodies are the use-case commands)."""

from datetime import date
from typing import Annotated
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from district_shared.http.pagination import PageParams
from registry.domain.kpis import midnight
from registry.domain.leases import RenewalStatus
from registry.storage.enterprises import EnterpriseFilter


class Resource(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class BuildingOut(Resource):
    id: UUID
    name: str
    address: str
    floors: int | None
    has_service_station: bool


class UnitOut(Resource):
    id: UUID
    building_id: UUID
    number: str


class ContactOut(Resource):
    id: UUID
    name: str
    role: str | None
    phone: str | None
    email: str | None


class LeaseOut(Resource):
    building_id: UUID
    unit: str
    start: date
    end: date
    renewal_status: RenewalStatus


class DepartureOut(Resource):
    departed_on: date
    destination: str | None


class EnterpriseOut(Resource):
    id: UUID
    credit_code: str
    name: str
    building_id: UUID
    unit: str | None
    industry: str | None
    registered_in_district: bool | None
    headcount: int | None
    key_enterprise: bool
    has_party_organisation: bool | None
    has_work_organisation: bool | None
    contacts: list[ContactOut]
    lease: LeaseOut | None
    departure: DepartureOut | None
    version: int = Field(description="Goes up by one with every change; the events carry it too.")


class EnterpriseQuery(PageParams):
    """`GET /enterprises` filters; each one given narrows the list."""

    building_id: UUID | None = None
    industry: str | None = None
    lease_ends_before: date | None = Field(None, description="Current lease ends before this date.")
    q: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] | None = Field(
        None, description="Part of the name or of the credit code."
    )
    not_visited_since: date | None = Field(
        None, description="Still in the district and not visited on or after this day: overdue for a visit."
    )

    def filter(self, zone: ZoneInfo) -> EnterpriseFilter:
        since = None if self.not_visited_since is None else midnight(self.not_visited_since, zone)
        return EnterpriseFilter(self.building_id, self.industry, self.lease_ends_before, self.q, since)

"""What the use cases are asked to do: the same models serve as the HTTP request bodies."""

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from district_shared.http.timestamps import Timestamp
from registry.domain.leases import RenewalStatus
from registry.domain.visits import SignalCode, Team, VerifiableField

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
NOT_NULL = ("name", "key_enterprise", "contacts", "building_id")
UnitNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NewBuilding(Command):
    name: Annotated[Text, Field(max_length=200)]
    address: Annotated[Text, Field(max_length=500)]
    floors: int | None = Field(None, ge=1, le=300)
    has_service_station: bool = Field(False, description="Whether an enterprise service station sits in it.")


class ContactIn(Command):
    """A contact person; PATCH replaces the whole list, an existing contact sent with its `id` keeps it."""

    id: UUID | None = None
    name: Annotated[Text, Field(max_length=200)]
    role: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=50)
    email: str | None = Field(None, max_length=320)


class EnterpriseDetails(Command):
    """What registration leaves optional: the completeness KPI measures how much of it is known."""

    industry: str | None = Field(None, max_length=100)
    registered_in_district: bool | None = None
    headcount: int | None = Field(None, ge=0)
    key_enterprise: bool = False
    has_party_organisation: bool | None = Field(
        None, description="Whether it has its own party organisation."
    )
    has_work_organisation: bool | None = Field(None, description="Whether it has its own work organisation.")
    contacts: list[ContactIn] = Field(default_factory=list, max_length=50)


class LeaseIn(Command):
    """The enterprise's current lease (PUT replaces it); its unit is created when it is new."""

    building_id: UUID | None = Field(None, description="Defaults to the enterprise's building.")
    unit: UnitNumber
    start: date
    end: date
    renewal_status: RenewalStatus = "none"


class RegisterEnterprise(EnterpriseDetails):
    credit_code: str = Field(description="Unified Social Credit Code; trimmed and upper-cased, then checked.")
    name: Annotated[Text, Field(max_length=300)]
    building_id: UUID
    unit: UnitNumber | None = None
    lease: LeaseIn | None = Field(
        None, description="Its current lease, as if PUT right after: `registered`, then `lease changed`."
    )


class AmendEnterprise(Command):
    """PATCH: only the fields sent change; `building_id` or `unit` moves the enterprise."""

    name: Annotated[Text, Field(max_length=300)] | None = None
    industry: str | None = Field(None, max_length=100)
    registered_in_district: bool | None = None
    headcount: int | None = Field(None, ge=0)
    key_enterprise: bool | None = None
    has_party_organisation: bool | None = None
    has_work_organisation: bool | None = None
    contacts: list[ContactIn] | None = Field(None, max_length=50)
    building_id: UUID | None = None
    unit: UnitNumber | None = None

    @field_validator(*NOT_NULL)
    @classmethod
    def _sent_means_set(cls, value: object) -> object:
        # None is the default that marks "not sent"; these fields may be left out, never emptied.
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


class DepartureIn(Command):
    departed_on: date = Field(description="The day it left the district (district time).")
    destination: str | None = Field(None, max_length=300)


CategoryCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Description = Annotated[Text, Field(max_length=2000)]


class SignalIn(Command):
    code: SignalCode
    observed_at: Timestamp | None = Field(
        None, description="When it was observed; default the visit's time, or now outside a visit."
    )
    details: str | None = Field(None, max_length=2000, description="Stays in the registry, never published.")


class VisitNeedIn(Command):
    """A need the enterprise raised during the visit."""

    category_code: CategoryCode = Field(description="A `category_code` of the service catalogue.")
    description: Description


class RecordVisit(Command):
    visited_at: Timestamp = Field(description="When the visit took place (not in the future).")
    team: Team
    visitor: Annotated[Text, Field(max_length=200)] = Field(description="Who visited; stays in the registry.")
    notes: str | None = Field(None, max_length=5000)
    verified_fields: list[VerifiableField] = Field(
        default_factory=list, description="The base-data fields the visitor checked, by their JSON names."
    )
    signals: list[SignalIn] = Field(default_factory=list, max_length=20)
    needs: list[VisitNeedIn] = Field(default_factory=list, max_length=20)


class ResolveSignal(Command):
    reason: Description


class RaiseNeed(Command):
    """A need raised outside a visit; without `enterprise_id` it is an employee's personal need."""

    enterprise_id: UUID | None = None
    channel: Literal["self_service", "hotline"] = "self_service"
    category_code: CategoryCode = Field(description="A `category_code` of the service catalogue.")
    description: Description
    contact: str | None = Field(
        None,
        max_length=300,
        description="How to reach the requester; stays in the registry, never published.",
    )

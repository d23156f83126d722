"""The registry's events on `registry.enterprises.v1` (DESIGN §3), keyed by enterprise id.

Every event carries the enterprise's facts after the change, so risk and cases never call back, and its
`version`, which goes up by one with each event of that enterprise. No personal data: contact persons
travel as ids and a count only.
"""

from datetime import date
from typing import Annotated, ClassVar
from uuid import UUID

from pydantic import Field

from district_shared.contracts.base import Event, Part, known_values
from district_shared.topics import REGISTRY_ENTERPRISES

RenewalStatus = Annotated[str, known_values("none", "negotiating", "renewed", "not_renewing")]


class EnterpriseEvent(Event):
    """The facts every enterprise event carries."""

    topic: ClassVar[str] = REGISTRY_ENTERPRISES
    key_field: ClassVar[str] = "enterprise_id"

    enterprise_id: UUID
    version: int = Field(ge=1, description="The enterprise's revision after this change: +1 per event.")
    credit_code: str = Field(description="Unified Social Credit Code, normalised (18 characters).")
    building_id: UUID
    unit: str | None = Field(description="Unit number within the building, e.g. '2304'.")
    industry: str | None
    headcount: int | None
    key_enterprise: bool
    registered_in_district: bool | None
    contact_ids: list[UUID] = Field(
        description="Ids of its contact persons (their details stay in the registry)."
    )
    contact_count: int
    actor: str = Field(description="Who made the change (the caller's `sub`).")


class EnterpriseRegisteredV1(EnterpriseEvent):
    ce_type: ClassVar[str] = "district.registry.enterprise.registered.v1"


class EnterpriseUpdatedV1(EnterpriseEvent):
    ce_type: ClassVar[str] = "district.registry.enterprise.updated.v1"

    changed: list[str] = Field(description="JSON names of the fields this change touched.")


class LeaseTerms(Part):
    """The current lease: its term and where renewal talks stand."""

    start: date
    end: date
    renewal_status: RenewalStatus


class LeaseChangedV1(EnterpriseEvent):
    ce_type: ClassVar[str] = "district.registry.lease.changed.v1"

    lease: LeaseTerms
    renewal: bool = Field(description="True when this change moved the lease's end later.")
    previous_end: date | None = Field(description="The end of the lease this one replaced, if any.")


class EnterpriseMovedV1(EnterpriseEvent):
    ce_type: ClassVar[str] = "district.registry.enterprise.moved.v1"

    from_building_id: UUID
    from_unit: str | None


class EnterpriseLeftV1(EnterpriseEvent):
    """The confirmed departure from the district."""

    ce_type: ClassVar[str] = "district.registry.enterprise.left.v1"

    departed_on: date
    destination: str | None

"""Needs raised by enterprises and employees, on `registry.needs.v1` (DESIGN §3).

Keyed by the enterprise id, or by the need id when an employee raised a personal need (no enterprise),
so an enterprise's needs stay in order.
"""

from datetime import datetime
from typing import Annotated, ClassVar
from uuid import UUID

from pydantic import Field

from district_shared.contracts.base import Event, known_values
from district_shared.contracts.vocabulary import Mechanism
from district_shared.topics import REGISTRY_NEEDS


class NeedRaisedV1(Event):
    ce_type: ClassVar[str] = "district.registry.need.raised.v1"
    topic: ClassVar[str] = REGISTRY_NEEDS
    key_field: ClassVar[str] = "enterprise_id"

    need_id: UUID
    enterprise_id: UUID | None = Field(description="None for an employee's personal need.")
    requester: Annotated[str, known_values("enterprise", "employee")]
    channel: Annotated[str, known_values("visit", "self_service", "hotline")]
    category_code: str = Field(
        description="Stable slug from the service catalogue, e.g. company_registration."
    )
    default_mechanism: Mechanism
    sla_working_days: int = Field(ge=1)
    solvable_on_spot: bool
    departments_involved: list[str]
    key_enterprise: bool
    raised_at: datetime
    description: str
    visit_id: UUID | None = None
    actor: str

    @property
    def key(self) -> str:
        return str(self.enterprise_id or self.need_id)

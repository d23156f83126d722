"""Visits and signals, on `registry.enterprises.v1` keyed by enterprise id (DESIGN §3).

A door-to-door visit is one `visit recorded`, one `signal reported` per signal and one `need raised`
(see needs.py) per need, all written in one transaction.
"""

from datetime import datetime
from typing import Annotated, ClassVar
from uuid import UUID

from pydantic import Field

from district_shared.contracts.base import Event, known_values
from district_shared.contracts.vocabulary import Team
from district_shared.topics import REGISTRY_ENTERPRISES

SignalCode = Annotated[
    str,
    known_values(
        "lease_expiring",
        "relocation_intent",
        "expansion_plan",
        "new_entity_plan",
        "headcount_change",
        "tax_arrears",
        "complaint",
        "deregistration_intent",
    ),
]


class _OnEnterprise(Event):
    topic: ClassVar[str] = REGISTRY_ENTERPRISES
    key_field: ClassVar[str] = "enterprise_id"

    enterprise_id: UUID
    actor: str = Field(description="Who recorded it (the caller's `sub`).")


class VisitRecordedV1(_OnEnterprise):
    ce_type: ClassVar[str] = "district.registry.visit.recorded.v1"

    visit_id: UUID
    building_id: UUID
    visited_at: datetime
    team: Team
    verified_fields: list[str] = Field(description="JSON names of the base-data fields the visitor checked.")
    signal_count: int
    need_count: int


class SignalReportedV1(_OnEnterprise):
    ce_type: ClassVar[str] = "district.registry.signal.reported.v1"

    signal_id: UUID
    code: SignalCode
    observed_at: datetime
    visit_id: UUID | None = None


class SignalResolvedV1(_OnEnterprise):
    ce_type: ClassVar[str] = "district.registry.signal.resolved.v1"

    signal_id: UUID
    code: SignalCode
    resolved_at: datetime

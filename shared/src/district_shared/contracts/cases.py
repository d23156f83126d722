"""Case events, on `cases.cases.v1` keyed by case id, and dispatches on `cases.dispatch.v1` (DESIGN §3)."""

from datetime import date, datetime
from typing import Annotated, ClassVar
from uuid import UUID

from pydantic import Field

from district_shared.contracts.base import Event, known_values
from district_shared.contracts.vocabulary import Mechanism, Team
from district_shared.topics import CASES_CASES, CASES_DISPATCH

Status = Annotated[str, known_values("open", "in_progress", "escalated", "resolved", "closed", "reopened")]
Kind = Annotated[str, known_values("need", "retention", "manual")]


class CaseEvent(Event):
    """The case as it stands after the change, so subscribers never call back."""

    topic: ClassVar[str] = CASES_CASES
    key_field: ClassVar[str] = "case_id"

    case_id: UUID
    enterprise_id: UUID | None
    kind: Kind
    mechanism: Mechanism
    team: Team
    status: Status
    sla_deadline: datetime
    breached: bool
    routing_rule: str
    actor: str = Field(description="Who made the change: a principal's `sub`, or `system` for timers.")


class CaseOpenedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.case.opened.v1"

    need_id: UUID | None = None
    category_code: str | None = None


class CaseAssignedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.case.assigned.v1"

    officer_id: str | None = None


class CaseStartedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.case.started.v1"


class CaseReroutedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.case.rerouted.v1"

    from_mechanism: Mechanism
    reason: str


class CaseEscalatedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.case.escalated.v1"

    from_mechanism: Mechanism
    reason: str


class SlaBreachedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.sla.breached.v1"

    deadline_missed: datetime


class CaseResolvedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.case.resolved.v1"

    outcome: str


class CaseClosedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.case.closed.v1"

    satisfaction: int = Field(ge=1, le=5)


class CaseReopenedV1(CaseEvent):
    ce_type: ClassVar[str] = "district.cases.case.reopened.v1"

    reason: str


class VolunteerRequestedV1(Event):
    """A case asks volunteers for professional help (answered on volunteers.assignments.v1)."""

    ce_type: ClassVar[str] = "district.cases.volunteer.requested.v1"
    topic: ClassVar[str] = CASES_CASES
    key_field: ClassVar[str] = "case_id"

    case_id: UUID
    request_id: UUID
    enterprise_id: UUID | None
    skill: str
    needed_by: date


class CaseDispatchedV1(Event):
    """A platform case sent to the city's "one network" service platform."""

    ce_type: ClassVar[str] = "district.cases.case.dispatched.v1"
    topic: ClassVar[str] = CASES_DISPATCH
    key_field: ClassVar[str] = "case_id"

    case_id: UUID
    enterprise_id: UUID | None
    category_code: str | None
    departments_involved: list[str]
    description: str
    sla_deadline: datetime

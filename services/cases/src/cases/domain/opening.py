"""Opening a case: the routing decision plus an SLA clock started at the source event's time."""

from datetime import datetime
from uuid import UUID

from cases.domain.model import Case, Kind, Status
from cases.domain.routing import RoutingDecision
from cases.domain.sla import SlaPolicy


def open_case(
    *,
    case_id: UUID,
    kind: Kind,
    enterprise_id: UUID | None,
    routing: RoutingDecision,
    opened_at: datetime,
    sla: SlaPolicy,
    need_id: UUID | None = None,
    category_code: str | None = None,
    description: str | None = None,
) -> Case:
    """A new open case; `opened_at` is the source event's time (a need's raised_at, a rating's ce_time)."""
    if kind is Kind.RETENTION and enterprise_id is None:
        raise ValueError("a retention case needs an enterprise")
    return Case(
        id=case_id,
        enterprise_id=enterprise_id,
        kind=kind,
        mechanism=routing.mechanism,
        team=routing.team,
        status=Status.OPEN,
        opened_at=opened_at,
        sla_deadline=sla.deadline(routing.mechanism, opened_at, routing.sla_working_days),
        routing_rule=routing.rule,
        team_assigned_by_person=routing.team_chosen_by_person,
        need_id=need_id,
        category_code=category_code,
        description=description,
    )

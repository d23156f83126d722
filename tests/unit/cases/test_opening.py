"""Opening a case from a routing decision."""

from uuid import UUID

import pytest

from cases.domain import (
    Escalate,
    Kind,
    Mechanism,
    RoutingDecision,
    RoutingInput,
    Status,
    Team,
    apply,
    default_routing_rules,
    manual_routing,
    open_case,
    route,
)
from tests.unit.cases.factories import CASE_ID, ENTERPRISE_ID, at, policy

SLA = policy()
RAISED_AT = at(2026, 3, 2, 10)


def opened(routing, kind=Kind.NEED, enterprise_id: UUID | None = ENTERPRISE_ID):
    return open_case(
        case_id=CASE_ID, kind=kind, enterprise_id=enterprise_id, routing=routing, opened_at=RAISED_AT, sla=SLA
    )


def test_a_new_case_is_open_on_the_routed_mechanism_and_team_with_its_rule():
    case = opened(RoutingDecision(mechanism=Mechanism.SPECIAL_CASE, team=Team.GOVERNMENT_SERVICES, rule="r"))
    assert (case.status, case.mechanism, case.team, case.routing_rule) == (
        Status.OPEN,
        Mechanism.SPECIAL_CASE,
        Team.GOVERNMENT_SERVICES,
        "r",
    )
    assert (case.breached, case.team_assigned_by_person, case.opened_at) == (False, False, RAISED_AT)


def test_the_clock_starts_at_the_source_events_time():
    case = opened(RoutingDecision(mechanism=Mechanism.IMMEDIATE, team=Team.BUILDING_STAFF, rule="r"))
    assert case.sla_deadline == at(2026, 3, 3)


def test_the_catalogues_working_days_set_the_deadline_when_routing_kept_them():
    facts = RoutingInput(kind=Kind.NEED, default_mechanism=Mechanism.PLATFORM, sla_working_days=2)
    case = opened(route(facts, default_routing_rules()))
    assert case.sla_deadline == at(2026, 3, 4)


def test_an_employees_personal_need_opens_a_case_without_an_enterprise():
    case = opened(manual_routing(Mechanism.IMMEDIATE), enterprise_id=None)
    assert case.enterprise_id is None


def test_a_retention_case_needs_an_enterprise():
    with pytest.raises(ValueError, match="needs an enterprise"):
        opened(manual_routing(Mechanism.DIFFICULT), kind=Kind.RETENTION, enterprise_id=None)


def test_a_team_chosen_by_staff_at_opening_survives_escalation():
    case = opened(manual_routing(Mechanism.IMMEDIATE, Team.PROFESSIONAL_VOLUNTEERS), kind=Kind.MANUAL)
    assert case.team_assigned_by_person
    assert apply(case, Escalate(reason="x"), RAISED_AT, SLA).team == Team.PROFESSIONAL_VOLUNTEERS

"""Escalation one mechanism up, the team rules, and SLA breaches."""

from dataclasses import replace

import pytest

from cases.domain import (
    ESCALATION_ORDER,
    Assign,
    BreachSla,
    Escalate,
    IllegalTransition,
    Mechanism,
    Reroute,
    Start,
    Status,
    Team,
    apply,
    default_team,
    next_mechanism,
)
from tests.unit.cases.factories import AFTER_DEADLINE, PLATFORM_DEADLINE, at, make_case, policy

SLA = policy()
UP = Escalate(reason="stuck")


def test_the_escalation_order_is_immediate_platform_special_case_difficult():
    assert ESCALATION_ORDER == (
        Mechanism.IMMEDIATE,
        Mechanism.PLATFORM,
        Mechanism.SPECIAL_CASE,
        Mechanism.DIFFICULT,
    )


def test_next_mechanism_is_one_step_up_and_none_at_difficult():
    assert [next_mechanism(m) for m in Mechanism] == [
        Mechanism.PLATFORM,
        Mechanism.SPECIAL_CASE,
        Mechanism.DIFFICULT,
        None,
    ]


def test_immediate_is_worked_by_building_staff_and_the_others_by_government_services():
    assert [default_team(m) for m in Mechanism] == [Team.BUILDING_STAFF] + [Team.GOVERNMENT_SERVICES] * 3


def test_escalating_climbs_the_chain_one_step_at_a_time_until_difficult():
    case = make_case(mechanism=Mechanism.IMMEDIATE, team=Team.BUILDING_STAFF)
    seen = []
    for _ in range(3):
        case = apply(case, UP, AFTER_DEADLINE, SLA)
        seen.append((case.mechanism, case.team, case.status))
    assert seen == [
        (Mechanism.PLATFORM, Team.GOVERNMENT_SERVICES, Status.ESCALATED),
        (Mechanism.SPECIAL_CASE, Team.GOVERNMENT_SERVICES, Status.ESCALATED),
        (Mechanism.DIFFICULT, Team.GOVERNMENT_SERVICES, Status.ESCALATED),
    ]


def test_escalating_beyond_difficult_is_refused():
    with pytest.raises(IllegalTransition, match="difficult is the highest"):
        apply(make_case(mechanism=Mechanism.DIFFICULT), UP, AFTER_DEADLINE, SLA)


def test_escalating_moves_a_default_team_to_the_new_mechanisms_team():
    case = make_case(mechanism=Mechanism.IMMEDIATE, team=Team.BUILDING_STAFF)
    assert apply(case, UP, AFTER_DEADLINE, SLA).team == Team.GOVERNMENT_SERVICES


def test_escalating_keeps_a_team_a_person_assigned():
    case = make_case(mechanism=Mechanism.IMMEDIATE, team=Team.BUILDING_STAFF)
    case = apply(case, Assign(team=Team.PROFESSIONAL_VOLUNTEERS), AFTER_DEADLINE, SLA)
    assert apply(case, UP, AFTER_DEADLINE, SLA).team == Team.PROFESSIONAL_VOLUNTEERS


def test_a_person_assigning_the_default_team_still_pins_it():
    case = make_case(mechanism=Mechanism.IMMEDIATE, team=Team.BUILDING_STAFF)
    case = apply(case, Assign(team=Team.BUILDING_STAFF), AFTER_DEADLINE, SLA)
    assert apply(case, UP, AFTER_DEADLINE, SLA).team == Team.BUILDING_STAFF


def test_escalating_sets_the_deadline_to_now_plus_the_new_mechanisms_sla():
    after = apply(make_case(), UP, AFTER_DEADLINE, SLA)
    assert after.sla_deadline == at(2026, 3, 21)  # special_case: ten working days from Monday 9 March


def test_an_escalated_case_can_be_started_again():
    escalated = apply(make_case(status=Status.IN_PROGRESS), UP, AFTER_DEADLINE, SLA)
    assert apply(escalated, Start(), AFTER_DEADLINE, SLA).status == Status.IN_PROGRESS


def test_a_breach_below_difficult_escalates_one_step_and_records_the_breach():
    after = apply(make_case(), BreachSla(), AFTER_DEADLINE, SLA)
    assert (after.mechanism, after.status, after.breached) == (Mechanism.SPECIAL_CASE, Status.ESCALATED, True)
    assert after.last_breach_at == AFTER_DEADLINE
    assert after.sla_deadline == at(2026, 3, 21)


def test_a_breach_at_difficult_is_recorded_with_no_further_step():
    case = make_case(mechanism=Mechanism.DIFFICULT, status=Status.IN_PROGRESS)
    after = apply(case, BreachSla(), AFTER_DEADLINE, SLA)
    assert (after.breached, after.last_breach_at) == (True, AFTER_DEADLINE)
    assert (after.mechanism, after.status, after.sla_deadline) == (
        Mechanism.DIFFICULT,
        Status.IN_PROGRESS,
        PLATFORM_DEADLINE,
    )


def test_a_breach_at_difficult_is_recorded_only_once():
    breached = apply(make_case(mechanism=Mechanism.DIFFICULT), BreachSla(), AFTER_DEADLINE, SLA)
    assert not breached.sla_due(at(2026, 3, 20))
    with pytest.raises(IllegalTransition, match="no unrecorded breach"):
        apply(breached, BreachSla(), at(2026, 3, 20), SLA)


def test_a_breach_before_the_deadline_is_refused():
    with pytest.raises(IllegalTransition):
        apply(make_case(), BreachSla(), at(2026, 3, 6, 23, 59), SLA)


def test_the_deadline_itself_is_already_a_breach():
    assert make_case().sla_due(PLATFORM_DEADLINE)


def test_after_a_breach_escalation_the_new_deadline_can_be_breached_in_turn():
    escalated = apply(make_case(), BreachSla(), AFTER_DEADLINE, SLA)
    assert not escalated.sla_due(at(2026, 3, 20, 23))
    again = apply(escalated, BreachSla(), at(2026, 3, 23, 9), SLA)
    assert again.mechanism == Mechanism.DIFFICULT


def test_rerouting_a_breached_difficult_case_gives_a_new_deadline_that_can_be_breached():
    breached = apply(make_case(mechanism=Mechanism.DIFFICULT), BreachSla(), AFTER_DEADLINE, SLA)
    rerouted = apply(breached, Reroute(mechanism=Mechanism.SPECIAL_CASE, reason="x"), AFTER_DEADLINE, SLA)
    assert rerouted.sla_due(rerouted.sla_deadline)


@pytest.mark.parametrize("status", [Status.RESOLVED, Status.CLOSED])
def test_a_finished_case_is_never_due_for_a_breach(status):
    assert not make_case(status=status).sla_due(AFTER_DEADLINE)


def test_a_breach_at_difficult_keeps_everything_else_as_it_was():
    case = make_case(mechanism=Mechanism.DIFFICULT, officer="officer-7")
    after = apply(case, BreachSla(), AFTER_DEADLINE, SLA)
    assert after == replace(case, breached=True, last_breach_at=AFTER_DEADLINE)

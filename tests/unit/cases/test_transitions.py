"""DESIGN §3's transition table, every action from every status."""

from dataclasses import replace
from datetime import datetime

import pytest

from cases.domain import (
    Action,
    Assign,
    BreachSla,
    Close,
    Escalate,
    IllegalTransition,
    InvalidAction,
    Mechanism,
    Reopen,
    Reroute,
    Resolve,
    Start,
    Status,
    Team,
    allowed_actions,
    apply,
)
from tests.unit.cases.factories import AFTER_DEADLINE, at, make_case, policy

SLA = policy()
ACTIVE = {Status.OPEN, Status.IN_PROGRESS, Status.ESCALATED, Status.REOPENED}
# Written out from DESIGN §3 rather than imported, so a change to the code's table fails here.
TABLE: dict[str, tuple[set[Status], Status | None]] = {
    "assign": (ACTIVE, None),
    "start": ({Status.OPEN, Status.ESCALATED, Status.REOPENED}, Status.IN_PROGRESS),
    "reroute": (ACTIVE, None),
    "escalate": (ACTIVE, Status.ESCALATED),
    "breach": (ACTIVE, Status.ESCALATED),
    "resolve": (ACTIVE, Status.RESOLVED),
    "close": ({Status.RESOLVED}, Status.CLOSED),
    "reopen": ({Status.RESOLVED, Status.CLOSED}, Status.REOPENED),
}
SAMPLES: list[Action] = [
    Assign(team=Team.PROFESSIONAL_VOLUNTEERS, officer="officer-7"),
    Start(),
    Reroute(mechanism=Mechanism.SPECIAL_CASE, reason="needs a dedicated officer"),
    Escalate(reason="no answer from the department"),
    BreachSla(),
    Resolve(outcome="licence issued"),
    Close(satisfaction=4, feedback="quick"),
    Reopen(reason="the licence was wrong"),
]
EVERY_PAIR = [(status, action) for status in Status for action in SAMPLES]
ALLOWED_PAIRS = [(status, action) for status, action in EVERY_PAIR if status in TABLE[action.name][0]]
FORBIDDEN_PAIRS = [pair for pair in EVERY_PAIR if pair not in ALLOWED_PAIRS]


def pair_id(pair: object) -> str:
    return pair.value if isinstance(pair, Status) else type(pair).__name__.lower()


@pytest.mark.parametrize(("status", "action"), ALLOWED_PAIRS, ids=pair_id)
def test_an_allowed_action_moves_the_case_to_the_tables_status(status, action):
    target = TABLE[action.name][1]
    after = apply(make_case(status=status), action, AFTER_DEADLINE, SLA)
    assert after.status == (target or status)


@pytest.mark.parametrize(("status", "action"), FORBIDDEN_PAIRS, ids=pair_id)
def test_a_forbidden_action_raises_and_leaves_the_case_unchanged(status, action):
    case = make_case(status=status)
    before = replace(case)
    with pytest.raises(IllegalTransition) as raised:
        apply(case, action, AFTER_DEADLINE, SLA)
    assert (raised.value.action, raised.value.status) == (action.name, status)
    assert case == before


def test_the_table_covers_every_action_from_every_status():
    assert {action.name for action in SAMPLES} == set(TABLE)
    assert len(ALLOWED_PAIRS) + len(FORBIDDEN_PAIRS) == len(Status) * len(TABLE)


@pytest.mark.parametrize("status", list(Status))
def test_allowed_actions_lists_the_tables_actions_for_a_status(status):
    assert allowed_actions(status) == {name for name, (sources, _) in TABLE.items() if status in sources}


def test_an_illegal_transition_names_the_action_and_the_status():
    with pytest.raises(IllegalTransition, match="cannot close a case that is open"):
        apply(make_case(), Close(satisfaction=5), AFTER_DEADLINE, SLA)


def test_assigning_sets_team_and_officer_and_marks_the_team_as_chosen_by_a_person():
    after = apply(make_case(), Assign(team=Team.BUILDING_STAFF, officer="officer-7"), AFTER_DEADLINE, SLA)
    assert (after.team, after.officer, after.team_assigned_by_person) == (
        Team.BUILDING_STAFF,
        "officer-7",
        True,
    )
    assert (after.mechanism, after.sla_deadline) == (make_case().mechanism, make_case().sla_deadline)


def test_rerouting_changes_mechanism_and_team_and_restarts_the_clock_from_now():
    after = apply(make_case(), Reroute(mechanism=Mechanism.IMMEDIATE, reason="simple"), AFTER_DEADLINE, SLA)
    assert (after.mechanism, after.team, after.status) == (
        Mechanism.IMMEDIATE,
        Team.BUILDING_STAFF,
        Status.OPEN,
    )
    assert after.sla_deadline == at(2026, 3, 10)  # Monday 10:00 + one working day


def test_rerouting_keeps_a_team_a_person_assigned():
    case = make_case(team=Team.PROFESSIONAL_VOLUNTEERS, team_assigned_by_person=True)
    after = apply(case, Reroute(mechanism=Mechanism.IMMEDIATE, reason="simple"), AFTER_DEADLINE, SLA)
    assert after.team == Team.PROFESSIONAL_VOLUNTEERS


def test_rerouting_to_the_current_mechanism_is_refused():
    with pytest.raises(IllegalTransition, match="already platform"):
        apply(make_case(), Reroute(mechanism=Mechanism.PLATFORM, reason="reset"), AFTER_DEADLINE, SLA)


def test_rerouting_does_not_change_the_routing_rule_recorded_at_opening():
    after = apply(make_case(), Reroute(mechanism=Mechanism.DIFFICULT, reason="x"), AFTER_DEADLINE, SLA)
    assert after.routing_rule == "catalogue_default"


def test_resolving_records_the_outcome_and_the_time():
    after = apply(make_case(), Resolve(outcome="licence issued"), AFTER_DEADLINE, SLA)
    assert (after.outcome, after.resolved_at) == ("licence issued", AFTER_DEADLINE)


def test_closing_records_satisfaction_feedback_and_the_time():
    case = make_case(status=Status.RESOLVED)
    after = apply(case, Close(satisfaction=5, feedback="very helpful"), AFTER_DEADLINE, SLA)
    assert (after.satisfaction, after.feedback, after.closed_at) == (5, "very helpful", AFTER_DEADLINE)


@pytest.mark.parametrize("satisfaction", [0, 6, -1])
def test_a_satisfaction_outside_one_to_five_is_invalid(satisfaction):
    with pytest.raises(InvalidAction) as raised:
        Close(satisfaction=satisfaction)
    assert raised.value.field == "satisfaction"


def test_reopening_clears_the_previous_resolution_and_restarts_the_clock():
    closed = make_case(
        status=Status.CLOSED,
        outcome="done",
        resolved_at=at(2026, 3, 3),
        satisfaction=2,
        feedback="not really",
        closed_at=at(2026, 3, 4),
    )
    after = apply(closed, Reopen(reason="it came back"), AFTER_DEADLINE, SLA)
    assert after.status == Status.REOPENED
    assert (after.outcome, after.resolved_at, after.satisfaction, after.feedback, after.closed_at) == (
        None,
    ) * 5
    assert after.sla_deadline == at(2026, 3, 14)  # platform: five working days from Monday 9 March


def test_reopening_keeps_the_record_of_an_earlier_breach():
    case = make_case(status=Status.RESOLVED, breached=True, last_breach_at=at(2026, 3, 7))
    assert apply(case, Reopen(reason="again"), AFTER_DEADLINE, SLA).breached


def test_a_transition_at_a_time_without_an_offset_is_refused():
    with pytest.raises(ValueError, match="offset"):
        apply(make_case(), Start(), datetime(2026, 3, 9, 10), SLA)

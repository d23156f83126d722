"""Every change of a case becomes the contract event that announces it, carrying the case as it stands."""

import pytest

from cases.domain import (
    Assign,
    BreachSla,
    Close,
    Escalate,
    Mechanism,
    Reopen,
    Reroute,
    Resolve,
    Start,
    Status,
    Team,
    apply,
)
from cases.use_cases.announce import opened_event, transition_details, transition_event
from tests.unit.cases.factories import AFTER_DEADLINE, PLATFORM_DEADLINE, make_case, policy, resolved

SLA = policy()
OPEN = make_case()
CASES = [
    (OPEN, Assign(team=Team.PROFESSIONAL_VOLUNTEERS, officer="officer-7"), {"officer_id": "officer-7"}),
    (OPEN, Start(), {}),
    (
        OPEN,
        Reroute(mechanism=Mechanism.DIFFICULT, reason="joint"),
        {"from_mechanism": "platform", "reason": "joint"},
    ),
    (OPEN, Escalate(reason="stuck"), {"from_mechanism": "platform", "reason": "stuck"}),
    (OPEN, BreachSla(), {"deadline_missed": PLATFORM_DEADLINE}),
    (OPEN, Resolve(outcome="licence issued"), {"outcome": "licence issued"}),
    (resolved(OPEN), Close(satisfaction=4, feedback="quick"), {"satisfaction": 4}),
    (resolved(OPEN), Reopen(reason="wrong licence"), {"reason": "wrong licence"}),
]


@pytest.mark.parametrize(("before", "action", "own_fields"), CASES, ids=lambda v: getattr(v, "name", ""))
def test_a_transition_is_announced_with_the_case_after_it_and_its_own_fields(before, action, own_fields):
    after = apply(before, action, AFTER_DEADLINE, SLA)
    event = transition_event(action, before, after, "staff-17")
    assert event.ce_type.endswith(f".{_verb(action.name)}.v1")
    assert (event.case_id, event.enterprise_id, event.actor) == (after.id, after.enterprise_id, "staff-17")
    assert (event.kind, event.mechanism, event.team, event.status) == (
        after.kind,
        after.mechanism,
        after.team,
        after.status,
    )
    assert (event.sla_deadline, event.breached, event.routing_rule) == (
        after.sla_deadline,
        after.breached,
        after.routing_rule,
    )
    assert {name: getattr(event, name) for name in own_fields} == own_fields


def _verb(action: str) -> str:
    verbs = {"assign": "assigned", "start": "started", "reroute": "rerouted", "escalate": "escalated"}
    verbs |= {"breach": "breached", "resolve": "resolved", "close": "closed", "reopen": "reopened"}
    return verbs[action]


def test_an_opening_carries_the_need_it_answers():
    case = make_case(need_id=OPEN.id, category_code="company_registration")
    event = opened_event(case, "system")
    assert (event.ce_type, event.need_id, event.category_code, event.status) == (
        "district.cases.case.opened.v1",
        OPEN.id,
        "company_registration",
        Status.OPEN,
    )


def test_the_timeline_keeps_the_actions_fields_and_the_mechanism_it_left():
    after = apply(OPEN, Escalate(reason="stuck"), AFTER_DEADLINE, SLA)
    assert transition_details(Escalate(reason="stuck"), OPEN, after) == {
        "reason": "stuck",
        "from_mechanism": Mechanism.PLATFORM,
    }


def test_the_timeline_leaves_out_fields_not_given():
    action = Assign(team=Team.BUILDING_STAFF)
    assert transition_details(action, OPEN, apply(OPEN, action, AFTER_DEADLINE, SLA)) == {
        "team": Team.BUILDING_STAFF
    }

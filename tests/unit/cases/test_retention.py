"""DESIGN §3 "Retention cases": what a rating does to an enterprise's retention case."""

from typing import Any
from uuid import uuid4

import pytest

from cases.domain import (
    AddTimelineEntry,
    AddTimelineEntryAndEscalate,
    Case,
    Colour,
    Escalate,
    IllegalTransition,
    Kind,
    Mechanism,
    NoRetentionAction,
    OpenRetentionCase,
    ReopenRetentionCase,
    RetentionDecision,
    RoutingDecision,
    Status,
    Team,
    apply,
    check_reopen,
    decide_retention,
    default_routing_rules,
)
from tests.unit.cases.factories import AFTER_DEADLINE, make_case, policy

RULES = default_routing_rules()
CALM = [Colour.GREEN, Colour.BLUE, Colour.YELLOW]
ACTIVE = [Status.OPEN, Status.IN_PROGRESS, Status.ESCALATED, Status.REOPENED]


def retention_case(**overrides: Any) -> Case:
    return make_case(**{"kind": Kind.RETENTION, "mechanism": Mechanism.SPECIAL_CASE, **overrides})


def decide(
    current: Case | None, to: Colour, *, departed: bool = False, key_enterprise: bool = False
) -> RetentionDecision:
    return decide_retention(current, to, departed=departed, key_enterprise=key_enterprise, rules=RULES)


def test_an_orange_rating_without_a_case_opens_a_special_case_for_government_services():
    assert decide(None, Colour.ORANGE) == OpenRetentionCase(
        RoutingDecision(
            mechanism=Mechanism.SPECIAL_CASE, team=Team.GOVERNMENT_SERVICES, rule="retention_orange"
        )
    )


def test_a_red_rating_without_a_case_opens_a_difficult_case():
    decision = decide(None, Colour.RED)
    assert isinstance(decision, OpenRetentionCase)
    assert (decision.routing.mechanism, decision.routing.rule) == (Mechanism.DIFFICULT, "retention_red")


def test_a_key_enterprise_turning_orange_gets_a_difficult_case():
    decision = decide(None, Colour.ORANGE, key_enterprise=True)
    assert isinstance(decision, OpenRetentionCase)
    assert decision.routing.mechanism == Mechanism.DIFFICULT


@pytest.mark.parametrize("colour", CALM)
def test_a_calm_rating_without_a_case_does_nothing(colour):
    assert isinstance(decide(None, colour), NoRetentionAction)


@pytest.mark.parametrize("colour", [Colour.ORANGE, Colour.RED])
def test_an_enterprise_that_left_the_district_gets_no_new_case(colour):
    assert decide(None, colour, departed=True) == NoRetentionAction("the enterprise has left the district")


@pytest.mark.parametrize("colour", [Colour.ORANGE, Colour.RED])
def test_an_alarming_rating_reopens_a_resolved_case(colour):
    assert decide(retention_case(status=Status.RESOLVED), colour) == ReopenRetentionCase()


@pytest.mark.parametrize("colour", CALM)
def test_a_calm_rating_only_notes_itself_on_a_resolved_case(colour):
    assert decide(retention_case(status=Status.RESOLVED), colour) == AddTimelineEntry()


@pytest.mark.parametrize("status", ACTIVE)
@pytest.mark.parametrize("mechanism", [Mechanism.IMMEDIATE, Mechanism.PLATFORM, Mechanism.SPECIAL_CASE])
def test_a_red_rating_notes_itself_and_escalates_a_case_below_difficult(status, mechanism):
    current = retention_case(status=status, mechanism=mechanism)
    assert decide(current, Colour.RED) == AddTimelineEntryAndEscalate()


@pytest.mark.parametrize("status", ACTIVE)
def test_a_red_rating_only_notes_itself_on_a_difficult_case(status):
    assert (
        decide(retention_case(status=status, mechanism=Mechanism.DIFFICULT), Colour.RED) == AddTimelineEntry()
    )


@pytest.mark.parametrize("status", ACTIVE)
@pytest.mark.parametrize("colour", [*CALM, Colour.ORANGE])
def test_any_other_rating_only_notes_itself_on_a_case_being_worked(status, colour):
    assert decide(retention_case(status=status), colour) == AddTimelineEntry()


def test_a_rating_never_reroutes_down_resolves_or_closes():
    outcomes = {
        type(decide(retention_case(status=status, mechanism=mechanism), colour))
        for status in [*ACTIVE, Status.RESOLVED]
        for mechanism in Mechanism
        for colour in Colour
    }
    assert outcomes == {AddTimelineEntry, AddTimelineEntryAndEscalate, ReopenRetentionCase}


def test_a_departed_enterprises_existing_case_still_follows_the_rating():
    # DESIGN only forbids a new case; the case already open keeps its rules (and its history).
    assert decide(retention_case(), Colour.RED, departed=True) == AddTimelineEntryAndEscalate()


def test_red_ratings_one_after_another_stop_escalating_at_difficult():
    sla = policy()
    case = retention_case(mechanism=Mechanism.PLATFORM)
    decisions = []
    for _ in range(4):
        decision = decide(case, Colour.RED)
        decisions.append(type(decision))
        if isinstance(decision, AddTimelineEntryAndEscalate):
            case = apply(case, Escalate(reason="rating turned red"), AFTER_DEADLINE, sla)
    assert case.mechanism == Mechanism.DIFFICULT
    assert decisions == [
        AddTimelineEntryAndEscalate,
        AddTimelineEntryAndEscalate,
        AddTimelineEntry,
        AddTimelineEntry,
    ]


def test_a_closed_case_is_not_the_current_retention_case():
    with pytest.raises(ValueError, match="not-closed retention case"):
        decide(retention_case(status=Status.CLOSED), Colour.ORANGE)


def test_a_need_case_is_not_a_retention_case():
    with pytest.raises(ValueError, match="not-closed retention case"):
        decide(make_case(kind=Kind.NEED), Colour.ORANGE)


def test_staff_may_reopen_a_closed_retention_case_while_the_enterprise_has_no_other():
    check_reopen(retention_case(status=Status.CLOSED), None)


def test_staff_may_reopen_the_enterprises_current_retention_case():
    current = retention_case(status=Status.RESOLVED)
    check_reopen(current, current)


def test_a_closed_retention_case_stays_closed_while_a_newer_one_is_open():
    newer = retention_case(id=uuid4())
    with pytest.raises(IllegalTransition, match=f"already has retention case {newer.id} not closed"):
        check_reopen(retention_case(status=Status.CLOSED), newer)


def test_a_need_case_reopens_whatever_retention_case_its_enterprise_has():
    check_reopen(make_case(status=Status.CLOSED), retention_case(id=uuid4()))

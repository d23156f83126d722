"""Every rule of the shipped routing configuration."""

import pytest

from cases.domain import (
    Colour,
    Kind,
    Mechanism,
    RoutingDecision,
    RoutingInput,
    Team,
    default_routing_rules,
    load_routing_rules,
    manual_routing,
    route,
    route_retention,
    shipped_routing_text,
)

RULES = default_routing_rules()


def need(**facts) -> RoutingInput:
    return RoutingInput(kind=Kind.NEED, **{"default_mechanism": Mechanism.PLATFORM, **facts})


def test_the_shipped_rules_are_tried_in_this_order():
    assert [rule.name for rule in RULES.rules] == [
        "retention_red",
        "retention_key_enterprise",
        "retention_orange",
        "new_company_registration",
        "solvable_on_spot",
        "key_enterprise_at_risk",
        "several_departments",
        "catalogue_default",
        "fallback",
    ]


def test_the_shipped_text_parses_to_the_default_rules():
    assert load_routing_rules(shipped_routing_text()) == RULES


@pytest.mark.parametrize("category", ["company_registration", "new_entity_registration"])
def test_a_new_companys_registration_goes_to_special_case(category):
    decision = route(need(category_code=category), RULES)
    assert decision == RoutingDecision(
        mechanism=Mechanism.SPECIAL_CASE, team=Team.GOVERNMENT_SERVICES, rule="new_company_registration"
    )


def test_a_new_companys_registration_wins_over_solvable_on_the_spot():
    decision = route(need(category_code="company_registration", solvable_on_spot=True), RULES)
    assert decision.rule == "new_company_registration"


def test_a_need_solvable_on_the_spot_goes_to_immediate_with_building_staff():
    decision = route(need(solvable_on_spot=True, departments_involved=3), RULES)
    assert (decision.mechanism, decision.team, decision.rule) == (
        Mechanism.IMMEDIATE,
        Team.BUILDING_STAFF,
        "solvable_on_spot",
    )


@pytest.mark.parametrize("colour", [Colour.ORANGE, Colour.RED])
def test_a_key_enterprise_at_orange_or_red_goes_to_difficult(colour):
    decision = route(need(key_enterprise=True, colour=colour, departments_involved=2), RULES)
    assert (decision.mechanism, decision.team, decision.rule) == (
        Mechanism.DIFFICULT,
        Team.GOVERNMENT_SERVICES,
        "key_enterprise_at_risk",
    )


@pytest.mark.parametrize(
    "facts",
    [
        {"key_enterprise": True, "colour": Colour.YELLOW},
        {"key_enterprise": True, "colour": None},
        {"key_enterprise": False, "colour": Colour.RED},
    ],
)
def test_a_need_that_is_not_from_a_key_enterprise_at_risk_is_not_sent_to_difficult(facts):
    assert route(need(**facts), RULES).rule == "catalogue_default"


def test_a_need_involving_several_departments_goes_to_the_platform():
    decision = route(need(default_mechanism=Mechanism.IMMEDIATE, departments_involved=2), RULES)
    assert (decision.mechanism, decision.team, decision.rule) == (
        Mechanism.PLATFORM,
        Team.GOVERNMENT_SERVICES,
        "several_departments",
    )


def test_a_need_involving_one_department_keeps_the_catalogue_default():
    decision = route(need(default_mechanism=Mechanism.IMMEDIATE, departments_involved=1), RULES)
    assert (decision.mechanism, decision.team, decision.rule) == (
        Mechanism.IMMEDIATE,
        Team.BUILDING_STAFF,
        "catalogue_default",
    )


@pytest.mark.parametrize("mechanism", list(Mechanism))
def test_otherwise_the_catalogue_default_mechanism_decides_with_its_default_team(mechanism):
    decision = route(need(default_mechanism=mechanism), RULES)
    assert (decision.mechanism, decision.team, decision.rule) == (
        mechanism,
        Team.BUILDING_STAFF if mechanism is Mechanism.IMMEDIATE else Team.GOVERNMENT_SERVICES,
        "catalogue_default",
    )


def test_the_catalogues_working_days_come_with_its_default_mechanism():
    decision = route(need(default_mechanism=Mechanism.SPECIAL_CASE, sla_working_days=7), RULES)
    assert decision.sla_working_days == 7


def test_the_catalogues_working_days_are_dropped_when_a_rule_chooses_another_mechanism():
    decision = route(need(sla_working_days=3, solvable_on_spot=True), RULES)
    assert (decision.mechanism, decision.sla_working_days) == (Mechanism.IMMEDIATE, None)


def test_a_case_without_catalogue_facts_falls_back_to_the_platform():
    decision = route(RoutingInput(kind=Kind.MANUAL), RULES)
    assert (decision.mechanism, decision.team, decision.rule) == (
        Mechanism.PLATFORM,
        Team.GOVERNMENT_SERVICES,
        "fallback",
    )


def test_an_employees_personal_need_is_routed_like_any_need():
    assert route(need(solvable_on_spot=True), RULES).rule == "solvable_on_spot"


def test_an_orange_retention_case_goes_to_special_case_with_government_services():
    assert route_retention(Colour.ORANGE, False, RULES) == RoutingDecision(
        mechanism=Mechanism.SPECIAL_CASE, team=Team.GOVERNMENT_SERVICES, rule="retention_orange"
    )


def test_a_red_retention_case_goes_to_difficult_with_government_services():
    assert route_retention(Colour.RED, False, RULES) == RoutingDecision(
        mechanism=Mechanism.DIFFICULT, team=Team.GOVERNMENT_SERVICES, rule="retention_red"
    )


def test_a_key_enterprises_orange_retention_case_goes_to_difficult():
    assert route_retention(Colour.ORANGE, True, RULES) == RoutingDecision(
        mechanism=Mechanism.DIFFICULT, team=Team.GOVERNMENT_SERVICES, rule="retention_key_enterprise"
    )


def test_staff_choosing_a_mechanism_get_its_default_team_unless_they_name_one():
    assert manual_routing(Mechanism.IMMEDIATE) == RoutingDecision(
        mechanism=Mechanism.IMMEDIATE, team=Team.BUILDING_STAFF, rule="manual"
    )


def test_a_team_named_by_staff_is_recorded_as_chosen_by_a_person():
    decision = manual_routing(Mechanism.PLATFORM, Team.PROFESSIONAL_VOLUNTEERS)
    assert (decision.team, decision.team_chosen_by_person, decision.rule) == (
        Team.PROFESSIONAL_VOLUNTEERS,
        True,
        "manual",
    )

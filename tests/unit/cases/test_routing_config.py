"""Routing configuration: custom rules and the errors that name the wrong key."""

import pytest

from cases.domain import (
    Colour,
    Kind,
    Mechanism,
    RoutingConfigError,
    RoutingInput,
    Team,
    load_routing_rules,
    route,
    routing_rules_from_dict,
)

FALLBACK = '\n[[rules]]\nname = "fallback"\nmechanism = "platform"\n'


def rules_with(first_rule: str):
    return load_routing_rules(f"[[rules]]\n{first_rule}\n{FALLBACK}")


def test_a_rule_can_match_on_the_kind_of_case():
    rules = rules_with('name = "manual_first"\nwhen = { kind = ["manual"] }\nmechanism = "immediate"')
    assert route(RoutingInput(kind=Kind.MANUAL), rules).rule == "manual_first"
    assert route(RoutingInput(kind=Kind.NEED), rules).rule == "fallback"


def test_a_rule_can_match_on_the_catalogue_default_mechanism():
    rules = rules_with(
        'name = "slow_platform"\nwhen = { default_mechanism = ["platform"] }\nmechanism = "special_case"'
    )
    facts = RoutingInput(kind=Kind.NEED, default_mechanism=Mechanism.PLATFORM, sla_working_days=4)
    decision = route(facts, rules)
    assert (decision.rule, decision.mechanism, decision.sla_working_days) == (
        "slow_platform",
        Mechanism.SPECIAL_CASE,
        None,
    )


def test_a_rule_can_name_a_team_other_than_the_mechanisms_default():
    rules = rules_with(
        'name = "legal"\nwhen = { category_code = ["legal_advice"] }\n'
        'mechanism = "platform"\nteam = "professional_volunteers"'
    )
    decision = route(RoutingInput(kind=Kind.NEED, category_code="legal_advice"), rules)
    assert decision.team == Team.PROFESSIONAL_VOLUNTEERS


def test_every_condition_of_a_rule_must_hold():
    rules = rules_with(
        'name = "both"\nwhen = { key_enterprise = true, colour = ["red"] }\nmechanism = "difficult"'
    )
    assert route(RoutingInput(kind=Kind.NEED, key_enterprise=True, colour=Colour.RED), rules).rule == "both"
    assert route(RoutingInput(kind=Kind.NEED, key_enterprise=True), rules).rule == "fallback"


def test_a_catalogue_default_rule_is_skipped_when_there_is_no_catalogue_default():
    rules = rules_with('name = "catalogue_default"\nmechanism = "catalogue_default"')
    assert route(RoutingInput(kind=Kind.MANUAL), rules).rule == "fallback"


def test_rules_can_be_built_from_a_dict():
    rules = routing_rules_from_dict({"rules": [{"name": "only", "mechanism": "immediate"}]})
    assert route(RoutingInput(kind=Kind.NEED), rules).mechanism == Mechanism.IMMEDIATE


@pytest.mark.parametrize(
    ("first_rule", "key"),
    [
        ('name = "x"\nmechanism = "urgent"', r"rules\.0\.mechanism"),
        ('name = "x"\nmechanism = "platform"\nteam = "lawyers"', r"rules\.0\.team"),
        ('name = "x"\nmechanism = "platform"\nwhen = { colours = ["red"] }', r"rules\.0\.when\.colours"),
        ('name = "x"\nmechanism = "platform"\nwhen = { colour = ["purple"] }', r"rules\.0\.when\.colour\.0"),
        ('name = "x"\nmechanism = "platform"\nwhen = { kind = ["visit"] }', r"rules\.0\.when\.kind\.0"),
        (
            'name = "x"\nmechanism = "platform"\nwhen = { min_departments = 0 }',
            r"rules\.0\.when\.min_departments",
        ),
        (
            'name = "x"\nmechanism = "platform"\nwhen = { solvable_on_spot = "perhaps" }',
            r"rules\.0\.when\.solvable",
        ),
        ('name = "Not Snake"\nmechanism = "platform"', r"rules\.0\.name"),
        ('mechanism = "platform"', r"rules\.0\.name"),
        ('name = "x"', r"rules\.0\.mechanism"),
        ('name = "x"\nmechanism = "platform"\npriority = 1', r"rules\.0\.priority"),
    ],
)
def test_an_invalid_rule_is_refused_with_the_key_named(first_rule, key):
    with pytest.raises(RoutingConfigError, match=rf"^{key}"):
        rules_with(first_rule)


def test_an_unknown_mechanism_lists_the_allowed_ones():
    with pytest.raises(RoutingConfigError, match=r"must be one of immediate, platform, .*catalogue_default"):
        rules_with('name = "x"\nmechanism = "urgent"')


def test_rules_without_an_unconditional_last_rule_are_refused():
    text = '[[rules]]\nname = "only"\nwhen = { solvable_on_spot = true }\nmechanism = "immediate"'
    with pytest.raises(RoutingConfigError, match=r"rules\.0: the last rule \(only\) must have no conditions"):
        load_routing_rules(text)


def test_a_last_rule_that_relies_on_the_catalogue_is_refused():
    with pytest.raises(RoutingConfigError, match="fixed mechanism"):
        load_routing_rules('[[rules]]\nname = "catalogue_default"\nmechanism = "catalogue_default"')


def test_two_rules_with_the_same_name_are_refused():
    with pytest.raises(RoutingConfigError, match="duplicate names fallback"):
        rules_with('name = "fallback"\nmechanism = "immediate"')


@pytest.mark.parametrize("text", ["", "rules = []"])
def test_a_configuration_without_rules_is_refused(text):
    with pytest.raises(RoutingConfigError, match=r"^rules"):
        load_routing_rules(text)


def test_text_that_is_not_toml_is_refused():
    with pytest.raises(RoutingConfigError, match="not valid TOML"):
        load_routing_rules("[[rules]")

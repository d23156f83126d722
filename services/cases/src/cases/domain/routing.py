"""Routing (DESIGN §3, issue 7): an ordered list of named rules from configuration; first match wins."""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from cases.domain.model import Colour, Kind, Mechanism, Team, default_team
from district_shared.calendar import describe_validation_error

CATALOGUE_DEFAULT = "catalogue_default"  # a rule's mechanism: the need's catalogue default
MANUAL_RULE = "manual"  # the routing rule recorded when staff choose the mechanism themselves
SHIPPED_RULES = "routing.toml"


class RoutingConfigError(ValueError):
    """The routing configuration is invalid; the message names the offending key."""


@dataclass(frozen=True, kw_only=True)
class RoutingInput:
    """The facts routing looks at, taken from the need (catalogue fields) or the rating."""

    kind: Kind
    default_mechanism: Mechanism | None = None
    sla_working_days: int | None = None  # the catalogue's N for its default mechanism
    category_code: str | None = None
    solvable_on_spot: bool = False
    departments_involved: int = 0
    key_enterprise: bool = False
    colour: Colour | None = None  # the enterprise's colour at opening, when known


@dataclass(frozen=True, kw_only=True)
class RoutingDecision:
    """The mechanism and team chosen, the rule that chose them, and the catalogue's N if it applies."""

    mechanism: Mechanism
    team: Team
    rule: str
    sla_working_days: int | None = None
    team_chosen_by_person: bool = False  # a person's team survives escalation


class Conditions(BaseModel):
    """What must all hold for a rule to match; an absent condition holds always."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: tuple[Kind, ...] | None = None
    category_code: tuple[str, ...] | None = None
    default_mechanism: tuple[Mechanism, ...] | None = None
    solvable_on_spot: bool | None = None
    min_departments: int | None = Field(None, ge=1)
    key_enterprise: bool | None = None
    colour: tuple[Colour, ...] | None = None

    def hold_for(self, facts: RoutingInput) -> bool:
        """True when every condition set here holds for `facts`."""
        checks = (
            self.kind is None or facts.kind in self.kind,
            self.category_code is None or facts.category_code in self.category_code,
            self.default_mechanism is None or facts.default_mechanism in self.default_mechanism,
            self.solvable_on_spot is None or facts.solvable_on_spot == self.solvable_on_spot,
            self.min_departments is None or facts.departments_involved >= self.min_departments,
            self.key_enterprise is None or facts.key_enterprise == self.key_enterprise,
            self.colour is None or facts.colour in self.colour,
        )
        return all(checks)

    def is_empty(self) -> bool:
        """True when the conditions match every input."""
        return all(value is None for value in self.model_dump().values())


class Rule(BaseModel):
    """One named rule: conditions, then a mechanism (or the catalogue's) and optionally a team."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    when: Conditions = Conditions()
    mechanism: str
    team: Team | None = None

    @field_validator("mechanism")
    @classmethod
    def _known_mechanism(cls, value: str) -> str:
        allowed = [m.value for m in Mechanism] + [CATALOGUE_DEFAULT]
        if value not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}, not {value!r}")
        return value

    def decide(self, facts: RoutingInput) -> RoutingDecision | None:
        """The decision of this rule for `facts`, or None when it does not match."""
        mechanism = self._mechanism_for(facts)
        if mechanism is None or not self.when.hold_for(facts):
            return None
        # The catalogue's N belongs to its default mechanism; any other mechanism keeps its own N.
        days = facts.sla_working_days if mechanism is facts.default_mechanism else None
        team = self.team if self.team is not None else default_team(mechanism)
        return RoutingDecision(mechanism=mechanism, team=team, rule=self.name, sla_working_days=days)

    def _mechanism_for(self, facts: RoutingInput) -> Mechanism | None:
        if self.mechanism == CATALOGUE_DEFAULT:
            return facts.default_mechanism
        return Mechanism(self.mechanism)


class RoutingRules(BaseModel):
    """The ordered rules; the last one matches everything, so every input gets a decision."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: tuple[Rule, ...]

    @model_validator(mode="after")
    def _unique_names_and_total(self) -> "RoutingRules":
        if not self.rules:
            raise ValueError("rules: at least one rule is needed")
        names = [rule.name for rule in self.rules]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"rules: duplicate names {', '.join(duplicates)}")
        last = self.rules[-1]
        if not last.when.is_empty() or last.mechanism == CATALOGUE_DEFAULT:
            raise ValueError(
                f"rules.{len(self.rules) - 1}: the last rule ({last.name}) must have no conditions "
                "and a fixed mechanism, so that every case is routed"
            )
        return self


def route(facts: RoutingInput, rules: RoutingRules) -> RoutingDecision:
    """The decision of the first rule that matches `facts`."""
    for rule in rules.rules:
        decision = rule.decide(facts)
        if decision is not None:
            return decision
    raise AssertionError("the last rule matches everything")  # guaranteed by RoutingRules' validator


def route_retention(colour: Colour, key_enterprise: bool, rules: RoutingRules) -> RoutingDecision:
    """Routing of a retention case, decided once at opening from the rating's colour."""
    return route(RoutingInput(kind=Kind.RETENTION, colour=colour, key_enterprise=key_enterprise), rules)


def manual_routing(mechanism: Mechanism, team: Team | None = None) -> RoutingDecision:
    """Staff chose the mechanism (and maybe the team) of a manual case themselves."""
    if team is None:
        return RoutingDecision(mechanism=mechanism, team=default_team(mechanism), rule=MANUAL_RULE)
    return RoutingDecision(mechanism=mechanism, team=team, rule=MANUAL_RULE, team_chosen_by_person=True)


def routing_rules_from_dict(data: Mapping[str, Any]) -> RoutingRules:
    """Build the rules from already-parsed configuration (the TOML file's shape)."""
    try:
        return RoutingRules.model_validate(dict(data))
    except ValidationError as error:
        raise RoutingConfigError(describe_validation_error(error)) from None


def load_routing_rules(text: str) -> RoutingRules:
    """Build the rules from TOML text (see cases/routing.toml for the format)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoutingConfigError(f"not valid TOML: {error}") from None
    return routing_rules_from_dict(data)


def shipped_routing_text() -> str:
    """The TOML of the default rules shipped with the service."""
    return resources.files("cases").joinpath(SHIPPED_RULES).read_text(encoding="utf-8")


@cache
def default_routing_rules() -> RoutingRules:
    """The shipped default rules, parsed once."""
    return load_routing_rules(shipped_routing_text())

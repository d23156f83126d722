"""Factor codes: the reasons a rating can give, each with a weight and optionally a floor."""

from enum import StrEnum

from risk.domain.facts import SignalCode


class FactorCode(StrEnum):
    """One risk factor; a reported signal is the factor of the same code."""

    LEASE_ENDING = "lease_ending"
    LEASE_ENDING_SOON = "lease_ending_soon"
    LEASE_ENDED = "lease_ended"
    LEASE_NOT_RENEWING = "lease_not_renewing"
    HEADCOUNT_DECLINE = "headcount_decline"
    RETENTION_CASE_OVERDUE = "retention_case_overdue"
    DEPARTED = "departed"
    LEASE_EXPIRING = "lease_expiring"
    RELOCATION_INTENT = "relocation_intent"
    EXPANSION_PLAN = "expansion_plan"
    NEW_ENTITY_PLAN = "new_entity_plan"
    HEADCOUNT_CHANGE = "headcount_change"
    TAX_ARREARS = "tax_arrears"
    COMPLAINT = "complaint"
    DEREGISTRATION_INTENT = "deregistration_intent"


def signal_factor(code: SignalCode) -> FactorCode:
    """The factor a signal of this code feeds."""
    return FactorCode(code.value)


_ORDER: tuple[FactorCode, ...] = tuple(FactorCode)


def factor_order(code: FactorCode) -> int:
    """Stable position of a factor in a rating's list (declaration order)."""
    return _ORDER.index(code)

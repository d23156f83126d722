"""The risk domain: the five-colour rating as plain functions (no I/O; DESIGN §3)."""

from risk.domain.cause import CauseType, RatingCause
from risk.domain.codes import FactorCode
from risk.domain.colours import Colour, highest, rank
from risk.domain.config import DEFAULT_CONFIG, RiskConfig
from risk.domain.days import DISTRICT_TIMEZONE
from risk.domain.factors import EvidenceValue, Factor
from risk.domain.facts import (
    EnterpriseFacts,
    Lease,
    RenewalStatus,
    Signal,
    SignalCode,
)
from risk.domain.folding import (
    apply_departure,
    apply_headcount,
    apply_key_enterprise,
    apply_lease,
    apply_retention_case,
    apply_signal,
    apply_visit,
    resolve_signal,
)
from risk.domain.loading import ConfigError, load_config
from risk.domain.override import Override, ResolvedColour, override_in_force, resolve_colour
from risk.domain.rating import Rating, rate
from risk.domain.record import Current, EnterpriseRecord, Profile, Rerated, rerate

__all__ = [
    "DEFAULT_CONFIG",
    "DISTRICT_TIMEZONE",
    "CauseType",
    "Colour",
    "ConfigError",
    "Current",
    "EnterpriseFacts",
    "EnterpriseRecord",
    "EvidenceValue",
    "Factor",
    "FactorCode",
    "Lease",
    "Override",
    "Profile",
    "Rating",
    "RatingCause",
    "RenewalStatus",
    "Rerated",
    "ResolvedColour",
    "RiskConfig",
    "Signal",
    "SignalCode",
    "apply_departure",
    "apply_headcount",
    "apply_key_enterprise",
    "apply_lease",
    "apply_retention_case",
    "apply_signal",
    "apply_visit",
    "highest",
    "load_config",
    "override_in_force",
    "rank",
    "rate",
    "rerate",
    "resolve_colour",
    "resolve_signal",
]

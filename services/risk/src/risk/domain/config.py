"""The rating's configuration: bands, weights, floors, thresholds and windows (rules.toml)."""

from collections.abc import Mapping
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from risk.domain.codes import FactorCode
from risk.domain.colours import Colour
from risk.domain.facts import SignalCode
from risk.domain.folding import HEADCOUNT_HISTORY

MAX_SCORE = 100.0


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


def _floor(colour: Colour) -> Colour:
    if colour is Colour.GREEN:
        raise ValueError("a floor cannot be green: green is earned, never imposed (use blue for no floor)")
    return colour


Weight = Annotated[float, Field(ge=0, le=MAX_SCORE)]
Floor = Annotated[Colour, AfterValidator(_floor)]
Days = Annotated[int, Field(ge=0)]


class Bands(_Section):
    """Lower edge of each score band; blue starts at 0. Green is earned and red needs a rule."""

    yellow: float = Field(30, gt=0, le=MAX_SCORE, description="Lowest score of the yellow band.")
    orange: float = Field(60, gt=0, le=MAX_SCORE, description="Lowest score of the orange band.")

    @model_validator(mode="before")
    @classmethod
    def _only_blue_yellow_orange(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and "red" in data:
            raise ValueError(
                "bands.red is not allowed: red is reached only by a red rule, never by the score"
            )
        if isinstance(data, Mapping) and "green" in data:
            raise ValueError("bands.green is not allowed: green is earned (see [green]), never by the score")
        return data

    @model_validator(mode="after")
    def _ascending(self) -> Self:
        if self.orange <= self.yellow:
            raise ValueError(f"bands.orange ({self.orange}) must be above bands.yellow ({self.yellow})")
        return self

    def edges(self) -> tuple[tuple[Colour, float], ...]:
        """(colour, lower edge) of every band, lowest first."""
        return ((Colour.BLUE, 0.0), (Colour.YELLOW, self.yellow), (Colour.ORANGE, self.orange))


class Weights(_Section):
    """Full contribution of each factor to the score (0 to 100)."""

    lease_ending: Weight = 20
    lease_ending_soon: Weight = 35
    lease_ended: Weight = 45
    lease_not_renewing: Weight = 15
    headcount_decline: Weight = 15
    # Its effect is the red rule; a weight would let an overdue case lift yellow to orange, hence red.
    retention_case_overdue: Weight = 0
    departed: Weight = 50
    lease_expiring: Weight = 15
    relocation_intent: Weight = 40
    expansion_plan: Weight = 10
    new_entity_plan: Weight = 10
    headcount_change: Weight = 10
    tax_arrears: Weight = 20
    complaint: Weight = 10
    deregistration_intent: Weight = 50

    def of(self, code: FactorCode) -> float:
        """The weight of one factor."""
        return float(getattr(self, code.value))


class Floors(_Section):
    """Lowest colour while a factor holds; blue means no floor (any factor already means blue)."""

    lease_ending: Floor = Colour.YELLOW
    lease_ending_soon: Floor = Colour.ORANGE
    lease_ended: Floor = Colour.ORANGE
    lease_not_renewing: Floor = Colour.BLUE
    headcount_decline: Floor = Colour.BLUE
    retention_case_overdue: Floor = Colour.BLUE
    departed: Floor = Colour.RED
    lease_expiring: Floor = Colour.BLUE
    relocation_intent: Floor = Colour.ORANGE
    expansion_plan: Floor = Colour.BLUE
    new_entity_plan: Floor = Colour.BLUE
    headcount_change: Floor = Colour.BLUE
    tax_arrears: Floor = Colour.BLUE
    complaint: Floor = Colour.BLUE
    deregistration_intent: Floor = Colour.RED

    def of(self, code: FactorCode) -> Colour:
        """The floor of one factor."""
        return Colour(getattr(self, code.value))


class Escalation(_Section):
    """The compound red rule: an overdue retention case on an enterprise already this colour or higher."""

    overdue_retention_case_from: Colour = Colour.ORANGE

    @model_validator(mode="after")
    def _between_blue_and_orange(self) -> Self:
        if self.overdue_retention_case_from in (Colour.GREEN, Colour.RED):
            raise ValueError("escalation.overdue_retention_case_from must be blue, yellow or orange")
        return self


class LeaseRules(_Section):
    """Day thresholds on the lease end, counted in district dates."""

    watch_days: Days = Field(180, description="Ending in 0..watch_days days, not renewed: lease_ending.")
    urgent_days: Days = Field(
        90, description="Ending in 0..urgent_days days, not renewed: lease_ending_soon."
    )
    supersede_min_days: Days = Field(
        365, description="A lease change that puts the end at least this far away supersedes signals."
    )

    @model_validator(mode="after")
    def _urgent_within_watch(self) -> Self:
        if self.urgent_days > self.watch_days:
            raise ValueError(
                f"lease.urgent_days ({self.urgent_days}) must not exceed lease.watch_days ({self.watch_days})"
            )
        return self


class SignalRules(_Section):
    """How long a signal counts and which lease changes end it."""

    decay_days: int = Field(180, gt=0, description="Weight falls linearly to 0 over this many days.")
    superseded_by_lease: tuple[SignalCode, ...] = Field(
        (SignalCode.LEASE_EXPIRING, SignalCode.RELOCATION_INTENT),
        description="Signal codes a lease change after them, extending the lease, supersedes.",
    )


class HeadcountRules(_Section):
    """When a falling headcount is a factor."""

    window_days: int = Field(
        365, gt=0, le=HEADCOUNT_HISTORY.days, description="Peak headcount is taken over this many days."
    )
    drop_ratio: float = Field(0.3, gt=0, le=1, description="Drop from the peak, as a share, that counts.")
    min_peak: int = Field(10, ge=1, description="Smaller enterprises are not judged on headcount.")


class GreenRules(_Section):
    """What green needs besides no risk factor and no active signal."""

    visit_within_days: Days = Field(180, description="A visit no more than this many days ago.")
    min_lease_days_left: Days = Field(365, description="Strictly more days than this left on the lease.")


class RiskConfig(_Section):
    """Everything the rating reads besides the facts; defaults are DESIGN §3."""

    hysteresis: float = Field(
        5, ge=0, description="Points below a band's lower edge needed to leave it down."
    )
    bands: Bands = Bands()
    weights: Weights = Weights()
    floors: Floors = Floors()
    escalation: Escalation = Escalation()
    lease: LeaseRules = LeaseRules()
    signals: SignalRules = SignalRules()
    headcount: HeadcountRules = HeadcountRules()
    green: GreenRules = GreenRules()

    @model_validator(mode="after")
    def _hysteresis_narrower_than_bands(self) -> Self:
        # Wider than a band, a colour could only be left by skipping the band below it.
        widths = {
            "bands.yellow": self.bands.yellow,
            "bands.orange - bands.yellow": self.bands.orange - self.bands.yellow,
        }
        for name, width in widths.items():
            if self.hysteresis >= width:
                raise ValueError(f"hysteresis ({self.hysteresis}) must be smaller than {name} ({width})")
        return self


DEFAULT_CONFIG = RiskConfig()

"""Risk settings: `RISK_…` variables, plus the unprefixed ones every service shares."""

from pathlib import Path
from typing import Self

from pydantic import Field, PrivateAttr, model_validator
from pydantic_settings import SettingsConfigDict

from district_shared.settings import ServiceSettings
from risk.domain import RiskConfig
from risk.rules_file import read_rules


class RiskSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="RISK_")

    port: int = Field(8002, description="HTTP port.")
    database_url: str = Field(
        "sqlite+aiosqlite:///.district/data/risk.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite (default, WAL) or postgresql+asyncpg.",
    )
    rules_file: Path | None = Field(
        None, description="TOML rating rules in the format of risk/rules.toml; unset, the shipped rules."
    )
    reevaluate_interval: float = Field(
        3600,
        gt=0,
        description="Seconds between two re-evaluations of every enterprise on the clock (one replica).",
    )
    _rules: RiskConfig = PrivateAttr()

    @model_validator(mode="after")
    def _rules_load(self) -> Self:
        # Read the file here, so a wrong one stops the service at start with the setting's name.
        self._rules = read_rules(self.rules_file)
        return self

    @property
    def rules(self) -> RiskConfig:
        """The rating rules these settings point at."""
        return self._rules

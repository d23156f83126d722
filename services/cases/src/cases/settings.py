"""Cases settings: `CASES_…` variables, plus the unprefixed ones every service shares."""

from datetime import time
from pathlib import Path
from typing import Self

from pydantic import Field, PrivateAttr, model_validator
from pydantic_settings import SettingsConfigDict

from cases.config import CasesConfig, load_config
from cases.domain import DEFAULT_CUTOFF
from district_shared.settings import ServiceSettings


class CasesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CASES_")

    port: int = Field(8003, description="HTTP port.")
    database_url: str = Field(
        "sqlite+aiosqlite:///.district/data/cases.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite (default, WAL) or postgresql+asyncpg.",
    )
    routing_file: Path | None = Field(
        None, description="TOML routing rules in the format of cases/routing.toml; unset, the shipped rules."
    )
    calendar_file: Path | None = Field(
        None,
        description="TOML working-day calendar in the format of district_shared/holidays_cn.toml; "
        "unset, the shipped calendar of China.",
    )
    sla_cutoff: time = Field(
        DEFAULT_CUTOFF,
        description="District time (HH:MM) from which a case opened on a working day starts its SLA on the "
        "next one.",
    )
    _config: CasesConfig = PrivateAttr()

    @model_validator(mode="after")
    def _config_loads(self) -> Self:
        # Read the files here, so a wrong one stops the service at start with the setting's name.
        self._config = load_config(
            routing_file=self.routing_file,
            calendar_file=self.calendar_file,
            cutoff=self.sla_cutoff,
            timezone=self.district_timezone,
        )
        return self

    @property
    def config(self) -> CasesConfig:
        """The routing rules and SLA policy these settings point at."""
        return self._config

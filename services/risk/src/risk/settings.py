"""Risk settings: `RISK_…` variables, plus the unprefixed ones every service shares."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from district_shared.settings import ServiceSettings


class RiskSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="RISK_")

    port: int = Field(8002, description="HTTP port.")
    database_url: str = Field(
        "sqlite+aiosqlite:///.district/data/risk.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite (default, WAL) or postgresql+asyncpg.",
    )

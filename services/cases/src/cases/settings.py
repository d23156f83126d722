"""Cases settings: `CASES_…` variables, plus the unprefixed ones every service shares."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from district_shared.settings import ServiceSettings


class CasesSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CASES_")

    port: int = Field(8003, description="HTTP port.")
    database_url: str = Field(
        "sqlite+aiosqlite:///.district/data/cases.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite (default, WAL) or postgresql+asyncpg.",
    )

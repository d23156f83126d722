"""Registry settings: `REGISTRY_…` variables, plus the unprefixed ones every service shares."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from district_shared.settings import ServiceSettings


class RegistrySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="REGISTRY_")

    port: int = Field(8001, description="HTTP port.")
    database_url: str = Field(
        "sqlite+aiosqlite:///.district/data/registry.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite (default, WAL) or postgresql+asyncpg.",
    )

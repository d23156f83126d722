"""Volunteers settings: `VOLUNTEERS_…` variables, plus the unprefixed ones every service shares."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from district_shared.settings import ServiceSettings


class VolunteersSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="VOLUNTEERS_")

    port: int = Field(8004, description="HTTP port.")
    database_url: str = Field(
        "sqlite+aiosqlite:///.district/data/volunteers.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite (default, WAL) or postgresql+asyncpg.",
    )

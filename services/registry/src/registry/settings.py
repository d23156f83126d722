"""Registry settings: `REGISTRY_…` variables, plus the unprefixed ones every service shares."""

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import NoDecode, SettingsConfigDict

from district_shared.settings import ServiceSettings
from registry.domain.visits import VerifiableField

DEFAULT_MANDATORY_FIELDS: tuple[VerifiableField, ...] = (
    "building_id",
    "unit",
    "lease",
    "headcount",
    "registered_in_district",
    "contacts",
)


class RegistrySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="REGISTRY_")

    port: int = Field(8001, description="HTTP port.")
    database_url: str = Field(
        "sqlite+aiosqlite:///.district/data/registry.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite (default, WAL) or postgresql+asyncpg.",
    )
    # NoDecode: the variable is a comma-separated list, not JSON.
    mandatory_fields: Annotated[tuple[VerifiableField, ...], NoDecode] = Field(
        DEFAULT_MANDATORY_FIELDS,
        min_length=1,
        description="Comma-separated base-data fields a visit must have verified in the last 12 months for "
        "an enterprise's base data to count as complete (the completeness KPI).",
    )
    import_max_rows: int = Field(
        50_000, ge=1, description="Most rows one POST /imports may hold (it runs as one transaction)."
    )

    @field_validator("mandatory_fields", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(name.strip() for name in value.split(",") if name.strip())
        return value

    @field_validator("mandatory_fields")
    @classmethod
    def _each_once(cls, value: tuple[VerifiableField, ...]) -> tuple[VerifiableField, ...]:
        return tuple(dict.fromkeys(value))

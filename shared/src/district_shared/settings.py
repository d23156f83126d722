"""Settings: the unprefixed ones every service shares (DESIGN §4) and the base of each service's own."""

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

Environment = Literal["development", "test", "production"]


def env_names(field_name: str, field: FieldInfo, prefix: str) -> list[str]:
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return [str(choice) for choice in alias.choices]
    if isinstance(alias, str):
        return [alias]
    return [f"{prefix}{field_name}".upper()]


class FileSecretsSource(PydanticBaseSettingsSource):
    """Reads `<NAME>_FILE`, so any setting (secrets above all) can come from a mounted file."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        prefix = str(self.config.get("env_prefix", ""))
        values: dict[str, Any] = {}
        for name, field in self.settings_cls.model_fields.items():
            for env in env_names(name, field, prefix):
                path = os.environ.get(f"{env}_FILE")
                if path:
                    values[name] = Path(path).read_text().strip()
                    break
        return values


class ServiceSettings(BaseSettings):
    """What every service reads; a subclass sets `env_prefix` and its own defaults."""

    model_config = SettingsConfigDict(populate_by_name=True, extra="ignore")

    environment: Environment = Field(
        "development", description="development, test or production; production refuses test-only switches."
    )
    host: str = Field("127.0.0.1", description="Interface the HTTP server binds.")
    port: int = Field(8000, description="HTTP port.")
    database_url: str = Field(
        "sqlite+aiosqlite:///.district/data/service.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite (default, WAL) or postgresql+asyncpg.",
    )
    root_path: str = Field("", description="Path prefix when mounted behind the gateway, e.g. /registry.")
    clock_control: bool = Field(
        False, description="Mount PUT /_test/clock and POST /_test/tick; refused in production."
    )
    auth_jwks_url: str | None = Field(
        None, description="The gateway's JWKS URL; unset (development) a fixed development principal is used."
    )
    auth_audience: str | None = Field(
        None, description="The `aud` of the gateway's tokens; default the service name."
    )
    outbox_poll_interval: float = Field(
        0.1,
        gt=0,
        le=1,
        description="Seconds the outbox relay waits between polls when idle (a commit wakes it).",
    )
    kafka_bootstrap_servers: str = Field(
        "localhost:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS"),
        description="Kafka brokers, comma-separated (shared by all services).",
    )
    district_timezone: str = Field(
        "Asia/Shanghai",
        validation_alias=AliasChoices("DISTRICT_TIMEZONE"),
        description="The district's time zone: dates on the wire and working days are in it.",
    )
    log_level: str = Field(
        "INFO", validation_alias=AliasChoices("LOG_LEVEL"), description="Log level (shared by all services)."
    )
    topic_partitions: int = Field(
        6,
        ge=1,
        validation_alias=AliasChoices("TOPIC_PARTITIONS"),
        description="Partitions of every topic when it is created; never changed once it holds data.",
    )

    @model_validator(mode="after")
    def _no_test_switches_in_production(self) -> "ServiceSettings":
        if self.environment == "production" and self.clock_control:
            raise ValueError("clock_control=true is refused when environment=production")
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, FileSecretsSource(settings_cls), dotenv_settings

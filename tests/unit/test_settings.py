import pytest
from pydantic import ValidationError

from registry.settings import RegistrySettings


def test_service_settings_read_their_prefix_and_the_shared_unprefixed_names(monkeypatch):
    monkeypatch.setenv("REGISTRY_PORT", "9101")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "broker:29092")
    monkeypatch.setenv("TOPIC_PARTITIONS", "3")
    settings = RegistrySettings()
    assert (settings.port, settings.kafka_bootstrap_servers, settings.topic_partitions) == (
        9101,
        "broker:29092",
        3,
    )


def test_any_setting_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "db-url"
    secret.write_text("postgresql+asyncpg://u:s3cret@db/registry\n")
    monkeypatch.setenv("REGISTRY_DATABASE_URL_FILE", str(secret))
    assert RegistrySettings().database_url == "postgresql+asyncpg://u:s3cret@db/registry"


def test_defaults_run_on_one_machine():
    settings = RegistrySettings()
    assert settings.port == 8001
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.clock_control is False


def test_clock_control_is_refused_in_production(monkeypatch):
    monkeypatch.setenv("REGISTRY_ENVIRONMENT", "production")
    monkeypatch.setenv("REGISTRY_CLOCK_CONTROL", "true")
    with pytest.raises(ValidationError, match="clock_control"):
        RegistrySettings()

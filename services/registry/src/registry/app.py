"""Composition root: builds the registry from its settings."""

from pathlib import Path

from fastapi import FastAPI

from district_shared.service import ServiceSpec, build_runtime, create_service_app
from district_shared.settings import ServiceSettings
from district_shared.topics import REGISTRY_ENTERPRISES, REGISTRY_NEEDS
from registry.api.buildings import building_routes
from registry.api.enterprises import enterprise_routes
from registry.api.errors import install_rule_handlers
from registry.settings import RegistrySettings

SPEC = ServiceSpec(
    name="registry",
    settings_type=RegistrySettings,
    migrations=Path(__file__).parent / "migrations",
    produces=(REGISTRY_ENTERPRISES, REGISTRY_NEEDS),
)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    settings = settings or RegistrySettings()
    runtime = build_runtime(SPEC, settings)
    app = create_service_app(runtime, [building_routes(runtime), enterprise_routes(runtime)])
    install_rule_handlers(app)
    return app

"""Composition root: builds the registry from its settings."""

from pathlib import Path

from fastapi import FastAPI

from district_shared.http.auth import principal_dependency
from district_shared.http.problems import install_problem_handlers
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
    assert isinstance(settings, RegistrySettings), "the registry runs on its own settings"
    runtime = build_runtime(SPEC, settings)
    principal = principal_dependency(settings.auth_jwks_url, settings.auth_audience)
    app = create_service_app(
        runtime, [building_routes(runtime, principal), enterprise_routes(runtime, principal)]
    )
    install_problem_handlers(app)
    install_rule_handlers(app)
    return app

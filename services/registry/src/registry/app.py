"""Composition root: builds the registry from its settings."""

from pathlib import Path

from fastapi import FastAPI

from district_shared.service import ServiceSpec, build_runtime, create_service_app
from district_shared.settings import ServiceSettings
from district_shared.topics import REGISTRY_ENTERPRISES, REGISTRY_NEEDS
from registry.api.buildings import building_routes
from registry.api.catalogue import catalogue_routes
from registry.api.enterprises import enterprise_routes
from registry.api.errors import install_rule_handlers
from registry.api.imports import import_routes
from registry.api.kpis import kpi_routes
from registry.api.needs import need_routes
from registry.api.signals import signal_routes
from registry.api.visits import visit_routes
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
    routes = [
        building_routes(runtime),
        enterprise_routes(runtime),
        visit_routes(runtime),
        signal_routes(runtime),
        need_routes(runtime),
        catalogue_routes(runtime),
        kpi_routes(runtime, settings.mandatory_fields),
        import_routes(runtime, settings.import_max_rows),
    ]
    app = create_service_app(runtime, routes)
    install_rule_handlers(app)
    return app

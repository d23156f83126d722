"""Composition root: builds the cases service from its settings."""

from pathlib import Path

from fastapi import FastAPI

from cases.api.cases import case_routes
from cases.api.errors import install_case_handlers
from cases.api.kpis import kpi_routes
from cases.handlers import subscribe
from cases.settings import CasesSettings
from district_shared.service import ServiceSpec, build_runtime, create_service_app
from district_shared.settings import ServiceSettings
from district_shared.topics import (
    CASES_CASES,
    CASES_DISPATCH,
    PLATFORM_REPLIES,
    REGISTRY_ENTERPRISES,
    REGISTRY_NEEDS,
    RISK_RATINGS,
    VOLUNTEERS_ASSIGNMENTS,
)

SPEC = ServiceSpec(
    name="cases",
    settings_type=CasesSettings,
    migrations=Path(__file__).parent / "migrations",
    produces=(CASES_CASES, CASES_DISPATCH),
    consumes=(REGISTRY_ENTERPRISES, REGISTRY_NEEDS, RISK_RATINGS, PLATFORM_REPLIES, VOLUNTEERS_ASSIGNMENTS),
)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    settings = settings or CasesSettings()
    if not isinstance(settings, CasesSettings):
        raise TypeError("the cases service needs CasesSettings")
    runtime = build_runtime(SPEC, settings)
    subscribe(runtime, settings.config)
    app = create_service_app(runtime, [case_routes(runtime, settings.config), kpi_routes(runtime)])
    install_case_handlers(app)
    return app

"""Composition root: builds the risk service from its settings."""

from pathlib import Path

from fastapi import FastAPI

from district_shared.service import ServiceSpec, build_runtime, create_service_app
from district_shared.settings import ServiceSettings
from district_shared.topics import CASES_CASES, REGISTRY_ENTERPRISES, RISK_RATINGS
from risk.settings import RiskSettings

SPEC = ServiceSpec(
    name="risk",
    settings_type=RiskSettings,
    migrations=Path(__file__).parent / "migrations",
    produces=(RISK_RATINGS,),
    consumes=(REGISTRY_ENTERPRISES, CASES_CASES),
)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    runtime = build_runtime(SPEC, settings or RiskSettings())
    return create_service_app(runtime)

"""Composition root: builds the cases service from its settings."""

from pathlib import Path

from fastapi import FastAPI

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
    runtime = build_runtime(SPEC, settings or CasesSettings())
    return create_service_app(runtime)

"""Composition root: builds the volunteers service from its settings."""

from pathlib import Path

from fastapi import FastAPI

from district_shared.service import ServiceSpec, build_runtime, create_service_app
from district_shared.settings import ServiceSettings
from district_shared.topics import CASES_CASES, VOLUNTEERS_ACTIVITY, VOLUNTEERS_ASSIGNMENTS
from volunteers.settings import VolunteersSettings

SPEC = ServiceSpec(
    name="volunteers",
    settings_type=VolunteersSettings,
    migrations=Path(__file__).parent / "migrations",
    produces=(VOLUNTEERS_ASSIGNMENTS, VOLUNTEERS_ACTIVITY),
    consumes=(CASES_CASES,),
)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    runtime = build_runtime(SPEC, settings or VolunteersSettings())
    return create_service_app(runtime)

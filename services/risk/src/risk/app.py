"""Composition root: builds the risk service from its settings."""

from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI

from district_shared.service import Runtime, ServiceSpec, build_runtime, create_service_app
from district_shared.settings import ServiceSettings
from district_shared.topics import CASES_CASES, REGISTRY_ENTERPRISES, RISK_RATINGS
from risk.api.district import district_routes
from risk.api.overrides import override_routes
from risk.api.ratings import rating_routes
from risk.handlers import subscribe
from risk.settings import RiskSettings
from risk.use_cases.rating import Policy
from risk.use_cases.reevaluate import reevaluate

SPEC = ServiceSpec(
    name="risk",
    settings_type=RiskSettings,
    migrations=Path(__file__).parent / "migrations",
    produces=(RISK_RATINGS,),
    consumes=(REGISTRY_ENTERPRISES, CASES_CASES),
)


def build(settings: ServiceSettings) -> tuple[Runtime, Policy]:
    """The runtime with its consumers and the re-evaluation timer, and the rating policy they share."""
    if not isinstance(settings, RiskSettings):
        raise TypeError("the risk service needs RiskSettings")
    runtime = build_runtime(SPEC, settings)
    policy = Policy(settings.rules, settings.district_timezone)
    subscribe(runtime, policy)

    async def reevaluate_now() -> dict[str, int]:
        return asdict(await reevaluate(runtime.sessions, runtime.clock.now(), policy))

    runtime.every("reevaluate", timedelta(seconds=settings.reevaluate_interval), reevaluate_now)
    return runtime, policy


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    runtime, policy = build(settings or RiskSettings())
    routes = [
        rating_routes(runtime),
        override_routes(runtime, policy),
        district_routes(runtime, policy.config),
    ]
    return create_service_app(runtime, routes)

"""`GET /health` (the process is alive) and `GET /ready` (database, broker and the service's topics)."""

import asyncio
from collections.abc import Iterable

from fastapi import APIRouter, Response, status
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncEngine

from district_shared.db import ping
from district_shared.topics import existing_topics

READY_TIMEOUT_S = 5.0


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    ready: bool
    checks: dict[str, str]


async def check_readiness(engine: AsyncEngine, bootstrap: str, topics: Iterable[str]) -> Readiness:
    """Every check runs even when an earlier one fails, so the answer names every problem."""
    checks: dict[str, str] = {}
    try:
        await asyncio.wait_for(ping(engine), READY_TIMEOUT_S)
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
    try:
        present = await asyncio.wait_for(existing_topics(bootstrap, timeout_ms=3000), READY_TIMEOUT_S)
        checks["broker"] = "ok"
        missing = sorted(set(topics) - present)
        checks["topics"] = "ok" if not missing else "missing: " + ", ".join(missing)
    except Exception as exc:
        checks["broker"] = f"unreachable: {type(exc).__name__}"
        checks["topics"] = "unknown"
    return Readiness(ready=all(v == "ok" for v in checks.values()), checks=checks)


def health_router(engine: AsyncEngine, bootstrap: str, topics: Iterable[str]) -> APIRouter:
    router = APIRouter(tags=["health"])
    required = tuple(topics)

    @router.get("/health")
    async def health() -> Health:
        return Health(status="ok")

    @router.get("/ready", responses={503: {"model": Readiness}})
    async def ready(response: Response) -> Readiness:
        readiness = await check_readiness(engine, bootstrap, required)
        if not readiness.ready:
            response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return readiness

    return router

"""Factories for the cases HTTP API, and readers of what the service wrote."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from district_shared.platform_tables import outbox


async def a_case(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    """A manual case on `platform` unless `fields` say otherwise."""
    body = {"description": "Needs a parking permit for a delivery van", "mechanism": "platform", **fields}
    response = await client.post("/cases", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def move(client: httpx.AsyncClient, case_id: str, action: str, **fields: Any) -> httpx.Response:
    return await client.post(f"/cases/{case_id}/transitions", json={"action": action, **fields})


async def moved(client: httpx.AsyncClient, case_id: str, action: str, **fields: Any) -> dict[str, Any]:
    response = await move(client, case_id, action, **fields)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def case_of(client: httpx.AsyncClient, case_id: str) -> dict[str, Any]:
    response = await client.get(f"/cases/{case_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


async def cases_where(client: httpx.AsyncClient, **filters: str) -> list[dict[str, Any]]:
    response = await client.get("/cases", params=filters)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def problem_errors(response: httpx.Response) -> list[tuple[str, str]]:
    """The (field, reason) pairs of a problem+json answer."""
    assert response.headers["content-type"] == "application/problem+json", response.text
    return [(e["field"], e["reason"]) for e in response.json()["errors"]]


async def events_written(app: FastAPI, case_id: str) -> list[str]:
    """The ce_types the service wrote to its outbox about the case, in order."""
    async with app.state.runtime.sessions() as session:
        query = select(outbox.c.ce_type).where(outbox.c.key == case_id).order_by(outbox.c.id)
        return list((await session.execute(query)).scalars())


async def outbox_size(app: FastAPI) -> int:
    async with app.state.runtime.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(outbox))).scalar_one())

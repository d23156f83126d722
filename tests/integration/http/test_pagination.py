"""Lists walk page by page through a real table, on SQLite and PostgreSQL alike."""

import random
from typing import Any

import pytest

from district_shared.clock import Clock
from district_shared.http.pagination import encode_cursor
from tests.infra.services import http_client
from tests.integration.http.app import at, create_app

ROWS = 23


@pytest.fixture
async def client(database_url):
    clock = Clock("Asia/Shanghai")
    clock.pin(at(0))
    async with http_client(create_app(database_url, clock)) as client:
        yield client


@pytest.fixture
async def things(client) -> list[dict[str, Any]]:
    """23 things in `(seen_at, id)` order: four share each minute, inserted out of order."""
    minutes = [i // 4 for i in range(ROWS)]
    random.Random(7).shuffle(minutes)
    created = []
    for n, minute in enumerate(minutes):
        body = {"name": f"thing-{n}", "kind": "ab"[n % 2], "seen_at": at(minute).isoformat()}
        response = await client.post("/things", json=body)
        assert response.status_code == 201, response.text
        created.append(response.json())
    return sorted(created, key=lambda t: (t["seen_at"], t["id"]))


async def walk(client, path: str = "/things", **params) -> list[list[dict[str, Any]]]:
    pages, cursor = [], None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(path, params=query)
        assert response.status_code == 200, response.text
        pages.append(response.json()["items"])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return pages


@pytest.mark.parametrize("limit", [1, 5, 22, 23, 500])
async def test_walking_the_pages_returns_every_row_once_in_order(client, things, limit):
    pages = await walk(client, limit=limit)
    assert [len(page) for page in pages[:-1]] == [limit] * (len(pages) - 1)
    assert 0 < len(pages[-1]) <= limit
    assert [t["id"] for page in pages for t in page] == [t["id"] for t in things]


async def test_a_page_holds_fifty_items_unless_told_otherwise(client, things):
    response = await client.get("/things")
    assert response.json() == {"items": things, "next_cursor": None}


async def test_a_descending_list_walks_backwards_through_ties(client, things):
    pages = await walk(client, "/things/newest-first", limit=4)
    assert [t["id"] for page in pages for t in page] == [t["id"] for t in reversed(things)]


async def test_a_filtered_list_pages_over_the_matching_rows_only(client, things):
    pages = await walk(client, kind="a", limit=3)
    assert [t["id"] for page in pages for t in page] == [t["id"] for t in things if t["kind"] == "a"]


async def test_a_row_added_before_the_cursor_does_not_shift_the_next_page(client, things):
    first = (await client.get("/things", params={"limit": 5})).json()
    early = {"name": "latecomer", "seen_at": at(0).isoformat()}
    assert (await client.post("/things", json=early)).status_code == 201
    rest = await walk(client, limit=5, cursor=first["next_cursor"])
    assert [t["id"] for page in rest for t in page] == [t["id"] for t in things[5:]]


@pytest.mark.parametrize(
    "cursor",
    ["%%%", "bm90IGpzb24", encode_cursor([7]), encode_cursor(["yesterday", 1]), encode_cursor([{}, []])],
    ids=["garbage", "not-json", "too-short", "wrong-types", "objects"],
)
async def test_a_tampered_cursor_is_a_422_on_the_cursor_field(client, things, cursor):
    response = await client.get("/things", params={"cursor": cursor})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in response.json()["errors"]] == ["cursor"]


@pytest.mark.parametrize("limit", ["0", "501", "-3", "many"])
async def test_a_limit_outside_one_to_five_hundred_is_a_422_on_the_limit_field(client, limit):
    response = await client.get("/things", params={"limit": limit})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["limit"]

"""`GET /enterprises`: each filter, and their combination, returns exactly the right rows across pages."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.integration.registry.conftest import NOW
from tests.integration.registry.helpers import a_building, an_enterprise, problem_errors

# name, building, industry, lease end (None: no lease yet). Read as LIKE patterns, q=h_l would match
# Thales and q=100% Lotus 1001: q is plain text.
DISTRICT = [
    ("Shanghai TechWorks", "A", "software", "2026-05-31"),
    ("Jade Law Partners", "A", "law", "2026-07-01"),
    ("Biotech Holdings", "B", "pharma", "2026-06-30"),
    ("Nanjing Road Finance", "A", "finance", None),
    ("Kerry Consulting", "B", "consulting", "2028-12-31"),
    ("Bund Capital 100%", "A", "finance", "2026-01-31"),
    ("West Gate Finance", "B", "finance", "2026-03-31"),
    ("Tech_Lab", "A", "software", "2027-06-30"),
    ("Thales Advisory", "A", "consulting", "2026-06-30"),
    ("Lotus 1001 Pharma", "B", "pharma", None),
    ("Golden Finance", "A", "finance", "2026-04-30"),
]


@dataclass(frozen=True)
class District:
    buildings: dict[str, str]  # "A" and "B" → building id
    enterprises: list[dict[str, Any]]  # as the API answered, plus the building's letter


async def _register_the_district(app: FastAPI, client: httpx.AsyncClient) -> District:
    """The enterprises above, registered a minute apart (so the list's order is theirs)."""
    buildings = {
        "A": (await a_building(client, name="A"))["id"],
        "B": (await a_building(client, name="B"))["id"],
    }
    made = []
    for minute, (name, building, industry, lease_end) in enumerate(DISTRICT):
        app.state.runtime.clock.pin(NOW + timedelta(minutes=minute))
        enterprise = await an_enterprise(
            client, buildings[building], name=name, industry=industry, unit="101"
        )
        if lease_end is not None:
            lease = {"unit": "101", "start": "2024-01-01", "end": lease_end}
            enterprise = (await client.put(f"/enterprises/{enterprise['id']}/lease", json=lease)).json()
        made.append({**enterprise, "building": building})
    return District(buildings, made)


async def _every_page(client: httpx.AsyncClient, limit: int, **filters: str) -> list[list[str]]:
    """The ids of each page, following `next_cursor` to the end."""
    pages: list[list[str]] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {**filters, "limit": limit, **({"cursor": cursor} if cursor else {})}
        response = await client.get("/enterprises", params=params)
        assert response.status_code == 200, response.text
        pages.append([item["id"] for item in response.json()["items"]])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return pages


@pytest.fixture
async def district(app, client) -> District:
    return await _register_the_district(app, client)


def _lease_ends_before(enterprise: dict[str, Any], day: str) -> bool:
    """What `lease_ends_before` means: a current lease, ending strictly before `day`."""
    return enterprise["lease"] is not None and enterprise["lease"]["end"] < day


Keep = Callable[[dict[str, Any]], bool]
FILTERS: dict[str, tuple[dict[str, str], Keep]] = {
    "nothing": ({}, lambda e: True),
    "building": ({"building_id": "A"}, lambda e: e["building"] == "A"),
    "industry": ({"industry": "finance"}, lambda e: e["industry"] == "finance"),
    "lease end, strictly before, leased only": (
        {"lease_ends_before": "2026-07-01"},
        lambda e: _lease_ends_before(e, "2026-07-01"),
    ),
    "name, any case": ({"q": "tEcH"}, lambda e: "tech" in e["name"].lower()),
    "like wildcards as plain text": ({"q": "100%"}, lambda e: "100%" in e["name"]),
    "underscore as plain text": ({"q": "h_l"}, lambda e: "h_l" in e["name"].lower()),
    "all together": (
        {"building_id": "A", "industry": "finance", "lease_ends_before": "2026-05-01"},
        lambda e: e["building"] == "A" and e["industry"] == "finance" and _lease_ends_before(e, "2026-05-01"),
    ),
}


@pytest.mark.parametrize("case", FILTERS, ids=str)
async def test_filters_return_exactly_their_rows_in_registration_order_across_pages(client, district, case):
    filters, keep = FILTERS[case]
    if "building_id" in filters:
        filters = {**filters, "building_id": district.buildings[filters["building_id"]]}
    expected = [e["id"] for e in district.enterprises if keep(e)]
    for limit in (1, 3, 50):
        pages = await _every_page(client, limit, **filters)
        assert [i for page in pages for i in page] == expected, limit
        assert all(len(page) == limit for page in pages[:-1]), limit
        assert pages[-1] or not expected, "no empty last page after a full one"


async def test_q_also_finds_a_part_of_the_credit_code_in_any_case(client, district):
    target = district.enterprises[4]
    pages = await _every_page(client, 50, q=target["credit_code"][8:16].lower())
    assert pages == [[target["id"]]]


async def test_a_page_boundary_survives_registrations_between_requests(app, client, district):
    first = (await client.get("/enterprises", params={"limit": 4})).json()
    app.state.runtime.clock.pin(NOW + timedelta(hours=1))
    newcomer = await an_enterprise(client, district.buildings["B"], name="Newcomer")
    rest = await _every_page_from(client, first["next_cursor"])
    assert [e["id"] for e in first["items"]] + rest == [e["id"] for e in district.enterprises] + [
        newcomer["id"]
    ]


async def _every_page_from(client: httpx.AsyncClient, cursor: str | None) -> list[str]:
    ids: list[str] = []
    while cursor is not None:
        body = (await client.get("/enterprises", params={"limit": 4, "cursor": cursor})).json()
        ids += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
    return ids


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"lease_ends_before": "2026-13-01"}, "lease_ends_before"),
        ({"building_id": "A"}, "building_id"),
    ],
)
async def test_bad_list_parameters_answer_422_naming_them(client, params, field):
    response = await client.get("/enterprises", params=params)
    assert response.status_code == 422
    assert [f for f, _ in problem_errors(response)] == [field]

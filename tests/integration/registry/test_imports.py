"""Imports of buildings and enterprises with leases: valid rows stored with their events, bad rows
reported by line, all or nothing on request."""

import json
from typing import Any

import httpx

from tests.infra.topics import headers_of
from tests.integration.registry.helpers import (
    a_building,
    a_credit_code,
    outbox_rows,
    problem_errors,
    records_of,
)

HEADER = "kind,name,address,floors,credit_code,building,unit,industry,headcount,lease_start,lease_end"


def csv_of(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def small_district(bad_code: str = "914403007084611365") -> tuple[bytes, list[str]]:
    """Two buildings and three enterprises; line 5's credit code is wrong."""
    codes = [a_credit_code(), bad_code, a_credit_code()]
    return csv_of(
        "building,Plaza 66,1266 West Nanjing Road,66,,,,,,,",
        "building,CITIC Square,1168 West Nanjing Road,,,,,,,,",
        f"enterprise,Acme,,,{codes[0]},Plaza 66,2304,consulting,12,2024-01-01,2026-05-31",
        f"enterprise,Bad Code Ltd,,,{codes[1]},Plaza 66,2305,law,3,2024-01-01,2027-05-31",
        f"enterprise,Jade,,,{codes[2]},CITIC Square,801,finance,40,,",
    ), codes


async def post_import(client: httpx.AsyncClient, body: bytes, media_type: str = "text/csv", **query: Any):
    return await client.post("/imports", content=body, headers={"content-type": media_type}, params=query)


async def test_valid_rows_are_stored_with_their_events_and_bad_ones_reported_by_line(
    app, client, kafka_bootstrap
):
    body, codes = small_district()
    created = await post_import(client, body)
    report = created.json()
    assert (created.status_code, created.headers["location"]) == (201, f"/imports/{report['id']}")
    assert (report["row_count"], report["buildings_stored"], report["enterprises_stored"]) == (5, 2, 2)
    assert [(r["line"], [e["field"] for e in r["errors"]]) for r in report["rejected"]] == [
        (5, ["credit_code"])
    ]
    assert report["rejected"][0]["errors"][0]["reason"].startswith("check_character: ")
    assert (await client.get(f"/imports/{report['id']}")).json() == report
    stored = {e["credit_code"]: e for e in (await client.get("/enterprises")).json()["items"]}
    assert set(stored) == {codes[0], codes[2]}
    acme = stored[codes[0]]
    assert (acme["unit"], acme["headcount"], acme["lease"]["end"], acme["version"]) == (
        "2304",
        12,
        "2026-05-31",
        2,
    )
    assert (stored[codes[2]]["lease"], stored[codes[2]]["version"]) == (None, 1)
    records = await records_of(kafka_bootstrap, acme["id"], 2)
    assert [(headers_of(r)["ce_type"], json.loads(r.value)["version"]) for r in records] == [
        ("district.registry.enterprise.registered.v1", 1),
        ("district.registry.lease.changed.v1", 2),
    ]
    assert len(await outbox_rows(app)) == 3


async def test_all_or_nothing_stores_nothing_when_a_row_is_bad_and_everything_when_none_is(app, client):
    body, _ = small_district()
    refused = await post_import(client, body, all_or_nothing="true")
    assert refused.status_code == 422
    assert [field for field, _ in problem_errors(refused)] == ["lines[5].credit_code"]
    assert (await client.get("/buildings")).json()["items"] == []
    assert await outbox_rows(app) == []
    good, _ = small_district(bad_code=a_credit_code())
    stored = (await post_import(client, good, all_or_nothing="true")).json()
    assert (stored["buildings_stored"], stored["enterprises_stored"], stored["rejected"]) == (2, 3, [])


async def test_a_json_import_reports_items_by_position_and_every_reason_of_a_row(client):
    building = await a_building(client, name="Kerry Centre")
    rows = [
        {"kind": "enterprise", "credit_code": a_credit_code(), "name": "By id", "building": building["id"]},
        {"kind": "enterprise", "credit_code": "nonsense", "name": "Two faults", "building": "Nowhere Tower"},
        {"kind": "enterprise", "credit_code": a_credit_code(), "name": "By name", "building": "Kerry Centre",
         "unit": "12", "lease_start": "2025-01-01", "lease_end": "2024-12-31"},
        {"kind": "warehouse", "name": "?"},
        {"kind": "building", "name": "Kerry Centre", "address": "1515 West Nanjing Road"},
        {"kind": "enterprise", "credit_code": a_credit_code(), "name": "No unit", "building": "Kerry Centre",
         "lease_start": "2025-01-01", "lease_end": "2027-12-31"},
        {"kind": "building", "name": "Tall", "address": "1 Tall Road", "floors": 0},
        {"kind": "enterprise", "credit_code": a_credit_code(), "name": "In Tall", "building": "Tall"},
    ]  # fmt: skip
    report = (await post_import(client, json.dumps(rows).encode(), "application/json")).json()
    assert report["enterprises_stored"] == 1
    assert [(r["line"], [e["field"] for e in r["errors"]]) for r in report["rejected"]] == [
        (2, ["credit_code", "building"]),
        (3, ["lease_end"]),
        (4, ["kind"]),
        (5, ["name"]),
        (6, [""]),
        (7, ["floors"]),
        (8, ["building"]),
    ]
    reasons = [e["reason"] for r in report["rejected"] for e in r["errors"]]
    assert "no building has the id or name 'Nowhere Tower'" in reasons
    assert "a building named 'Kerry Centre' is already registered" in reasons
    assert "the building 'Tall' on line 7 was refused" in reasons


async def test_a_credit_code_twice_in_a_file_or_already_registered_is_refused(client):
    body, codes = small_district(bad_code=a_credit_code())
    await post_import(client, body)
    again = (await post_import(client, body)).json()
    assert (again["buildings_stored"], again["enterprises_stored"]) == (0, 0)
    assert [r["line"] for r in again["rejected"]] == [2, 3, 4, 5, 6]
    twice = csv_of(
        f"enterprise,First,,,{(code := a_credit_code())},Plaza 66,,,,,",
        f"enterprise,Second,,,{code.lower()},Plaza 66,,,,,",
    )
    report = (await post_import(client, twice)).json()
    assert report["rejected"][0]["errors"][0]["reason"] == f"credit code {code} is also on line 2"
    assert codes[0] in again["rejected"][2]["errors"][0]["reason"]


async def test_an_import_that_cannot_be_read_as_a_whole_is_refused(client):
    cases = [
        (b"kind,colour\nbuilding,red", "text/csv", 422, "header"),
        (b"name,address\nA,B", "text/csv", 422, "header"),
        (HEADER.encode(), "text/csv", 422, ""),
        (b'{"rows": []}', "application/json", 422, ""),
        (b"<rows/>", "application/xml", 415, ""),
    ]
    for body, media_type, status, field in cases:
        refused = await post_import(client, body, media_type)
        assert (refused.status_code, [f for f, _ in problem_errors(refused)]) == (
            status,
            [field] if status == 422 else [],
        ), body


async def test_an_import_repeated_with_its_idempotency_key_is_stored_once(app, client):
    body, _ = small_district()
    key = {"Idempotency-Key": "import-1", "content-type": "text/csv"}
    first = await client.post("/imports", content=body, headers=key)
    again = await client.post("/imports", content=body, headers=key)
    assert (again.status_code, again.json()) == (201, first.json())
    assert len(await outbox_rows(app)) == 3


async def test_a_code_registered_between_the_check_and_the_write_answers_409_and_stores_nothing(
    app, client, monkeypatch
):
    body, codes = small_district(bad_code=a_credit_code())
    building = await a_building(client, name="Elsewhere")
    await client.post(
        "/enterprises", json={"credit_code": codes[2], "name": "Quick", "building_id": building["id"]}
    )

    async def none_registered(_session, _codes):
        return set()  # as if the other registration had not committed yet when the import checked

    monkeypatch.setattr("registry.use_cases.imports.plan.imports.registered_codes", none_registered)
    raced = await post_import(client, body)
    assert (raced.status_code, [field for field, _ in problem_errors(raced)]) == (409, [""])
    assert [b["name"] for b in (await client.get("/buildings")).json()["items"]] == ["Elsewhere"]
    assert len(await outbox_rows(app)) == 1

"""Enterprises over HTTP: registration, changes, lease and departure, and every bad input of issue 4."""

import uuid

import pytest

from tests.integration.registry.helpers import a_building, a_credit_code, an_enterprise, problem_errors

LEASE = {"unit": "2304", "start": "2025-01-01", "end": "2026-12-31"}


@pytest.fixture
async def building(client):
    return await a_building(client)


async def test_registration_needs_only_code_name_and_building(client, building):
    code = a_credit_code()
    response = await client.post(
        "/enterprises",
        json={"credit_code": f"  {code.lower()} ", "name": "Acme", "building_id": building["id"]},
    )
    assert response.status_code == 201
    enterprise = response.json()
    assert response.headers["location"] == f"/enterprises/{enterprise['id']}"
    assert enterprise == {
        "id": enterprise["id"],
        "credit_code": code,
        "name": "Acme",
        "building_id": building["id"],
        "unit": None,
        "industry": None,
        "registered_in_district": None,
        "headcount": None,
        "key_enterprise": False,
        "has_party_organisation": None,
        "has_work_organisation": None,
        "contacts": [],
        "lease": None,
        "departure": None,
        "version": 1,
    }
    assert (await client.get(f"/enterprises/{enterprise['id']}")).json() == enterprise


@pytest.mark.parametrize(
    ("code", "rule"),
    [
        ("91440300708461136", "length"),
        ("91440300708461136TT", "length"),
        ("91440300708461I36T", "alphabet"),
        ("914403007084611365", "check_character"),
        ("91440300708461137X", "organisation_code_check_character"),  # 18th recomputed
    ],
)
async def test_an_invalid_credit_code_answers_422_naming_the_field_and_the_rule(client, building, code, rule):
    response = await client.post(
        "/enterprises", json={"credit_code": code, "name": "X", "building_id": building["id"]}
    )
    assert response.status_code == 422
    [(field, reason)] = problem_errors(response)
    assert field == "credit_code"
    assert reason.startswith(f"{rule}: ")


async def test_a_duplicate_credit_code_after_normalising_answers_409(client, building):
    first = await an_enterprise(client, building["id"])
    again = await client.post(
        "/enterprises",
        json={
            "credit_code": f" {first['credit_code'].lower()}",
            "name": "Copy",
            "building_id": building["id"],
        },
    )
    assert again.status_code == 409
    assert problem_errors(again) == [
        ("credit_code", f"credit code {first['credit_code']} is already registered")
    ]


async def test_an_unknown_building_answers_404(client):
    unknown = str(uuid.uuid4())
    response = await client.post(
        "/enterprises", json={"credit_code": a_credit_code(), "name": "X", "building_id": unknown}
    )
    assert response.status_code == 404
    assert response.json()["detail"] == f"building {unknown} not found"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "", None),
        ("PATCH", "", {"headcount": 3}),
        ("PUT", "/lease", LEASE),
        ("POST", "/departure", {"departed_on": "2026-03-01"}),
    ],
)
async def test_an_unknown_enterprise_answers_404(client, method, path, body):
    unknown = uuid.uuid4()
    response = await client.request(method, f"/enterprises/{unknown}{path}", json=body)
    assert response.status_code == 404
    assert response.json()["detail"] == f"enterprise {unknown} not found"


async def test_patch_changes_only_the_fields_sent(client, building):
    enterprise = await an_enterprise(client, building["id"], industry="law", headcount=5)
    patched = await client.patch(
        f"/enterprises/{enterprise['id']}", json={"headcount": 12, "key_enterprise": True}
    )
    assert patched.status_code == 200
    assert patched.json() == {**enterprise, "headcount": 12, "key_enterprise": True, "version": 2}


async def test_patch_may_clear_a_nullable_field_but_not_a_required_one(client, building):
    enterprise = await an_enterprise(client, building["id"], industry="law")
    cleared = await client.patch(f"/enterprises/{enterprise['id']}", json={"industry": None})
    assert cleared.json()["industry"] is None
    refused = await client.patch(f"/enterprises/{enterprise['id']}", json={"name": None, "credit_code": "x"})
    assert refused.status_code == 422
    assert {field for field, _ in problem_errors(refused)} == {"name", "credit_code"}


async def test_contacts_sent_with_their_id_keep_it(client, building):
    enterprise = await an_enterprise(client, building["id"], contacts=[{"name": "Li Wei", "phone": "021-1"}])
    [li] = enterprise["contacts"]
    contacts = [{**li, "phone": "021-2"}, {"name": "Wang Fang", "role": "HR"}]
    patched = (await client.patch(f"/enterprises/{enterprise['id']}", json={"contacts": contacts})).json()
    assert patched["contacts"][0]["id"] == li["id"]
    assert [(c["name"], c["phone"]) for c in patched["contacts"]] == [
        ("Li Wei", "021-2"),
        ("Wang Fang", None),
    ]
    stranger = await client.patch(
        f"/enterprises/{enterprise['id']}", json={"contacts": [{"id": str(uuid.uuid4()), "name": "?"}]}
    )
    assert stranger.status_code == 422
    assert problem_errors(stranger)[0][0] == "contacts[0].id"
    twice = await client.patch(f"/enterprises/{enterprise['id']}", json={"contacts": [li, li]})
    assert twice.status_code == 422
    assert problem_errors(twice)[0][0] == "contacts[1].id"


async def test_moving_to_an_unknown_building_answers_404(client, building):
    enterprise = await an_enterprise(client, building["id"])
    response = await client.patch(f"/enterprises/{enterprise['id']}", json={"building_id": str(uuid.uuid4())})
    assert response.status_code == 404


async def test_a_lease_is_put_and_replaced(client, building):
    enterprise = await an_enterprise(client, building["id"], unit="2304")
    put = await client.put(f"/enterprises/{enterprise['id']}/lease", json=LEASE)
    assert put.status_code == 200
    assert put.json()["lease"] == {**LEASE, "building_id": building["id"], "renewal_status": "none"}
    renewed = {**LEASE, "end": "2029-12-31", "renewal_status": "renewed"}
    again = (await client.put(f"/enterprises/{enterprise['id']}/lease", json=renewed)).json()
    assert again["lease"]["end"] == "2029-12-31"
    assert again["version"] == 3


async def test_a_lease_ending_before_it_starts_answers_422_and_changes_nothing(client, building):
    enterprise = await an_enterprise(client, building["id"])
    response = await client.put(
        f"/enterprises/{enterprise['id']}/lease", json={**LEASE, "start": "2026-01-02", "end": "2026-01-01"}
    )
    assert response.status_code == 422
    [(field, reason)] = problem_errors(response)
    assert (field, reason.split(":")[0]) == ("end", "end_before_start")
    assert (await client.get(f"/enterprises/{enterprise['id']}")).json() == enterprise


async def test_a_lease_in_another_building_moves_the_enterprise_there(client, building):
    annex = await a_building(client, name="Annex")
    enterprise = await an_enterprise(client, building["id"], unit="2304")
    moved = (
        await client.put(
            f"/enterprises/{enterprise['id']}/lease",
            json={**LEASE, "building_id": annex["id"], "unit": "101"},
        )
    ).json()
    assert (moved["building_id"], moved["unit"], moved["version"]) == (annex["id"], "101", 3)


async def test_a_departure_is_recorded_once(client, building):
    enterprise = await an_enterprise(client, building["id"])
    departure = {"departed_on": "2026-03-01", "destination": "Lingang"}
    left = await client.post(f"/enterprises/{enterprise['id']}/departure", json=departure)
    assert left.status_code == 201
    assert left.headers["location"] == f"/enterprises/{enterprise['id']}"
    assert left.json()["departure"] == departure
    twice = await client.post(f"/enterprises/{enterprise['id']}/departure", json=departure)
    assert twice.status_code == 409
    assert problem_errors(twice)[0][0] == "departed_on"


async def test_a_repeated_departure_with_its_idempotency_key_replays_the_first_answer(client, building):
    enterprise = await an_enterprise(client, building["id"])
    request = {"json": {"departed_on": "2026-03-01"}, "headers": {"Idempotency-Key": "leave-1"}}
    first = await client.post(f"/enterprises/{enterprise['id']}/departure", **request)
    again = await client.post(f"/enterprises/{enterprise['id']}/departure", **request)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()


async def test_re_registration_is_a_patch_of_registered_in_district(client, building):
    enterprise = await an_enterprise(client, building["id"], registered_in_district=False)
    patched = await client.patch(f"/enterprises/{enterprise['id']}", json={"registered_in_district": True})
    assert patched.json()["registered_in_district"] is True

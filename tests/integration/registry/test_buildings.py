"""Buildings and units over HTTP, on SQLite and PostgreSQL."""

import uuid

from tests.integration.registry.helpers import a_building, an_enterprise, problem_errors


async def test_a_created_building_answers_201_with_itself_and_its_location(client):
    created = await client.post(
        "/buildings",
        json={"name": "Plaza 66", "address": "1266 West Nanjing Road", "has_service_station": True},
    )
    assert created.status_code == 201
    building = created.json()
    assert created.headers["location"] == f"/buildings/{building['id']}"
    assert building == {
        "id": building["id"],
        "name": "Plaza 66",
        "address": "1266 West Nanjing Road",
        "floors": None,
        "has_service_station": True,
    }
    assert (await client.get(f"/buildings/{building['id']}")).json() == building


async def test_buildings_are_listed_page_by_page_in_creation_order(client):
    made = [(await a_building(client, name=f"Tower {i}"))["id"] for i in range(5)]
    first = (await client.get("/buildings", params={"limit": 2})).json()
    second = (await client.get("/buildings", params={"limit": 2, "cursor": first["next_cursor"]})).json()
    third = (await client.get("/buildings", params={"limit": 2, "cursor": second["next_cursor"]})).json()
    pages = [first, second, third]
    assert sorted(b["id"] for page in pages for b in page["items"]) == sorted(made)
    assert [len(page["items"]) for page in pages] == [2, 2, 1]
    assert third["next_cursor"] is None


async def test_units_appear_when_enterprises_and_leases_name_them(client):
    building = await a_building(client)
    enterprise = await an_enterprise(client, building["id"], unit="2304")
    lease = {"unit": "0801", "start": "2025-01-01", "end": "2027-12-31"}
    assert (await client.put(f"/enterprises/{enterprise['id']}/lease", json=lease)).status_code == 200
    await an_enterprise(client, building["id"], unit="2304")  # an existing unit is not made twice

    first = (await client.get(f"/buildings/{building['id']}/units", params={"limit": 1})).json()
    rest = await client.get(f"/buildings/{building['id']}/units", params={"cursor": first["next_cursor"]})
    numbers = [unit["number"] for unit in first["items"] + rest.json()["items"]]
    assert numbers == ["0801", "2304"]
    assert rest.json()["next_cursor"] is None


async def test_an_unknown_building_answers_404(client):
    unknown = uuid.uuid4()
    for path in (f"/buildings/{unknown}", f"/buildings/{unknown}/units"):
        response = await client.get(path)
        assert response.status_code == 404
        assert response.json()["detail"] == f"building {unknown} not found"


async def test_a_building_needs_a_name_and_an_address(client):
    response = await client.post("/buildings", json={"name": " ", "floors": 0})
    assert response.status_code == 422
    assert {field for field, _ in problem_errors(response)} == {"name", "address", "floors"}


async def test_a_repeated_create_with_one_idempotency_key_makes_one_building(client):
    body, headers = {"name": "Tower", "address": "1 Road"}, {"Idempotency-Key": "building-1"}
    first = await client.post("/buildings", json=body, headers=headers)
    again = await client.post("/buildings", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert len((await client.get("/buildings")).json()["items"]) == 1

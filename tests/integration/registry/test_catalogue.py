"""The service catalogue: the shipped file, in the database after migrate, listed and filtered."""

from dataclasses import asdict

from sqlalchemy import delete, insert

from district_shared.db import create_engine, session_factory
from registry.storage.tables import service_catalogue
from registry.use_cases.catalogue import shipped_catalogue
from tests.integration.registry.conftest import REGISTRY


async def _every_page(client, **query: str) -> list[dict[str, object]]:
    items, cursor = [], None
    while True:
        page = (
            await client.get(
                "/catalogue", params={**query, "limit": 20, **({"cursor": cursor} if cursor else {})}
            )
        ).json()
        items += page["items"]
        if (cursor := page["next_cursor"]) is None:
            return items


async def test_the_catalogue_lists_every_shipped_service_in_the_files_order(client):
    listed = await _every_page(client)
    assert [s["category_code"] for s in listed] == [e.category_code for e in shipped_catalogue()]
    assert sum(s["delivery"] == "on_site" for s in listed) >= 30
    assert {s["area"] for s in listed} == {"party", "government", "daily_life"}
    assert (await client.get("/catalogue/new_entity_registration")).json() == {
        "category_code": "new_entity_registration",
        "name": "Registering a new entity (subsidiary or branch)",
        "area": "government",
        "delivery": "on_site",
        "audience": "enterprise",
        "default_mechanism": "special_case",
        "sla_working_days": 10,
        "solvable_on_spot": False,
        "departments_involved": [
            "District Market Supervision Administration",
            "District Tax Bureau",
            "District Investment Promotion Office",
        ],
    }
    assert (await client.get("/catalogue/moon_base")).status_code == 404


async def test_the_catalogue_is_filtered_by_audience_area_and_delivery(client):
    everything = await _every_page(client)
    for query in (
        {"audience": "individual"},
        {"audience": "organisation", "delivery": "on_site"},
        {"area": "party"},
    ):
        expected = [s for s in everything if all(s[k] == v for k, v in query.items())]
        assert expected and await _every_page(client, **query) == expected, query
    assert (await client.get("/catalogue", params={"audience": "aliens"})).status_code == 422


async def test_migrate_makes_the_catalogue_exactly_the_shipped_file_again(registry_db, client):
    sessions = session_factory(engine := create_engine(registry_db))
    async with sessions.begin() as session:
        await session.execute(
            delete(service_catalogue).where(service_catalogue.c.category_code == "library_card")
        )
        retired = next(e for e in shipped_catalogue() if e.category_code == "lost_and_found")
        row = {**asdict(retired), "category_code": "retired", "position": 99}
        await session.execute(insert(service_catalogue).values(**row))
    await engine.dispose()
    await REGISTRY.migrate(registry_db)
    codes = [s["category_code"] for s in await _every_page(client)]
    assert codes == [e.category_code for e in shipped_catalogue()]

"""The service catalogue: shipped as `catalogue.toml` in the package, synced into the table at migrate."""

import asyncio
import tomllib
from importlib import resources

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.db import create_engine, session_factory
from district_shared.http.pagination import Page, PageParams
from district_shared.http.problems import Invalid, NotFound
from registry.domain.catalogue import CatalogueEntry, catalogue
from registry.storage import catalogue as stored
from registry.storage.catalogue import CatalogueFilter


def shipped_catalogue() -> list[CatalogueEntry]:
    """The entries of the catalogue file shipped with this build."""
    text = resources.files("registry").joinpath("catalogue.toml").read_text(encoding="utf-8")
    return catalogue(tomllib.loads(text)["service"])


def sync_shipped_catalogue(database_url: str) -> None:
    """Make the database's catalogue exactly the shipped file (blocking: `migrate` calls it)."""
    asyncio.run(_sync(database_url))


async def _sync(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        async with session_factory(engine).begin() as session:
            await stored.replace_all(session, shipped_catalogue())
    finally:
        await engine.dispose()


async def category(session: AsyncSession, code: str, field: str = "category_code") -> CatalogueEntry:
    """The catalogue entry a need names; 422 at `field` when the catalogue has no such code."""
    entry = await stored.get(session, code)
    if entry is None:
        raise Invalid.at(field, f"{code!r} is not a category_code of the service catalogue")
    return entry


async def find_service(session: AsyncSession, code: str) -> CatalogueEntry:
    """One entry of the catalogue; 404 when there is none with this code."""
    entry = await stored.get(session, code)
    if entry is None:
        raise NotFound("service", code)
    return entry


async def list_services(
    session: AsyncSession, where: CatalogueFilter, params: PageParams
) -> Page[CatalogueEntry]:
    return await stored.page(session, where, params)

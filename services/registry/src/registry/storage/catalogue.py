"""The service catalogue's table: replaced as a whole from the shipped file, read by code or page."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.pagination import Keyset, Page, PageParams, paginate
from registry.domain.catalogue import FIELDS, CatalogueEntry
from registry.storage.tables import service_catalogue as table

_ORDER = Keyset((table.c.position, table.c.category_code))


@dataclass(frozen=True)
class CatalogueFilter:
    audience: str | None = None
    area: str | None = None
    delivery: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        return [table.c[name] == value for name, value in asdict(self).items() if value is not None]


def _entry(row: Row[Any]) -> CatalogueEntry:
    values = {name: getattr(row, name) for name in FIELDS}
    return CatalogueEntry(**{**values, "departments_involved": tuple(row.departments_involved)})


async def replace_all(session: AsyncSession, entries: Sequence[CatalogueEntry]) -> None:
    """Make the table hold exactly `entries`, in their order."""
    await session.execute(delete(table))
    rows = [
        {**asdict(e), "departments_involved": list(e.departments_involved), "position": i}
        for i, e in enumerate(entries)
    ]
    await session.execute(insert(table), rows)


async def get(session: AsyncSession, code: str) -> CatalogueEntry | None:
    row = (await session.execute(select(table).where(table.c.category_code == code))).one_or_none()
    return None if row is None else _entry(row)


async def page(session: AsyncSession, where: CatalogueFilter, params: PageParams) -> Page[CatalogueEntry]:
    """One page of the catalogue in the file's order."""
    return await paginate(session, select(table).where(*where.conditions()), _ORDER, params, _entry)

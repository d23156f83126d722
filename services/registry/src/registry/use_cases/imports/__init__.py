"""`POST /imports`: buildings and enterprises with leases from CSV or JSON, in one transaction.

Valid rows are stored with their events, refused rows reported by line; `all_or_nothing` stores nothing
when any row is refused. One transaction keeps each enterprise's events in order and lets an
`Idempotency-Key` cover the whole import.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.problems import Conflict, FieldError, Invalid, NotFound
from registry.storage import imports
from registry.use_cases.ids import RANDOM, NewId
from registry.use_cases.imports.plan import Plan, make_plan
from registry.use_cases.imports.rows import Format, Rejected, read
from registry.use_cases.publish import publish


@dataclass(frozen=True)
class ImportReport:
    id: UUID
    imported_at: datetime
    format: Format
    all_or_nothing: bool
    row_count: int
    buildings_stored: int
    enterprises_stored: int
    rejected: list[Rejected]


@dataclass(frozen=True)
class ImportRequest:
    body: bytes
    format: Format
    all_or_nothing: bool
    max_rows: int


async def run_import(
    session: AsyncSession, request: ImportRequest, actor: str, now: datetime, new_id: NewId = RANDOM
) -> ImportReport:
    """422 for an unreadable body, too many rows, or (all or nothing) any refused row; 409 for a race."""
    lines = read(request.body, request.format)
    if not lines or len(lines) > request.max_rows:
        raise Invalid.at("", f"{len(lines)} rows: an import holds 1 to {request.max_rows} rows")
    plan = await make_plan(session, lines, new_id)
    if plan.rejected and request.all_or_nothing:
        raise Invalid(_as_field_errors(plan.rejected))
    try:
        await _store(session, plan, actor, now)
    except IntegrityError as error:
        # Checked above, then taken by a concurrent writer before this commit: nothing is stored.
        raise Conflict("a concurrent change registered one of these codes or units: retry", "") from error
    report = ImportReport(
        id=new_id(),
        imported_at=now,
        format=request.format,
        all_or_nothing=request.all_or_nothing,
        row_count=len(lines),
        buildings_stored=len(plan.buildings),
        enterprises_stored=len(plan.enterprises),
        rejected=plan.rejected,
    )
    await imports.add_report(
        session, {**vars(report), "imported_by": actor, "rejected": _jsonable(plan.rejected)}
    )
    return report


async def _store(session: AsyncSession, plan: Plan, actor: str, now: datetime) -> None:
    """The rows in bulk, then each enterprise's events in order (one outbox row per event)."""
    await imports.add_buildings(session, plan.buildings, now)
    await imports.add_enterprises(session, [changes[-1].enterprise for changes in plan.enterprises], now)
    for changes in plan.enterprises:
        await publish(session, changes, actor, now)


def _as_field_errors(rejected: list[Rejected]) -> list[FieldError]:
    """`lines[N].field`: N is the CSV line, or the JSON item's position from 1."""
    return [
        FieldError(field=f"lines[{row.line}]" + (f".{e.field}" if e.field else ""), reason=e.reason)
        for row in rejected
        for e in row.errors
    ]


def _jsonable(rejected: list[Rejected]) -> list[dict[str, object]]:
    return [{"line": row.line, "errors": [e.model_dump() for e in row.errors]} for row in rejected]


async def find_import(session: AsyncSession, import_id: UUID) -> ImportReport:
    """The report of an import; 404 when there is none with this id."""
    row = await imports.get_report(session, import_id)
    if row is None:
        raise NotFound("import", import_id)
    rejected = [
        Rejected(r["line"], [FieldError.model_validate(e) for e in r["errors"]]) for r in row.pop("rejected")
    ]
    row.pop("imported_by")
    return ImportReport(**row, rejected=rejected)

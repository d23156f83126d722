"""Check each row against the registry and the rest of the file; turn the good ones into changes."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.problems import FieldError
from registry.domain import credit_code
from registry.domain.buildings import Building
from registry.domain.enterprise import Change, Enterprise, Registered, put_lease
from registry.domain.errors import RuleBroken
from registry.domain.leases import Lease
from registry.storage import imports
from registry.use_cases.ids import NewId
from registry.use_cases.imports.rows import BuildingRow, EnterpriseRow, Line, Rejected, parse

# The lease rule speaks of the lease's own fields; an import row names them with a prefix.
_LEASE_FIELDS = {"start": "lease_start", "end": "lease_end"}


@dataclass
class Plan:
    """What the import stores: new buildings, each new enterprise's changes; and the refused rows."""

    buildings: list[Building] = field(default_factory=list)
    enterprises: list[list[Change]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def refuse(self, line: int, errors: list[FieldError]) -> None:
        self.rejected.append(Rejected(line, errors))


@dataclass
class BuildingIndex:
    """How an enterprise row finds its building: by id, or by a name in this import or the registry."""

    new: dict[str, UUID]
    refused: dict[str, int]
    registered: dict[str, list[UUID]]
    registered_ids: set[UUID]

    def find(self, reference: str) -> UUID | FieldError:
        if reference in self.new:
            return self.new[reference]
        named = self.registered.get(reference, [])
        if len(named) == 1:
            return named[0]
        if named:
            return _error(
                "building", f"{len(named)} buildings are named {reference!r}: give the building's id"
            )
        as_id = _uuid(reference)
        if as_id is not None and as_id in self.registered_ids:
            return as_id
        if reference in self.refused:
            return _error(
                "building", f"the building {reference!r} on line {self.refused[reference]} was refused"
            )
        return _error("building", f"no building has the id or name {reference!r}")


async def make_plan(session: AsyncSession, lines: Sequence[Line], new_id: NewId) -> Plan:
    """Every row either planned or refused with its reasons; nothing is written yet."""
    plan = Plan()
    buildings: list[tuple[int, BuildingRow]] = []
    enterprises: list[tuple[int, EnterpriseRow]] = []
    refused: dict[str, int] = {}  # buildings refused as written: enterprise rows naming them say so
    for line in lines:
        match parse(line):
            case Rejected() as rejected:
                plan.rejected.append(rejected)
                if line.values.get("kind") == "building" and "name" in line.values:
                    refused.setdefault(str(line.values["name"]).strip(), line.number)
            case BuildingRow() as building:
                buildings.append((line.number, building))
            case EnterpriseRow() as enterprise:
                enterprises.append((line.number, enterprise))
    references = [row.building for _, row in enterprises]
    found = await _plan_buildings(session, plan, buildings, references, refused, new_id)
    await _plan_enterprises(session, plan, enterprises, found, new_id)
    plan.rejected.sort(key=lambda rejected: rejected.line)
    return plan


async def _plan_buildings(
    session: AsyncSession,
    plan: Plan,
    rows: list[tuple[int, BuildingRow]],
    references: list[str],
    refused: dict[str, int],
    new_id: NewId,
) -> BuildingIndex:
    """New buildings: a name already registered, or used on an earlier line, is refused."""
    registered = await imports.buildings_named(session, {row.name for _, row in rows} | set(references))
    ids = {as_id for reference in references if (as_id := _uuid(reference)) is not None}
    found = BuildingIndex({}, refused, registered, await imports.known_buildings(session, ids))
    lines: dict[str, int] = {}
    for line, row in rows:
        if row.name in registered or row.name in lines:
            where = (
                "is already registered" if row.name in registered else f"is also on line {lines[row.name]}"
            )
            plan.refuse(line, [_error("name", f"a building named {row.name!r} {where}")])
            continue
        building = Building(new_id(), row.name, row.address, row.floors, row.has_service_station)
        plan.buildings.append(building)
        lines[row.name], found.new[row.name] = line, building.id
    return found


async def _plan_enterprises(
    session: AsyncSession,
    plan: Plan,
    rows: list[tuple[int, EnterpriseRow]],
    found: BuildingIndex,
    new_id: NewId,
) -> None:
    """New enterprises: a credit code already registered, or stored from an earlier line, is refused."""
    registered = await imports.registered_codes(
        session, {credit_code.normalise(r.credit_code) for _, r in rows}
    )
    stored: dict[str, int] = {}
    for line, row in rows:
        errors: list[FieldError] = []
        code = _code(row, registered, stored, errors)
        building = found.find(row.building)
        if isinstance(building, FieldError):
            errors.append(building)
        changes = (
            _register(row, code, building, new_id, errors) if code and isinstance(building, UUID) else []
        )
        if errors:
            plan.refuse(line, errors)
        else:
            plan.enterprises.append(changes)
            stored[changes[0].enterprise.credit_code] = line


def _code(
    row: EnterpriseRow, registered: set[str], stored: dict[str, int], errors: list[FieldError]
) -> str | None:
    """The row's valid, new credit code; None (with the reason in `errors`) otherwise."""
    try:
        code = credit_code.parse(row.credit_code)
    except RuleBroken as broken:
        errors.append(_error(broken.field, broken.reason))
        return None
    if code in registered or code in stored:
        where = "is already registered" if code in registered else f"is also on line {stored[code]}"
        errors.append(_error("credit_code", f"credit code {code} {where}"))
        return None
    return code


def _register(
    row: EnterpriseRow, code: str, building_id: UUID, new_id: NewId, errors: list[FieldError]
) -> list[Change]:
    """`registered`, then `lease changed` when the row has a lease (as a registration and a PUT would)."""
    details = row.model_dump(include=_DETAILS)
    enterprise = Enterprise.register(new_id(), code, row.name, building_id, unit=row.unit, **details)
    changes: list[Change] = [Registered(enterprise)]
    if row.lease_start is None or row.lease_end is None or row.unit is None:
        return changes
    try:
        lease = Lease(building_id, row.unit, row.lease_start, row.lease_end, row.renewal_status)
    except RuleBroken as broken:
        errors.append(_error(_LEASE_FIELDS.get(broken.field, broken.field), broken.reason))
        return changes
    return changes + put_lease(enterprise, lease)


_DETAILS = {
    "industry",
    "registered_in_district",
    "headcount",
    "key_enterprise",
    "has_party_organisation",
    "has_work_organisation",
}


def _error(field: str, reason: str) -> FieldError:
    return FieldError(field=field, reason=reason)


def _uuid(text: str) -> UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None

"""The rows of an import: read from CSV or JSON, each validated on its own and reported by its line."""

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, model_validator

from district_shared.http.problems import FieldError, Invalid, validation_errors
from registry.domain.leases import RenewalStatus
from registry.use_cases.commands import Command, NewBuilding, Text, UnitNumber

Format = Literal["csv", "json"]


class BuildingRow(NewBuilding):
    kind: Literal["building"]


class EnterpriseRow(Command):
    """An enterprise with, optionally, its current lease on its unit."""

    kind: Literal["enterprise"]
    credit_code: str
    name: Annotated[Text, Field(max_length=300)]
    building: Annotated[Text, Field(max_length=200)] = Field(
        description="The building's id, or its name (a building of this import or of the registry)."
    )
    unit: UnitNumber | None = None
    industry: str | None = Field(None, max_length=100)
    registered_in_district: bool | None = None
    headcount: int | None = Field(None, ge=0)
    key_enterprise: bool = False
    has_party_organisation: bool | None = None
    has_work_organisation: bool | None = None
    lease_start: date | None = None
    lease_end: date | None = None
    renewal_status: RenewalStatus = "none"

    @model_validator(mode="after")
    def _whole_lease_on_a_unit(self) -> "EnterpriseRow":
        if (self.lease_start is None) != (self.lease_end is None):
            raise ValueError("a lease needs both lease_start and lease_end")
        if self.lease_start is not None and self.unit is None:
            raise ValueError("a lease needs the unit it is for")
        return self


Row = BuildingRow | EnterpriseRow
_KINDS: dict[str, type[Row]] = {"building": BuildingRow, "enterprise": EnterpriseRow}
COLUMNS = tuple(dict.fromkeys([*EnterpriseRow.model_fields, *BuildingRow.model_fields]))


@dataclass(frozen=True)
class Line:
    """One row as read, numbered as the client sees it: the CSV's line, or the JSON item's position."""

    number: int
    values: Mapping[str, Any]


@dataclass
class Rejected:
    line: int
    errors: list[FieldError] = field(default_factory=list)


def read(body: bytes, format: Format) -> list[Line]:
    """The rows of the body; 422 when the body as a whole cannot be read."""
    return read_csv(body) if format == "csv" else read_json(body)


def read_csv(body: bytes) -> list[Line]:
    """Line 1 is the header; an empty cell is an absent value, a blank line is skipped."""
    try:
        reader = csv.reader(io.StringIO(body.decode("utf-8-sig")), strict=True)
        header = _header(next(reader, []))
        lines, start = [], reader.line_num + 1
        for record in reader:
            if any(record):
                values: dict[str, object] = {k: v for k, v in zip(header, record, strict=False) if v}
                if len(record) > len(header):
                    values[""] = record[len(header) :]  # refused as extra cells
                lines.append(Line(start, values))
            start = reader.line_num + 1  # a quoted cell may span lines: the next row starts after them
        return lines
    except (UnicodeDecodeError, csv.Error) as error:
        raise Invalid.at("", f"not a UTF-8 CSV file: {error}") from error


def _header(names: list[str]) -> list[str]:
    names = [name.strip() for name in names]
    unknown = sorted(set(names) - set(COLUMNS))
    if unknown or "kind" not in names:
        raise Invalid.at("header", f"needs a kind column and only columns of {COLUMNS}; unknown: {unknown}")
    return names


def read_json(body: bytes) -> list[Line]:
    """A JSON array of row objects; item 1 is the first."""
    try:
        items = json.loads(body)
    except ValueError as error:
        raise Invalid.at("", f"not JSON: {error}") from error
    if not isinstance(items, list):
        raise Invalid.at("", "must be a JSON array of rows")
    return [Line(n, item if isinstance(item, dict) else {"": item}) for n, item in enumerate(items, start=1)]


def parse(line: Line) -> Row | Rejected:
    """The row, or why it is refused (every field error at once)."""
    kind = _KINDS.get(str(line.values.get("kind")))
    if kind is None:
        return Rejected(line.number, [FieldError(field="kind", reason=f"must be one of {sorted(_KINDS)}")])
    try:
        return kind.model_validate(line.values)
    except ValidationError as error:
        return Rejected(line.number, validation_errors(error.errors(), from_request=False))

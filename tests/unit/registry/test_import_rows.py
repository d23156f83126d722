"""Reading an import: CSV lines and JSON items numbered as the client sees them, each row checked alone."""

from datetime import UTC, datetime
from typing import cast

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.problems import Invalid
from registry.use_cases.imports import ImportRequest, run_import
from registry.use_cases.imports.rows import (
    BuildingRow,
    EnterpriseRow,
    Line,
    Rejected,
    parse,
    read_csv,
    read_json,
)


def test_csv_rows_are_numbered_by_their_line_past_blank_lines_and_quoted_line_breaks():
    body = b'kind,name,address\n\nbuilding,"Tower\nOne",1 Road\nbuilding,Tower Two,\n'
    assert read_csv("\ufeff".encode() + body) == [
        Line(3, {"kind": "building", "name": "Tower\nOne", "address": "1 Road"}),
        Line(5, {"kind": "building", "name": "Tower Two"}),  # the empty cell is left out
    ]


@pytest.mark.parametrize("header", [b"name,address", b"kind,name,colour", b""])
def test_a_csv_without_a_kind_column_or_with_unknown_columns_is_refused(header):
    with pytest.raises(Invalid) as refused:
        read_csv(header + b"\nbuilding,x")
    assert [e.field for e in refused.value.errors] == ["header"]


def test_extra_cells_and_undecodable_bytes_are_refused():
    [line] = read_csv(b"kind,name\nbuilding,Tower,surplus")
    assert isinstance(parse(line), Rejected)
    with pytest.raises(Invalid):
        read_csv(b"kind,name\nbuilding,\xff\xfe")


def test_json_items_are_numbered_from_one_and_must_be_an_array():
    assert read_json(b'[{"kind": "building"}, 7]') == [Line(1, {"kind": "building"}), Line(2, {"": 7})]
    with pytest.raises(Invalid):
        read_json(b'{"kind": "building"}')
    with pytest.raises(Invalid):
        read_json(b"[{")


def test_a_row_is_parsed_by_its_kind_or_refused_with_every_field_error():
    building = parse(Line(2, {"kind": "building", "name": "Tower", "address": "1 Road", "floors": "30"}))
    assert building == BuildingRow(kind="building", name="Tower", address="1 Road", floors=30)
    enterprise = parse(Line(3, {"kind": "enterprise", "credit_code": "x", "name": "Acme", "building": "Tower",
                                "key_enterprise": "true", "headcount": "12"}))  # fmt: skip
    assert isinstance(enterprise, EnterpriseRow) and (enterprise.key_enterprise, enterprise.headcount) == (
        True,
        12,
    )
    refused = parse(Line(4, {"kind": "enterprise", "name": "", "headcount": "many"}))
    assert isinstance(refused, Rejected) and refused.line == 4
    assert sorted(e.field for e in refused.errors) == ["building", "credit_code", "headcount", "name"]
    warehouse = parse(Line(5, {"kind": "warehouse"}))
    assert isinstance(warehouse, Rejected)
    assert [(e.field, e.reason) for e in warehouse.errors] == [
        ("kind", "must be one of ['building', 'enterprise']")
    ]


def test_a_lease_needs_both_dates_and_a_unit():
    base = {"kind": "enterprise", "credit_code": "x", "name": "Acme", "building": "Tower"}
    for lease in ({"lease_start": "2025-01-01"}, {"lease_start": "2025-01-01", "lease_end": "2026-01-01"}):
        refused = parse(Line(2, {**base, **lease}))
        assert isinstance(refused, Rejected) and [e.field for e in refused.errors] == [""], lease


@pytest.mark.parametrize("rows", [0, 3])
async def test_an_import_of_no_rows_or_more_than_the_limit_is_refused_before_any_query(rows):
    body = "\n".join(["kind,name", *["building,x"] * rows]).encode()
    request = ImportRequest(body, "csv", all_or_nothing=False, max_rows=2)
    with pytest.raises(Invalid) as refused:
        await run_import(cast(AsyncSession, None), request, "tester", datetime.now(UTC))
    assert refused.value.errors[0].reason == f"{rows} rows: an import holds 1 to 2 rows"

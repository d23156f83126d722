"""Keyset pagination behind `?limit=` and an opaque `?cursor=` (DESIGN §4, "HTTP conventions").

A cursor is the base64url JSON of the last row's keyset (its sort key, then its id). Keyset rather than
offset paging, so rows inserted or deleted between two requests never shift a page (no duplicates or
gaps) and a deep page costs what the first one does.
"""

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import AfterValidator, BaseModel, Field, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python
from sqlalchemy import ColumnElement, Row, Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeDecorator

from district_shared.http.problems import Invalid

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
T = TypeVar("T")
_KEY_LABEL = "_keyset_{}"


def encode_cursor(values: Sequence[Any]) -> str:
    """The opaque cursor for a row whose keyset is `values`."""
    raw = json.dumps(to_jsonable_python(list(values)), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(cursor: str) -> list[Any]:
    """The keyset inside a cursor; `ValueError` when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise ValueError("not a cursor from this API") from error
    if not isinstance(values, list) or not values:
        raise ValueError("not a cursor from this API")
    return values


def _decodable(cursor: str) -> str:
    decode_cursor(cursor)
    return cursor


class PageParams(BaseModel):
    """`?limit=&cursor=`; subclass it to add a list's filters, take it as `Annotated[..., Query()]`."""

    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Most items in one page.")
    # Checked while parsing the query, so garbage answers 422 with field `cursor` like any bad parameter.
    cursor: Annotated[str | None, AfterValidator(_decodable)] = Field(
        None, description="`next_cursor` of the previous page; absent for the first page."
    )


PageQuery = Annotated[PageParams, Query()]


class Page(BaseModel, Generic[T]):
    """One page of a list: its items and the cursor of the next page (null on the last one)."""

    items: list[T]
    next_cursor: str | None


@dataclass(frozen=True)
class Keyset:
    """The total order of a list: sort column(s) ending with a unique one (the id), all NOT NULL."""

    columns: tuple[ColumnElement[Any], ...]
    descending: bool = False

    def after(self, cursor: str) -> ColumnElement[bool]:
        """Rows strictly past the cursor's row in this order."""
        try:
            values = decode_cursor(cursor)
        except ValueError as error:
            raise Invalid.at("cursor", str(error)) from error
        if len(values) != len(self.columns):
            raise Invalid.at("cursor", "not a cursor of this list")
        typed = [_typed(column, value) for column, value in zip(self.columns, values, strict=True)]
        # A row-value comparison: (sort key, id) ties broken by the id in one index-friendly test. The
        # values go in as a plain tuple so each is bound with its column's type (timezone and all).
        row, bound = tuple_(*self.columns), tuple(typed)
        return row < bound if self.descending else row > bound

    def order_by(self) -> list[ColumnElement[Any]]:
        return [column.desc() if self.descending else column.asc() for column in self.columns]


def _typed(column: ColumnElement[Any], value: Any) -> Any:
    """JSON lost the column's type (datetimes became strings): restore it, or refuse the cursor."""
    sql_type = column.type
    while isinstance(sql_type, TypeDecorator):  # a decorator (UtcDateTime) reports no Python type itself
        sql_type = sql_type.impl_instance
    try:
        python_type = sql_type.python_type
    except NotImplementedError:
        return value
    try:
        return TypeAdapter(python_type).validate_python(value)
    except ValidationError as error:
        raise Invalid.at("cursor", "not a cursor of this list") from error


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    keyset: Keyset,
    params: PageParams,
    to_item: Callable[[Row[Any]], T],
) -> Page[T]:
    """Run `statement` one page at a time in `keyset` order; `to_item` turns a row into an item."""
    # The keyset is selected again under labels of its own, whatever the statement selects (a table's
    # columns or an ORM entity): `to_item` sees them as extra `_keyset_N` columns and can ignore them.
    labels = [_KEY_LABEL.format(i) for i in range(len(keyset.columns))]
    paged = statement.add_columns(*(c.label(n) for c, n in zip(keyset.columns, labels, strict=True)))
    if params.cursor is not None:
        paged = paged.where(keyset.after(params.cursor))
    # One row more than asked tells whether a next page exists without a COUNT.
    paged = paged.order_by(*keyset.order_by()).limit(params.limit + 1)
    rows = (await session.execute(paged)).all()
    page, more = rows[: params.limit], len(rows) > params.limit
    next_cursor = encode_cursor([page[-1]._mapping[n] for n in labels]) if more else None
    return Page(items=[to_item(row) for row in page], next_cursor=next_cursor)

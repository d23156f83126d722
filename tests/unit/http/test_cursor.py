import base64
import json
import uuid
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError
from sqlalchemy import Column, Integer, MetaData, Table

from district_shared.db import UtcDateTime
from district_shared.http.pagination import Keyset, PageParams, decode_cursor, encode_cursor
from district_shared.http.problems import Invalid

things = Table(
    "things",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("created_at", UtcDateTime, nullable=False),
)
by_creation = Keyset((things.c.created_at, things.c.id))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_a_cursor_carries_the_keyset_back_as_json_values():
    at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    key = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert decode_cursor(encode_cursor([at, key, 7, "x"])) == ["2026-03-02T01:00:00Z", str(key), 7, "x"]


def test_a_cursor_is_url_safe_and_unpadded():
    cursor = encode_cursor(["ÿÿÿ~~~???", 1])  # bytes that standard base64 would write with + and /
    assert set(cursor) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@pytest.mark.parametrize(
    "garbage",
    ["!!!", "abc", _b64(b"not json"), _b64(b'{"id": 1}'), _b64(b"[]"), _b64(b"\xff\xfe"), "é"],
    ids=["punctuation", "truncated", "not-json", "object", "empty-list", "not-utf8", "non-ascii"],
)
def test_garbage_is_not_a_cursor(garbage):
    with pytest.raises(ValueError, match="not a cursor"):
        decode_cursor(garbage)


def test_page_params_default_to_fifty_from_the_start():
    params = PageParams()
    assert (params.limit, params.cursor) == (50, None)


@pytest.mark.parametrize("limit", [0, -1, 501])
def test_a_limit_outside_one_to_five_hundred_is_refused(limit):
    with pytest.raises(ValidationError) as caught:
        PageParams(limit=limit)
    assert caught.value.errors()[0]["loc"] == ("limit",)


def test_a_garbage_cursor_is_refused_while_parsing_the_query():
    with pytest.raises(ValidationError) as caught:
        PageParams(cursor="%%%")
    assert caught.value.errors()[0]["loc"] == ("cursor",)


def test_a_cursor_of_another_list_is_refused_on_the_cursor_field():
    with pytest.raises(Invalid) as caught:
        by_creation.after(encode_cursor([1]))  # one value where this list has two keys
    assert [e.field for e in caught.value.errors] == ["cursor"]


def test_a_cursor_whose_values_do_not_fit_the_columns_is_refused():
    with pytest.raises(Invalid) as caught:
        by_creation.after(encode_cursor(["yesterday", "seven"]))
    assert [e.field for e in caught.value.errors] == ["cursor"]


def test_a_cursor_restores_the_column_types_for_the_comparison():
    condition = by_creation.after(encode_cursor([datetime(2026, 3, 2, 1, 0, tzinfo=UTC), 7]))
    bound = condition.compile().params
    assert set(bound.values()) == {7, datetime(2026, 3, 2, 1, 0, tzinfo=UTC)}


def test_the_cursor_payload_is_plain_json():
    assert json.loads(base64.urlsafe_b64decode(encode_cursor([1, "a"]) + "==")) == [1, "a"]

"""The committed JSON Schemas are the public contract: the models may only grow within a major version."""

import json
import uuid
from enum import StrEnum
from typing import ClassVar

from district_shared.contracts import Event, asyncapi
from district_shared.contracts.schemas import breaking_changes, committed, load_contracts, schema_of

EXPORT = "run `uv run district contracts export` and commit the schema"


def test_every_event_type_has_a_committed_schema_and_every_schema_a_model():
    current, stored = load_contracts(), committed()
    assert set(current) == set(stored), EXPORT


def test_the_committed_asyncapi_document_lists_every_event_type_as_generated():
    committed_document = json.loads(asyncapi.DOCUMENT.read_text())
    assert committed_document == asyncapi.document(), EXPORT
    listed = {m["name"] for c in committed_document["channels"].values() for m in c["messages"].values()}
    assert listed == set(load_contracts())


def test_no_event_type_breaks_its_committed_schema():
    stored = committed()
    for ce_type, model in load_contracts().items():
        assert breaking_changes(stored[ce_type], schema_of(model)) == [], ce_type


class Renewal(StrEnum):
    NONE = "none"
    RENEWED = "renewed"


class Shrunk(StrEnum):
    NONE = "none"


class LeaseV1(Event):
    """Test models, unregistered (no ce_type), standing for one event before and after a change."""

    topic: ClassVar[str] = "registry.enterprises.v1"
    key_field: ClassVar[str] = "enterprise_id"
    enterprise_id: uuid.UUID
    headcount: int
    renewal_status: Renewal
    note: str | None = None


class AddsOptional(LeaseV1):
    floor: int | None = None


class Removes(Event):
    topic: ClassVar[str] = "registry.enterprises.v1"
    key_field: ClassVar[str] = "enterprise_id"
    enterprise_id: uuid.UUID
    renewal_status: Renewal
    note: str | None = None


class Retypes(Removes):
    headcount: str


class MakesRequired(Removes):
    headcount: int
    note: str


class DropsEnumValue(Event):
    topic: ClassVar[str] = "registry.enterprises.v1"
    key_field: ClassVar[str] = "enterprise_id"
    enterprise_id: uuid.UUID
    headcount: int
    renewal_status: Shrunk
    note: str | None = None


def _schema(model: type[Event]) -> dict[str, object]:
    return {**model.model_json_schema(), "x-topic": model.topic, "x-key": model.key_field}


def test_adding_an_optional_field_is_compatible():
    assert breaking_changes(_schema(LeaseV1), _schema(AddsOptional)) == []


def test_removing_a_field_is_breaking():
    assert breaking_changes(_schema(LeaseV1), _schema(Removes)) == ["headcount: removed"]


def test_retyping_a_field_is_breaking():
    assert breaking_changes(_schema(LeaseV1), _schema(Retypes)) == ["headcount: type integer became string"]


def test_making_an_optional_field_required_is_breaking():
    assert "note: became required" in breaking_changes(_schema(LeaseV1), _schema(MakesRequired))


def test_removing_an_enum_value_is_breaking():
    assert breaking_changes(_schema(LeaseV1), _schema(DropsEnumValue)) == [
        "renewal_status: enum value 'renewed' removed"
    ]


def test_adding_an_enum_value_is_compatible():
    assert breaking_changes(_schema(DropsEnumValue), _schema(LeaseV1)) == []

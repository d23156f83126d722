"""Base of every contract event and the registry of event types by `ce_type`."""

import re
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, WithJsonSchema

CE_TYPE = re.compile(
    r"^district\.(?P<service>[a-z]+)\.[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*\.v(?P<major>[1-9][0-9]*)$"
)

EVENT_TYPES: dict[str, type["Event"]] = {}


class Event(BaseModel):
    """An event's data (the Kafka value); its envelope travels in the headers.

    Subclasses declare `ce_type`, the `topic` they go to and `key_field`, the field whose value is the
    Kafka key. Consumers ignore unknown fields, so a newer producer never breaks an older consumer.
    """

    model_config = ConfigDict(
        extra="ignore", frozen=True, validate_by_name=True, validate_by_alias=True, serialize_by_alias=True
    )

    ce_type: ClassVar[str]
    topic: ClassVar[str]
    key_field: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "ce_type" in cls.__dict__:
            _register(cls)

    @property
    def key(self) -> str:
        return str(getattr(self, self.key_field))

    @classmethod
    def service(cls) -> str:
        match = CE_TYPE.match(cls.ce_type)
        assert match is not None
        return match["service"]


def _register(cls: type[Event]) -> None:
    match = CE_TYPE.match(cls.ce_type)
    if match is None:
        raise TypeError(
            f"{cls.__name__}: ce_type {cls.ce_type!r} is not district.<service>.<entity>.<verb>.v<n>"
        )
    if not cls.__name__.endswith(f"V{match['major']}"):
        raise TypeError(f"{cls.__name__}: the class name must end with its version V{match['major']}")
    if not cls.topic.startswith(f"{match['service']}."):
        raise TypeError(f"{cls.__name__}: {cls.topic} does not belong to {match['service']}")
    if cls.ce_type in EVENT_TYPES and EVENT_TYPES[cls.ce_type] is not cls:
        raise TypeError(f"{cls.ce_type} is declared twice")
    EVENT_TYPES[cls.ce_type] = cls


def event_type(ce_type: str) -> type[Event] | None:
    """The model registered for `ce_type`, or None for a type this build does not know."""
    return EVENT_TYPES.get(ce_type)


def known_values(*values: str) -> WithJsonSchema:
    """For `Annotated[str, known_values(...)]`: the values are listed in the schema, not enforced on reading.

    Enum values may be added within a major version (DESIGN §3): a consumer built before a value existed
    must still read the event, and treats the unknown value as "no change".
    """
    return WithJsonSchema({"type": "string", "enum": list(values)})


class Part(BaseModel):
    """A nested object inside an event: same reading rules as the event."""

    model_config = ConfigDict(extra="ignore", frozen=True, validate_by_name=True, serialize_by_alias=True)

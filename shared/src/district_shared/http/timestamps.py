"""Instants on the wire (DESIGN §4): RFC 3339 with an offset in, UTC with `Z` out."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


# AwareDatetime refuses input without an offset (422); normalised to UTC, pydantic writes it with `Z`.
Timestamp = Annotated[AwareDatetime, AfterValidator(_to_utc)]

"""The city platform's replies about dispatched cases, on `platform.replies.v1` keyed by case id."""

from typing import ClassVar
from uuid import UUID

from district_shared.contracts.base import Event
from district_shared.topics import PLATFORM_REPLIES


class PlatformReply(Event):
    topic: ClassVar[str] = PLATFORM_REPLIES
    key_field: ClassVar[str] = "case_id"

    case_id: UUID
    reference: str | None = None
    note: str | None = None


class PlatformAcceptedV1(PlatformReply):
    ce_type: ClassVar[str] = "district.platform.case.accepted.v1"


class PlatformProgressedV1(PlatformReply):
    ce_type: ClassVar[str] = "district.platform.case.progressed.v1"


class PlatformCompletedV1(PlatformReply):
    ce_type: ClassVar[str] = "district.platform.case.completed.v1"


class PlatformRejectedV1(PlatformReply):
    ce_type: ClassVar[str] = "district.platform.case.rejected.v1"

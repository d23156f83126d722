"""Answers to professional-volunteer requests, on `volunteers.assignments.v1` keyed by case id."""

from typing import ClassVar
from uuid import UUID

from district_shared.contracts.base import Event
from district_shared.topics import VOLUNTEERS_ASSIGNMENTS


class _Answer(Event):
    topic: ClassVar[str] = VOLUNTEERS_ASSIGNMENTS
    key_field: ClassVar[str] = "case_id"

    case_id: UUID
    request_id: UUID
    skill: str


class AssignmentMadeV1(_Answer):
    ce_type: ClassVar[str] = "district.volunteers.assignment.made.v1"

    volunteer_id: UUID


class AssignmentUnmatchedV1(_Answer):
    ce_type: ClassVar[str] = "district.volunteers.assignment.unmatched.v1"

    reason: str

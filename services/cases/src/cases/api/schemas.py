"""What the HTTP API answers, and the list filters it takes."""

from dataclasses import asdict
from datetime import date, datetime
from typing import Any, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cases.domain import Case, Kind, Mechanism, Status, Team
from cases.domain.kpis import Tally
from cases.storage.cases import CaseFilter
from cases.use_cases.kpis import Kpis
from cases.use_cases.queries import CaseView
from district_shared.http.pagination import PageParams


class CaseOut(BaseModel):
    id: UUID
    enterprise_id: UUID | None = Field(description="None for an employee's personal need.")
    kind: Kind
    mechanism: Mechanism
    team: Team
    status: Status
    opened_at: datetime = Field(description="The source's time: a need's raised_at, a rating's ce_time.")
    sla_deadline: datetime
    breached: bool
    routing_rule: str = Field(description="The rule that chose mechanism and team at opening.")
    officer_id: str | None
    outcome: str | None
    resolved_at: datetime | None
    satisfaction: int | None
    feedback: str | None
    closed_at: datetime | None
    need_id: UUID | None
    category_code: str | None
    description: str | None

    @classmethod
    def of(cls, case: Case) -> Self:
        return cls.model_validate({**asdict(case), "officer_id": case.officer})


class TimelineEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    action: str
    actor: str
    at: datetime
    status: Status = Field(description="The case's status right after this change.")
    mechanism: Mechanism
    team: Team
    details: dict[str, Any]


class CaseDetail(CaseOut):
    """A case with every change it went through, oldest first."""

    timeline: list[TimelineEntryOut]

    @classmethod
    def of_view(cls, view: CaseView) -> Self:
        entries = [TimelineEntryOut.model_validate(entry) for entry in view.timeline]
        return cls.model_validate({**CaseOut.of(view.case).model_dump(), "timeline": entries})


class CaseQuery(PageParams):
    """`GET /cases` filters; each one given narrows the list."""

    enterprise_id: UUID | None = None
    mechanism: Mechanism | None = None
    team: Team | None = None
    status: Status | None = None
    kind: Kind | None = None

    def filter(self) -> CaseFilter:
        return CaseFilter(self.enterprise_id, self.mechanism, self.team, self.status, self.kind)


class TallyOut(BaseModel):
    opened: int = Field(description="Cases opened in the period.")
    resolved: int = Field(description="Of those, the ones resolved or closed at the period's end.")
    resolution_rate: float | None = Field(description="resolved / opened; null when none was opened.")
    closed: int = Field(description="Cases closed in the period (and not reopened since).")
    satisfaction: float | None = Field(description="Their mean satisfaction, 1 to 5; null when none.")
    backlog: int = Field(description="Cases opened before the period's end and still being worked then.")

    @classmethod
    def of(cls, tally: Tally, **group: Any) -> Self:
        return cls.model_validate(
            {
                **asdict(tally),
                **group,
                "resolution_rate": tally.resolution_rate,
                "satisfaction": tally.satisfaction,
            }
        )


class MechanismTallyOut(TallyOut):
    mechanism: Mechanism


class TeamTallyOut(TallyOut):
    team: Team


class KpisOut(BaseModel):
    first: date = Field(serialization_alias="from")
    last: date = Field(serialization_alias="to")
    overall: TallyOut
    by_mechanism: list[MechanismTallyOut]
    by_team: list[TeamTallyOut]

    @classmethod
    def of(cls, kpis: Kpis) -> Self:
        return cls(
            first=kpis.first,
            last=kpis.last,
            overall=TallyOut.of(kpis.overall),
            by_mechanism=[MechanismTallyOut.of(t, mechanism=m) for m, t in kpis.by_mechanism.items()],
            by_team=[TeamTallyOut.of(t, team=team) for team, t in kpis.by_team.items()],
        )

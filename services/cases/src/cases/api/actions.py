"""`POST /cases/{id}/transitions` bodies: `{"action": …}` and that action's fields (DESIGN §3's table)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from cases.domain import Action, Assign, Close, Escalate, Mechanism, Reopen, Reroute, Resolve, Start, Team

Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class _Transition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AssignIn(_Transition):
    action: Literal["assign"]
    team: Team
    officer_id: str | None = Field(None, min_length=1, max_length=200, description="The officer's id.")

    def to_action(self) -> Action:
        return Assign(team=self.team, officer=self.officer_id)


class StartIn(_Transition):
    action: Literal["start"]

    def to_action(self) -> Action:
        return Start()


class RerouteIn(_Transition):
    """Needs the scope `cases:reroute` besides `cases:write`."""

    action: Literal["reroute"]
    mechanism: Mechanism
    reason: Reason

    def to_action(self) -> Action:
        return Reroute(mechanism=self.mechanism, reason=self.reason)


class EscalateIn(_Transition):
    action: Literal["escalate"]
    reason: Reason

    def to_action(self) -> Action:
        return Escalate(reason=self.reason)


class ResolveIn(_Transition):
    action: Literal["resolve"]
    outcome: Reason

    def to_action(self) -> Action:
        return Resolve(outcome=self.outcome)


class CloseIn(_Transition):
    action: Literal["close"]
    satisfaction: int = Field(ge=1, le=5, description="The enterprise's or employee's rating, 1 to 5.")
    feedback: str | None = Field(None, max_length=4000)

    def to_action(self) -> Action:
        return Close(satisfaction=self.satisfaction, feedback=self.feedback)


class ReopenIn(_Transition):
    action: Literal["reopen"]
    reason: Reason

    def to_action(self) -> Action:
        return Reopen(reason=self.reason)


TransitionIn = Annotated[
    AssignIn | StartIn | RerouteIn | EscalateIn | ResolveIn | CloseIn | ReopenIn,
    Field(discriminator="action"),
]

"""The district's case KPIs (issue 7): resolution rate, satisfaction and backlog, summed per group."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    """Counts over one period for one group of cases (a mechanism, a team, or all of them).

    `opened`: cases opened in the period; `resolved`: those of them resolved or closed at its end;
    `backlog`: cases opened before its end and still being worked at its end; `closed` and
    `satisfaction_total`: the cases closed in the period and the sum of their satisfaction (1 to 5).
    """

    opened: int = 0
    resolved: int = 0
    backlog: int = 0
    closed: int = 0
    satisfaction_total: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.opened + other.opened,
            self.resolved + other.resolved,
            self.backlog + other.backlog,
            self.closed + other.closed,
            self.satisfaction_total + other.satisfaction_total,
        )

    @property
    def resolution_rate(self) -> float | None:
        """The share of the period's cases resolved by its end; None when none was opened."""
        return self.resolved / self.opened if self.opened else None

    @property
    def satisfaction(self) -> float | None:
        """The mean satisfaction of the cases closed in the period; None when none was closed."""
        return self.satisfaction_total / self.closed if self.closed else None

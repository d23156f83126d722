"""What every benchmark shares: a fresh broker, a result table, a stopwatch."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Figure:
    what: str
    value: float
    baseline: float
    unit: str
    baseline_what: str

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("nan")


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """Yields a list that holds the elapsed seconds once the block ends."""
    elapsed: list[float] = []
    start = time.perf_counter()
    yield elapsed
    elapsed.append(time.perf_counter() - start)


def report(title: str, figures: list[Figure]) -> None:
    table = Table(title=title)
    for column in ("measure", "value", "baseline", "baseline is", "ratio"):
        table.add_column(column)
    for f in figures:
        table.add_row(
            f.what,
            f"{f.value:,.0f} {f.unit}",
            f"{f.baseline:,.0f} {f.unit}",
            f.baseline_what,
            f"{f.ratio:.2f}",
        )
    Console(width=140).print(table)


def scratch(name: str) -> Path:
    folder = Path(".district/bench") / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder

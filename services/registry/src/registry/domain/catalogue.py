"""The service catalogue: what the station offers, and how a need for each service is handled."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

Area = Literal["party", "government", "daily_life"]
Delivery = Literal["on_site", "self_service"]
Audience = Literal["organisation", "enterprise", "individual"]
Mechanism = Literal["immediate", "platform", "special_case", "difficult"]
FIELDS = (
    "category_code",
    "name",
    "area",
    "delivery",
    "audience",
    "default_mechanism",
    "sla_working_days",
    "solvable_on_spot",
    "departments_involved",
)


@dataclass(frozen=True)
class CatalogueEntry:
    """One service; `category_code` is its stable slug, the one needs and events carry."""

    category_code: str
    name: str
    area: Area
    delivery: Delivery
    audience: Audience
    default_mechanism: Mechanism
    sla_working_days: int
    solvable_on_spot: bool
    departments_involved: tuple[str, ...]


def _one_of(code: str, name: str, value: Any, allowed: tuple[Any, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{code}: {name} {value!r} is not one of {allowed}")


def entry(raw: Mapping[str, Any]) -> CatalogueEntry:
    """An entry of the catalogue file; `ValueError` naming the entry and what is wrong with it."""
    code = str(raw.get("category_code", "?"))
    if set(raw) != set(FIELDS):
        raise ValueError(f"{code}: fields must be exactly {FIELDS}, got {sorted(raw)}")
    for name, kind in (("area", Area), ("delivery", Delivery), ("audience", Audience)):
        _one_of(code, name, raw[name], get_args(kind))
    _one_of(code, "default_mechanism", raw["default_mechanism"], get_args(Mechanism))
    if not isinstance(raw["sla_working_days"], int) or raw["sla_working_days"] < 1:
        raise ValueError(f"{code}: sla_working_days must be a whole number of at least 1")
    if not raw["departments_involved"]:
        raise ValueError(f"{code}: departments_involved must name at least one department")
    return CatalogueEntry(**{**raw, "departments_involved": tuple(raw["departments_involved"])})


def catalogue(raw_entries: Sequence[Mapping[str, Any]]) -> list[CatalogueEntry]:
    """Every entry of the file, in its order; `ValueError` for a bad entry or a code used twice."""
    entries = [entry(raw) for raw in raw_entries]
    codes = [e.category_code for e in entries]
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise ValueError(f"category codes listed twice: {twice}")
    return entries

"""The cases service's rule files: routing rules and the SLA policy, read once at start."""

from dataclasses import dataclass
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cases.domain import (
    RoutingConfigError,
    RoutingRules,
    SlaPolicy,
    default_routing_rules,
    load_routing_rules,
)
from district_shared.calendar import CalendarConfigError, WorkingCalendar, china_calendar, load_calendar


class ConfigError(ValueError):
    """A setting points at configuration that cannot be used; the message names the setting."""


@dataclass(frozen=True)
class CasesConfig:
    """What routing and SLA arithmetic need, built from the settings."""

    routing: RoutingRules
    sla: SlaPolicy


def load_config(
    *, routing_file: Path | None, calendar_file: Path | None, cutoff: time, timezone: str
) -> CasesConfig:
    """Read and check every file; raise ConfigError naming the setting and the offending key."""
    return CasesConfig(
        routing=_routing(routing_file),
        sla=SlaPolicy(calendar=_calendar(calendar_file), timezone=_zone(timezone), cutoff=cutoff),
    )


def _routing(path: Path | None) -> RoutingRules:
    if path is None:
        return default_routing_rules()
    try:
        return load_routing_rules(_read("CASES_ROUTING_FILE", path))
    except RoutingConfigError as error:
        raise ConfigError(f"CASES_ROUTING_FILE ({path}): {error}") from None


def _calendar(path: Path | None) -> WorkingCalendar:
    if path is None:
        return china_calendar()
    try:
        return load_calendar(_read("CASES_CALENDAR_FILE", path))
    except CalendarConfigError as error:
        raise ConfigError(f"CASES_CALENDAR_FILE ({path}): {error}") from None


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"DISTRICT_TIMEZONE: unknown time zone {name!r}") from None


def _read(setting: str, path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{setting}: cannot read {path}: {error.strerror}") from None

"""The rating rules the service runs with: RISK_RULES_FILE, or the rules.toml shipped with it."""

from importlib.resources import files
from pathlib import Path

from risk.domain import ConfigError, RiskConfig, load_config

SETTING = "RISK_RULES_FILE"


def shipped_rules() -> str:
    """The text of the default rules.toml packaged with the service."""
    return (files("risk") / "rules.toml").read_text(encoding="utf-8")


def read_rules(path: Path | None) -> RiskConfig:
    """The rules in `path` (the shipped ones when None); ValueError naming the setting and the bad keys."""
    try:
        text = shipped_rules() if path is None else path.read_text(encoding="utf-8")
    except OSError as error:
        raise ValueError(f"{SETTING}: cannot read {path}: {error.strerror}") from None
    try:
        return load_config(text)
    except ConfigError as error:
        raise ValueError(f"{SETTING} ({path or 'shipped rules.toml'}): {error}") from None

"""Building the configuration from TOML text; the service reads the file, this only parses it."""

import tomllib
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from risk.domain.config import RiskConfig


class ConfigError(ValueError):
    """The rules are invalid; the message names every bad key."""


def load_config(source: str | bytes | Mapping[str, Any]) -> RiskConfig:
    """Build the rules from TOML text or an already parsed table; raise ConfigError naming bad keys."""
    table = _parse(source) if isinstance(source, str | bytes) else source
    try:
        return RiskConfig.model_validate(table)
    except ValidationError as error:
        raise ConfigError("invalid risk rules: " + "; ".join(_describe(error))) from None


def _parse(text: str | bytes) -> Mapping[str, Any]:
    """TOML text (bytes are UTF-8) as a table."""
    try:
        decoded = text.decode("utf-8") if isinstance(text, bytes) else text
        return tomllib.loads(decoded)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"invalid risk rules: not valid TOML: {error}") from None


def _describe(error: ValidationError) -> list[str]:
    """One `key: problem` line per error, the key dotted as in the TOML file."""
    return [_line(detail) for detail in error.errors()]


def _line(detail: ErrorDetails) -> str:
    key = ".".join(str(part) for part in detail["loc"])
    if detail["type"] == "extra_forbidden":
        return f"{key}: unknown key"
    message = detail["msg"].removeprefix("Value error, ")
    if detail["type"] != "value_error" and isinstance(detail.get("input"), str | int | float | bool):
        message += f" (got {detail['input']!r})"
    # Rules spanning several keys name them in the message itself.
    return message if not key or message.startswith(key) else f"{key}: {message}"

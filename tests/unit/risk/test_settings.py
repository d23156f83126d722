"""The risk settings: the shipped rules by default, an operator's file instead, a wrong one refused."""

import pytest
from pydantic import ValidationError

from risk.domain import DEFAULT_CONFIG
from risk.settings import RiskSettings


def test_by_default_the_shipped_rules_apply_and_the_clock_runs_hourly():
    settings = RiskSettings()
    assert (settings.rules, settings.reevaluate_interval) == (DEFAULT_CONFIG, 3600)


def test_operators_can_ship_their_own_rules(monkeypatch, tmp_path):
    (tmp_path / "rules.toml").write_text("hysteresis = 2\n[lease]\nwatch_days = 240\n")
    monkeypatch.setenv("RISK_RULES_FILE", str(tmp_path / "rules.toml"))
    rules = RiskSettings().rules
    assert (rules.hysteresis, rules.lease.watch_days, rules.lease.urgent_days) == (2, 240, 90)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[weights]\nrelocation_intent = 140\n", r"weights\.relocation_intent"),
        ("[floors]\nlease_ending = 'green'\n", r"a floor cannot be green"),
        ("[lease\n", "not valid TOML"),
    ],
)
def test_an_invalid_rules_file_is_refused_naming_the_setting_and_the_key(
    monkeypatch, tmp_path, content, message
):
    (tmp_path / "rules.toml").write_text(content)
    monkeypatch.setenv("RISK_RULES_FILE", str(tmp_path / "rules.toml"))
    with pytest.raises(ValidationError, match=f"RISK_RULES_FILE .*{message}"):
        RiskSettings()


def test_a_missing_rules_file_is_refused_with_its_path(monkeypatch, tmp_path):
    monkeypatch.setenv("RISK_RULES_FILE", str(tmp_path / "absent.toml"))
    with pytest.raises(ValidationError, match=r"RISK_RULES_FILE: cannot read .*absent\.toml"):
        RiskSettings()


def test_the_re_evaluation_interval_must_be_positive(monkeypatch):
    monkeypatch.setenv("RISK_REEVALUATE_INTERVAL", "0")
    with pytest.raises(ValidationError, match="reevaluate_interval"):
        RiskSettings()

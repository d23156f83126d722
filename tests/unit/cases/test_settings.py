"""The cases settings: rule files default to what ships, and a wrong one stops the service at start."""

from datetime import time

import pytest
from pydantic import ValidationError

from cases.domain import default_routing_rules
from cases.settings import CasesSettings
from district_shared.calendar import china_calendar

OWN_RULES = '[[rules]]\nname = "all_to_the_platform"\nmechanism = "platform"\n'
OWN_CALENDAR = 'weekend = ["sunday"]\n'


def test_by_default_the_shipped_rules_calendar_and_cutoff_apply():
    config = CasesSettings().config
    assert config.routing == default_routing_rules()
    assert (config.sla.calendar, config.sla.cutoff, str(config.sla.timezone)) == (
        china_calendar(),
        time(17, 0),
        "Asia/Shanghai",
    )


def test_operators_can_ship_their_own_rules_calendar_and_cutoff(monkeypatch, tmp_path):
    (tmp_path / "routing.toml").write_text(OWN_RULES)
    (tmp_path / "calendar.toml").write_text(OWN_CALENDAR)
    monkeypatch.setenv("CASES_ROUTING_FILE", str(tmp_path / "routing.toml"))
    monkeypatch.setenv("CASES_CALENDAR_FILE", str(tmp_path / "calendar.toml"))
    monkeypatch.setenv("CASES_SLA_CUTOFF", "16:30")
    config = CasesSettings().config
    assert [rule.name for rule in config.routing.rules] == ["all_to_the_platform"]
    assert (config.sla.calendar.weekend, config.sla.cutoff) == (frozenset({6}), time(16, 30))


@pytest.mark.parametrize(
    ("setting", "content", "message"),
    [
        ("CASES_ROUTING_FILE", '[[rules]]\nname = "x"\nmechanism = "nowhere"\n', r"rules\.0\.mechanism"),
        ("CASES_ROUTING_FILE", "rules = [", "not valid TOML"),
        ("CASES_CALENDAR_FILE", 'weekend = ["caturday"]\n', r"weekend\.0"),
    ],
)
def test_an_invalid_file_is_refused_with_the_setting_and_key_it_is_about(
    monkeypatch, tmp_path, setting, content, message
):
    (tmp_path / "file.toml").write_text(content)
    monkeypatch.setenv(setting, str(tmp_path / "file.toml"))
    with pytest.raises(ValidationError, match=f"{setting} .*{message}"):
        CasesSettings()


def test_a_missing_file_is_refused_with_its_path(monkeypatch, tmp_path):
    monkeypatch.setenv("CASES_ROUTING_FILE", str(tmp_path / "absent.toml"))
    with pytest.raises(ValidationError, match=r"CASES_ROUTING_FILE: cannot read .*absent\.toml"):
        CasesSettings()


def test_an_unknown_time_zone_is_refused(monkeypatch):
    monkeypatch.setenv("DISTRICT_TIMEZONE", "Mars/Olympus_Mons")
    with pytest.raises(ValidationError, match="DISTRICT_TIMEZONE: unknown time zone"):
        CasesSettings()

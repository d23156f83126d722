"""The rules file: documented defaults, and an invalid file refused with a message naming the key."""

from importlib.resources import files

import pytest

from risk.domain import DEFAULT_CONFIG, ConfigError, FactorCode, RiskConfig, load_config


def shipped_rules() -> str:
    return (files("risk") / "rules.toml").read_text(encoding="utf-8")


def test_the_shipped_rules_file_holds_exactly_the_documented_defaults():
    assert load_config(shipped_rules()) == DEFAULT_CONFIG == RiskConfig()


def test_the_shipped_rules_file_sets_every_weight_explicitly():
    text = shipped_rules()
    assert all(f"\n{code.value} = " in text for code in FactorCode)


def test_the_defaults_are_those_of_design_section_3():
    config = DEFAULT_CONFIG
    assert (config.lease.watch_days, config.lease.urgent_days, config.lease.supersede_min_days) == (
        180,
        90,
        365,
    )
    assert (config.signals.decay_days, config.hysteresis) == (180, 5)
    assert (config.green.visit_within_days, config.green.min_lease_days_left) == (180, 365)
    floors = {
        code.value: config.floors.of(code).value for code in FactorCode if config.floors.of(code) != "blue"
    }
    assert floors == {
        "lease_ending": "yellow",
        "lease_ending_soon": "orange",
        "lease_ended": "orange",
        "relocation_intent": "orange",
        "deregistration_intent": "red",
        "departed": "red",
    }


def test_every_factor_has_a_weight_and_a_floor():
    assert set(DEFAULT_CONFIG.weights.model_dump()) == {code.value for code in FactorCode}
    assert set(DEFAULT_CONFIG.floors.model_dump()) == {code.value for code in FactorCode}


def test_the_loader_takes_text_bytes_or_a_parsed_table():
    text = "hysteresis = 3\n[weights]\ncomplaint = 12.5\n"
    from_text, from_bytes = load_config(text), load_config(text.encode())
    from_table = load_config({"hysteresis": 3, "weights": {"complaint": 12.5}})
    assert from_text == from_bytes == from_table
    assert (from_text.hysteresis, from_text.weights.complaint, from_text.weights.tax_arrears) == (3, 12.5, 20)


def test_an_empty_file_gives_the_defaults():
    assert load_config("") == DEFAULT_CONFIG


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[bands]\nred = 90", "rules: bands.red is not allowed: red is reached only by a red rule"),
        ("[bands]\ngreen = 0", "rules: bands.green is not allowed"),
        ("[bands]\nyellow = 70", "bands.orange (60.0) must be above bands.yellow (70.0)"),
        ("[bands]\norange = 101", "bands.orange: Input should be less than or equal to 100 (got 101)"),
        ("[weights]\nrelocation_intnt = 40", "weights.relocation_intnt: unknown key"),
        (
            "[weights]\ncomplaint = -1",
            "weights.complaint: Input should be greater than or equal to 0 (got -1)",
        ),
        ("[weights]\ncomplaint = 'high'", "weights.complaint: Input should be a valid number"),
        ('[floors]\ncomplaint = "green"', "floors.complaint: a floor cannot be green"),
        ('[floors]\ncomplaint = "purple"', "floors.complaint: Input should be 'green', 'blue', 'yellow'"),
        (
            '[escalation]\noverdue_retention_case_from = "red"',
            "escalation.overdue_retention_case_from must be",
        ),
        ("[lease]\nurgent_days = 200", "lease.urgent_days (200) must not exceed lease.watch_days (180)"),
        ("[lease]\nwatch_days = -1", "lease.watch_days: Input should be greater than or equal to 0 (got -1)"),
        ("[signals]\ndecay_days = 0", "signals.decay_days: Input should be greater than 0 (got 0)"),
        ('[signals]\nsuperseded_by_lease = ["nope"]', "signals.superseded_by_lease.0: Input should be"),
        (
            "[headcount]\nwindow_days = 1000",
            "headcount.window_days: Input should be less than or equal to 730",
        ),
        ("[headcount]\ndrop_ratio = 1.5", "headcount.drop_ratio: Input should be less than or equal to 1"),
        ("hysteresis = 30", "hysteresis (30.0) must be smaller than bands.yellow (30.0)"),
        ("hysteresis = 12\n[bands]\norange = 40", "must be smaller than bands.orange - bands.yellow (10.0)"),
        ("[colours]\nred = 1", "colours: unknown key"),
        ("bands = 5", "bands: Input should be a valid dictionary"),
    ],
)
def test_an_invalid_configuration_is_refused_naming_the_bad_key(toml, message):
    with pytest.raises(ConfigError) as refused:
        load_config(toml)
    assert message in str(refused.value)
    assert str(refused.value).startswith("invalid risk rules: ")


def test_every_bad_key_is_named_at_once():
    with pytest.raises(ConfigError) as refused:
        load_config("[weights]\ncomplaint = 500\ntax_arears = 1\n[lease]\nwatch_days = 'soon'")
    assert all(
        key in str(refused.value) for key in ("weights.complaint", "weights.tax_arears", "lease.watch_days")
    )


@pytest.mark.parametrize("text", ["[bands\nyellow = 30", b"\xff\xfe[bands]"])
def test_text_that_is_not_toml_is_refused(text):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(text)


def test_a_configuration_error_is_a_value_error():
    assert issubclass(ConfigError, ValueError)


def test_a_configuration_cannot_be_changed_once_built():
    with pytest.raises(ValueError, match="frozen"):
        DEFAULT_CONFIG.hysteresis = 0  # type: ignore[misc]

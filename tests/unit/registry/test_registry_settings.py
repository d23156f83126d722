"""The registry's own settings: the mandatory fields of the completeness KPI, and the import limit."""

import pytest
from pydantic import ValidationError

from registry.settings import DEFAULT_MANDATORY_FIELDS, RegistrySettings


def test_mandatory_fields_are_a_comma_separated_list_each_kept_once(monkeypatch):
    monkeypatch.setenv("REGISTRY_MANDATORY_FIELDS", " lease, unit ,lease,headcount")
    assert RegistrySettings().mandatory_fields == ("lease", "unit", "headcount")


def test_by_default_the_base_data_of_the_handbook_is_mandatory(monkeypatch):
    monkeypatch.delenv("REGISTRY_MANDATORY_FIELDS", raising=False)
    assert RegistrySettings().mandatory_fields == DEFAULT_MANDATORY_FIELDS
    assert set(DEFAULT_MANDATORY_FIELDS) == {
        "building_id", "unit", "lease", "headcount", "registered_in_district", "contacts"
    }  # fmt: skip


@pytest.mark.parametrize("value", ["lease,shoe_size", ""])
def test_a_field_no_visit_can_verify_or_no_field_at_all_is_refused(monkeypatch, value):
    monkeypatch.setenv("REGISTRY_MANDATORY_FIELDS", value)
    with pytest.raises(ValidationError, match="mandatory_fields"):
        RegistrySettings()


def test_an_import_holds_at_least_one_row(monkeypatch):
    monkeypatch.setenv("REGISTRY_IMPORT_MAX_ROWS", "0")
    with pytest.raises(ValidationError, match="import_max_rows"):
        RegistrySettings()

"""Enterprise and lease rules: what each change does, and that every change is one version."""

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from registry.domain.enterprise import (
    Contact,
    Departure,
    Enterprise,
    LeaseChanged,
    Moved,
    amend,
    depart,
    move,
    put_lease,
)
from registry.domain.errors import RuleBroken, StateConflict
from registry.domain.leases import Lease, is_renewal

TOWER, ANNEX = uuid.uuid4(), uuid.uuid4()


def an_enterprise(**changes: Any) -> Enterprise:
    enterprise = Enterprise.register(uuid.uuid4(), " 91440300708461136t", "Acme", TOWER, unit="2304")
    return replace(enterprise, **changes)


def a_lease(end: date = date(2026, 12, 31), unit: str = "2304", building=TOWER, **changes: Any) -> Lease:
    return replace(Lease(building, unit, date(2025, 1, 1), end), **changes)


def test_registration_normalises_the_credit_code_and_starts_at_version_one():
    enterprise = an_enterprise()
    assert enterprise.credit_code == "91440300708461136T"
    assert enterprise.version == 1


def test_registration_refuses_an_invalid_credit_code():
    with pytest.raises(RuleBroken) as broken:
        Enterprise.register(uuid.uuid4(), "91440300708461136X", "Acme", TOWER)
    assert (broken.value.field, broken.value.rule) == ("credit_code", "check_character")


def test_amending_reports_only_the_fields_that_change():
    updated = amend(an_enterprise(), {"name": "Acme", "headcount": 40, "industry": "consulting"})
    assert updated is not None
    assert updated.changed == ("industry", "headcount")
    assert (updated.enterprise.headcount, updated.enterprise.version) == (40, 2)


def test_amending_with_the_same_values_changes_nothing():
    enterprise = an_enterprise(headcount=40)
    assert amend(enterprise, {"headcount": 40, "key_enterprise": False}) is None


def test_replacing_a_contact_list_with_an_equal_one_changes_nothing():
    people = (Contact(uuid.uuid4(), "Li Wei", "office manager"),)
    assert amend(an_enterprise(contacts=people), {"contacts": people}) is None


def test_a_new_unit_is_a_move_that_remembers_where_from():
    moved = move(an_enterprise(), ANNEX, "101")
    assert moved is not None
    assert (moved.from_building_id, moved.from_unit) == (TOWER, "2304")
    assert (moved.enterprise.building_id, moved.enterprise.unit, moved.enterprise.version) == (
        ANNEX,
        "101",
        2,
    )


def test_staying_put_is_no_move():
    assert move(an_enterprise(), TOWER, "2304") is None


def test_a_first_lease_is_no_renewal():
    [changed] = put_lease(an_enterprise(), a_lease())
    assert isinstance(changed, LeaseChanged)
    assert (changed.renewal, changed.previous_end) == (False, None)


def test_a_lease_whose_end_moves_later_is_a_renewal():
    [changed] = put_lease(an_enterprise(lease=a_lease()), a_lease(end=date(2029, 12, 31)))
    assert isinstance(changed, LeaseChanged)
    assert (changed.renewal, changed.previous_end) == (True, date(2026, 12, 31))


def test_a_lease_whose_end_moves_earlier_or_stays_is_no_renewal():
    current = a_lease()
    assert not is_renewal(current, a_lease(end=date(2026, 6, 30)))
    assert not is_renewal(current, a_lease(renewal_status="negotiating"))


def test_putting_the_same_lease_again_changes_nothing():
    assert put_lease(an_enterprise(lease=a_lease()), a_lease()) == []


def test_a_lease_of_another_unit_moves_the_enterprise_first():
    moved, changed = put_lease(an_enterprise(), a_lease(unit="101", building=ANNEX))
    assert isinstance(moved, Moved)
    assert isinstance(changed, LeaseChanged)
    assert (moved.enterprise.version, changed.enterprise.version) == (2, 3)
    assert (changed.enterprise.building_id, changed.enterprise.unit) == (ANNEX, "101")


def test_a_lease_cannot_end_before_it_starts():
    with pytest.raises(RuleBroken) as broken:
        Lease(TOWER, "2304", date(2026, 1, 2), date(2026, 1, 1))
    assert (broken.value.field, broken.value.rule) == ("end", "end_before_start")


def test_a_lease_may_start_and_end_on_one_day():
    assert Lease(TOWER, "2304", date(2026, 1, 1), date(2026, 1, 1)).end == date(2026, 1, 1)


def test_an_enterprise_leaves_once():
    left = depart(an_enterprise(), Departure(date(2026, 3, 1), "Pudong"))
    assert left.enterprise.departure == Departure(date(2026, 3, 1), "Pudong")
    with pytest.raises(StateConflict):
        depart(left.enterprise, Departure(date(2026, 3, 2)))

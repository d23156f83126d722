"""Contract events become commands; a value added to an enum after this build means "no change"."""

from datetime import date
from uuid import uuid4

from cases.domain import Colour, Mechanism
from cases.handlers import enterprise_seen, raised_need, rating
from district_shared.contracts.needs import NeedRaisedV1
from district_shared.contracts.registry import EnterpriseLeftV1, EnterpriseUpdatedV1
from district_shared.contracts.risk import RatingChangedV1
from tests.unit.cases.factories import at

ENTERPRISE = {
    "enterprise_id": uuid4(),
    "version": 3,
    "credit_code": "91310000MA1FL0000X",
    "building_id": uuid4(),
    "unit": "2304",
    "industry": None,
    "headcount": None,
    "key_enterprise": True,
    "registered_in_district": True,
    "contact_ids": [],
    "contact_count": 0,
    "actor": "staff-17",
}


def a_rating(**fields) -> RatingChangedV1:
    data = {
        "enterprise_id": uuid4(),
        "from": "yellow",
        "to": "orange",
        "colour": "orange",
        "score": 62.5,
        "factors": [],
        "cause": {"type": "clock", "at": at(2026, 3, 2, 9)},
        "building_id": None,
        "key_enterprise": False,
        "departed": False,
        "rated_at": at(2026, 3, 2, 9),
    }
    return RatingChangedV1.model_validate(data | fields)


def a_need(**fields) -> NeedRaisedV1:
    data = {
        "need_id": uuid4(),
        "enterprise_id": None,
        "requester": "employee",
        "channel": "hotline",
        "category_code": "social_insurance",
        "default_mechanism": "platform",
        "sla_working_days": 5,
        "solvable_on_spot": False,
        "departments_involved": ["social_security", "tax"],
        "key_enterprise": False,
        "raised_at": at(2026, 3, 2, 9),
        "description": "transfer of social insurance",
        "actor": "staff-17",
    }
    return NeedRaisedV1.model_validate(data | fields)


def test_a_rating_becomes_the_colour_it_turned_to():
    assert rating(a_rating(to="red")).to is Colour.RED


def test_a_colour_added_after_this_build_changes_nothing():
    assert rating(a_rating(to="purple")).to is None


def test_a_need_keeps_the_catalogues_mechanism_and_counts_its_departments():
    need = raised_need(a_need())
    assert (need.default_mechanism, need.departments_involved, need.enterprise_id) == (
        Mechanism.PLATFORM,
        2,
        None,
    )


def test_a_catalogue_mechanism_added_after_this_build_is_left_to_the_other_rules():
    assert raised_need(a_need(default_mechanism="city_hotline")).default_mechanism is None


def test_only_the_enterprise_left_event_is_a_departure():
    left = EnterpriseLeftV1(**ENTERPRISE, departed_on=date(2026, 3, 1), destination=None)
    updated = EnterpriseUpdatedV1(**ENTERPRISE, changed=["industry"])
    assert (enterprise_seen(left).departed, enterprise_seen(updated).departed) == (True, False)
    assert enterprise_seen(updated).key_enterprise is True

"""The shipped service catalogue, and the rules every entry of the file must follow."""

import re
from dataclasses import asdict
from typing import Any

import pytest

from registry.domain.catalogue import catalogue, entry
from registry.use_cases.catalogue import shipped_catalogue

SLUG = re.compile(r"^[a-z]+(_[a-z]+)*$")


def test_the_shipped_catalogue_offers_about_thirty_on_site_services_and_self_services():
    services = shipped_catalogue()
    on_site = [s for s in services if s.delivery == "on_site"]
    assert 30 <= len(on_site) <= 35 and len(services) - len(on_site) >= 25
    for group in (on_site, [s for s in services if s.delivery == "self_service"]):
        assert {s.area for s in group} == {"party", "government", "daily_life"}
        assert {s.audience for s in group} == {"organisation", "enterprise", "individual"}
    assert all(SLUG.match(s.category_code) for s in services)
    assert {"company_registration", "new_entity_registration"} <= {s.category_code for s in services}


def test_a_service_solvable_on_the_spot_is_handled_at_once():
    for service in shipped_catalogue():
        if service.solvable_on_spot:
            assert (service.default_mechanism, service.sla_working_days) == ("immediate", 1), service


def raw(**changes: Any) -> dict[str, Any]:
    good = asdict(shipped_catalogue()[0])
    return {**good, "departments_involved": list(good["departments_involved"]), **changes}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"audience": "robots"}, "audience 'robots' is not one of"),
        ({"default_mechanism": "magic"}, "default_mechanism 'magic' is not one of"),
        ({"sla_working_days": 0}, "sla_working_days must be a whole number of at least 1"),
        ({"departments_involved": []}, "departments_involved must name at least one department"),
        ({"colour": "red"}, "fields must be exactly"),
    ],
)
def test_a_bad_entry_is_refused_naming_its_code_and_fault(bad, message):
    with pytest.raises(ValueError, match=re.escape(message)) as refused:
        entry(raw(**bad))
    assert str(refused.value).startswith(f"{raw()['category_code']}: ")


def test_a_code_listed_twice_is_refused():
    with pytest.raises(ValueError, match="category codes listed twice"):
        catalogue([raw(), raw(name="Another name")])

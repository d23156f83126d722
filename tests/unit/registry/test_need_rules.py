"""Needs: an enterprise asks for enterprise and organisation services, an employee for individual ones."""

import uuid
from dataclasses import replace

import pytest

from registry.domain.catalogue import CatalogueEntry
from registry.domain.errors import RuleBroken
from registry.domain.needs import Terms, requester_of, terms_for

REGISTRATION = CatalogueEntry(
    category_code="company_registration",
    name="Company registration",
    area="government",
    delivery="on_site",
    audience="enterprise",
    default_mechanism="platform",
    sla_working_days=5,
    solvable_on_spot=False,
    departments_involved=("District Market Supervision Administration",),
)


def test_a_need_without_an_enterprise_is_an_employees():
    assert (requester_of(None), requester_of(uuid.uuid4())) == ("employee", "enterprise")


def test_a_need_takes_the_catalogue_terms_of_its_category():
    assert terms_for(REGISTRATION, "enterprise", "category_code") == Terms(
        "company_registration", "platform", 5, False, ("District Market Supervision Administration",)
    )


@pytest.mark.parametrize(
    ("audience", "requester", "allowed"),
    [
        ("enterprise", "enterprise", True),
        ("organisation", "enterprise", True),
        ("individual", "enterprise", False),
        ("individual", "employee", True),
        ("enterprise", "employee", False),
        ("organisation", "employee", False),
    ],
)
def test_each_audience_serves_its_own_requesters(audience, requester, allowed):
    entry = replace(REGISTRATION, audience=audience)
    if allowed:
        assert terms_for(entry, requester, "category_code").category_code == "company_registration"
    else:
        with pytest.raises(RuleBroken) as refused:
            terms_for(entry, requester, "needs[0].category_code")
        assert (refused.value.field, refused.value.rule) == ("needs[0].category_code", "wrong_audience")

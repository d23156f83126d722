"""Enterprise facts joined from three topics: the latest by effective time wins, in any arrival order."""

from itertools import permutations
from uuid import UUID

from cases.domain import Colour, EnterpriseFacts, Observation
from tests.unit.cases.factories import ENTERPRISE_ID, at

BUILDING_A = UUID("00000000-0000-4000-8000-0000000000b1")
BUILDING_B = UUID("00000000-0000-4000-8000-0000000000b2")
OBSERVATIONS = [
    Observation(at=at(2026, 3, 2, 9), key_enterprise=False, building_id=BUILDING_A),
    Observation(at=at(2026, 3, 2, 10), colour=Colour.YELLOW, key_enterprise=True),
    Observation(at=at(2026, 3, 2, 11), building_id=BUILDING_B),
    Observation(at=at(2026, 3, 2, 12), colour=Colour.ORANGE),
    Observation(at=at(2026, 3, 2, 8), colour=Colour.GREEN, key_enterprise=False, departed=True),
]


def placeholder() -> EnterpriseFacts:
    return EnterpriseFacts(enterprise_id=ENTERPRISE_ID)


def folded(observations) -> EnterpriseFacts:
    facts = placeholder()
    for seen in observations:
        facts = facts.observe(seen)
    return facts


def test_an_enterprise_seen_for_the_first_time_is_a_placeholder_with_nothing_known():
    facts = placeholder()
    assert (facts.key_enterprise, facts.building_id, facts.colour, facts.departed) == (
        False,
        None,
        None,
        False,
    )


def test_each_fact_keeps_its_latest_value_by_effective_time():
    facts = folded(OBSERVATIONS)
    assert (facts.key_enterprise, facts.building_id, facts.colour) == (True, BUILDING_B, Colour.ORANGE)
    assert (facts.key_as_of, facts.building_as_of, facts.colour_as_of) == (
        at(2026, 3, 2, 10),
        at(2026, 3, 2, 11),
        at(2026, 3, 2, 12),
    )


def test_the_arrival_order_does_not_change_the_facts():
    assert {folded(order) for order in permutations(OBSERVATIONS)} == {folded(OBSERVATIONS)}


def test_an_older_event_arriving_late_does_not_overwrite_a_newer_fact():
    newer = placeholder().observe(Observation(at=at(2026, 3, 2, 10), colour=Colour.RED))
    assert newer.observe(Observation(at=at(2026, 3, 2, 9), colour=Colour.BLUE)).colour is Colour.RED


def test_an_event_that_does_not_state_a_fact_leaves_it_alone():
    known = placeholder().observe(
        Observation(at=at(2026, 3, 2, 9), key_enterprise=True, building_id=BUILDING_A)
    )
    later = known.observe(Observation(at=at(2026, 3, 2, 10), colour=Colour.BLUE))
    assert (later.key_enterprise, later.building_id) == (True, BUILDING_A)


def test_a_departure_stays_even_when_a_later_event_does_not_mention_it():
    departed = placeholder().observe(Observation(at=at(2026, 3, 2, 9), departed=True))
    assert departed.observe(Observation(at=at(2026, 3, 2, 10), key_enterprise=True)).departed is True

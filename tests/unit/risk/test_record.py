"""Re-rating a record: the first rating and every new colour are changes to announce; the cause and
`since` of the colour shown move only with it; a lapsed override is dropped; profiles merge by version."""

import uuid
from datetime import timedelta

from risk.domain import (
    DEFAULT_CONFIG,
    Colour,
    EnterpriseRecord,
    Override,
    Profile,
    RatingCause,
    apply_lease,
    rerate,
)
from risk.domain.record import Rerated
from tests.unit.risk.factories import NOW, enterprise, lease_ending_in

ACME = uuid.uuid4()
FIRST, SECOND = RatingCause.event("first"), RatingCause.event("second")


def rerated(record: EnterpriseRecord, cause: RatingCause = FIRST, now=NOW) -> Rerated:
    return rerate(record, now, cause, DEFAULT_CONFIG, "Asia/Shanghai")


def test_the_first_rating_is_a_change_from_no_colour():
    first = rerated(EnterpriseRecord(ACME))
    assert (first.changed, first.previous_colour) == (True, None)
    current = first.record.current
    assert current is not None
    assert (current.colour, current.cause, current.since, current.rated_at) == (Colour.BLUE, FIRST, NOW, NOW)


def test_a_rating_in_the_same_colour_keeps_the_cause_and_since_of_that_colour():
    first = rerated(EnterpriseRecord(ACME)).record
    later = rerated(first, SECOND, NOW + timedelta(hours=1))
    assert later.changed is False
    assert later.record.current is not None
    assert (later.record.current.cause, later.record.current.since) == (FIRST, NOW)
    assert later.record.current.rated_at == NOW + timedelta(hours=1)


def test_a_new_colour_is_a_change_with_its_own_cause():
    first = rerated(EnterpriseRecord(ACME)).record
    facts = apply_lease(first.facts, lease_ending_in(60))
    orange = rerated(EnterpriseRecord(ACME, facts, current=first.current), SECOND)
    assert (orange.changed, orange.previous_colour) == (True, Colour.BLUE)
    assert orange.record.current is not None
    assert (orange.record.current.colour, orange.record.current.cause) == (Colour.ORANGE, SECOND)


def test_an_override_shows_until_it_lapses_then_it_is_dropped():
    override = Override(colour=Colour.RED, reason="talks failed", by="staff-7", until=NOW + timedelta(days=1))
    shown = rerated(EnterpriseRecord(ACME, enterprise(lease=lease_ending_in(120)), override=override))
    lapsed = rerated(shown.record, SECOND, NOW + timedelta(days=1))
    assert shown.record.current is not None and lapsed.record.current is not None
    assert (shown.record.current.colour, shown.record.current.rating.colour) == (Colour.RED, Colour.YELLOW)
    assert (lapsed.changed, lapsed.record.current.colour, lapsed.record.override) == (
        True,
        Colour.YELLOW,
        None,
    )


def test_a_profile_follows_the_latest_registry_version_and_a_visit_only_fills_a_gap():
    registry, elsewhere = Profile(uuid.uuid4(), True, 3), uuid.uuid4()
    assert registry.merge(Profile(elsewhere, False, 2)) == registry
    assert registry.merge(Profile(elsewhere)) == registry  # a visit (version 0) never overrides registry
    assert Profile().merge(Profile(elsewhere)).building_id == elsewhere
    assert registry.merge(Profile(None, False, 4)) == Profile(registry.building_id, False, 4)

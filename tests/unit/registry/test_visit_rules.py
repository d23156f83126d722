"""Visits and signals: no observation from the future, each verified field once, a signal resolved once."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from registry.domain.errors import RuleBroken, StateConflict
from registry.domain.visits import Signal, not_in_the_future, resolve, verified

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def a_signal() -> Signal:
    return Signal(uuid.uuid4(), uuid.uuid4(), "relocation_intent", NOW - timedelta(days=3))


def test_an_observation_up_to_now_is_accepted_and_one_after_it_is_not():
    assert not_in_the_future("visited_at", NOW, NOW) == NOW
    with pytest.raises(RuleBroken) as refused:
        not_in_the_future("signals[1].observed_at", NOW + timedelta(seconds=1), NOW)
    assert (refused.value.field, refused.value.rule) == ("signals[1].observed_at", "in_the_future")


def test_verified_fields_are_kept_once_each_in_the_order_first_given():
    assert verified(["lease", "unit", "lease", "headcount", "unit"]) == ("lease", "unit", "headcount")


def test_a_signal_is_active_until_resolved_with_its_reason_and_time():
    resolved = resolve(a_signal(), "Renewed for five years", NOW)
    assert (resolved.active, resolved.resolved_at, resolved.resolution) == (
        False,
        NOW,
        "Renewed for five years",
    )
    assert a_signal().active


def test_a_resolved_signal_cannot_be_resolved_again():
    resolved = resolve(a_signal(), "Renewed", NOW)
    with pytest.raises(StateConflict) as refused:
        resolve(resolved, "Again", NOW + timedelta(hours=1))
    assert refused.value.field == "signal_id"


def test_a_broken_rule_inside_a_part_is_named_from_the_part():
    inner = RuleBroken("end", "end_before_start", "the lease ends before it starts")
    outer = inner.inside("lease")
    assert (outer.field, outer.rule, outer.reason) == ("lease.end", "end_before_start", inner.reason)

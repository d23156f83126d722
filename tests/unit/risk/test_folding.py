"""Folding facts is order-independent: the latest fact by its own time wins, whatever the arrival order."""

import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from functools import reduce

import pytest

from risk.domain import (
    EnterpriseFacts,
    RenewalStatus,
    SignalCode,
    apply_departure,
    apply_headcount,
    apply_key_enterprise,
    apply_lease,
    apply_retention_case,
    apply_signal,
    apply_visit,
    rate,
    resolve_signal,
)
from risk.domain.config import DEFAULT_CONFIG
from risk.domain.folding import HEADCOUNT_HISTORY
from tests.unit.risk.factories import NOW, days_ago, lease_ending_in, rated, signal

Fold = Callable[[EnterpriseFacts], EnterpriseFacts]

INTENT = signal(SignalCode.RELOCATION_INTENT, observed_days_ago=40, signal_id="intent")
ARREARS = signal(SignalCode.TAX_ARREARS, observed_days_ago=20, signal_id="arrears")
HISTORY: list[Fold] = [
    lambda facts: apply_lease(facts, lease_ending_in(60, changed_at=days_ago(300))),
    lambda facts: apply_lease(facts, lease_ending_in(1000, RenewalStatus.RENEWED, changed_at=days_ago(30))),
    lambda facts: apply_signal(facts, INTENT),
    lambda facts: apply_signal(facts, ARREARS),
    lambda facts: resolve_signal(facts, "arrears", days_ago(5)),
    lambda facts: apply_visit(facts, days_ago(10)),
    lambda facts: apply_retention_case(facts, "case-1", True, days_ago(8)),
]
LATER: list[Fold] = [
    lambda facts: apply_retention_case(facts, "case-1", False, days_ago(3)),
    lambda facts: apply_key_enterprise(facts, True, days_ago(90)),
    lambda facts: apply_key_enterprise(facts, False, days_ago(9)),
    lambda facts: apply_departure(facts, True, days_ago(7)),
    lambda facts: apply_visit(facts, days_ago(50)),
    lambda facts: apply_departure(facts, False, days_ago(6)),
    lambda facts: apply_headcount(facts, 60, days_ago(2)),
]


def fold(folds: list[Fold] | tuple[Fold, ...]) -> EnterpriseFacts:
    return reduce(lambda facts, step: step(facts), folds, EnterpriseFacts())


def test_the_first_history_folded_in_every_order_gives_the_same_facts_and_rating():
    expected = fold(HISTORY)
    for order in itertools.permutations(HISTORY):
        assert fold(order) == expected
    assert rated(expected).colour == "blue"  # renewed after the intent: superseded, arrears resolved


def test_flags_and_headcounts_folded_in_every_order_give_the_same_facts():
    expected = fold(LATER)
    for order in itertools.permutations(LATER):
        assert fold(order) == expected
    assert expected.is_key_enterprise is False
    assert expected.departed is not None and expected.departed.value is False
    assert [case.overdue for case in expected.retention_cases] == [False]
    assert expected.last_visit_at == days_ago(50)


def test_folding_the_same_facts_in_reverse_serialises_identically():
    assert fold(HISTORY + LATER).model_dump_json() == fold(list(reversed(HISTORY + LATER))).model_dump_json()


def test_an_older_lease_change_arriving_later_does_not_overwrite_a_newer_one():
    newer = lease_ending_in(1000, RenewalStatus.RENEWED, changed_at=days_ago(1))
    older = lease_ending_in(60, changed_at=days_ago(100))
    facts = apply_lease(apply_lease(EnterpriseFacts(), newer), older)
    assert facts.lease == newer
    assert rated(facts).colour == "blue"


def test_a_redelivered_fact_changes_nothing():
    once = apply_signal(apply_lease(EnterpriseFacts(), lease_ending_in(60)), INTENT)
    assert apply_signal(apply_lease(once, lease_ending_in(60)), INTENT) == once


def test_a_breach_arriving_after_the_resolution_of_its_case_leaves_it_resolved():
    resolved_first = apply_retention_case(EnterpriseFacts(), "case-1", False, days_ago(1))
    facts = apply_retention_case(resolved_first, "case-1", True, days_ago(5))
    assert facts.retention_cases[0].overdue is False


def test_the_same_instant_in_two_offsets_is_the_same_fact():
    shanghai = datetime(2026, 3, 1, 18, 0, tzinfo=timezone(timedelta(hours=8)))
    facts = apply_visit(apply_visit(EnterpriseFacts(), shanghai), shanghai.astimezone(UTC))
    assert facts.last_visit_at == datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    assert facts.last_visit_at.tzinfo is UTC


def test_instants_without_an_offset_are_refused():
    with pytest.raises(ValueError, match="offset"):
        apply_visit(EnterpriseFacts(), datetime(2026, 3, 1, 18, 0))
    with pytest.raises(ValueError, match="timezone"):
        apply_departure(EnterpriseFacts(), True, datetime(2026, 3, 1, 18, 0))
    with pytest.raises(ValueError, match="offset"):
        rate(EnterpriseFacts(), datetime(2026, 3, 1, 18, 0), DEFAULT_CONFIG)


def test_headcount_history_is_bounded_and_pruned_the_same_in_any_order():
    def report(years: int) -> Fold:
        return lambda facts: apply_headcount(facts, 50 + years, NOW - timedelta(days=300 * years))

    reports = [report(years) for years in range(5)]
    expected = fold(reports)
    for order in itertools.permutations(reports):
        assert fold(order) == expected
    oldest_kept = NOW - HEADCOUNT_HISTORY
    assert [point.headcount for point in expected.headcounts] == [53, 52, 51, 50]
    assert sum(point.at < oldest_kept for point in expected.headcounts) == 1


def test_two_headcounts_at_the_same_instant_keep_the_larger_whatever_the_order():
    one = apply_headcount(apply_headcount(EnterpriseFacts(), 40, NOW), 45, NOW)
    other = apply_headcount(apply_headcount(EnterpriseFacts(), 45, NOW), 40, NOW)
    assert one == other and one.headcounts[0].headcount == 45


def test_two_lease_changes_stamped_with_one_instant_are_ordered_by_their_revision():
    longer = lease_ending_in(1000, RenewalStatus.RENEWED, changed_at=NOW).model_copy(update={"revision": 2})
    shorter = lease_ending_in(30, changed_at=NOW).model_copy(update={"revision": 3})
    for first, second in ((longer, shorter), (shorter, longer)):
        assert apply_lease(apply_lease(EnterpriseFacts(), first), second).lease == shorter


def test_two_headcounts_stamped_with_one_instant_are_ordered_by_their_revision():
    one = apply_headcount(apply_headcount(EnterpriseFacts(), 40, NOW, revision=1), 20, NOW, revision=2)
    other = apply_headcount(apply_headcount(EnterpriseFacts(), 20, NOW, revision=2), 40, NOW, revision=1)
    assert one == other
    assert [point.headcount for point in one.headcounts] == [40, 20]


def test_rating_the_same_facts_at_the_same_instant_gives_the_same_rating():
    facts = fold(HISTORY + LATER)
    assert rated(facts) == rated(facts)
    assert rated(facts).model_dump_json() == rated(fold(list(reversed(HISTORY + LATER)))).model_dump_json()

"""A signal counts while active: until resolved, superseded by a lease change, or decayed."""

from datetime import date, timedelta

import pytest

from risk.domain import Colour, Lease, RenewalStatus, SignalCode, apply_lease, apply_signal, resolve_signal
from risk.domain.facts import EnterpriseFacts
from tests.unit.risk.factories import (
    NOW,
    codes,
    config_with,
    days_ago,
    enterprise,
    lease_ending_in,
    rated,
    signal,
)


def extension(changed_days_ago: float, days_left_at_change: int) -> Lease:
    """A lease change made `changed_days_ago` that put the end `days_left_at_change` days after its date."""
    changed_at = days_ago(changed_days_ago)
    end = changed_at.date() + timedelta(days=days_left_at_change)
    return Lease(start=date(2023, 1, 1), end=end, renewal_status=RenewalStatus.RENEWED, changed_at=changed_at)


def test_a_fresh_signal_counts_its_full_weight():
    (factor,) = rated(enterprise(signals=[signal(SignalCode.RELOCATION_INTENT)])).factors
    assert (factor.weight, factor.contribution, factor.evidence["strength"]) == (40.0, 40.0, 1.0)


def test_a_signal_half_way_through_its_decay_window_counts_half_its_weight():
    rating = rated(enterprise(signals=[signal(SignalCode.RELOCATION_INTENT, observed_days_ago=90)]))
    (factor,) = rating.factors
    assert (factor.contribution, factor.evidence["strength"]) == (20.0, 0.5)
    assert rating.colour is Colour.ORANGE  # the floor holds while the signal is active


def test_a_signal_just_before_the_end_of_its_window_still_counts():
    rating = rated(enterprise(signals=[signal(SignalCode.RELOCATION_INTENT, observed_days_ago=179.9)]))
    assert (rating.colour, codes(rating)) == (Colour.ORANGE, {"relocation_intent"})


@pytest.mark.parametrize("observed_days_ago", [180, 181, 1000])
def test_a_fully_decayed_signal_no_longer_counts(observed_days_ago):
    rating = rated(
        enterprise(signals=[signal(SignalCode.RELOCATION_INTENT, observed_days_ago=observed_days_ago)])
    )
    assert (rating.colour, rating.factors) == (Colour.BLUE, ())


def test_the_decay_window_comes_from_the_configuration():
    config = config_with(signals={"decay_days": 30})
    rating = rated(enterprise(signals=[signal(SignalCode.COMPLAINT, observed_days_ago=15)]), config=config)
    assert rating.factors[0].contribution == 5.0


def test_a_signal_stamped_after_now_counts_in_full():
    rating = rated(enterprise(signals=[signal(SignalCode.COMPLAINT, observed_days_ago=-0.01)]))
    assert rating.factors[0].contribution == 10.0


def test_resolving_a_relocation_intent_brings_the_enterprise_down():
    intent = signal(SignalCode.RELOCATION_INTENT, observed_days_ago=20)
    facts = enterprise(signals=[intent])
    orange = rated(facts)
    rating = rated(resolve_signal(facts, intent.id, days_ago(1)), previous=orange)
    assert (orange.colour, rating.colour, rating.factors) == (Colour.ORANGE, Colour.BLUE, ())


def test_a_signal_reported_already_resolved_does_not_count():
    intent = signal(SignalCode.RELOCATION_INTENT).model_copy(update={"resolved_at": NOW})
    assert rated(enterprise(signals=[intent])).factors == ()


def test_a_resolution_arriving_before_its_signal_still_resolves_it():
    intent = signal(SignalCode.RELOCATION_INTENT, observed_days_ago=5)
    facts = apply_signal(resolve_signal(EnterpriseFacts(), intent.id, days_ago(1)), intent)
    assert rated(facts).colour is Colour.BLUE


def test_resolving_one_signal_leaves_the_others_counting():
    complaint, arrears = signal(SignalCode.COMPLAINT), signal(SignalCode.TAX_ARREARS)
    facts = resolve_signal(enterprise(signals=[complaint, arrears]), complaint.id, NOW)
    assert codes(rated(facts)) == {"tax_arrears"}


@pytest.mark.parametrize("code", [SignalCode.RELOCATION_INTENT, SignalCode.LEASE_EXPIRING])
def test_a_lease_extension_made_after_the_signal_supersedes_it(code):
    facts = apply_lease(enterprise(signals=[signal(code, observed_days_ago=30)]), extension(10, 365))
    assert rated(facts).factors == ()


def test_a_lease_extension_does_not_supersede_other_signals():
    facts = apply_lease(
        enterprise(signals=[signal(SignalCode.TAX_ARREARS, observed_days_ago=30)]), extension(10, 900)
    )
    assert codes(rated(facts)) == {"tax_arrears"}


def test_a_lease_change_made_before_the_signal_does_not_supersede_it():
    facts = apply_lease(
        enterprise(signals=[signal(SignalCode.RELOCATION_INTENT, observed_days_ago=5)]), extension(10, 900)
    )
    assert rated(facts).colour is Colour.ORANGE


def test_a_lease_change_leaving_less_than_365_days_does_not_supersede():
    facts = apply_lease(
        enterprise(signals=[signal(SignalCode.RELOCATION_INTENT, observed_days_ago=30)]), extension(10, 364)
    )
    assert rated(facts).colour is Colour.ORANGE


def test_a_superseded_signal_stays_superseded_when_a_later_change_shortens_the_lease():
    facts = enterprise(signals=[signal(SignalCode.RELOCATION_INTENT, observed_days_ago=30)])
    facts = apply_lease(apply_lease(facts, extension(10, 900)), lease_ending_in(200, changed_at=days_ago(5)))
    assert rated(facts).factors == ()


def test_a_signal_reported_after_the_extension_counts_again():
    facts = apply_lease(
        enterprise(signals=[signal(SignalCode.RELOCATION_INTENT, observed_days_ago=1)]), extension(10, 900)
    )
    assert rated(facts).colour is Colour.ORANGE


def test_repeated_signals_of_one_code_count_once_by_the_strongest():
    facts = enterprise(
        signals=[
            signal(SignalCode.COMPLAINT, observed_days_ago=90),
            signal(SignalCode.COMPLAINT, observed_days_ago=0),
        ]
    )
    (factor,) = rated(facts).factors
    assert (factor.contribution, factor.evidence["active_signals"]) == (10.0, 2)


def test_a_lease_expiring_signal_adds_to_the_lease_end_factor():
    facts = enterprise(lease=lease_ending_in(120), signals=[signal(SignalCode.LEASE_EXPIRING)])
    assert (codes(rated(facts)), rated(facts).score) == ({"lease_ending", "lease_expiring"}, 35.0)

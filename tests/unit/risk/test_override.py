"""Staff overrides replace the computed colour until they expire; then the computed colour returns."""

from datetime import datetime, timedelta

import pytest
from pydantic import ValidationError

from risk.domain import Colour, Override, override_in_force, resolve_colour
from tests.unit.risk.factories import NOW


def override(colour: Colour = Colour.ORANGE, until: datetime = NOW + timedelta(days=7)) -> Override:
    return Override(
        colour=colour, reason="moving out of building 12, talks under way", by="staff-7", until=until
    )


def test_an_override_replaces_the_computed_colour_before_it_expires():
    resolved = resolve_colour(Colour.BLUE, override(), NOW)
    assert (resolved.colour, resolved.overridden, resolved.override) == (Colour.ORANGE, True, override())


def test_the_computed_colour_returns_when_the_override_expires():
    expired = override(until=NOW)
    resolved = resolve_colour(Colour.BLUE, expired, NOW)
    assert (resolved.colour, resolved.overridden) == (Colour.BLUE, False)


def test_an_override_holds_until_the_last_instant_before_until():
    assert (
        resolve_colour(Colour.BLUE, override(until=NOW + timedelta(microseconds=1)), NOW).colour
        is Colour.ORANGE
    )


def test_an_override_may_lower_the_colour_as_well_as_raise_it():
    assert resolve_colour(Colour.ORANGE, override(Colour.GREEN), NOW).colour is Colour.GREEN


def test_without_an_override_the_computed_colour_stands():
    resolved = resolve_colour(Colour.YELLOW, None, NOW)
    assert (resolved.colour, resolved.override) == (Colour.YELLOW, None)


def test_override_in_force_tells_whether_the_override_still_applies():
    assert override_in_force(override(), NOW)
    assert not override_in_force(override(), NOW + timedelta(days=7))
    assert not override_in_force(None, NOW)


def test_an_override_needs_a_reason_an_author_and_an_expiry_with_an_offset():
    with pytest.raises(ValidationError, match="reason"):
        Override(colour=Colour.RED, reason="  ", by="staff-7", until=NOW)
    with pytest.raises(ValidationError, match="by"):
        Override(colour=Colour.RED, reason="why", by="", until=NOW)
    with pytest.raises(ValidationError, match="until"):
        Override(colour=Colour.RED, reason="why", by="staff-7", until=datetime(2026, 3, 9))


def test_resolving_needs_now_with_an_offset():
    with pytest.raises(ValueError, match="offset"):
        resolve_colour(Colour.BLUE, override(), datetime(2026, 3, 2))

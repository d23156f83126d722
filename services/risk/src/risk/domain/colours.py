"""The five colours (DESIGN §3), ordered from stable to about to leave or fail."""

from enum import StrEnum


class Colour(StrEnum):
    """A stability mark; members are declared from lowest to highest risk."""

    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"


_ORDER: tuple[Colour, ...] = tuple(Colour)


def rank(colour: Colour) -> int:
    """Position on the risk scale: green 0 … red 4."""
    return _ORDER.index(colour)


def highest(first: Colour, *others: Colour) -> Colour:
    """The riskiest of the given colours."""
    return max((first, *others), key=rank)


def at_least(colour: Colour, threshold: Colour) -> bool:
    """Whether `colour` is `threshold` or riskier."""
    return rank(colour) >= rank(threshold)

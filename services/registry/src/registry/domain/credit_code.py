"""The Unified Social Credit Code (GB 32100-2015) and the organisation code inside it (GB 11714-1997).

Layout: 1 registration authority, 2 organisation type, 3-8 administrative division, 9-17 the
organisation code (8 characters and its own check character), 18 the code's check character.
"""

from registry.domain.errors import RuleBroken

FIELD = "credit_code"
LENGTH = 18
# Digits and capital letters without I, O, S, V, Z (they read like 1, 0, 5, U, 2).
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {character: value for value, character in enumerate(ALPHABET)}
_WEIGHTS = tuple(pow(3, i, 31) for i in range(LENGTH - 1))  # 1, 3, 9, 27, 19, 26, …
_ORGANISATION_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def normalise(raw: str) -> str:
    """Trimmed and upper-cased, as codes are stored and compared."""
    return raw.strip().upper()


def check_character(first17: str) -> str:
    """The 18th character of a code that begins with `first17` (GB 32100-2015, modulus 31)."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[-total % 31]


def organisation_check_character(body: str) -> str:
    """The 9th character of an organisation code whose first eight are `body` (GB 11714, modulus 11)."""
    # GB 11714 values letters from A=10 to Z=35, whatever the credit code's alphabet leaves out.
    total = sum(int(c, 36) * w for c, w in zip(body, _ORGANISATION_WEIGHTS, strict=True))
    value = -total % 11
    return "X" if value == 10 else str(value)


def parse(raw: str) -> str:
    """The normalised code; `RuleBroken` naming the first rule it breaks."""
    code = normalise(raw)
    if len(code) != LENGTH:
        raise RuleBroken(FIELD, "length", f"must be {LENGTH} characters, got {len(code)}")
    for position, character in enumerate(code, start=1):
        if character not in _VALUE:
            raise RuleBroken(
                FIELD,
                "alphabet",
                f"character {character!r} at position {position} is not one of {ALPHABET}",
            )
    if code[17] != check_character(code[:17]):
        raise RuleBroken(
            FIELD,
            "check_character",
            "character 18 is not the GB 32100-2015 check character of the 17 before it",
        )
    if code[16] != organisation_check_character(code[8:16]):
        raise RuleBroken(
            FIELD,
            "organisation_code_check_character",
            "character 17 is not the check character of the organisation code in characters 9-16 (GB 11714)",
        )
    return code

"""Valid Unified Social Credit Codes made to order: the check characters are computed, not copied."""

import random

from registry.domain.credit_code import ALPHABET, check_character, organisation_check_character

# Organisation codes (GB 11714) are written in digits and capitals; inside a credit code only the
# credit code's alphabet can appear.
ORGANISATION_BODY = ALPHABET


def valid_credit_code(rng: random.Random) -> str:
    """A random code that passes every rule: authority, type, division, organisation code, check."""
    authority = rng.choice("123456789ANY")
    kind = rng.choice("123459")
    division = "".join(rng.choices("0123456789", k=6))
    body = "".join(rng.choices(ORGANISATION_BODY, k=8))
    first17 = authority + kind + division + body + organisation_check_character(body)
    return first17 + check_character(first17)


def credit_codes(count: int, seed: int = 4) -> list[str]:
    """`count` distinct valid codes, the same ones for the same seed."""
    rng, codes = random.Random(seed), set[str]()
    while len(codes) < count:
        codes.add(valid_credit_code(rng))
    return sorted(codes)

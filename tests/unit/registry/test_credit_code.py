"""The Unified Social Credit Code: 18 characters of its alphabet, two check characters, one normal form."""

import random

import pytest

from registry.domain.credit_code import (
    ALPHABET,
    check_character,
    normalise,
    organisation_check_character,
    parse,
)
from registry.domain.errors import RuleBroken
from tests.unit.registry.factories import valid_credit_code

# Published codes of real enterprises (e.g. Huawei Technologies Co., Ltd. and Shenzhen Tencent Computer
# Systems Co., Ltd.) and a widely cited example code: both check characters hold in each.
REAL_CODES = [
    "914403001922038216",
    "91440300708461136T",
    "91330100799655058B",
    "91110108551385082Q",
    "91350100M000100Y43",
]


def rule_broken_by(code: str) -> str:
    with pytest.raises(RuleBroken) as broken:
        parse(code)
    assert broken.value.field == "credit_code"
    assert broken.value.reason.startswith(f"{broken.value.rule}: ")
    return broken.value.rule


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code):
    assert parse(code) == code


@pytest.mark.parametrize("seed", range(200))
def test_codes_with_computed_check_characters_are_valid(seed):
    code = valid_credit_code(random.Random(seed))
    assert parse(code) == code


def test_the_check_characters_of_a_real_code_are_the_computed_ones():
    code = "91440300708461136T"
    assert check_character(code[:17]) == "T"
    assert organisation_check_character(code[8:16]) == "6"


def test_organisation_check_values_ten_and_eleven_are_written_x_and_zero():
    assert organisation_check_character("MA1FL1MM") == "X"  # from the real code 91310000MA1FL1MMXL
    assert organisation_check_character("00000000") == "0"


def test_a_code_is_trimmed_and_upper_cased_before_it_is_checked():
    assert normalise("  91440300708461136t \n") == "91440300708461136T"
    assert parse(" 91440300708461136t ") == "91440300708461136T"


@pytest.mark.parametrize("code", ["", "9144030070846113", "91440300708461136T0", "9144 0300708461136T"])
def test_a_code_of_another_length_breaks_the_length_rule(code):
    assert rule_broken_by(code) == "length"


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z", "-", "中"])
def test_a_character_outside_the_alphabet_breaks_the_alphabet_rule(letter):
    code = "91440300708461136T"
    assert rule_broken_by(code[:5] + letter + code[6:]) == "alphabet"


def test_the_alphabet_has_31_characters_without_i_o_s_v_z():
    assert len(ALPHABET) == 31
    assert not set("IOSVZ") & set(ALPHABET)


@pytest.mark.parametrize("seed", range(20))
def test_any_other_last_character_breaks_the_check_character_rule(seed):
    code = valid_credit_code(random.Random(seed))
    for wrong in set(ALPHABET) - {code[17]}:
        assert rule_broken_by(code[:17] + wrong) == "check_character"


def test_a_wrong_organisation_check_character_is_caught_even_when_the_last_one_matches():
    code = "91440300708461136T"
    first17 = code[:16] + "7"  # the organisation code's check is 6
    assert rule_broken_by(first17 + check_character(first17)) == "organisation_code_check_character"


def test_a_swapped_pair_of_characters_is_caught():
    code = "91440300708461136T"
    assert rule_broken_by(code[:9] + code[10] + code[9] + code[11:]) == "check_character"

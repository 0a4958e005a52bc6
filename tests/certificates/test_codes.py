"""Verification codes: unguessable, typed in groups, forgiving of the usual slips."""

import math

import pytest

from certificates import codes
from certificates.models import Certificate

pytestmark = pytest.mark.django_db

CODE = "7KQ2M9XD4RTA0HWE"


def test_a_code_is_sixteen_characters_of_the_crockford_alphabet():
    code = codes.new_code()

    assert len(code) == 16
    assert set(code) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def test_a_code_carries_at_least_80_bits_of_entropy():
    assert len(codes.ALPHABET) == 32
    assert not set(codes.ALPHABET) & set("ILOU")
    assert codes.LENGTH * math.log2(len(codes.ALPHABET)) >= 80


def test_codes_use_the_whole_alphabet_at_random():
    drawn = [codes.new_code() for _ in range(2000)]

    assert len(set(drawn)) == 2000
    assert set("".join(drawn)) == set(codes.ALPHABET)


def test_a_code_is_displayed_in_groups_of_four():
    assert codes.display(CODE) == "7KQ2-M9XD-4RTA-0HWE"


@pytest.mark.parametrize(
    "typed",
    [
        "7KQ2-M9XD-4RTA-0HWE",
        "7kq2-m9xd-4rta-0hwe",
        "7kq2m9xd4rta0hwe",
        " 7KQ2 M9XD 4RTA 0HWE ",
        "7KQ2-M9XD-4RTA-OHWE",  # the letter O for the digit 0
    ],
)
def test_typed_codes_are_read_whatever_the_case_and_dashes(typed):
    assert codes.normalise(typed) == CODE


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("IK00-0000-0000-0000", "1K00000000000000"), ("LK00-0000-0000-0000", "1K00000000000000")],
)
def test_the_letters_i_and_l_are_read_as_the_digit_one(typed, meant):
    assert codes.normalise(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "7KQ2-M9XD-4RTA",  # too short
        "7KQ2-M9XD-4RTA-0HWE-A",  # too long
        "7KQ2-M9XD-4RTA-0HWU",  # U is not in the alphabet
        "7KQ2-M9XD-4RTA-0\u041dW\u0415",  # Cyrillic EN and IE look like Latin H and E
    ],
)
def test_codes_of_the_wrong_length_or_characters_are_refused(typed):
    assert codes.normalise(typed) is None


def test_every_certificate_gets_its_own_code(learner, course, template):
    certificates = Certificate.objects.bulk_create(
        Certificate(learner=learner, course=course, template=template, status="revoked")
        for _ in range(300)
    )

    stored = set(Certificate.objects.values_list("code", flat=True))
    assert len(stored) == len(certificates) == 300
    assert all(codes.normalise(code) == code for code in stored)

"""Verification codes: 80 random bits written as 16 Crockford base-32 characters in groups of
four ("7KQ2-M9XD-4RTA-0HWE"). No I, L, O or U, so nothing is ambiguous to type; reading is
case-insensitive and forgives the usual slips (O for 0, I and L for 1) and missing dashes."""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16  # 16 x 5 bits = 80 bits of entropy
_SLIPS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(typed: str) -> str | None:
    """The stored form of a typed code, or None if it cannot be one."""
    code = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_SLIPS)
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code

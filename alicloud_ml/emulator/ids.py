"""Random parts of ids and timestamps shaped like the cloud's (`vpc-` + 21 lowercase letters and digits)."""

from __future__ import annotations

import os
import secrets
import string
import time

_ALNUM = string.ascii_lowercase + string.digits
ACCOUNT_ID = "1234567890123456"  # the emulated account; never a real one


def rand(n: int) -> str:
    """n random lowercase letters and digits (the body of ids like vpc-…); 252 = 7 × 36 keeps it unbiased."""
    out = [_ALNUM[b % 36] for b in os.urandom(n * 2) if b < 252]
    return "".join(out[:n]) if len(out) >= n else rand(n)


def hexid(n: int) -> str:
    return secrets.token_hex((n + 1) // 2)[:n]


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def number(digits: int) -> str:
    """A numeric id of `digits` digits (RAM role ids, workspace ids)."""
    return str(secrets.randbelow(9 * 10 ** (digits - 1)) + 10 ** (digits - 1))

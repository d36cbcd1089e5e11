"""Go's `fmt`, `time` and `acctest` as the provider's tests use them, made deterministic.

The acceptance tests build names and configs with `fmt.Sprintf`, random numbers from `acctest` and
dates from `time.Now()`. The replayer needs the same text every run, so "random" draws come from a
hash of the test and the draw's position, and the clock is fixed (`FIXED_NOW`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

#: The clock every `time.Now()` of an extracted test reads: fixed so the data is the same in every checkout,
#: and years ahead so "a start time in the future" stays in the future (README Assumptions).
FIXED_NOW = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)

#: terraform-plugin-sdk v1.17.2 helper/acctest/random.go: the character sets of RandString*.
CHARSET_ALPHA = "abcdefghijklmnopqrstuvwxyz"
CHARSET_ALPHA_NUM = "abcdefghijklmnopqrstuvwxyz012346789"

_VERB = re.compile(r"%(\[\d+\])?([-+# 0]*)(\*|\d+)?(?:\.(\d+))?(\[\d+\])?([a-zA-Z%])|[^%]+|%$")


class Draws:
    """Deterministic stand-ins for acctest's random draws: the n-th draw of one test is always the same."""

    def __init__(self, seed: str):
        self.seed = seed
        self.count = 0

    def _next(self) -> int:
        self.count += 1
        digest = hashlib.sha256(f"{self.seed}#{self.count}".encode()).digest()
        return int.from_bytes(digest[:8], "big")

    def int_range(self, low: int, high: int) -> int:
        """acctest.RandIntRange(min, max): min + rand.Intn(max-min)."""
        return low + self._next() % max(high - low, 1)

    def integer(self) -> int:
        """acctest.RandInt(): rand.Int(), a non-negative 63-bit int (names get its 18-19 digits, as upstream)."""
        return self._next() % (1 << 63)

    def string(self, length: int, charset: str = CHARSET_ALPHA_NUM) -> str:
        value = self._next()
        out = []
        for _ in range(length):
            out.append(charset[value % len(charset)])
            value = value // len(charset) or self._next()
        return "".join(out)


def go_repr(value: Any, verb: str = "v") -> str:
    """How Go prints a value with %v (and %s for strings): `true`, `[a b]`, `map[k:v]`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value).removesuffix(".0") if value == int(value) and abs(value) < 1e21 else repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(go_repr(v) for v in value) + "]"
    if isinstance(value, dict):
        return "map[" + " ".join(f"{go_repr(k)}:{go_repr(v)}" for k, v in sorted(value.items(), key=str)) + "]"
    if value is None:
        return "<nil>"
    return str(value)


def _go_type(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float64"
    if isinstance(value, str):
        return "string"
    return "interface {}"


def go_quote(value: str) -> str:
    """strconv.Quote for the printable strings tests quote: JSON's escaping without \\u for non-ASCII."""
    return json.dumps(value, ensure_ascii=False)


class Unformattable(ValueError):
    """An argument fmt.Sprintf would print, but the replayer cannot know (a run-time value)."""


def sprintf(fmt: str, args: list[Any]) -> str:
    """Go's fmt.Sprintf: verbs s v d q t x f g, flags, width, precision, explicit indexes `%[2]s`,
    and Go's own complaints (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA ...)`) where it would print them."""
    out: list[str] = []
    index = 0
    reordered = False
    for m in _VERB.finditer(fmt):
        if m.group(6) is None:
            out.append("%!(NOVERB)" if m.group(0) == "%" else m.group(0))
            continue
        explicit, flags, width, precision, explicit2, verb = m.groups()
        if verb == "%":
            out.append("%")
            continue
        if explicit or explicit2:
            index = int((explicit or explicit2)[1:-1]) - 1
            reordered = True
        if index >= len(args):
            out.append(f"%!{verb}(MISSING)" if not reordered else f"%!{verb}(BADINDEX)")
            continue
        value = args[index]
        index += 1
        out.append(_pad(_format_one(verb, value, precision), flags or "", int(width) if width and width != "*" else 0))
    if not reordered and index < len(args):
        out.append("%!(EXTRA " + ", ".join(f"{_go_type(a)}={go_repr(a)}" for a in args[index:]) + ")")
    return "".join(out)


def _format_one(verb: str, value: Any, precision: str | None) -> str:
    if not isinstance(value, (str, int, float, bool, list, tuple, dict)) and value is not None:
        detail = f"{getattr(value, 'reason', type(value).__name__)} at {getattr(value, 'where', '?')}"
        raise Unformattable(f"fmt verb %{verb} of a run-time value ({detail})")
    if verb in "sv":
        if verb == "s" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return f"%!s({_go_type(value)}={go_repr(value)})"
        text = go_repr(value)
        return text[:int(precision)] if precision is not None and verb == "s" else text
    if verb == "d":
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return f"%!d({_go_type(value)}={go_repr(value)})"
    if verb == "q":
        return go_quote(value) if isinstance(value, str) else f"%!q({_go_type(value)}={go_repr(value)})"
    if verb == "t":
        return go_repr(value) if isinstance(value, bool) else f"%!t({_go_type(value)}={go_repr(value)})"
    if verb in "xX" and isinstance(value, (int, str)) and not isinstance(value, bool):
        text = format(value, "x") if isinstance(value, int) else value.encode().hex()
        return text.upper() if verb == "X" else text
    if verb in "fFgGe" and isinstance(value, (int, float)) and not isinstance(value, bool):
        if verb in "fF":
            return f"{float(value):.{int(precision) if precision is not None else 6}f}"
        return go_repr(float(value))
    return f"%!{verb}({_go_type(value)}={go_repr(value)})"


def _pad(text: str, flags: str, width: int) -> str:
    if len(text) >= width:
        return text
    if "-" in flags:
        return text.ljust(width)
    if "0" in flags and re.fullmatch(r"-?\d+(\.\d+)?", text):
        sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
        return sign + digits.rjust(width - len(sign), "0")
    return text.rjust(width)


@dataclass(frozen=True)
class GoDuration:
    """A time.Duration in nanoseconds."""

    ns: int


@dataclass(frozen=True)
class GoTime:
    """A time.Time on the fixed clock."""

    at: dt.datetime

    def add_date(self, years: int, months: int, days: int) -> GoTime:
        month0 = self.at.month - 1 + months
        year = self.at.year + years + month0 // 12
        first = self.at.replace(year=year, month=month0 % 12 + 1, day=1)
        return GoTime(first + dt.timedelta(days=self.at.day - 1 + days))  # Go normalizes overflowing days

    def add(self, duration: GoDuration) -> GoTime:
        return GoTime(self.at + dt.timedelta(microseconds=duration.ns / 1000))

    def utc(self) -> GoTime:
        return GoTime(self.at.astimezone(dt.timezone.utc))

    def unix(self) -> int:
        return int(self.at.timestamp())

    def unix_milli(self) -> int:
        return int(self.at.timestamp() * 1000)

    def format(self, layout: str) -> str:
        return go_time_format(self.at, layout)


#: Go's reference-time layout elements (time/format.go), longest first.
_LAYOUT = re.compile(r"2006|Z07:00|Z0700|Z07|-07:00|-0700|-07|January|Monday|Jan|Mon|MST|01|02|_2|15|03|04|05"
                     r"|\.0+|\.9+|PM|pm|06|1|2|3|4|5")


def go_time_format(at: dt.datetime, layout: str) -> str:
    """time.Time.Format with Go's reference layout ("2006-01-02T15:04:05Z07:00")."""
    def one(m: re.Match[str]) -> str:
        token = m.group(0)
        offset = at.utcoffset() or dt.timedelta(0)
        if token.startswith("Z") and not offset:
            return "Z"
        if token in ("Z07:00", "-07:00", "Z0700", "-0700", "Z07", "-07"):
            minutes = int(offset.total_seconds() // 60)
            sign = "-" if minutes < 0 else "+"
            hh, mm = divmod(abs(minutes), 60)
            return f"{sign}{hh:02d}" + (f":{mm:02d}" if ":" in token else "" if token.endswith("07") else f"{mm:02d}")
        if token.startswith(".0"):
            return "." + f"{at.microsecond:06d}000"[:len(token) - 1]
        if token.startswith(".9"):
            digits = f"{at.microsecond:06d}000"[:len(token) - 1].rstrip("0")
            return "." + digits if digits else ""
        return {"2006": f"{at.year:04d}", "06": f"{at.year % 100:02d}", "01": f"{at.month:02d}", "1": str(at.month),
                "Jan": at.strftime("%b"), "January": at.strftime("%B"), "02": f"{at.day:02d}", "2": str(at.day),
                "_2": f"{at.day:2d}", "15": f"{at.hour:02d}", "03": f"{(at.hour % 12) or 12:02d}",
                "3": str((at.hour % 12) or 12), "04": f"{at.minute:02d}", "4": str(at.minute),
                "05": f"{at.second:02d}", "5": str(at.second), "PM": "PM" if at.hour >= 12 else "AM",
                "pm": "pm" if at.hour >= 12 else "am", "Mon": at.strftime("%a"), "Monday": at.strftime("%A"),
                "MST": "UTC"}[token]
    return _LAYOUT.sub(one, layout)


#: time package constants in nanoseconds.
DURATIONS = {"time.Nanosecond": 1, "time.Microsecond": 1_000, "time.Millisecond": 1_000_000,
             "time.Second": 1_000_000_000, "time.Minute": 60_000_000_000, "time.Hour": 3_600_000_000_000}


def parse_duration(text: str) -> GoDuration:
    """time.ParseDuration for the forms tests use ("1h30m", "90s", "10m")."""
    units = {"ns": 1, "us": 1_000, "ms": 1_000_000, "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)", text)
    if not parts:
        raise ValueError(f"time: invalid duration {text!r}")
    return GoDuration(int(sum(float(n) * units[u] for n, u in parts)))

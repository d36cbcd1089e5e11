"""Number and money formatting shared by every renderer, so a figure reads the same everywhere."""

from __future__ import annotations


def money(value: float, currency: str) -> str:
    """`CNY 7,365.70`; `-CNY 12.00` for negatives."""
    sign = "-" if value < -0.005 else ""
    return f"{sign}{currency} {abs(value):,.2f}"


def delta(value: float, currency: str) -> str:
    """`+CNY 7,365.70`, `-CNY 12.00`, `CNY 0.00`."""
    if abs(value) < 0.005:
        return f"{currency} 0.00"
    return ("+" if value > 0 else "") + money(value, currency)


def percent(before: float, after: float) -> str:
    """`(+52%)`; empty when there is no baseline to compare with."""
    if abs(before) < 0.005:
        return ""
    change = (after - before) / before * 100
    return "" if abs(change) < 0.5 else f" ({change:+.0f}%)"


def count(n: float) -> str:
    return f"{n:,.0f}" if float(n).is_integer() else f"{n:,.2f}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def where(construct_path: str, address: str) -> str:
    """The construct path a reviewer recognises (`ml-dev/Platform/Inference/GpuPool`), else the address."""
    if not construct_path:
        return address
    return construct_path[: -len("/Resource")] if construct_path.endswith("/Resource") else construct_path

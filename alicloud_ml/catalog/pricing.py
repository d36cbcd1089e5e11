"""Monthly money from price-table rows: unit conversion, which file a row came from, one currency.

Kept beside the price table so every consumer (review, cost, future budget gates) converts units
and reports provenance the same way: 730 hours a month, and a figure never mixes currencies.
"""

from __future__ import annotations

from pathlib import Path

from alicloud_ml.catalog import Price, PriceTable, read_price_file
from alicloud_ml.errors import InputError

HOURS_PER_MONTH = 730

# unit -> (what the quantity counts, multiplier to a month)
UNITS: dict[str, tuple[str, int]] = {
    "hour": ("count", HOURS_PER_MONTH), "month": ("count", 1),
    "GiB-hour": ("GiB", HOURS_PER_MONTH), "GiB-month": ("GiB", 1),
    "Mbps-hour": ("Mbps", HOURS_PER_MONTH), "Mbps-month": ("Mbps", 1),
}


class PriceBook:
    """The built-in table layered with an optional user file; remembers which rows an estimate used."""

    def __init__(self, override: Path | str | None = None):
        self.default_file = PriceTable.DEFAULT_FILE
        self.override = Path(override) if override is not None else None
        default = read_price_file(self.default_file)
        user = read_price_file(self.override) if self.override is not None else {}
        self.table = PriceTable({**default, **user})
        self._user = set(user)
        self.used: dict[str, Price] = {}

    def origin(self, sku: str) -> Path:
        return self.override if (self.override is not None and sku in self._user) else self.default_file

    def label(self, sku: str) -> str:
        """`built-in` or the user file's path, for reports."""
        return "built-in" if self.origin(sku) == self.default_file else str(self.override)

    def lookup(self, *skus: str) -> Price | None:
        """The first of `skus` the table has (most specific first)."""
        for sku in skus:
            price = self.table.get(sku)
            if price is not None:
                return price
        return None

    def monthly(self, price: Price, counts: str, quantity: float) -> float:
        """Money per month for `quantity` of `counts` (`count`, `GiB`, `Mbps`) at `price`."""
        kind, factor = UNITS.get(price.unit, (None, 0))
        if kind != counts:
            accepted = ", ".join(u for u, (k, _) in UNITS.items() if k == counts)
            raise InputError(str(self.origin(price.sku)), f"sku {price.sku}.unit", f"unit {price.unit!r} cannot price this",
                             accepted=accepted)
        self.used[price.sku] = price
        return price.price * factor * quantity

    def provenance(self) -> dict[str, list[str] | str]:
        """Currency, dates, regions and sources of the rows used (of the whole table when none were)."""
        rows = list(self.used.values()) or list(self.table.prices.values())
        currencies = sorted({p.currency for p in rows})
        if len(currencies) > 1:
            where = self.override or self.default_file
            raise InputError(str(where), "currency", f"an estimate would mix {', '.join(currencies)}",
                             accepted="one currency across the built-in table and --prices",
                             hint="convert the --prices file to one currency")
        return {
            "currency": currencies[0] if currencies else "CNY",
            "dates": sorted({p.date for p in rows}),
            "regions": sorted({p.region for p in rows}),
            "sources": sorted({p.source for p in rows}),
            "files": sorted({self.label(p.sku) for p in rows}),
        }

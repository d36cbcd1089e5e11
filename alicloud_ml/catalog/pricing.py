"""Monthly money from price-table rows: which row prices a SKU in a region, unit conversion, provenance.

Kept beside the price table so every consumer (review, cost, future budget gates) converts units and
reports provenance the same way: 730 hours a month, one currency per figure, and every row used named
with its file, URL and date. Three layers, most specific last: the shipped table of official rows,
the newest file `alicloud-ml prices refresh` wrote for each region (billing-API prices), a `--prices`
file of the user's own.
"""

from __future__ import annotations

import re
from pathlib import Path

from alicloud_ml.catalog.prices import Price, PriceTable, read_price_file
from alicloud_ml.errors import InputError

HOURS_PER_MONTH = 730
DAYS_PER_MONTH = HOURS_PER_MONTH / 24

#: Where `prices refresh` writes and where `cost`/`review` look (relative to the working directory).
REFRESHED_DIR = Path(".alicloud-ml/prices")
REFRESHED_NAME = re.compile(r"^prices-(?P<region>[a-z]+-[a-z]+(?:-\d+)?)-(?P<date>\d{4}-\d{2}-\d{2})\.csv$")

# Fixed-rate units: unit -> (what the quantity counts, multiplier to a month)
UNITS: dict[str, tuple[str, float]] = {
    "hour": ("count", HOURS_PER_MONTH), "day": ("count", DAYS_PER_MONTH), "month": ("count", 1),
    "GiB-hour": ("GiB", HOURS_PER_MONTH), "GiB-day": ("GiB", DAYS_PER_MONTH), "GiB-month": ("GiB", 1),
    "Mbps-hour": ("Mbps", HOURS_PER_MONTH), "Mbps-day": ("Mbps", DAYS_PER_MONTH), "Mbps-month": ("Mbps", 1),
}
# Usage-rate units: the monthly figure needs a declared quantity (`--usage`); shown apart from the totals.
USAGE_UNITS: dict[str, str] = {
    "GB": "GB per month", "GB-day": "GB stored (× days in the month)", "CU": "CUs per month",
    "CU-hour": "CUs per hour (× hours in the month)", "million": "millions of requests per month",
    "10k-calls": "10,000s of calls per month",
}
# How a usage quantity declared "per month" (or "stored"/"per hour") turns into billed units in a month.
USAGE_FACTOR = {"GB-day": DAYS_PER_MONTH, "CU-hour": HOURS_PER_MONTH}


def refreshed_files(directory: Path | None) -> list[Path]:
    """The newest `prices-<region>-<date>.csv` per region in `directory` (none when it does not exist)."""
    if directory is None or not directory.is_dir():
        return []
    newest: dict[str, tuple[str, Path]] = {}
    for path in directory.iterdir():
        match = REFRESHED_NAME.match(path.name)
        if match and (match["region"] not in newest or match["date"] > newest[match["region"]][0]):
            newest[match["region"]] = (match["date"], path)
    return [path for _, path in sorted(newest.values(), key=lambda item: item[1].name)]


class PriceBook:
    """The shipped table, refreshed files and an optional user file; remembers which rows an estimate used."""

    def __init__(self, override: Path | str | None = None, refreshed_dir: Path | None | str = "default"):
        if refreshed_dir == "default":  # read at call time, so a test can point it at its own files
            refreshed_dir = REFRESHED_DIR
        self.default_file = PriceTable.DEFAULT_FILE
        self.override = Path(override) if override is not None else None
        self.origins: dict[tuple[str, str], str] = {}
        rows: dict[tuple[str, str], Price] = {}
        # refreshed files by name (the directory is the working tree's, not something a comment should carry)
        layers = [(self.default_file, "built-in")] + [(f, f"refreshed {f.name}") for f in refreshed_files(
            Path(refreshed_dir) if refreshed_dir is not None else None)]
        if self.override is not None:
            layers.append((self.override, str(self.override)))
        for path, label in layers:
            for key, price in read_price_file(path).items():
                rows[key] = price
                self.origins[key] = label
        self.table = PriceTable(rows)
        self.used: dict[tuple[str, str], Price] = {}

    def label(self, price: Price) -> str:
        """`built-in`, or the path of the refreshed or user file the row came from, for reports."""
        return self.origins.get((price.sku, price.region), "built-in")

    def lookup(self, region: str | None, *skus: str) -> Price | None:
        """The first of `skus` the table has for `region` (most specific first); None without a region."""
        if region is None:
            return None
        for sku in skus:
            price = self.table.get(sku, region)
            if price is not None:
                return price
        return None

    def monthly(self, price: Price, counts: str, quantity: float) -> float:
        """Money per month for `quantity` of `counts` (`count`, `GiB`, `Mbps`) at `price`."""
        kind, factor = UNITS.get(price.unit, (None, 0))
        if kind != counts:
            accepted = ", ".join(u for u, (k, _) in UNITS.items() if k == counts)
            raise InputError(self.label(price), f"sku {price.sku} ({price.region}).unit", f"unit {price.unit!r} cannot price this",
                             accepted=accepted)
        self.used[(price.sku, price.region)] = price
        return price.price * factor * quantity

    def usage_monthly(self, price: Price, quantity: float | None) -> float | None:
        """Money per month for a declared usage `quantity` in the row's usage unit (None: not declared)."""
        if price.unit not in USAGE_UNITS:
            raise InputError(self.label(price), f"sku {price.sku} ({price.region}).unit",
                             f"unit {price.unit!r} is not a usage unit", accepted=", ".join(USAGE_UNITS))
        self.used[(price.sku, price.region)] = price
        return None if quantity is None else price.price * quantity * USAGE_FACTOR.get(price.unit, 1)

    def provenance(self) -> dict[str, list[str] | str]:
        """Currency, dates, regions, sources and files of the rows used (of the whole table when none were)."""
        rows = list(self.used.values()) or list(self.table.prices.values())
        currencies = sorted({p.currency for p in rows})
        if len(currencies) > 1 and self.used:
            where = self.override or self.default_file
            raise InputError(str(where), "currency", f"an estimate would mix {', '.join(currencies)}",
                             accepted="stacks of one site (China site regions price in CNY, international regions "
                                      "in USD) and --prices in that currency",
                             hint="estimate the stacks of each site separately (--stack)")
        return {
            "currency": currencies[0] if len(currencies) == 1 else "/".join(currencies) or "CNY",
            "dates": sorted({p.date for p in rows}),
            "regions": sorted({p.region for p in rows}),
            "sources": sorted({p.url or p.source for p in rows}),
            "files": sorted({self.label(p) for p in rows}),
        }

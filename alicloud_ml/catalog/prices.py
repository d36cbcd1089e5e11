"""The price-table file format: region-scoped rows, each with its source URL and the date it was read.

One row prices one SKU in one region (`cn-shanghai`, `ap-southeast-1`, ...) in that site's currency
(CNY on the China site, USD on the international site). The shipped table (`prices.csv`) holds only
rows copied from Alibaba Cloud's own price documents; a file written by `alicloud-ml prices refresh`
(rows from the billing API) and a user's `--prices` file use the same columns and override it row by
row, keyed by (sku, region).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from alicloud_ml.errors import InputError

_HERE = Path(__file__).parent

PRICE_COLUMNS = ("sku", "unit", "price", "currency", "region", "date", "source")
#: Optional columns: where the figure was read (a URL, or the API that answered) and on which day.
OPTIONAL_COLUMNS = ("url", "read")


@dataclass(frozen=True)
class Price:
    sku: str
    unit: str
    price: float
    currency: str
    region: str
    date: str
    source: str
    url: str = ""
    read: str = ""


class PriceTable:
    """Rows keyed by (sku, region); `PriceTable.load(user_file)` layers a user file on the shipped table."""

    DEFAULT_FILE = _HERE / "prices.csv"

    def __init__(self, prices: dict[tuple[str, str], Price]):
        self.prices = prices

    @classmethod
    def load(cls, override: Path | str | None = None) -> PriceTable:
        prices = read_price_file(cls.DEFAULT_FILE)
        if override is not None:
            prices.update(read_price_file(Path(override)))
        return cls(prices)

    def get(self, sku: str, region: str | None = None) -> Price | None:
        """The row of `sku` in `region`; with no region, the first row of `sku` (sorted by region)."""
        if region is not None:
            return self.prices.get((sku, region))
        rows = sorted((p for (s, _), p in self.prices.items() if s == sku), key=lambda p: p.region)
        return rows[0] if rows else None

    def regions(self) -> list[str]:
        return sorted({region for _, region in self.prices})


def read_price_file(path: Path) -> dict[tuple[str, str], Price]:
    """Read a price CSV; raises `InputError` naming the file, row and column on bad input."""
    if not path.is_file():
        raise InputError(str(path), "", "price file not found", accepted="a CSV file with columns " + ",".join(PRICE_COLUMNS))
    out: dict[tuple[str, str], Price] = {}
    with path.open(newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in PRICE_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(str(path), "header", f"missing columns {', '.join(missing)}",
                             accepted=",".join(PRICE_COLUMNS + OPTIONAL_COLUMNS))
        for lineno, row in enumerate(reader, start=2):
            try:
                value = float(row["price"])
            except (TypeError, ValueError):
                raise InputError(str(path), f"line {lineno}.price", f"invalid value {row['price']!r}",
                                 accepted="a non-negative number") from None
            if value < 0:
                raise InputError(str(path), f"line {lineno}.price", f"invalid value {value}", accepted="a non-negative number")
            if not (row.get("region") or "").strip():
                raise InputError(str(path), f"line {lineno}.region", "empty", accepted="a region id such as cn-shanghai")
            price = Price(row["sku"], row["unit"], value, row["currency"], row["region"].strip(), row["date"],
                          row["source"], (row.get("url") or "").strip(), (row.get("read") or "").strip())
            out[(price.sku, price.region)] = price
    return out


def write_price_file(path: Path, prices: list[Price]) -> None:
    """Write rows (sorted by region, then sku) atomically: beside the target, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(PRICE_COLUMNS + OPTIONAL_COLUMNS)
        for p in sorted(prices, key=lambda p: (p.region, p.sku)):
            writer.writerow([p.sku, p.unit, f"{p.price:g}", p.currency, p.region, p.date, p.source, p.url, p.read])
    tmp.replace(path)

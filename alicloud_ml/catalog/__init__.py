"""Instance-type facts the toolkit validates against, and the dated price table costs come from.

The instance table is the GPU families ACK accepts as GPU nodes. The price table is a dated
list-price estimate (see each row's source, region, currency and date); a user file in the
same CSV format overrides it row by row (negotiated rates, other regions).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class InstanceType:
    instance_type: str
    family: str
    vcpu: int
    memory_gib: float
    gpu_count: int
    gpu_model: str
    gpu_memory_gib: int
    network_gbps: float
    erdma: bool
    bare_metal: bool

    @property
    def is_gpu(self) -> bool:
        return self.gpu_count > 0


@cache
def instance_types() -> dict[str, InstanceType]:
    """All catalogued instance types by name (e.g. `ecs.gn7i-c8g1.2xlarge`)."""
    data = json.loads((_HERE / "instance_types.json").read_text())
    return {row["instance_type"]: InstanceType(**row) for row in data["instance_types"]}


def get_instance_type(name: str) -> InstanceType | None:
    return instance_types().get(name)


@dataclass(frozen=True)
class Price:
    sku: str
    unit: str
    price: float
    currency: str
    region: str
    date: str
    source: str


class PriceTable:
    """SKU prices with their provenance; `PriceTable.load(user_file)` layers a user file on the default."""

    DEFAULT_FILE = _HERE / "prices.csv"

    def __init__(self, prices: dict[str, Price]):
        self.prices = prices

    @classmethod
    def load(cls, override: Path | str | None = None) -> "PriceTable":
        prices = read_price_file(cls.DEFAULT_FILE)
        if override is not None:
            prices.update(read_price_file(Path(override)))
        return cls(prices)

    def get(self, sku: str) -> Price | None:
        return self.prices.get(sku)


PRICE_COLUMNS = ("sku", "unit", "price", "currency", "region", "date", "source")


def read_price_file(path: Path) -> dict[str, Price]:
    """Read a price CSV; raises `InputError` naming the file, row and column on bad input."""
    from alicloud_ml.errors import InputError

    if not path.is_file():
        raise InputError(str(path), "", "price file not found", accepted="a CSV file with columns " + ",".join(PRICE_COLUMNS))
    out: dict[str, Price] = {}
    with path.open(newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in PRICE_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(str(path), "header", f"missing columns {', '.join(missing)}",
                             accepted=",".join(PRICE_COLUMNS))
        for lineno, row in enumerate(reader, start=2):
            try:
                value = float(row["price"])
            except ValueError:
                raise InputError(str(path), f"line {lineno}.price", f"invalid value {row['price']!r}",
                                 accepted="a non-negative number") from None
            if value < 0:
                raise InputError(str(path), f"line {lineno}.price", f"invalid value {value}", accepted="a non-negative number")
            out[row["sku"]] = Price(row["sku"], row["unit"], value, row["currency"], row["region"], row["date"], row["source"])
    return out

"""`alicloud-ml catalog`: the instance types the toolkit validates against, with their dated list prices.

The same tables the config checks and `cost` use (`alicloud_ml.catalog`), so what is listed here
is exactly what a platform file may name and what an estimate is priced from.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

ORDER = 55


class CatalogFormat(str, Enum):
    table = "table"
    json = "json"


def rows(gpu: bool | None = None, families: list[str] | None = None, region: str | None = None,
         erdma: bool | None = None, prices: Path | None = None) -> list[dict[str, Any]]:
    """Catalogued instance types matching the filters, each with its price row (or None)."""
    from alicloud_ml.catalog import family_source, instance_types
    from alicloud_ml.catalog.lookup import closest, unknown_region
    from alicloud_ml.catalog.pricing import PriceBook
    from alicloud_ml.errors import InputError

    types = instance_types()
    known = sorted({t.family for t in types.values()})
    for family in families or ():
        if family not in known:
            guess = closest(family, known)
            raise InputError("--family", "", f"unknown family {family!r}", ", ".join(known),
                             f"did you mean `{guess}`?" if guess else None)
    if region is not None and (bad_region := unknown_region(region)) is not None:
        raise InputError("--region", "", *bad_region)
    table = PriceBook(prices).table  # shipped, refreshed (`prices refresh`) and --prices rows
    out = []
    for t in sorted(types.values(), key=lambda t: (not t.is_gpu, t.family, t.vcpu, t.instance_type)):
        price = table.get(t.instance_type, region)
        if region is not None and price is None:
            continue
        if (gpu is not None and t.is_gpu != gpu) or (families and t.family not in families) or \
                (erdma is not None and t.erdma != erdma):
            continue
        out.append({
            "instance_type": t.instance_type, "family": t.family, "vcpu": t.vcpu, "memory_gib": t.memory_gib,
            "gpu_count": t.gpu_count, "gpu_model": t.gpu_model or None, "gpu_memory_gib": t.gpu_memory_gib,
            "erdma": t.erdma, "bare_metal": t.bare_metal, "network_gbps": t.network_gbps,
            "spec_source": family_source(t.family),
            "price": None if price is None else {
                "amount": price.price, "currency": price.currency, "unit": price.unit, "region": price.region,
                "date": price.date, "source": price.source},
        })
    return out


def render_table(items: list[dict[str, Any]]) -> str:
    """Aligned columns; each price names its date and a numbered source listed below the table."""
    sources: dict[str, int] = {}
    lines = [("TYPE", "VCPU", "MEM GiB", "GPU", "GiB/GPU", "ERDMA", "PRICE", "DATE", "SOURCE")]
    for r in items:
        p = r["price"]
        ref = "-" if p is None else f"[{sources.setdefault(p['source'], len(sources) + 1)}]"
        lines.append((
            r["instance_type"], str(r["vcpu"]), f"{r['memory_gib']:g}",
            f"{r['gpu_count']} x {r['gpu_model']}" if r["gpu_count"] else "-",
            str(r["gpu_memory_gib"]) if r["gpu_count"] else "-", "yes" if r["erdma"] else "no",
            "-" if p is None else f"{p['amount']:.2f} {p['currency']}/{p['unit']} ({p['region']})",
            "-" if p is None else p["date"], ref,
        ))
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    text = "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)
    notes = [f"[{n}] {source}" for source, n in sources.items()]
    return text + "\n" + (("\nprice sources:\n" + "\n".join(notes) + "\n") if notes else "")


def register(app: typer.Typer) -> None:
    @app.command()
    def catalog(
        list_regions: Annotated[bool, typer.Option("--regions", help=(
            "List the region ids a platform may name (those aliyun/alicloud accepts) instead of instance "
            "types."))] = False,
        gpu: Annotated[bool | None, typer.Option("--gpu/--cpu", show_default=False,
                                                 help="Only GPU types, or only CPU types. Default: both.")] = None,
        family: Annotated[list[str] | None, typer.Option("--family", show_default=False,
                                                         help="Only this family, e.g. gn7i (repeatable). "
                                                              "Default: all.")] = None,
        region: Annotated[str | None, typer.Option("--region", show_default=False, help=(
            "Only types with a list price in this region (the catalog records no per-region "
            "availability). Default: all."))] = None,
        erdma: Annotated[bool | None, typer.Option("--erdma/--no-erdma", show_default=False,
                                                   help="Only types with (or without) eRDMA. Default: both.")] = None,
        prices: Annotated[Path | None, typer.Option("--prices", show_default=False, help=(
            "CSV (sku,unit,price,currency,region,date,source) whose rows override the built-in table. "
            "Default: built-in only."))] = None,
        fmt: Annotated[CatalogFormat, typer.Option("--format", show_default=False,
                                                   help="table or json. Default: table.")] = CatalogFormat.table,
    ) -> None:
        """List the catalogued instance types with vCPUs, memory, GPUs, eRDMA and dated prices.

        These are the types a platform file may name (GPU types in node pools and services, CPU
        types in the system pool). A price is a dated list-price estimate with its source;
        "-" means the table has no price for the type.

        \b
        Example:
          alicloud-ml catalog --gpu --family gn7i
          alicloud-ml catalog --erdma --format json
          alicloud-ml catalog --region cn-shanghai --prices negotiated.csv
          alicloud-ml catalog --regions

        Exit codes: 0 listed (also when nothing matches); 2 bad input (unknown family, region
        or --format, unreadable --prices file).
        """
        if list_regions:
            from alicloud_ml.catalog.regions import REGIONS

            typer.echo(json.dumps({"schema_version": 1, "regions": list(REGIONS)}, indent=2)
                       if fmt is CatalogFormat.json else "\n".join(REGIONS))
            return
        items = rows(gpu, family, region, erdma, prices)
        if fmt is CatalogFormat.json:
            typer.echo(json.dumps({"schema_version": 1, "instance_types": items}, indent=2))
            return
        if not items:
            from alicloud_ml.catalog.pricing import PriceBook

            regions = ", ".join(PriceBook(prices).table.regions())
            typer.echo("no catalogued instance type matches these filters"
                       + (f" (list prices are recorded for: {regions})" if region else ""), err=True)
            return
        typer.echo(render_table(items), nl=False)

"""`alicloud-ml prices refresh`: today's list prices from the billing API into .alicloud-ml/prices/."""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 55


def register(app: typer.Typer) -> None:
    prices = typer.Typer(name="prices", help="Price tables: refresh them from Alibaba Cloud's pricing APIs.",
                         no_args_is_help=True)
    prices.command(name="refresh")(refresh)
    app.add_typer(prices)


def refresh(
    region: list[str] = typer.Option(..., "--region", help="Region to price, e.g. cn-shanghai (repeatable). Required.",
                                     show_default=False),
    output_dir: Path = typer.Option(Path(".alicloud-ml/prices"), "--output-dir", help="Where to write "
                                    "prices-<region>-<date>.csv; `cost` and `review` read the newest per region from "
                                    "here. Default: .alicloud-ml/prices.", show_default=False),
    endpoint: str | None = typer.Option(None, "--endpoint", hidden=True, help="scheme://host:port serving both APIs "
                                        "(a loopback test double)."),
) -> None:
    """Write today's pay-as-you-go list prices for every catalogued instance type, disk category and EIP.

    Calls ECS DescribePrice and BSS GetPayAsYouGoPrice with your usual Alibaba Cloud credentials
    (environment variables, `aliyun configure` profile, or the instance's RAM role); the key needs
    ecs:DescribePrice and bssapi:GetPayAsYouGoPrice (docs/cost.md). Types the region does not sell are
    listed and stay unpriced.

    \b
    Example:
      alicloud-ml prices refresh --region cn-shanghai --region ap-southeast-1

    Exit codes: 0 written; 2 no or rejected credentials, API error, bad region.
    """
    import re

    from alicloud_ml.catalog.refresh import refresh as run
    from alicloud_ml.catalog.regions import REGION_PATTERN
    from alicloud_ml.errors import InputError

    for name in region:
        if not re.fullmatch(REGION_PATTERN, name):
            raise InputError("--region", "", f"invalid value {name!r}", accepted="a region id such as cn-shanghai")
    for name in region:
        path, missing = run(name, output_dir, endpoint=endpoint)
        typer.echo(f"wrote {path}" + (f" ({len(missing)} not sold in {name}: {', '.join(missing)})" if missing else ""))

"""`alicloud-ml cost`: monthly estimate of synthesized stacks, or of a Terraform plan, from the price catalog."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

ORDER = 50


class CostFormat(str, Enum):
    """`table` is the human format's name in every command (`check --format table`)."""

    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command(name="cost")(cost)


def cost(
    path: Path = typer.Argument(..., help="A cdktf.out directory, one cdk.tf.json, or a `terraform show -json` "
                                "plan (of any root, HCL modules included: resources are named by module address)."),
    prices: Path | None = typer.Option(None, "--prices", help="CSV (sku,unit,price,currency,region,date,source) "
                                       "whose rows override the built-in table. Default: built-in only.", show_default=False),
    spot_discount: float = typer.Option(0.7, "--spot-discount", help="Fraction off list price for spot node pools: "
                                        "spot costs list × (1 − discount). Default: 0.7.", show_default=False),
    stack: list[str] = typer.Option([], "--stack", help="Only these stacks. Default: all.", show_default=False),
    output_format: CostFormat = typer.Option(CostFormat.table, "--format", help="table or json. Default: table.", show_default=False),
) -> None:
    """Estimate monthly cost from the price catalog (synthesized stacks, or what a plan would leave).

    \b
    Example:
      alicloud-ml cost cdktf.out --stack ml-prod
      alicloud-ml cost plan.json --format json

    Exit codes: 0 estimated; 2 bad input (path, unknown --stack, price table, options).
    """
    from alicloud_ml.catalog.pricing import PriceBook
    from alicloud_ml.errors import InputError
    from alicloud_ml.review import cost_report
    from alicloud_ml.review.cost import CostModel
    from alicloud_ml.review.plan import is_plan, plan_stack
    from alicloud_ml.synthesized import load_synth

    if is_plan(path):
        planned = plan_stack(path)
        stacks = {planned.name: planned}
    else:
        stacks = load_synth(path)
    unknown = sorted(set(stack) - set(stacks))
    if unknown:
        raise InputError(str(path), "--stack", f"unknown stack {', '.join(unknown)}", accepted=", ".join(stacks))
    model = CostModel(PriceBook(prices), spot_discount)
    costs = [model.stack(s) for name, s in stacks.items() if not stack or name in stack]
    prov = model.book.provenance()
    render = cost_report.render_json if output_format is CostFormat.json else cost_report.render_text
    typer.echo(render(costs, prov, spot_discount), nl=False)

"""`alicloud-ml cost`: monthly estimate of synthesized stacks, or of a Terraform plan, from the price catalog."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer

ORDER = 50

STACK_KEYS = ("resource", "terraform", "provider", "data", "module", "variable", "output", "locals")


class CostFormat(str, Enum):
    """`table` is the human format's name in every command (`check --format table`)."""

    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command(name="cost")(cost)


def cost(
    path: Path = typer.Argument(..., help="A cdktf.out directory, one cdk.tf.json, or a `terraform show -json` "
                                "plan (of any root, HCL modules included: resources are named by module address)."),
    prices: Path | None = typer.Option(None, "--prices", help="CSV (sku,unit,price,currency,region,date,source), optional url,read columns, "
                                       "whose rows override the built-in table and refreshed files. Default: none.",
                                       show_default=False),
    prices_dir: Path | None = typer.Option(None, "--prices-dir", help="Where `alicloud-ml prices "
                                    "refresh` wrote its files; the newest per region is preferred over the built-in "
                                    "table. Default: .alicloud-ml/prices.", show_default=False),
    usage: Path | None = typer.Option(None, "--usage", help="JSON of declared monthly usage by resource address or "
                                      "type, e.g. {\"alicloud_fcv3_function\": {\"invocations_per_month\": 9000}}; "
                                      "prices the usage lines. Default: none (unit prices only).", show_default=False),
    spot_discount: float = typer.Option(0.7, "--spot-discount", help="Fraction off list price for spot node pools: "
                                        "spot costs list × (1 − discount); documented range 0-0.9. Default: 0.7.",
                                        show_default=False),
    stack: list[str] = typer.Option([], "--stack", help="Only these stacks. Default: all.", show_default=False),
    output_format: CostFormat = typer.Option(CostFormat.table, "--format", help="table or json. Default: table.", show_default=False),
) -> None:
    """Estimate monthly cost from the price catalog (synthesized stacks, or what a plan would leave).

    \b
    Example:
      alicloud-ml cost cdktf.out --stack ml-prod
      alicloud-ml cost plan.json --format json --usage usage.json

    Exit codes: 0 estimated; 2 bad input (path, unknown --stack, price table, usage file, options).
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
        _require_stack_file(path)
        stacks = load_synth(path)
    unknown = sorted(set(stack) - set(stacks))
    if unknown:
        raise InputError(str(path), "--stack", f"unknown stack {', '.join(unknown)}", accepted=", ".join(stacks))
    model = CostModel(PriceBook(prices, prices_dir if prices_dir is not None else "default"), spot_discount, read_usage(usage) if usage else None)
    costs = [model.stack(s) for name, s in stacks.items() if not stack or name in stack]
    prov = model.book.provenance()
    render = cost_report.render_json if output_format is CostFormat.json else cost_report.render_text
    typer.echo(render(costs, prov, spot_discount), nl=False)


def _require_stack_file(path: Path) -> None:
    """A single JSON file must be a synthesized stack (or a plan): `{"x": 1}` is bad input, not an empty estimate."""
    if not path.is_file() or not path.name.endswith(".json"):
        return
    from alicloud_ml.errors import InputError

    try:
        doc = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError) as err:
        raise InputError(str(path), "", f"not JSON ({err})", accepted="a cdk.tf.json or `terraform show -json` output") \
            from None
    if not isinstance(doc, dict) or not any(key in doc for key in STACK_KEYS):
        found = ", ".join(sorted(doc)[:5]) if isinstance(doc, dict) else type(doc).__name__
        raise InputError(str(path), "", f"neither a synthesized stack nor a plan (top level: {found or 'empty'})",
                         accepted="a cdk.tf.json (with `resource`) or `terraform show -json` output "
                                  "(with `format_version` and `planned_values`)")


def read_usage(path: Path) -> dict[str, dict[str, float]]:
    """`{"<address or type>": {"<usage key>": number}}`; anything else exits 2 naming the field."""
    from alicloud_ml.errors import InputError

    try:
        doc: Any = json.loads(path.read_text())
    except (OSError, ValueError, UnicodeDecodeError) as err:
        raise InputError(str(path), "", f"cannot read usage file ({err})", accepted="a JSON object") from None
    if not isinstance(doc, dict):
        raise InputError(str(path), "", "not an object", accepted='{"<address or type>": {"<usage key>": number}}')
    for target, values in doc.items():
        if not isinstance(values, dict):
            raise InputError(str(path), target, "not an object", accepted='{"<usage key>": number}')
        for key, value in values.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise InputError(str(path), f"{target}.{key}", f"invalid value {value!r}", accepted="a non-negative number")
    return doc

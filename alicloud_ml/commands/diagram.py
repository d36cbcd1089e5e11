"""`alicloud-ml diagram`: a picture of one stack, grouped as an ML platform is understood."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

ORDER = 45


class DiagramFormat(str, Enum):
    svg = "svg"
    png = "png"
    mermaid = "mermaid"
    dot = "dot"


def register(app: typer.Typer) -> None:
    app.command(name="diagram")(diagram)


def diagram(
    path: Path | None = typer.Argument(None, help="A cdktf.out directory, one cdk.tf.json, a `terraform show -json` "
                                       "plan, or a Terraform root module (a directory of *.tf). Default: --env.",
                                       show_default=False),
    env: str | None = typer.Option(None, "--env", help="Synthesize this env of the project in the working directory "
                                   "(stacks/envs/ENV.toml) and draw its stack, instead of PATH.", show_default=False),
    stack: str | None = typer.Option(None, "--stack", help="Which stack of a cdktf.out with several. Default: the "
                                     "only platform stack (ml-state aside).", show_default=False),
    output_format: DiagramFormat = typer.Option(DiagramFormat.svg, "--format", help="svg or png (Graphviz `dot` "
                                                "needed), mermaid or dot (text). Default: svg.", show_default=False),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here (atomically). Default: "
                                       "<stack>.<format> for svg/png, stdout for mermaid/dot.", show_default=False),
) -> None:
    """Draw one stack: region → VPC → zone, the ACK cluster with its pools, storage, serving.

    Satellites (rules, policy attachments, bucket settings, log stores, add-ons) are folded into
    the box they belong to; edges are references, labelled with what they mean (the ports a
    security group opens, the service account a role trusts, the events of a trigger).

    \b
    Example:
      alicloud-ml diagram --env dev                       # writes ml-dev.svg
      alicloud-ml diagram cdktf.out --stack ml-prod --format png -o prod.png
      alicloud-ml diagram plan.json --format mermaid      # from `terraform show -json`
      alicloud-ml diagram modules/ml-platform/examples/basic --format dot

    Exit codes: 0 drawn; 2 bad input (unknown env, unreadable path or plan, several stacks and no
    --stack) or, for svg/png, Graphviz's `dot` missing.
    """
    from alicloud_ml.diagram import dot, mermaid
    from alicloud_ml.diagram.build import build
    from alicloud_ml.diagram.inputs import from_env, from_path
    from alicloud_ml.errors import InputError
    from alicloud_ml.output import write_bytes, write_report

    if (path is None) == (env is None):
        raise InputError("diagram", "", "give exactly one of PATH or --env ENV",
                         accepted="alicloud-ml diagram --env dev, or alicloud-ml diagram cdktf.out")
    source = from_env(env, Path.cwd(), stack) if env is not None else from_path(path, stack)  # type: ignore[arg-type]
    picture = build(source)
    fmt = output_format.value
    if fmt in ("mermaid", "dot"):
        text = mermaid.to_mermaid(picture) if fmt == "mermaid" else dot.to_dot(picture)
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_report(output, text)
        return
    data = dot.render(picture, fmt)
    target = output or Path(f"{source.title.split(' · ')[0]}.{fmt}")
    write_bytes(target, data)
    typer.echo(f"wrote {target} ({len(picture.nodes)} boxes, {len(picture.edges)} edges)", err=True)

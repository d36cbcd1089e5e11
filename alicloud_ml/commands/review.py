"""`alicloud-ml review`: what a change creates, updates, replaces or destroys, its policy delta and cost."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from alicloud_ml.output import write_report

ORDER = 40
EXIT_DESTRUCTIVE = 3


class ReviewFormat(str, Enum):
    markdown = "markdown"
    json = "json"
    sarif = "sarif"
    svg = "svg"


def register(app: typer.Typer) -> None:
    app.command(name="review")(review)


def review(
    base: Path | None = typer.Option(None, "--base", help="Base cdktf.out directory (or cdk.tf.json)."),
    head: Path | None = typer.Option(None, "--head", help="Head cdktf.out directory. Default: synthesize the "
                                     "working tree.", show_default=False),
    base_ref: str | None = typer.Option(None, "--base-ref", help="Synthesize the base from this git ref "
                                        "(e.g. origin/main) in a temporary worktree, instead of --base."),
    plan: Path | None = typer.Option(None, "--plan", help="Summarize this `terraform show -json` plan instead of "
                                     "comparing synths."),
    stack: str | None = typer.Option(None, "--stack", help="Stack name for --plan. Default: the plan's folder "
                                     "under cdktf.out/stacks/, else its file name.", show_default=False),
    output_format: ReviewFormat = typer.Option(ReviewFormat.markdown, "--format",
                                               help="markdown (pull-request comment, with a Mermaid "
                                               "diagram of the change), json, sarif, or svg (the same diagram "
                                               "drawn by Graphviz, for forges without Mermaid). Default: markdown.", show_default=False),
    output: Path | None = typer.Option(None, "--output", help="Write here (atomically). Default: stdout.", show_default=False),
    fail_on_destroy: bool = typer.Option(False, "--fail-on-destroy/--no-fail-on-destroy",
                                         help="Exit 3 when a stateful resource (CPFS, OSS, Tablestore, cluster, "
                                         "node pool, disk, log store) is replaced or destroyed. Default: off.", show_default=False),
    policy: bool = typer.Option(True, "--policy/--no-policy", help="Run the policy gate on base and head and "
                                "report findings new, resolved and newly suppressed. Default: on.", show_default=False),
    prices: Path | None = typer.Option(None, "--prices", help="CSV whose rows override the built-in price table. "
                                       "Default: built-in only.", show_default=False),
    spot_discount: float = typer.Option(0.7, "--spot-discount", help="Fraction off list price for spot node "
                                        "pools. Default: 0.7.", show_default=False),
) -> None:
    """Compare two synths and report what would change.

    \b
    Example:
      alicloud-ml review --base-ref origin/main --output review.md   # what this branch changes
      alicloud-ml review --plan plan.json --format json               # from `terraform show -json`

    Exit codes: 0 reported; 2 bad input (paths, refs, options); 3 stateful resources replaced or
    destroyed with --fail-on-destroy.
    """
    import tempfile

    from alicloud_ml.catalog.pricing import PriceBook
    from alicloud_ml.errors import InputError
    from alicloud_ml.review import compose, gitsynth, markdown, report
    from alicloud_ml.review.cost import CostModel
    from alicloud_ml.review.diff import diff_synth
    from alicloud_ml.diagram.source import plan_references
    from alicloud_ml.review.plan import load_plan
    from alicloud_ml.review.policy import not_run, policy_delta
    from alicloud_ml.synthesized import load_synth

    model = CostModel(PriceBook(prices), spot_discount)  # validate cheap options before any synth
    stack_files: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="alicloud-ml-review-") as tmp:
        if plan is not None:
            if base or head or base_ref:
                raise InputError("--plan", "", "cannot be combined with --base, --base-ref or --head",
                                 accepted="either --plan PLAN.json or two synths")
            changes = [load_plan(plan, stack)]
            changes[0].references = plan_references(plan)
            source = {"kind": "plan", "plan": str(plan)}
            delta = not_run("a plan carries no synthesized JSON to gate; run `alicloud-ml check` on the synth")
        else:
            if (base is None) == (base_ref is None):
                raise InputError("--base", "", "give exactly one of --base DIR or --base-ref GIT_REF",
                                 accepted="--base cdktf.out-of-main, or --base-ref origin/main")
            base_dir = gitsynth.synth_ref(base_ref, Path.cwd(), Path(tmp) / "base") if base_ref is not None else base
            assert base_dir is not None  # exactly one of --base / --base-ref, checked above
            head_dir = head if head is not None else gitsynth.synth_tree(Path.cwd(), Path(tmp) / "head")
            base_stacks, head_stacks = load_synth(base_dir), load_synth(head_dir)
            stack_files = {n: _shown(Path(s.file)) for n, s in head_stacks.items()}
            changes = diff_synth(base_stacks, head_stacks)
            source = {"kind": "synth", "base": base_ref and f"git:{base_ref}" or str(base),
                      "head": str(head) if head is not None else "working tree"}
            delta = policy_delta(base_dir, head_dir) if policy else not_run("disabled with --no-policy")
        result = compose.build(changes, model, source, delta)
    if output_format is ReviewFormat.markdown:
        text = markdown.render(result)
    elif output_format is ReviewFormat.json:
        text = report.render_json(result)
    elif output_format is ReviewFormat.svg:
        from alicloud_ml.diagram.change import change_svg

        text = change_svg([s.changes for s in result.stacks])
    else:
        text = report.render_sarif(result, stack_files)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_report(output, text)
    counts = result.counts()
    destructive = result.destructive()
    typer.echo(f"review: {counts['create']} to create, {counts['update']} to update, {counts['replace']} to replace, "
               f"{counts['delete']} to destroy; {len(destructive)} stateful resource(s) replaced or destroyed"
               + (f"; wrote {output}" if output else ""), err=True)
    if fail_on_destroy and destructive:
        for rc in destructive:
            typer.echo(f"destructive: {rc.action.value} {rc.stack} {rc.address}", err=True)
        raise SystemExit(EXIT_DESTRUCTIVE)  # not typer.Exit: cli.main discards its code in non-standalone mode


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)



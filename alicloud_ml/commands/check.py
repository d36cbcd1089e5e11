"""`alicloud-ml check`: run checkov and the project's checks on synthesized JSON or on an HCL root module."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from alicloud_ml.output import write_report

ORDER = 20
FORMATS = ("table", "json", "sarif", "junit")


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        path: Annotated[Path, typer.Argument(help="A cdktf.out directory, one *.tf.json file, or a Terraform root "
                                                  "module (a directory of *.tf, local modules included).")],
        fmt: Annotated[str, typer.Option("--format", help="Report format: table | json | sarif | junit. Default: table.", show_default=False)] = "table",
        output: Annotated[Path | None, typer.Option("--output", help="Write the report to FILE (atomically) and print the table summary. Default: report on stdout.", show_default=False)] = None,
        fail_on: Annotated[str, typer.Option("--fail-on", help="Lowest severity that fails: low | medium | high | critical. Default: high.", show_default=False)] = "high",
    ) -> None:
        """Run checkov and project checks on synthesized JSON or on HCL.

        On HCL, suppress a finding with a comment in the resource (or module, or at file level for
        the whole root): `#checkov:skip=ALIML_001:<reason of at least 10 characters>`. Values checkov
        cannot evaluate (module inputs it cannot follow) are reported as not evaluated, not as passes.

        \b
        Example:
          alicloud-ml check cdktf.out --fail-on medium
          alicloud-ml check modules/ml-platform --format sarif --output check.sarif

        Exit codes: 0 nothing at or above --fail-on is left unsuppressed; 1 the gate blocks,
        including a stack file that is not valid JSON, that checkov cannot parse, or in which
        no resource was scanned (named in the report); 2 bad input (missing path, no
        *.tf.json or *.tf files, a skip comment with a short reason, unknown --format or --fail-on).
        """
        from alicloud_ml.errors import InputError, InputErrors
        from alicloud_ml.policies.model import Severity

        try:
            if fmt not in FORMATS:
                raise InputError("--format", "", f"invalid value {fmt!r}", accepted=", ".join(FORMATS))
            Severity.parse_option(fail_on)  # before checkov's import, so a typo fails at once
            from alicloud_ml.policies.formats import render, render_table
            from alicloud_ml.policies.gate import run_gate

            report = run_gate(path, fail_on=fail_on)
        except (InputError, InputErrors) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise SystemExit(2) from None
        text = render(report, fmt)
        if output is not None:
            write_report(output, text)
            typer.echo(render_table(report))
            typer.echo(f"wrote {fmt} report to {output}")
        else:
            typer.echo(text)
        # SystemExit, not typer.Exit: cli.main runs click with standalone_mode=False, which turns
        # typer.Exit into a discarded return value (the process would exit 0)
        raise SystemExit(0 if report.ok else 1)

"""`alicloud-ml`: synthesize, gate, review, cost and emulate ML platforms on Alibaba Cloud.

Exit codes: 0 success; 1 policy violations; 2 bad input (file, field, accepted values);
3 review found destructive changes with --fail-on-destroy; 70 internal error (a bug: please report).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from typing import Annotated

import typer

from alicloud_ml import commands
from alicloud_ml.errors import AlicloudMlError, InputError, InputErrors, PolicyViolation
from alicloud_ml.node_runtime import use_project_node
from alicloud_ml.synth import exit_now

EXIT_POLICY, EXIT_INPUT, EXIT_INTERNAL = 1, 2, 70
#: Help written to a pipe or file: rich would fall back to 80 columns and cut option help with "…".
HELP_WIDTH_WHEN_PIPED = 120

if not sys.stdout.isatty():  # typer reads it when it first renders help; a user's own value wins
    os.environ.setdefault("TERMINAL_WIDTH", str(HELP_WIDTH_WHEN_PIPED))

app = typer.Typer(
    name="alicloud-ml",
    help="Build, gate, review and cost ML platforms on Alibaba Cloud with CDK for Terraform.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from alicloud_ml import __version__, schema

        typer.echo(f"alicloud-ml {__version__} (aliyun/alicloud {schema.provider_version()})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_print_version,
                                          help="Print the toolkit's version and the provider version it targets.")
                       ] = False,
) -> None:
    """Build, gate, review and cost ML platforms on Alibaba Cloud with CDK for Terraform.

    Exit codes: 0 success, 1 policy violations, 2 bad input, 3 destructive changes with
    --fail-on-destroy, 70 internal error.
    """


def _register_commands() -> None:
    modules = [importlib.import_module(f"{commands.__name__}.{m.name}") for m in pkgutil.iter_modules(commands.__path__)]
    for module in sorted(modules, key=lambda m: getattr(m, "ORDER", 100)):
        module.register(app)


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Console entry point: turns the toolkit's typed errors into exit codes, never a traceback.

    Called with `argv` (from code or tests) it ends with `SystemExit`; as the console script
    (`argv` is None) a successful run skips the interpreter's ~1 s teardown of checkov's modules.
    """
    use_project_node()  # Node 22 from the project's node_modules for jsii and the cdktf/cdktn CLIs
    try:
        # Without standalone mode click returns (rather than raises) the code of `typer.Exit`.
        code = app(args=argv, standalone_mode=False)
    except (InputError, InputErrors) as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    except PolicyViolation as exc:
        typer.echo(str(exc), err=True)
        sys.exit(EXIT_POLICY)
    except AlicloudMlError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors and real bugs
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(EXIT_INPUT)
        typer.echo(f"internal error: {type(exc).__name__}: {exc} (this is a bug in alicloud-ml)", err=True)
        sys.exit(EXIT_INTERNAL)
    code = code if isinstance(code, int) else 0
    if argv is None:
        exit_now(code)
    sys.exit(code)


if __name__ == "__main__":
    main()

"""`alicloud-ml validate`: check platform TOML files in about a second, without synthesizing anything.

Loads each file with the same loader as synth (`alicloud_ml.config.load_config`), so a file that
validates here fails synth only on the policy gate. No Terraform, no network, no files written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ORDER = 15
#: Stands in for a file's missing `name_suffix` (the emulator accepts that), so the derived names get the
#: length checks a cloud deploy's names get; a file's own suffix always wins.
PLACEHOLDER_SUFFIX = "zzzzz"


def register(app: typer.Typer) -> None:
    @app.command()
    def validate(
        paths: Annotated[list[Path], typer.Argument(help="Platform TOML files (any name, any folder).",
                                                    show_default=False)],
    ) -> None:
        """Check platform TOML files: every problem, with file, field path and what is accepted.

        The env name is the file name (`team.toml` → env `team`, stack `ml-team`) unless the file
        sets `name`. Nothing is synthesized: no Terraform, no network, no policy gate (run
        `alicloud-ml synth --config FILE` for that).

        \b
        Example:
          alicloud-ml validate stacks/envs/prod.toml
          alicloud-ml validate team.toml other/qa.toml

        Exit codes: 0 every file is valid; 2 bad input (each problem on its own line).
        """
        from alicloud_ml.config import load_config
        from alicloud_ml.errors import InputError, InputErrors

        suffix, bad = PLACEHOLDER_SUFFIX, 0
        stacks: dict[str, Path] = {}
        for path in paths:
            try:
                config = load_config(path, name_suffix=suffix)
            except InputErrors as exc:
                bad += 1
                for line in exc.lines():
                    typer.echo(f"error: {line}", err=True)
                continue
            except InputError as exc:
                bad += 1
                typer.echo(f"error: {exc}", err=True)
                continue
            stack = f"ml-{config.name}"
            if stack in stacks:
                bad += 1
                typer.echo(f"error: {path}: name: env {config.name!r} (stack {stack}) is also defined by "
                           f"{stacks[stack]}; accepted: one file per env - rename one file or set name = "
                           '"..." in it', err=True)
                continue
            stacks[stack] = path
            typer.echo(f"ok: {path} (env {config.name}, stack {stack}, region {config.region}, "
                       f"{len(config.node_pools)} GPU pool(s), {len(config.services)} service(s))")
        if bad:
            typer.echo(f"{bad} of {len(paths)} file(s) invalid", err=True)
            raise SystemExit(2)  # not typer.Exit: cli.main discards its code in non-standalone mode

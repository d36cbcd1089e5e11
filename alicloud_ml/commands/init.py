"""`alicloud-ml init`: write a small starter platform file, `<name>.toml`, or with `--app` a team's cdktf app.

The env name is the file name (as for `stacks/envs/<env>.toml`), so the file, the env and the
stack `ml-<name>` always agree; the starter does not repeat the name inside the file. The starter
carries the project's `name_suffix`, drawn once here (or taken from the other env files beside it, so
every env of one account shares it) and committed with the file: every checkout then synthesizes the
same globally unique names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from alicloud_ml.output import write_report

ORDER = 90

STARTER = """\
# A starter ML platform: one zone, one inference pool, private API endpoint, OSS state.
# Env `{name}` (from the file name), stack `ml-{name}`. `alicloud-ml validate {name}.toml` checks it;
# `alicloud-ml schema` prints every field; docs/platform.md explains them.
region = "{region}"
# Ends every globally unique name (state bucket, SLS project, ...): commit it, and keep the same value in every
# env file of this account, so every checkout and CI synthesize the same names.
name_suffix = "{suffix}"

[network]
zones = ["{region}-b"]                  # vSwitch 10.0.1.0/24 in VPC 10.0.0.0/16

[node_pools.inference]
instance_types = ["ecs.gn7i-c16g1.4xlarge"]
min_size = 0
max_size = 3
workload_type = "inference"

[state]                                 # OSS bucket ml-tfstate-{suffix} and a Tablestore lock table
"""


def sibling_suffix(directory: Path) -> str | None:
    """The `name_suffix` the env files already in `directory` share, if they share exactly one."""
    import tomllib

    found = set()
    for path in sorted(directory.glob("*.toml")) if directory.is_dir() else ():
        try:
            value = tomllib.loads(path.read_text(encoding="utf-8")).get("name_suffix")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if isinstance(value, str):
            found.add(value)
    return found.pop() if len(found) == 1 else None


def register(app: typer.Typer) -> None:
    @app.command()
    def init(
        directory: Annotated[Path, typer.Argument(help=(
            "Where to write NAME.toml, or with --app the app's directory. Default: the current directory."),
            show_default=False)] = Path("."),
        name: Annotated[str | None, typer.Option("--name", show_default=False, help=(
            "Environment name; the file is NAME.toml and the stack ml-NAME. Default: dev. With --app: the "
            "app's stack name. Default: the directory's name."))] = None,
        app_scaffold: Annotated[bool, typer.Option("--app", help=(
            "Write a complete cdktf app instead (main.py, cdktf.json, Makefile, package.json, package-lock.json,"
            " .gitignore) that deploys to the offline emulator with `npm ci && make deploy`."))] = False,
        region: Annotated[str, typer.Option("--region", show_default=False,
                                            help="Region. Default: cn-shanghai.")] = "cn-shanghai",
        force: Annotated[bool, typer.Option("--force/--no-force", show_default=False,
                                            help="Overwrite an existing file. Default: no.")] = False,
    ) -> None:
        """Write a starter NAME.toml (validated before it is written), or with --app a team's cdktf app.

        \b
        Example:
          alicloud-ml init stacks/envs --name team   # stacks/envs/team.toml, stack ml-team
          alicloud-ml validate stacks/envs/team.toml
          alicloud-ml synth --config stacks/envs/team.toml
          alicloud-ml init team-a --app && cd team-a && npm ci && make deploy   # a team's own app

        Exit codes: 0 written; 2 bad input (invalid --name or --region, file exists without --force).
        """
        import re
        import tomllib

        from alicloud_ml.catalog.lookup import unknown_region
        from alicloud_ml.config import ENV_NAME_ACCEPTED, ENV_NAME_PATTERN, parse_config
        from alicloud_ml.errors import InputError
        from alicloud_ml.naming import new_name_suffix

        if (unknown := unknown_region(region)) is not None:
            raise InputError("--region", "", *unknown)
        if app_scaffold:
            from alicloud_ml.app_scaffold import write_app

            app_name = name or directory.resolve().name
            write_app(directory, app_name, region, force=force, name_suffix=new_name_suffix())
            typer.echo(f"wrote the cdktf app {app_name} into {directory}; next: cd {directory} && npm ci && make deploy")
            return
        name = name or "dev"
        if not re.fullmatch(ENV_NAME_PATTERN, name):
            raise InputError("--name", "", f"invalid env name {name!r}", ENV_NAME_ACCEPTED)
        target = directory / f"{name}.toml"
        if target.exists() and not force:
            raise InputError(str(target), "", "file exists", hint="pass --force to overwrite")
        text = STARTER.format(name=name, region=region, suffix=sibling_suffix(directory) or new_name_suffix())
        parse_config({**tomllib.loads(text), "name": name}, f"<starter {target.name}>")
        write_report(target, text, option="DIR")
        typer.echo(f"wrote {target} (env {name}, stack ml-{name})")

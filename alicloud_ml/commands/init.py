"""`alicloud-ml init`: write a small starter platform.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ORDER = 90

STARTER = """\
# A starter ML platform: one zone, one inference pool, private API endpoint, OSS state.
# `alicloud-ml schema` prints every field; the README (Platform description) explains them.
name = "{name}"
region = "{region}"

[network]
zones = ["{region}-b"]                  # vSwitch 10.0.1.0/24 in VPC 10.0.0.0/16

[node_pools.inference]
instance_types = ["ecs.gn7i-c16g1.4xlarge"]
min_size = 0
max_size = 3
workload_type = "inference"

[state]
bucket = "change-me-ml-tfstate"          # OSS bucket names are global: pick yours
"""


def register(app: typer.Typer) -> None:
    @app.command()
    def init(
        directory: Annotated[Path, typer.Argument(help="Where to write platform.toml. Default: the current directory.")] = Path("."),
        name: Annotated[str, typer.Option("--name", help="Environment name. Default: dev.")] = "dev",
        region: Annotated[str, typer.Option("--region", help="Region. Default: cn-shanghai.")] = "cn-shanghai",
        force: Annotated[bool, typer.Option("--force/--no-force", help="Overwrite an existing file. Default: no.")] = False,
    ) -> None:
        """Write a starter platform.toml (validated before it is written)."""
        import os
        import tempfile
        import tomllib

        from alicloud_ml.config import parse_config
        from alicloud_ml.errors import InputError

        target = directory / "platform.toml"
        if target.exists() and not force:
            raise InputError(str(target), "", "file exists", hint="pass --force to overwrite")
        text = STARTER.format(name=name, region=region)
        parse_config(tomllib.loads(text), "<starter platform.toml>")
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".platform.toml.", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
        typer.echo(f"wrote {target}")

"""`alicloud-ml schema`: print the JSON Schema of a platform TOML file (for editors and CI)."""

from __future__ import annotations

from typing import Annotated

import typer

ORDER = 80


def register(app: typer.Typer) -> None:
    @app.command()
    def schema(
        indent: Annotated[int, typer.Option("--indent", help="JSON indentation. Default: 2.", show_default=False)] = 2,
    ) -> None:
        """Print the JSON Schema of a platform description (stacks/envs/*.toml).

        Point your editor's TOML language server at it (e.g. a `#:schema ./platform.schema.json`
        comment) to get completion and validation while editing.

        Example: alicloud-ml schema > platform.schema.json

        Exit codes: 0 printed; 2 bad option.
        """
        import json

        from alicloud_ml.config import json_schema

        typer.echo(json.dumps(json_schema(), indent=indent, sort_keys=False))

"""`alicloud-ml convert`: HCL to a Python cdktf app on the prebuilt bindings, with cdktf's own converter."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

ORDER = 86


def register(app: typer.Typer) -> None:
    @app.command()
    def convert(
        paths: Annotated[list[Path], typer.Argument(help="A .tf file, or a directory of them (one module); several "
                                                         "convert into one folder each under --out.",
                                                    show_default=False)],
        out: Annotated[Path, typer.Option("--out", help="Where the app is written (several inputs: a folder per "
                                                        "input inside it). Default: converted", show_default=False)]
        = Path("converted"),
        stack: Annotated[str, typer.Option("--stack", help="Name of the stack the app synthesizes. Default: main",
                                           show_default=False)] = "main",
    ) -> None:
        """Convert Terraform HCL to a Python cdktf app on cdktf_cdktf_provider_alicloud.

        Runs cdktf's own converter (`cdktf convert`'s @cdktf/hcl2cdk, from node_modules) offline: the
        aliyun/alicloud 1.289.0 schema comes from the emulator's filesystem mirror, not the registry.
        The output imports `cdktf_cdktf_provider_alicloud` instead of `cdktf get` bindings, fixes the
        Python convert writes that does not run, and ends with the lines that synthesize it: `python
        main.py` (or `cdktf synth`) writes cdktf.out/stacks/STACK/cdk.tf.json. The app imports cdktf,
        or cdktn when ALICLOUD_ML_CDK=cdktn.

        \b
        Example:
          alicloud-ml convert main.tf --out network-app
          cd network-app && python main.py

        Exit codes: 0 written; 2 bad input (a file that is not HCL, HCL the converter refuses).
        """
        from alicloud_ml.convert import app_source
        from alicloud_ml.convert import convert as run_convert
        from alicloud_ml.convert import write_app
        from alicloud_ml.errors import InputError

        library = os.environ.get("ALICLOUD_ML_CDK", "cdktf").strip().lower() or "cdktf"
        converted = run_convert(paths)
        for item in converted:
            if item.error:
                raise InputError(item.source, "", "cdktf convert could not convert it", hint=item.error[:800])
        for item in converted:
            target = out if len(converted) == 1 else out / item.name
            write_app(target, app_source(item.code, stack, library))
            typer.echo(f"{item.source} -> {target / 'main.py'}")

"""`alicloud-ml synth`: run the project's cdktf app (from cdktf.json) with the policy gate."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path
from typing import Annotated

import typer

from alicloud_ml.errors import InputError

ORDER = 10


def _app_command(project: Path) -> list[str]:
    config_file = project / "cdktf.json"
    if not config_file.is_file():
        raise InputError(str(config_file), "", "file not found", accepted="a cdktf project directory with cdktf.json")
    try:
        app = json.loads(config_file.read_text()).get("app")
    except json.JSONDecodeError as exc:
        raise InputError(str(config_file), "", f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(app, str) or not app.strip():
        raise InputError(str(config_file), "app", "missing", accepted='a command such as "python main.py"')
    return shlex.split(app)


def register(app: typer.Typer) -> None:
    @app.command()
    def synth(
        envs: Annotated[list[str] | None, typer.Option("--env", help="Environment to build (repeatable). Default: all of stacks/envs/*.toml.")] = None,
        out: Annotated[Path, typer.Option("--out", help="Output directory, replaced atomically.")] = Path("cdktf.out"),
        fail_on: Annotated[str, typer.Option("--fail-on", help="Gate threshold: low | medium | high | critical.")] = "high",
        project: Annotated[Path, typer.Option("--project", help="Directory holding cdktf.json.")] = Path("."),
    ) -> None:
        """Synthesize stacks and run the policy gate.

        Runs the app command from cdktf.json (the same one `npx cdktf synth` runs), so the output
        in --out is exactly what `cdktf deploy` would apply. Exit 1 on policy violations, 2 on bad
        input; the previous output is left untouched when either happens.
        """
        from alicloud_ml.policies.model import Severity

        Severity.parse_option(fail_on)
        command = _app_command(project)
        env = dict(os.environ, CDKTF_OUTDIR=str(out.resolve()), ALICLOUD_ML_FAIL_ON=fail_on)
        if envs:
            env["ALICLOUD_ML_ENVS"] = ",".join(envs)
        result = subprocess.run(command, cwd=project, env=env, check=False)
        raise typer.Exit(result.returncode)

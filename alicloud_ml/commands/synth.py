"""`alicloud-ml synth`: run the project's cdktf app (from cdktf.json) with the policy gate."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from alicloud_ml.errors import InputError

ORDER = 10


def _app_command(project: Path, path: str) -> list[str]:
    config_file = project / "cdktf.json"
    if not config_file.is_file():
        raise InputError(str(config_file), "", "file not found", accepted="a cdktf project directory with cdktf.json")
    try:
        app = json.loads(config_file.read_text()).get("app")
    except json.JSONDecodeError as exc:
        raise InputError(str(config_file), "", f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(app, str) or not app.strip():
        raise InputError(str(config_file), "app", "missing", accepted='a command such as "python3 main.py"')
    command = shlex.split(app)
    program = command[0]
    found = (project / program).is_file() if os.sep in program else shutil.which(program, path=path) is not None
    if not found:
        raise InputError(str(config_file), "app", f"{program!r} does not exist (a virtualenv that lives elsewhere, or "
                         "a copied project?)", accepted='"python3 main.py" with the project\'s virtualenv active, or a '
                         "program that exists relative to the project")
    return command


def _config_paths(configs: list[Path]) -> str:
    """Absolute paths for the app (it runs in --project), each checked to exist before it starts."""
    for path in configs:
        if not path.is_file():
            raise InputError(str(path), "", "file not found", "a platform TOML file, e.g. stacks/envs/dev.toml")
    return os.pathsep.join(str(p.resolve()) for p in configs)


def register(app: typer.Typer) -> None:
    @app.command()
    def synth(
        envs: Annotated[list[str] | None, typer.Option("--env", help="Environment to build (repeatable). Default: all of stacks/envs/*.toml, or none with --config.", show_default=False)] = None,
        configs: Annotated[list[Path] | None, typer.Option("--config", help="Platform TOML file to build, from any folder (repeatable); the env name is its file name unless it sets `name`. Default: none.", show_default=False)] = None,
        out: Annotated[Path, typer.Option("--out", help="Output directory, replaced atomically.")] = Path("cdktf.out"),
        fail_on: Annotated[str, typer.Option("--fail-on", help="Gate threshold: low | medium | high | critical.")] = "high",
        project: Annotated[Path, typer.Option("--project", help="Directory holding cdktf.json.")] = Path("."),
    ) -> None:
        """Synthesize stacks and run the policy gate.

        Runs the app command from cdktf.json (the same one `npx cdktf synth` runs), so the output
        in --out is exactly what `cdktf deploy` would apply. --config files reach the app as
        ALICLOUD_ML_CONFIGS (set it to the same paths for `cdktf deploy`). The previous output
        is left untouched when the gate blocks or the input is bad.

        \b
        Example:
          alicloud-ml synth --env dev
          alicloud-ml synth --config team.toml --out /tmp/team.out

        Exit codes: 0 synthesized and gated; 1 policy findings at or above --fail-on;
        2 bad input (the message names the file, the field and what is accepted).
        """
        from alicloud_ml.policies.model import Severity

        Severity.parse_option(fail_on)
        # `python3 main.py` means the interpreter that runs alicloud-ml (where the toolkit is installed)
        env = dict(os.environ, CDKTF_OUTDIR=str(out.resolve()), ALICLOUD_ML_FAIL_ON=fail_on,
                   PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
        command = _app_command(project, env["PATH"])
        if configs:
            env["ALICLOUD_ML_CONFIGS"] = _config_paths(configs)
        if envs:
            env["ALICLOUD_ML_ENVS"] = ",".join(envs)
        result = subprocess.run(command, cwd=project, env=env, check=False)
        raise typer.Exit(result.returncode)

"""Help written to a pipe is readable: wide enough that option help is not cut with an ellipsis."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from alicloud_ml.cli import app


def test_help_piped_to_a_file_is_not_truncated() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("TERMINAL_WIDTH", "COLUMNS")}
    result = subprocess.run([str(Path(sys.executable).with_name("alicloud-ml")), "cost", "--help"], capture_output=True,
                            text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "(sku,unit,price,currency,region,date,source)" in result.stdout
    assert "…" not in result.stdout


def test_make_help_prints_the_stack_it_would_deploy() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "ALICLOUD_ML_STACK": "ml-prod"}
    result = subprocess.run(["make", "-s", "help"], cwd=root, capture_output=True, text=True, env=env, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "$(" not in result.stdout
    assert "deploy ml-prod (offline emulator" in result.stdout


def _params(command: Any) -> Iterator[Any]:
    yield from command.params
    for sub in getattr(command, "commands", {}).values():
        yield from _params(sub)


def test_defaults_are_stated_once() -> None:
    # An option whose help says "Default: …" must not also get typer's "[default: …]".
    twice = [p.name for p in _params(typer.main.get_command(app))
             if "Default:" in (getattr(p, "help", None) or "") and p.show_default is not False]
    assert twice == []


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).with_name("alicloud-ml")), *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, cwd=cwd, timeout=120, check=False)


def test_emulator_reset_without_a_terminal_or_yes_exits_2_and_keeps_the_cloud(tmp_path: Path) -> None:
    from alicloud_ml.emulator.store import DB_NAME

    (tmp_path / DB_NAME).write_bytes(b"")
    result = _cli("emulator", "reset", "--state", str(tmp_path))
    assert result.returncode == 2
    assert "--yes: there is no terminal to confirm on; accepted: --yes, to reset without asking" in result.stderr
    assert (tmp_path / DB_NAME).exists()
    assert _cli("emulator", "reset", "--state", str(tmp_path), "--yes").returncode == 0
    assert not (tmp_path / DB_NAME).exists()


def test_reports_written_with_output_get_the_usual_file_mode(tmp_path: Path) -> None:
    from alicloud_ml.output import write_report

    mask = os.umask(0o022)
    try:
        write_report(tmp_path / "out" / "report.sarif", "{}")
    finally:
        os.umask(mask)
    written = tmp_path / "out" / "report.sarif"
    assert written.read_text() == "{}\n"
    assert written.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in written.parent.iterdir()] == ["report.sarif"]  # no temporary file left


def test_cost_and_check_call_the_human_format_table() -> None:
    root = typer.main.get_command(app)
    for name in ("cost", "check"):
        fmt = next(p for p in root.commands[name].params if "--format" in p.opts)
        assert getattr(fmt.default, "value", fmt.default) == "table", name
    assert _cli("cost", "--format", "text", "x").returncode == 2  # the old word is refused with a usage error

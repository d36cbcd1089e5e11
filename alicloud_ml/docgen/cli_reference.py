"""`docs/cli.md`: every `alicloud-ml` command's --help, as a user sees it (120 columns, no colour)."""

from __future__ import annotations

import click
import typer.main

INTRO = """# `alicloud-ml` command reference

Exit codes everywhere: 0 success, 1 policy violations, 2 bad input (the message names the file,
the field and what is accepted), 3 destructive changes with `review --fail-on-destroy`,
70 internal error (a bug: please report it).

"""


def _commands(command: click.Command, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], click.Command]]:
    if isinstance(command, click.Group):
        return [c for name, sub in sorted(command.commands.items()) for c in _commands(sub, (*path, name))]
    return [(path, command)]


def render() -> str:
    from typer.testing import CliRunner

    from alicloud_ml.cli import app

    root = typer.main.get_command(app)
    runner = CliRunner(env={"TERMINAL_WIDTH": "120", "NO_COLOR": "1", "COLUMNS": "120"})
    out = [INTRO]
    for path, _ in _commands(root, ()):
        name = " ".join(("alicloud-ml", *path))
        text = runner.invoke(app, [*path, "--help"], prog_name="alicloud-ml").output
        lines = [line.rstrip() for line in text.splitlines()]
        out.append(f"## `{name}`\n\n```text\n" + "\n".join(lines).strip("\n") + "\n```\n\n")
    return "".join(out).rstrip("\n") + "\n"

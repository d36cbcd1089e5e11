"""Every command's --help teaches: it shows an example and lists its exit codes (README, Command line)."""

from __future__ import annotations

import click
import pytest
import typer.main

from alicloud_ml.cli import app


def _commands() -> list[tuple[str, ...]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, ...]] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        else:
            found.append(path)

    walk(root, ())
    return found


COMMANDS = _commands()


def test_the_walk_finds_every_command_and_subcommand():
    assert {("synth",), ("check",), ("emulator", "install"), ("emulator", "reset")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_help_has_an_example_and_the_exit_codes(path, capsys):
    from alicloud_ml.cli import main

    with pytest.raises(SystemExit) as exited:
        main([*path, "--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert f"alicloud-ml {' '.join(path)}" in out.split("Example", 1)[-1], f"no example of {' '.join(path)}"
    assert "Exit codes: 0" in out, f"{' '.join(path)} --help does not list its exit codes"


def test_emulator_install_into_an_unwritable_dir_is_bad_input_not_a_bug(tmp_path, capsys):
    from alicloud_ml.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(SystemExit) as exited:
        main(["emulator", "install", "--dir", str(blocker / "sub")])
    assert exited.value.code == 2
    assert "--dir" in capsys.readouterr().err


def test_emulator_seed_creates_the_objects_once_and_a_bad_file_is_exit_2(tmp_path, capsys):
    from alicloud_ml.cli import main

    seed = tmp_path / "seed.toml"
    seed.write_text('regions = ["cn-hangzhou"]\n[alicloud_vpc.default]\nvpc_name = "default-NODELETING"\n'
                    'cidr_block = "172.16.0.0/16"\n')
    for expected in ("created alicloud_vpc.default", "exists  alicloud_vpc.default"):
        with pytest.raises(SystemExit) as exited:
            main(["emulator", "seed", str(seed), "--state", str(tmp_path / "cloud")])
        assert exited.value.code == 0 and expected in capsys.readouterr().out
    seed.write_text("regions = [")
    with pytest.raises(SystemExit) as exited:
        main(["emulator", "seed", str(seed), "--state", str(tmp_path / "cloud")])
    assert exited.value.code == 2 and str(seed) in capsys.readouterr().err

"""Bad input is exit 2 with one message and no traceback, on every command (the CLI's promise in --help)."""

from __future__ import annotations

import pytest

from alicloud_ml.cli import main

CASES = [
    (["validate", "{tmp}/missing.toml"], "file not found"),
    (["validate", "{tmp}/not.toml"], "invalid TOML"),
    (["catalog", "--region", "cn-shangai"], "did you mean `cn-shanghai`?"),
    (["catalog", "--family", "gn7l"], "unknown family 'gn7l'"),
    (["catalog", "--format", "xml"], "'xml' is not one of"),
    (["check", "{tmp}/missing"], "path not found"),
    (["check", "{tmp}", "--fail-on", "huge"], "invalid severity 'huge'"),
    (["emulator", "seed", "{tmp}/missing.toml"], "cannot read the seed file"),
    (["emulator", "seed", "{tmp}/garbage.json"], "not a resource type of aliyun/alicloud"),
    (["bindings", "--bogus"], "No such option"),
    (["schema", "extra"], "unexpected extra argument"),
    (["synth", "--project", "{tmp}/missing"], "cdktf.json: file not found"),
    (["synth", "--fail-on", "huge"], "invalid severity 'huge'"),
    (["review", "--plan", "{tmp}/garbage.json"], "format_version: missing"),
    (["review", "--plan", "{tmp}/not.toml"], "invalid JSON"),
    (["init", "{tmp}/x", "--region", "xx-nowhere-1"], "unknown region 'xx-nowhere-1'"),
    (["no-such-command"], "No such command"),
]


@pytest.mark.parametrize(("argv", "expected"), CASES, ids=[" ".join(a[:2]) for a, _ in CASES])
def test_bad_input_exits_2_with_one_message(tmp_path, capsys, argv, expected):
    (tmp_path / "garbage.json").write_text('{"x": 1}')
    (tmp_path / "not.toml").write_text("not = = toml")
    with pytest.raises(SystemExit) as exited:
        main([a.format(tmp=tmp_path) for a in argv])

    err = capsys.readouterr().err
    assert exited.value.code == 2 and expected in err and "Traceback" not in err, err

"""`alicloud-ml init` names file, env and stack alike; `alicloud-ml synth --config` builds any file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from alicloud_ml.cli import main
from alicloud_ml.config import load_config

REPO = Path(__file__).resolve().parents[2]
CLI = Path(sys.executable).with_name("alicloud-ml")


def run(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    return exited.value.code


def test_init_writes_name_toml_whose_env_and_stack_follow_the_name(tmp_path, capsys):
    assert run(["init", str(tmp_path), "--name", "team"]) == 0

    assert [p.name for p in tmp_path.iterdir()] == ["team.toml"]
    assert "(env team, stack ml-team)" in capsys.readouterr().out
    config = load_config(tmp_path / "team.toml")
    assert config.name == "team" and config.cluster.name == "ml-team"
    assert "name =" not in (tmp_path / "team.toml").read_text()  # the file name is the one source


def test_init_file_gets_the_usual_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        assert run(["init", str(tmp_path)]) == 0
    finally:
        os.umask(old)

    assert (tmp_path / "dev.toml").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(("argv", "expected"), [
    (["--name", "My_Team"], "--name: invalid env name 'My_Team'; accepted: a lowercase letter"),
    (["--region", "cn-shangai"], "--region: unknown region 'cn-shangai'; accepted: a region id listed by "
                                 "`alicloud-ml catalog --regions`, e.g. cn-shanghai - did you mean `cn-shanghai`?"),
])
def test_init_rejects_a_bad_name_or_region_before_writing(tmp_path, capsys, argv, expected):
    assert run(["init", str(tmp_path), *argv]) == 2

    assert expected in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_init_help_has_an_example_and_the_exit_codes(capsys):
    assert run(["init", "--help"]) == 0

    out = capsys.readouterr().out
    assert "alicloud-ml init stacks/envs --name team" in out and "Exit codes: 0" in out


def test_synth_config_missing_file_exits_2_before_running_the_app(tmp_path, capsys):
    out = tmp_path / "out"

    assert run(["synth", "--project", str(REPO), "--config", str(tmp_path / "team.toml"), "--out", str(out)]) == 2

    assert f"{tmp_path / 'team.toml'}: file not found" in capsys.readouterr().err
    assert not out.exists()


def test_synth_help_has_an_example_and_the_exit_codes(capsys):
    assert run(["synth", "--help"]) == 0

    out = capsys.readouterr().out
    assert "alicloud-ml synth --config team.toml" in out and "1 policy findings" in out and "2 bad input" in out


def synth(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALICLOUD_ML_")}
    return subprocess.run([str(CLI), "synth", "--project", str(REPO), *argv], capture_output=True, text=True,
                          env=env, check=False, timeout=300)


def test_synth_config_builds_a_file_from_any_folder_and_only_that_env(tmp_path):
    assert run(["init", str(tmp_path / "teams"), "--name", "vision"]) == 0
    out = tmp_path / "out"

    result = synth("--config", str(tmp_path / "teams" / "vision.toml"), "--out", str(out))

    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (out / "stacks").iterdir()) == ["ml-state", "ml-vision"]
    doc = json.loads((out / "stacks" / "ml-vision" / "cdk.tf.json").read_text())
    assert any(r.get("name") == "ml-vision" for r in doc["resource"]["alicloud_cs_managed_kubernetes"].values())


def test_synth_config_with_a_typo_or_two_files_for_one_env_exits_2(tmp_path):
    typo = tmp_path / "qa.toml"
    typo.write_text('regoin = "cn-shanghai"\n[network]\nzones = ["cn-shanghai-b"]\n')
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert run(["init", str(tmp_path / "a"), "--name", "qa"]) == 0
    assert run(["init", str(tmp_path / "b"), "--name", "qa"]) == 0
    out = tmp_path / "out"

    bad = synth("--config", str(typo), "--out", str(out))
    twice = synth("--config", str(tmp_path / "a" / "qa.toml"), "--config", str(tmp_path / "b" / "qa.toml"),
                  "--out", str(out))

    assert bad.returncode == 2 and "regoin: unknown field - did you mean `region`?" in bad.stderr
    assert "required field is missing" not in bad.stderr and "Traceback" not in bad.stderr
    assert twice.returncode == 2 and "env 'qa' (stack ml-qa) is also defined by" in twice.stderr
    assert not out.exists()


def test_init_starter_state_bucket_is_unique_per_run_not_a_placeholder(tmp_path):
    assert run(["init", str(tmp_path / "a")]) == 0 and run(["init", str(tmp_path / "b")]) == 0
    buckets = {load_config(tmp_path / d / "dev.toml").state.bucket for d in ("a", "b")}
    assert len(buckets) == 2 and all(b.startswith("ml-tfstate-") for b in buckets)


def test_init_commits_one_name_suffix_per_project_that_every_env_file_shares(tmp_path):
    # GIVEN a new project  WHEN two env files are written into its env folder
    envs = tmp_path / "envs"
    assert run(["init", str(envs), "--name", "dev"]) == 0 and run(["init", str(envs), "--name", "prod"]) == 0
    dev, prod = (load_config(envs / f"{env}.toml") for env in ("dev", "prod"))
    # THEN the suffix is written into the files themselves (nothing in an ignored folder), the same in both
    assert dev.name_suffix and dev.name_suffix == prod.name_suffix
    assert f'name_suffix = "{dev.name_suffix}"' in (envs / "dev.toml").read_text()
    assert dev.state.bucket == prod.state.bucket == f"ml-tfstate-{dev.name_suffix}"
    assert not (tmp_path / ".alicloud-ml").exists() and not (envs / ".alicloud-ml").exists()


def test_a_cloud_synth_of_a_file_without_name_suffix_exits_2_naming_the_file_and_field(tmp_path):
    assert run(["init", str(tmp_path), "--name", "team"]) == 0
    path = tmp_path / "team.toml"
    path.write_text("\n".join(line for line in path.read_text().splitlines() if not line.startswith("name_suffix")))
    out = tmp_path / "out"

    result = synth("--config", str(path), "--out", str(out))

    assert result.returncode == 2 and f"{path}: name_suffix: missing: a cloud deploy needs it" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_init_app_writes_a_complete_cdktf_app_named_after_its_directory(tmp_path, capsys):
    assert run(["init", str(tmp_path / "team-b"), "--app", "--region", "cn-beijing"]) == 0
    app = tmp_path / "team-b"
    assert sorted(p.name for p in app.iterdir()) == [
        ".gitignore", ".npmrc", "Makefile", "cdktf.json", "main.py", "package-lock.json", "package.json"]
    cdktf = json.loads((app / "cdktf.json").read_text())
    assert cdktf["language"] == "python" and cdktf["app"] == "python3 main.py"
    main_py = (app / "main.py").read_text()
    assert 'TerraformStack(app, "team-b")' in main_py and 'REGION = "cn-beijing"' in main_py
    # the state bucket's global name carries a suffix drawn once and committed in main.py
    assert re.search(r'StateBackendProps\(bucket="team-b-tfstate-[a-z0-9]{5}", region=REGION\)', main_py)
    assert "{{" not in main_py + (app / "Makefile").read_text()
    lock = json.loads((app / "package-lock.json").read_text())
    root_lock = json.loads((REPO / "package-lock.json").read_text())
    assert lock["name"] == "team-b" and lock["packages"]["node_modules/node"] == root_lock["packages"]["node_modules/node"]
    assert "next: cd" in capsys.readouterr().out

    assert run(["init", str(app), "--app"]) == 2  # nothing is overwritten without --force
    assert "file exists" in capsys.readouterr().err


def test_init_app_refuses_a_name_oss_or_the_stack_cannot_take(tmp_path, capsys):
    assert run(["init", str(tmp_path / "Team_A"), "--app"]) == 2
    err = capsys.readouterr().err
    assert "invalid app name 'Team_A'" in err and "lowercase" in err
    assert not (tmp_path / "Team_A").exists()


def test_synth_on_a_project_whose_app_interpreter_is_gone_is_bad_input_naming_cdktf_json(tmp_path, capsys):
    (tmp_path / "cdktf.json").write_text(json.dumps({"language": "python", "app": ".venv/bin/python main.py"}))
    assert run(["synth", "--project", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "cdktf.json: app: '.venv/bin/python' does not exist" in err and "python3 main.py" in err


def test_the_repository_app_command_does_not_pin_a_virtualenv_path():
    app = json.loads((REPO / "cdktf.json").read_text())["app"]
    assert app == "python3 main.py"


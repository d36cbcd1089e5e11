"""`alicloud-ml validate`: any platform file, exit 0/2, one message per mistake, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from alicloud_ml.cli import main

REPO = Path(__file__).resolve().parents[2]
ENVS = REPO / "stacks" / "envs"

GOOD = """
region = "cn-shanghai"

[network]
zones = ["cn-shanghai-b"]

[node_pools.training]
instance_types = ["ecs.gn7e-c16g1.16xlarge"]
max_size = 4
"""


def run(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    return exited.value.code


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: ")]


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ALICLOUD_ML_NAME_SUFFIX", raising=False)


def test_reference_envs_are_valid_and_named_after_their_files(capsys):
    assert run(["validate", *(str(ENVS / f"{env}.toml") for env in ("dev", "staging", "prod"))]) == 0

    out = capsys.readouterr().out
    assert "env prod, stack ml-prod" in out and "env dev, stack ml-dev" in out
    assert out.count("ok: ") == 3


def test_a_file_outside_stacks_envs_validates_and_nothing_is_written(tmp_path, capsys):
    path = write(tmp_path / "teams", "vision.toml", GOOD)

    assert run(["validate", str(path)]) == 0

    assert "stack ml-vision" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["teams"]  # no .alicloud-ml/name-suffix


def test_top_level_typo_is_one_error_suggesting_the_field(tmp_path, capsys):
    path = write(tmp_path, "dev.toml", GOOD.replace("region =", "regoin ="))

    assert run(["validate", str(path)]) == 2

    lines = errors(capsys.readouterr().err)
    assert lines == [f"error: {path}: regoin: unknown field - did you mean `region`?"]


def test_unknown_nested_field_suggests_the_closest_known_one(tmp_path, capsys):
    path = write(tmp_path, "dev.toml", GOOD.replace("max_size = 4", "max_sise = 4"))

    assert run(["validate", str(path)]) == 2

    assert errors(capsys.readouterr().err) == [
        f"error: {path}: node_pools.training.max_sise: unknown field - did you mean `max_size`?"]


def test_misspelt_section_does_not_also_report_its_required_fields(tmp_path, capsys):
    path = write(tmp_path, "dev.toml", GOOD.replace("[network]", "[netwrok]"))

    assert run(["validate", str(path)]) == 2

    assert errors(capsys.readouterr().err) == [f"error: {path}: netwrok: unknown field - did you mean `network`?"]


def test_unknown_field_without_a_close_match_lists_the_accepted_fields(tmp_path, capsys):
    path = write(tmp_path, "dev.toml", GOOD.replace("[network]", "[network]\nflavour = 1"))

    assert run(["validate", str(path)]) == 2

    (line,) = errors(capsys.readouterr().err)
    assert "network.flavour: unknown field; accepted: " in line and "vpc_cidr" in line and "zones" in line


def test_invalid_env_name_from_the_file_name_blames_the_file_name(tmp_path, capsys):
    path = write(tmp_path, "My_Team.toml", GOOD)

    assert run(["validate", str(path)]) == 2

    (line,) = errors(capsys.readouterr().err)
    assert "comes from the file name 'My_Team.toml'" in line and "rename the file" in line
    assert "iam.name_prefix" not in line and "network.name" not in line


def test_a_bad_explicit_name_or_region_is_reported_once(tmp_path, capsys):
    bad_name = write(tmp_path, "a.toml", 'name = "Bad_Name"\n' + GOOD)
    bad_region = write(tmp_path, "b.toml", GOOD.replace('"cn-shanghai"', '"shanghai"', 1))

    assert run(["validate", str(bad_name), str(bad_region)]) == 2

    lines = errors(capsys.readouterr().err)
    assert [line.split(": ")[2] for line in lines] == ["name", "region"], lines


def test_a_derived_field_set_explicitly_is_still_checked(tmp_path, capsys):
    path = write(tmp_path, "a.toml", 'name = "Bad_Name"\n' + GOOD + '\n[iam]\nname_prefix = "9bad"\n')

    assert run(["validate", str(path)]) == 2

    fields = [line.split(": ")[2] for line in errors(capsys.readouterr().err)]
    assert fields == ["name", "iam.name_prefix"]


def test_every_file_is_checked_and_missing_files_and_duplicate_envs_exit_2(tmp_path, capsys):
    first, second = write(tmp_path / "a", "qa.toml", GOOD), write(tmp_path / "b", "qa.toml", GOOD)

    assert run(["validate", str(tmp_path / "nope.toml"), str(first), str(second)]) == 2

    captured = capsys.readouterr()
    lines = errors(captured.err)
    assert f"{tmp_path / 'nope.toml'}: file not found" in lines[0]
    assert f"{second}: name: env 'qa' (stack ml-qa) is also defined by {first}" in lines[1]
    assert "2 of 3 file(s) invalid" in captured.err and "Traceback" not in captured.err


def test_invalid_toml_a_directory_and_no_arguments_exit_2(tmp_path, capsys):
    assert run(["validate", str(write(tmp_path, "x.toml", "region = \n"))]) == 2
    assert "invalid TOML" in capsys.readouterr().err
    assert run(["validate", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a directory" in capsys.readouterr().err
    assert run(["validate"]) == 2


def test_help_has_an_example_and_the_exit_codes(capsys):
    assert run(["validate", "--help"]) == 0

    out = capsys.readouterr().out
    assert "alicloud-ml validate stacks/envs/prod.toml" in out and "Exit codes: 0" in out and "2 bad input" in out

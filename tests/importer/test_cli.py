"""`alicloud-ml bindings import`: exit codes, messages and a reproducible output file."""

from __future__ import annotations

from pathlib import Path

import pytest

from alicloud_ml.cli import main
from alicloud_ml.importer.write import read

FIXTURES = Path(__file__).parent / "fixtures"


def run(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    return exited.value.code


def test_missing_directory_exits_2_naming_it_and_what_is_accepted(tmp_path, capsys):
    missing = tmp_path / "no-such-provider"

    code = run(["bindings", "import", "--from-go", str(missing)])

    err = capsys.readouterr().err
    assert code == 2
    assert str(missing) in err and "directory not found" in err and "alicloud/provider.go" in err
    assert "Traceback" not in err


def test_directory_without_provider_go_exits_2(tmp_path, capsys):
    assert run(["bindings", "import", "--from-go", str(tmp_path)]) == 2
    assert "no alicloud/provider.go here" in capsys.readouterr().err


def test_both_or_neither_source_exits_2(tmp_path, capsys):
    assert run(["bindings", "import"]) == 2
    assert run(["bindings", "import", "--from-go", str(tmp_path), "--from-schema-json", "x.json"]) == 2
    assert "give exactly one source" in capsys.readouterr().err


def test_from_go_writes_the_same_bytes_twice_with_unreadable_types_listed(tmp_path, capsys):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"

    assert run(["bindings", "import", "--from-go", str(FIXTURES / "provider"), "--ref", "v9.9.9",
                "--out", str(first)]) == 0
    assert run(["bindings", "import", "--from-go", str(FIXTURES / "provider"), "--ref", "v9.9.9",
                "--out", str(second)]) == 0

    assert first.read_bytes() == second.read_bytes()
    doc = read(first)
    assert doc["provider_version"] == "9.9.9"
    assert doc["importer"]["counts"]["unreadable"] == 2
    assert {u["type"] for u in doc["importer"]["unreadable"]} == {"alicloud_dynamic_thing", "alicloud_runtime_typed"}
    assert "oss" in doc["backend_schemas"]
    assert "parsed" in capsys.readouterr().err


def test_from_schema_json_writes_resources_and_data_sources(tmp_path):
    out = tmp_path / "schema.zip"

    assert run(["bindings", "import", "--from-schema-json", str(FIXTURES / "terraform_schema.json"),
                "--out", str(out)]) == 0

    schemas = read(out)["provider_schemas"]["registry.terraform.io/aliyun/alicloud"]
    assert set(schemas["resource_schemas"]) == {"alicloud_widget"}
    assert set(schemas["data_source_schemas"]) == {"alicloud_widgets"}


def test_missing_schema_json_exits_2_naming_the_file(tmp_path, capsys):
    missing = tmp_path / "schema.json"

    assert run(["bindings", "import", "--from-schema-json", str(missing)]) == 2
    assert f"{missing}: file not found" in capsys.readouterr().err

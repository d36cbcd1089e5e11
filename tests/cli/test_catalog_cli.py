"""`alicloud-ml catalog`: the instance-type table with filters and dated, sourced prices."""

from __future__ import annotations

import json

import pytest

from alicloud_ml.catalog import instance_types
from alicloud_ml.cli import main


def run(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    return exited.value.code


def listed(capsys, *argv: str) -> list[dict]:
    assert run(["catalog", *argv, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema_version"] == 1
    return doc["instance_types"]


def table_row(out: str, instance_type: str) -> list[str]:
    (line,) = [line for line in out.splitlines() if line.startswith(instance_type + " ")]
    return line.split()


def test_table_lists_every_type_with_specs_and_dated_sourced_prices(capsys):
    assert run(["catalog"]) == 0

    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["TYPE", "VCPU", "MEM"]
    priced = table_row(out, "ecs.gn7i-c8g1.2xlarge")
    assert priced[:7] == ["ecs.gn7i-c8g1.2xlarge", "8", "30", "1", "x", "A10", "24"]
    assert "9.53 CNY/hour" in " ".join(priced) and "2023-06" in priced and priced[-1] == "[1]"
    assert "[1] test fixture" in out
    unpriced = table_row(out, "ecs.g7.xlarge")
    assert unpriced[-3:] == ["-", "-", "-"] and unpriced[3] == "-"
    assert sum(1 for line in out.splitlines() if line.startswith("ecs.")) == len(instance_types())


def test_gpu_cpu_family_and_erdma_filters(capsys):
    gpu, cpu = listed(capsys, "--gpu"), listed(capsys, "--cpu")
    assert gpu and all(r["gpu_count"] > 0 for r in gpu)
    assert cpu and all(r["gpu_count"] == 0 and r["gpu_model"] is None for r in cpu)
    assert len(gpu) + len(cpu) == len(instance_types())

    gn7i = listed(capsys, "--family", "gn7i", "--family", "gn6v")
    assert {r["family"] for r in gn7i} == {"gn7i", "gn6v"}

    erdma = listed(capsys, "--gpu", "--erdma")
    assert erdma and all(r["erdma"] and r["gpu_count"] for r in erdma)
    assert all(not r["erdma"] for r in listed(capsys, "--no-erdma"))


def test_json_carries_the_price_row_and_the_spec_source(capsys):
    rows = {r["instance_type"]: r for r in listed(capsys)}

    assert rows["ecs.gn7i-c8g1.2xlarge"]["price"] == {
        "amount": 9.53, "currency": "CNY", "unit": "hour", "region": "cn-shanghai", "date": "2023-06",
        "source": rows["ecs.gn7i-c8g1.2xlarge"]["price"]["source"]}
    assert "test fixture" in rows["ecs.gn7i-c8g1.2xlarge"]["price"]["source"]
    assert rows["ecs.g7.xlarge"]["price"] is None
    assert rows["ecs.gn7i-c8g1.2xlarge"]["spec_source"]


def test_region_keeps_types_priced_there(capsys):
    shanghai = listed(capsys, "--region", "cn-shanghai")
    assert shanghai and all(r["price"]["region"] == "cn-shanghai" for r in shanghai)
    assert listed(capsys, "--region", "cn-beijing") == []

    assert run(["catalog", "--region", "cn-beijing"]) == 0
    assert "list prices are recorded for: ap-southeast-1, cn-beijing, cn-hangzhou, cn-shanghai" in capsys.readouterr().err


def test_a_prices_file_overrides_the_built_in_row(tmp_path, capsys):
    prices = tmp_path / "negotiated.csv"
    prices.write_text("sku,unit,price,currency,region,date,source\n"
                      "ecs.g7.xlarge,hour,1.25,CNY,cn-beijing,2026-11,our contract\n")

    rows = {r["instance_type"]: r for r in listed(capsys, "--prices", str(prices), "--region", "cn-beijing")}

    assert list(rows) == ["ecs.g7.xlarge"]
    assert rows["ecs.g7.xlarge"]["price"]["amount"] == 1.25 and rows["ecs.g7.xlarge"]["price"]["date"] == "2026-11"


@pytest.mark.parametrize(("argv", "expected"), [
    (["--family", "gn99"], "--family: unknown family 'gn99'; accepted: "),
    (["--region", "cn-shangai"], "--region: unknown region 'cn-shangai'; accepted: a region id listed by "
                                 "`alicloud-ml catalog --regions`, e.g. cn-shanghai - did you mean `cn-shanghai`?"),
    (["--family", "gn7l"], "--family: unknown family 'gn7l'"),
    (["--format", "xml"], "'xml' is not one of"),
    (["--prices", "/no/such/prices.csv"], "price file not found"),
])
def test_bad_input_exits_2_with_one_message(capsys, argv, expected):
    assert run(["catalog", *argv]) == 2

    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_help_has_an_example_and_the_exit_codes(capsys):
    assert run(["catalog", "--help"]) == 0

    out = capsys.readouterr().out
    assert "alicloud-ml catalog --gpu --family gn7i" in out and "Exit codes: 0" in out and "2 bad input" in out


def test_regions_lists_the_region_ids_the_provider_accepts(capsys):
    assert run(["catalog", "--regions"]) == 0
    regions = capsys.readouterr().out.split()
    assert "cn-shanghai" in regions and "ap-southeast-1" in regions and "cn-shangai" not in regions

"""`alicloud-ml review` end to end through the CLI: warnings, exit codes, formats and bad input."""

from __future__ import annotations

import json

import pytest

from tests.tools import run_cli as run

from .helpers import CPFS, POOL, body, changed, platform, write_synth



def _dirs(tmp_path, base, head):
    return (str(write_synth(tmp_path / "base", {"ml-dev": base})), str(write_synth(tmp_path / "head", {"ml-dev": head})))


def _review(tmp_path, capsys, base, head, *extra):
    b, h = _dirs(tmp_path, base, head)
    return run(["review", "--base", b, "--head", h, "--no-policy", *extra], capsys)


def _caution_block(markdown: str) -> str:
    return "\n".join(line for line in markdown.splitlines() if line.startswith(">"))


def test_cpfs_storage_type_replacement_is_listed_under_the_warning(tmp_path, capsys):
    base = platform()
    code, out, _ = _review(tmp_path, capsys, base, changed(base, CPFS, storage_type="advance_200"))
    assert code == 0
    caution = _caution_block(out)
    assert "[!CAUTION]" in caution and "ml-dev/Platform/Storage/Cpfs" in caution
    assert "every file on the file system is lost" in caution and "`storage_type` forces replacement" in caution
    assert out.index("[!CAUTION]") < out.index("| Stack |")  # warning comes first


def test_node_pool_security_group_change_is_listed_under_the_warning(tmp_path, capsys):
    base = platform()
    head = changed(base, POOL, security_group_ids=["${alicloud_security_group.Other.id}"])
    code, out, _ = _review(tmp_path, capsys, base, head)
    assert code == 0
    assert "ml-dev/Platform/Inference/GpuPool" in _caution_block(out)
    assert "every node is drained" in _caution_block(out)


def test_cpfs_capacity_change_is_not_a_warning(tmp_path, capsys):
    base = platform()
    code, out, _ = _review(tmp_path, capsys, base, changed(base, CPFS, capacity=7200))
    assert code == 0 and "[!CAUTION]" not in out and "update in place" in out


def test_fail_on_destroy_exits_3_when_a_stateful_resource_is_replaced(tmp_path, capsys):
    base = platform()
    code, _, err = _review(tmp_path, capsys, base, changed(base, CPFS, storage_type="advance_200"), "--fail-on-destroy")
    assert code == 3
    assert "destructive: replace ml-dev alicloud_nas_file_system" in err


def test_fail_on_destroy_exits_0_for_in_place_updates(tmp_path, capsys):
    base = platform()
    code, _, _ = _review(tmp_path, capsys, base, changed(base, CPFS, capacity=7200), "--fail-on-destroy")
    assert code == 0


def test_fail_on_destroy_exits_3_when_a_stateful_resource_is_deleted(tmp_path, capsys):
    base = platform()
    head = {k: v for k, v in base.items() if k != CPFS}
    code, _, _ = _review(tmp_path, capsys, base, head, "--fail-on-destroy")
    assert code == 3


def test_added_node_pool_shows_monthly_cost_at_min_desired_and_max(tmp_path, capsys):
    base = platform()
    head = changed(base, POOL)
    head[POOL]["Training"] = body("ml-dev/Platform/Training/GpuPool/Resource", instance_types=["ecs.gn7i-c32g1.8xlarge"],
                                  scaling_config=[{"min_size": 0, "max_size": 2}], desired_size="1")
    code, out, _ = _review(tmp_path, capsys, base, head, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    (created,) = [c for c in doc["stacks"][0]["changes"] if c["action"] == "create"]
    hourly = 13.30  # ecs.gn7i-c32g1.8xlarge, CNY/h, cn-shanghai, 2023-06 (catalog/prices.csv)
    assert created["cost"]["after"]["sizes"] == {"unit": "nodes", "min": 0, "desired": 1, "max": 2}
    assert created["cost"]["after"]["monthly"] == {"min": 0.0, "desired": round(hourly * 730, 2),
                                                   "max": round(hourly * 730 * 2, 2)}
    assert doc["cost"]["delta"]["desired"] == round(hourly * 730, 2)


def test_markdown_shows_estimate_currency_and_price_date_with_money(tmp_path, capsys):
    base = platform()
    code, out, _ = _review(tmp_path, capsys, base, changed(base, POOL, desired_size="3"))
    assert code == 0
    assert out.startswith("<!-- alicloud-ml-review -->\n## ")
    assert "estimate" in out and "CNY" in out and "2023-06" in out and "cn-shanghai" in out
    assert "<details>" in out and "estimated · " in out and "not priced" in out


def test_json_output_is_stable_and_versioned(tmp_path, capsys):
    base = platform()
    b, h = _dirs(tmp_path, base, changed(base, CPFS, capacity=7200))
    first = run(["review", "--base", b, "--head", h, "--no-policy", "--format", "json"], capsys)[1]
    second = run(["review", "--base", b, "--head", h, "--no-policy", "--format", "json"], capsys)[1]
    assert first == second
    doc = json.loads(first)
    assert doc["schema_version"] == 1 and doc["summary"]["update"] == 1 and doc["estimate"] is True


def test_sarif_lists_destructive_change_as_error(tmp_path, capsys):
    base = platform()
    code, out, _ = _review(tmp_path, capsys, base, changed(base, CPFS, storage_type="advance_200"), "--format", "sarif")
    assert code == 0
    sarif = json.loads(out)
    (result,) = sarif["runs"][0]["results"]
    assert sarif["version"] == "2.1.0" and result["ruleId"] == "ALIML_REVIEW_DESTROY" and result["level"] == "error"


def test_output_file_is_written(tmp_path, capsys):
    base = platform()
    b, h = _dirs(tmp_path, base, base)
    target = tmp_path / "review.md"
    code, out, err = run(["review", "--base", b, "--head", h, "--no-policy", "--output", str(target)], capsys)
    assert code == 0 and out == "" and "wrote" in err
    assert target.read_text().startswith("<!-- alicloud-ml-review -->")


@pytest.mark.parametrize("case", ["missing-base", "broken-manifest", "bad-stack-json", "bad-plan", "bad-prices",
                                  "both-bases"])
def test_bad_input_exits_2_with_a_message_naming_the_path(tmp_path, capsys, case):
    base = platform()
    b, h = _dirs(tmp_path, base, base)
    argv, named = ["review", "--base", b, "--head", h, "--no-policy"], b
    if case == "missing-base":
        named = str(tmp_path / "nope")
        argv[2] = named
    elif case == "broken-manifest":
        named = str(tmp_path / "head" / "manifest.json")
        (tmp_path / "head" / "manifest.json").write_text('{"stacks": {"ml-dev": {}}}')
    elif case == "bad-stack-json":
        named = str(tmp_path / "head" / "stacks" / "ml-dev" / "cdk.tf.json")
        (tmp_path / "head" / "stacks" / "ml-dev" / "cdk.tf.json").write_text('{"resource": [')
    elif case == "bad-plan":
        named = str(tmp_path / "plan.json")
        (tmp_path / "plan.json").write_text('{"resource_changes": []}')
        argv = ["review", "--plan", named]
    elif case == "bad-prices":
        named = str(tmp_path / "prices.csv")
        (tmp_path / "prices.csv").write_text("sku,price\nx,1\n")
        argv += ["--prices", named]
    elif case == "both-bases":
        named = "--base"
        argv += ["--base-ref", "main"]
    code, out, err = run(argv, capsys)
    assert code == 2
    assert named in err and "Traceback" not in err and out == ""


def test_stack_in_a_region_without_price_rows_gets_a_note(tmp_path, capsys):
    base = platform()
    b = str(write_synth(tmp_path / "base", {"ml-dev": base}, region="eu-central-1"))
    h = str(write_synth(tmp_path / "head", {"ml-dev": changed(base, POOL, desired_size="3")}, region="eu-central-1"))
    code, out, _ = run(["review", "--base", b, "--head", h, "--no-policy"], capsys)
    assert code == 0 and "ml-dev is in eu-central-1" in out

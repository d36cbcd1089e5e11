"""Fidelity: the provider's own docs examples and minimal configs of sampled types, through real terraform.

`make fidelity` runs the whole corpus and every type; this keeps a fixed sample in `make test` so a
regression shows up at once. Sample members that fail today because of an emulator gap are strict
xfails naming their failure class: they turn into failures (to be unmarked) the day the gap closes.
Runs are offline: the runner's CLI config has no direct installation and the sample needs no
provider other than aliyun/alicloud.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from alicloud_ml import schema
from alicloud_ml.acceptance import suite as acceptance_suite
from alicloud_ml.fidelity import alltypes, corpus
from alicloud_ml.fidelity.classify import CLOUD, CRASH, DRIFT, SCHEMA, UNSERVED, Outcome
from alicloud_ml.fidelity.terraform import Environment

CORPUS = corpus.DEFAULT_CORPUS
INDEX = json.loads((CORPUS / "index.json").read_text())
EXAMPLES = {e.id: e for e in corpus.load(CORPUS)}
ACCEPTANCE_TESTS = {t.id for t in acceptance_suite.load()}
_SOURCE_LINE = re.compile(r"^# Source: aliyun/terraform-provider-alicloud (v[\d.]+) (website/docs/r/\S+\.html\.markdown)"
                          r" \(example (\d+)\)$")
_DECLARED = re.compile(r'^\s*(resource|data)\s+"([A-Za-z0-9_-]+)"', re.M)

#: Examples across services, the ML platform's first: each should pass once the emulator is complete.
#: Known gaps today: {id: failure class}.
SAMPLE = ("alicloud_vpc/1", "alicloud_vswitch/1", "alicloud_vswitch/3", "alicloud_security_group_rule/1",
          "alicloud_snat_entry/1", "alicloud_nas_mount_target/1", "alicloud_cs_managed_kubernetes/3",
          "alicloud_cs_kubernetes_addon/1", "alicloud_pai_service/1", "alicloud_ecs_disk/1", "alicloud_kms_instance/1",
          "alicloud_alb_listener/1", "alicloud_rocketmq_consumer_group/1", "alicloud_vpn_gateway/1")
SAMPLE_GAPS: dict[str, str] = {}
#: Sample members that look up what the provider team's test account holds: they pass only when seeded.
SAMPLE_SEEDED = {"alicloud_vpn_gateway/1"}
#: About 40 types spread evenly over the schema's sorted list, plus the ML platform's cluster chain.
_ALL = schema.resource_types()
TYPE_SAMPLE = sorted({_ALL[i * len(_ALL) // 40] for i in range(40)} | {"alicloud_cs_kubernetes_node_pool"})
TYPE_GAPS: dict[str, str] = {}


def _xfail(item: str, gaps: dict[str, str]) -> Any:
    if item in gaps:
        return pytest.param(item, marks=pytest.mark.xfail(strict=True, reason=gaps[item]))
    return item


def _explain(result: Outcome) -> str:
    lines = [f"{result.id}: {result.klass} at {result.step}: {result.message}", *result.details[1:6]]
    return "\n".join(lines)


# ---------------------------------------------------------------- the corpus index
def test_index_lists_every_file_once_and_every_file_names_its_source() -> None:
    entries = INDEX["examples"]
    files = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*.tf")}
    assert sorted(e["file"] for e in entries) == sorted(files)
    assert len({e["id"] for e in entries}) == len(entries)
    for e in entries:
        first, code = (CORPUS / e["file"]).read_text().split("\n", 1)
        match = _SOURCE_LINE.match(first)
        assert match, f"{e['file']}: first line does not name its source: {first!r}"
        assert match.groups() == (INDEX["tag"], e["source"], str(e["example"])), e["file"]
        assert e["file"] == f"{e['type']}/{e['example']}.tf"
        declared = _DECLARED.findall(code)
        assert e["resource_types"] == sorted({t for kind, t in declared if kind == "resource"}), e["file"]
        assert e["data_source_types"] == sorted({t for kind, t in declared if kind == "data"}), e["file"]
        needed = {t.split("_", 1)[0] for _, t in declared} - {"terraform"}
        assert needed <= set(e["providers"]), e["file"]


def test_corpus_covers_the_ml_types_and_a_spread_of_services() -> None:
    entries = INDEX["examples"]
    ml = {e["type"] for e in entries if e["ml"]}
    assert {"alicloud_cs_managed_kubernetes", "alicloud_nas_file_system", "alicloud_pai_service",
            "alicloud_oss_bucket", "alicloud_log_store"} <= ml
    assert len(ml) == 34
    assert 250 <= len(entries) <= 400
    assert len({e["subcategory"] for e in entries}) >= 100
    assert {e["type"] for e in entries} <= set(schema.resource_types())


# ---------------------------------------------------------------- the lifecycle
@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Environment:
    return Environment(tmp_path_factory.mktemp("fidelity"), seed=corpus.SEED_FILE)


@pytest.mark.parametrize("example_id", [_xfail(i, SAMPLE_GAPS) for i in SAMPLE])
def test_docs_example_lifecycle(environment: Environment, example_id: str) -> None:
    example = EXAMPLES[example_id]
    assert example.other_providers == (), "the sample must not need a provider that is not mirrored"
    result = corpus.run_example(environment, example)
    assert result.passed, _explain(result)
    assert result.seeded == (example_id in SAMPLE_SEEDED), "passed only with seeded prerequisites" \
        if result.seeded else "needs no seeded prerequisites any more"


def test_report_counts_passes_with_seeded_prerequisites_apart() -> None:
    from alicloud_ml.fidelity import report

    data = report.summary([Outcome("a/1", True), Outcome("b/1", True, seeded=True), Outcome("c/1", False, UNSERVED,
                                                                                          "apply", seeded=True)])
    assert (data["passed"], data["passed_with_seeded_prerequisites"], data["judged"]) == (2, 1, 3)
    assert data["pass_rate_empty_account"] == round(1 / 3, 4)
    assert "of which 1 passed with seeded prerequisites; in an empty account: 1/3 = 33.3%" in report.table("t", data)


def test_the_test_account_seed_loads_and_cites_an_example_for_every_entry() -> None:
    from alicloud_ml.emulator import seed

    lines = corpus.SEED_FILE.read_text().splitlines()
    for entry in seed.load(corpus.SEED_FILE).entries:
        above = lines[:lines.index(f"[{entry.address}]")]
        last = max(i for i, line in enumerate(above) if line.startswith("#"))  # the nearest comment above it
        first = next(i for i in range(last, -1, -1) if i == 0 or not above[i - 1].startswith("#"))
        comment = " ".join(above[first:last + 1])
        cited = re.findall(r"\b([a-z][a-z_]+/\d+)\b", comment)
        tests = re.findall(r"\b(TestAcc\w+)", comment)  # or the provider's acceptance tests that need it
        assert cited or tests, f"{entry.address}: the comment above it cites no example or acceptance test"
        assert all(f"alicloud_{c}" in EXAMPLES for c in cited), f"{entry.address}: {cited}"
        assert all(t in ACCEPTANCE_TESTS for t in tests), f"{entry.address}: {tests}"


@pytest.fixture(scope="module")
def type_results(tmp_path_factory: pytest.TempPathFactory, environment: Environment) -> dict[str, dict[str, Any]]:
    """The sampled types run once per session (one batch), shared by the xdist workers through a locked file."""
    root = tmp_path_factory.getbasetemp()
    shared = root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root  # the session's directory either way
    results, lock = shared / "fidelity-types.json", shared / "fidelity-types.lock"
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        if not results.exists():
            outcomes = alltypes.run(environment, TYPE_SAMPLE, jobs=1, batch=len(TYPE_SAMPLE))
            results.write_text(json.dumps({t: o.to_json() for t, o in outcomes.items()}))
    return json.loads(results.read_text())


@pytest.mark.parametrize("tf_type", [_xfail(t, TYPE_GAPS) for t in TYPE_SAMPLE])
def test_minimal_config_lifecycle(type_results: dict[str, dict[str, Any]], tf_type: str) -> None:
    result = type_results[tf_type]
    assert result["passed"], f"{tf_type}: {result['class']} at {result['step']}: {result['message']}"


def test_failure_classes_come_from_the_diagnostics() -> None:
    from alicloud_ml.fidelity.classify import error_class

    def diag(summary: str, detail: str = "", address: str = "") -> dict[str, Any]:
        return {"summary": summary, "detail": detail, "address": address}

    assert error_class(diag("Unsupported plugin method", "The plugin6.(*GRPCProvider).ReadDataSource method is "
                                                         "not supported by this plugin."), "apply") == UNSERVED
    assert error_class(diag("Invalid index", "data.alicloud_zones.default.zones is empty list of object",
                            "alicloud_vswitch.x"), "apply") == UNSERVED
    assert error_class(diag("data.alicloud_foo: the alicloud-ml emulator cannot answer data source alicloud_foo",
                            "The emulated Alibaba Cloud API (...) could not answer this data source."),
                       "apply") == UNSERVED
    assert error_class(diag("Unsupported argument", "An argument named \"x\" is not expected here."),
                       "validate") == SCHEMA
    assert error_class(diag("alicloud_vpc: cidr_block: invalid value 'x'"), "validate") == SCHEMA
    assert error_class(diag("InvalidZoneId.NotFound: alicloud_vswitch zone_id x is not a zone"), "apply") == CLOUD
    assert error_class(diag("InternalError: alicloud_x: emulator left status unknown or mistyped"), "apply") == CRASH
    assert error_class(diag("Plugin did not respond"), "plan") == CRASH
    assert DRIFT != CLOUD  # drift comes from the re-plan's exit code, not from a diagnostic


def test_offline_config_drops_direct_installation(tmp_path: Path) -> None:
    from alicloud_ml.fidelity.terraform import offline_cli_config

    installed = tmp_path / "terraform.rc"
    installed.write_text('provider_installation {\n  filesystem_mirror {\n    path = "/m"\n'
                         '    include = ["registry.terraform.io/aliyun/alicloud"]\n  }\n'
                         '  direct {\n    exclude = ["registry.terraform.io/aliyun/alicloud"]\n  }\n}\n'
                         'plugin_cache_dir = "/cache"\n')
    text = offline_cli_config(installed).read_text()
    assert "filesystem_mirror" in text and "direct" not in text and "plugin_cache_dir" not in text

"""The committed acceptance tests: what was extracted from the provider's source, and how a run selects them."""

from __future__ import annotations

from alicloud_ml.acceptance import report, suite
from alicloud_ml.acceptance.suite import ConfigStep, ImportStep

TESTS = suite.load()
BY_ID = {t.id: t for t in TESTS}


def test_at_least_nine_in_ten_of_the_providers_test_functions_are_replayable():
    replayable = [t for t in TESTS if t.status == "replayable"]
    assert len(replayable) >= 0.9 * report.UPSTREAM_FUNCTIONS
    assert all(t.file.startswith("alicloud/resource_alicloud_") and t.file.endswith("_test.go") for t in TESTS)
    assert len(BY_ID) == len(TESTS)  # a Go function name is unique in its package


def test_every_test_not_replayed_says_why():
    assert all(t.reason for t in TESTS if t.status != "replayable")


def test_the_vpc_basic_test_is_the_sequence_upstream_runs():
    steps = BY_ID["TestAccAliCloudVPC_basic"].steps()
    assert len(steps) == 10 and isinstance(steps[1], ImportStep)
    assert steps[1].ignore == ("dry_run", "enable_ipv6") and steps[1].verify
    first, third = steps[0], steps[2]
    assert isinstance(first, ConfigStep) and isinstance(third, ConfigStep)
    assert 'data "alicloud_resource_manager_resource_groups" "default"' in first.config
    assert 'cidr_block = "172.16.0.0/16"' in third.config and '"106.11.62.0/24"' in third.config  # merged
    checks = {k: v for _, k, v in third.checks}
    assert checks["cidr_block"] == "172.16.0.0/16" and checks["user_cidrs.#"] == "1"  # merged too
    assert checks["router_id"] == "#CHECKSET" and checks["ipv6_cidr_block"] == ""  # from AlicloudVpcMap


def test_every_replayable_test_resolves_to_configs_and_imports_of_its_resources():
    for test in TESTS:
        if test.status != "replayable":
            continue
        steps = test.steps()
        assert steps and all(s.config for s in steps if isinstance(s, ConfigStep)), test.id
        assert all(s.resource for s in steps if isinstance(s, ImportStep)), test.id


def test_shards_partition_the_tests_and_services_select_by_prefix_or_subcategory():
    shards = [suite.select(TESTS, shard=(i, 4)) for i in range(1, 5)]
    assert sorted(t.id for s in shards for t in s) == sorted(t.id for t in TESTS)
    nas = suite.select(TESTS, ["nas"])
    assert nas and all(t.type.startswith("alicloud_nas_") or t.subcategory == "File Storage (NAS)" for t in nas)
    assert {t.id for t in suite.select(TESTS, ["ml"])} == {t.id for t in TESTS if t.ml}
    ack = {t.id for t in suite.select(TESTS, ["ACK"])}
    assert "TestAccAliCloudCSManagedKubernetes_encryption" in ack and {t.id for t in suite.select(TESTS, ["cs"])} <= ack


def test_results_of_another_emulator_hash_carry_no_commit_and_a_report_no_wall_time():
    own = report.stamp({}, "abc", "ml", current=True)
    other = report.stamp({}, "abc", "", current=False)
    assert own["services"] == "ml" and other["services"] == "all"
    assert other["commit"] is None and "wall_seconds" not in other


def test_the_committed_results_say_what_they_measured_and_their_rates_add_up():
    import json

    data = json.loads((suite.DATA_DIR / "results.json").read_text())
    assert data["date"] and data["commit"] and data["emulator_hash"] and data["services"]
    services = data["by_service"].values()
    assert sum(s["steps_passed"] for s in services if s["ml"]) == data["ml"]["steps_passed"]
    assert data["ml"]["steps_rate"] == round(data["ml"]["steps_passed"] / data["ml"]["steps"], 4)
    assert sum(data["failures_by_class"].values()) == data["tests"]["judged"] - data["tests"]["passed"]
